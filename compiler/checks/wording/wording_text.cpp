#include "checks/wording/wording_text.h"

#include "support/resources.h"
#include "support/utf8.h"

#include <stdexcept>

namespace bzc::checks::wording {

Folded fold(std::string_view raw) {
    Folded out;
    out.text.reserve(raw.size());
    out.source.reserve(raw.size());
    std::size_t pos = 0;
    auto put = [&](std::string_view bytes, std::size_t at) {
        out.text += bytes;
        out.source.insert(out.source.end(), bytes.size(), at);
    };
    while (pos < raw.size()) {
        std::size_t at = pos;
        char32_t c = utf8::decode(raw, pos);
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0') continue;
        if (c >= U'！' && c <= U'～') {
            char folded = static_cast<char>(c - 0xFEE0);
            put(std::string_view(&folded, 1), at);
        } else if (c == U'。') {
            put(".", at);
        } else if (c == U'—' || c == U'–' || c == U'―' || c == U'─') {
            put("-", at);
        } else if (c == U'“' || c == U'”') {
            put("\"", at);
        } else if (c == U'‘' || c == U'’') {
            put("'", at);
        } else {
            put(raw.substr(at, pos - at), at);
        }
    }
    // 本标准 and 本部分 have the byte length of 本文件: offsets stay valid.
    for (std::string_view old : {std::string_view("本标准"), std::string_view("本部分")}) {
        for (std::size_t i = out.text.find(old); i != std::string::npos; i = out.text.find(old, i + old.size())) {
            out.text.replace(i, old.size(), "本文件");
        }
    }
    return out;
}

std::size_t first_difference(std::string_view a, std::string_view b) {
    std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i]) ++i;
    if (i == n && a.size() == b.size()) return std::string_view::npos;
    while (i > 0 && i < a.size() && (static_cast<unsigned char>(a[i]) & 0xC0) == 0x80) --i;
    return i;
}

std::string excerpt(std::string_view text, std::size_t offset, std::size_t max) {
    offset = std::min(offset, text.size());
    std::size_t pos = offset;
    std::size_t count = 0;
    while (pos < text.size() && count < max) {
        if (text[pos] == '\n') break;
        utf8::decode(text, pos);
        ++count;
    }
    std::string out(text.substr(offset, pos - offset));
    if (pos < text.size() && text[pos] != '\n') out += "……";
    return out;
}

std::vector<Span> sentences(std::string_view text) {
    std::vector<Span> out;
    std::size_t pos = 0;
    std::size_t begin = 0;
    auto finish = [&](std::size_t end) {
        std::size_t b = begin;
        while (b < end) {
            std::size_t q = b;
            char32_t c = utf8::decode(text, q);
            if (c != U' ' && c != U'\n' && c != U'\t' && c != U'\u3000') break;
            b = q;
        }
        if (b < end) out.push_back({b, end});
        begin = end;
    };
    while (pos < text.size()) {
        char32_t c = utf8::decode(text, pos);
        if (c == U'。' || c == U'！' || c == U'？') finish(pos);
    }
    finish(text.size());
    return out;
}

const model::Paragraph* first_paragraph(const model::Section& section) {
    if (section.blocks.empty() || !section.blocks.front().is<model::Paragraph>()) return nullptr;
    return &section.blocks.front().as<model::Paragraph>();
}

bool has_list(const model::Section& section) {
    for (const auto& block : section.blocks) {
        if (block.is<model::List>() && !block.as<model::List>().items.empty()) return true;
    }
    return false;
}

std::string_view superseded_references_edition(std::string_view f) {
    // GB/T 1.1—2009: 下列文件对于本文件的应用是必不可少的。凡是注日期的引用文件……
    if (f.find("对于本文件的应用是必不可少的") != std::string_view::npos) return "2009";
    // GB/T 1.1—2000: 下列文件中的条款通过本标准的引用而成为本标准的条款。……
    if (f.find("的引用而成为本文件的条款") != std::string_view::npos) return "2000";
    return {};
}

bool is_2009_drafting_basis(std::string_view f) {
    return f.find("GB/T1.1-2009") != std::string_view::npos && f.find("起草") != std::string_view::npos;
}

const WordingData& WordingData::instance() {
    static const WordingData data = [] {
        std::string_view yaml = embedded_resource("rules/wording.yaml");
        WordingData d{language::Lexicon("rules/wording.yaml", yaml,
                                        {{"this-document", language::WordClass::ThisStandard},
                                         {"neutral", language::WordClass::Neutral}}),
                      {}, {}, {}};
        for (auto& [name, words] : language::words_document("rules/wording.yaml", yaml)) {
            if (name == "scope-content") d.scope_content = std::move(words);
            else if (name == "scope-applicability") d.scope_applicability = std::move(words);
            else if (name == "scope-adverbs") d.scope_adverbs = std::move(words);
        }
        if (d.scope_content.empty() || d.scope_applicability.empty()) {
            throw std::runtime_error("rules/wording.yaml: the scope-content and scope-applicability lists are missing");
        }
        return d;
    }();
    return data;
}

}  // namespace bzc::checks::wording
