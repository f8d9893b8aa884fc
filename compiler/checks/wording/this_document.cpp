#include "checks/wording/wording_text.h"

namespace bzc::checks::wording {

namespace {

bool mentions(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::Text &&
            (in.text.find("本标准") != std::string::npos || in.text.find("本部分") != std::string::npos)) {
            return true;
        }
        if (!in.children.empty() && mentions(in.children)) return true;
    }
    return false;
}

bool designation_byte(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == ' ' ||
           c == ':' || c == '-';
}

// The start of "GB/T 20001" in "GB/T 20001的本部分" (`at` is the offset of
// 的), or npos.
std::size_t designation_before(std::string_view text, std::size_t at) {
    std::size_t p = at;
    while (p > 0) {
        if (designation_byte(static_cast<unsigned char>(text[p - 1]))) {
            --p;
        } else if (p >= 3 && (text.substr(p - 3, 3) == "—" || text.substr(p - 3, 3) == "×")) {
            p -= 3;
        } else if (p >= 2 && text.substr(p - 2, 2) == "×") {
            p -= 2;
        } else {
            break;
        }
    }
    while (p < at && text[p] == ' ') ++p;
    return p < at && text[p] >= 'A' && text[p] <= 'Z' ? p : std::string_view::npos;
}

const model::Inlines* superseded_references(const model::Document& doc) {
    for (const auto& s : doc.sections) {
        if (s.kind != model::SectionKind::NormativeReferences) continue;
        const model::Paragraph* p = first_paragraph(s);
        if (p && !superseded_references_edition(folded(FlatText(p->content).text())).empty()) return &p->content;
    }
    return nullptr;
}

}  // namespace

// 本标准, 本部分 and "GB/T ××××的本部分" (rules catalog B.6): GB/T 1.1—2020
// calls the document 本文件 throughout. Mentions in quotation marks are left
// alone, and so are the superseded sentences that FIX-02 and FIX-09 replace
// as a whole.
void check_this_document(const model::Document& doc, DiagnosticSink& sink) {
    const language::Lexicon& lexicon = WordingData::instance().this_document;
    const model::Inlines* old_references = superseded_references(doc);
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) {
        if (&inlines == old_references || !mentions(inlines)) return;
        FlatText flat(inlines);
        const std::string& text = flat.text();
        std::vector<Span> spans;  // sentences, in the 前言 only
        if (context.element_kind() == model::SectionKind::Foreword) spans = sentences(text);
        lexicon.scan(text, [&](const language::Token& t) {
            if (t.word_class != language::WordClass::ThisStandard || t.quoted) return;
            for (const Span& s : spans) {
                if (t.offset >= s.begin && t.offset < s.end && is_2009_drafting_basis(folded(text.substr(s.begin, s.end - s.begin)))) {
                    return;
                }
            }
            std::size_t from = t.offset;
            std::string original(t.form(text));
            if (original == "本部分" && from >= 3 && text.compare(from - 3, 3, "的") == 0) {
                std::size_t d = designation_before(text, from - 3);
                if (d != std::string_view::npos) {
                    from = d;
                    original = text.substr(d, t.offset + t.form_length - d);
                }
            }
            sink.report("SCP-02", flat.at(from), {{"word", original}}, Fix{original, "本文件"});
        });
    });
}

}  // namespace bzc::checks::wording
