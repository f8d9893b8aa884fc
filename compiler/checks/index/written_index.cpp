#include "checks/index/index_checks.h"
#include "checks/text_context.h"
#include "support/utf8.h"

namespace bzc::checks::index {

namespace {

using analysis::IndexLanguage;

// "B" or "Ｂ": the letter, else empty.
std::string letter_of(std::string_view text) {
    std::size_t at = 0;
    char32_t c = utf8::decode(text, at);
    if (at != text.size()) return {};
    if (c >= U'Ａ' && c <= U'Ｚ') c = c - U'Ａ' + U'A';
    if (c < U'A' || c > U'Z') return {};
    return std::string(1, static_cast<char>(c));
}

// Splits "公务用车　3.1.1" into the term and the number, with their locations.
void split_entry(const std::string& text, const FlatText& flat, WrittenEntry& entry) {
    analysis::IndexLineParts parts = analysis::split_index_line(text);
    entry.term = text.substr(parts.term_begin, parts.term_end - parts.term_begin);
    entry.location = flat.at(parts.term_begin);
    if (parts.has_number()) {
        entry.number = text.substr(parts.number_begin, parts.number_end - parts.number_begin);
        entry.number_location = flat.at(parts.number_begin);
    }
}

}  // namespace

bool WrittenIndex::has_entries() const {
    for (const auto& l : lists)
        if (!l.entries.empty()) return true;
    return false;
}

const WrittenList* WrittenIndex::list(IndexLanguage language) const {
    for (const auto& l : lists)
        if (l.language == language) return &l;
    return nullptr;
}

std::optional<WrittenIndex> read_written_index(const model::Document& doc) {
    if (doc.index_generated) return std::nullopt;
    // The first 索引, as index: auto takes it (a second one is DSL-15).
    const model::Section* section = nullptr;
    for (const auto& s : doc.sections) {
        if (s.kind == model::SectionKind::Index) {
            section = &s;
            break;
        }
    }
    if (!section) return std::nullopt;
    WrittenIndex index;
    index.section = section;
    auto current = [&](SourceLocation where) -> WrittenList& {
        if (index.lists.empty()) index.lists.push_back({IndexLanguage::Chinese, where, {}, {}});
        return index.lists.back();
    };
    for (const auto& block : section->blocks) {
        if (block.is<model::Paragraph>()) {
            std::string text(utf8::trim(model::plain_text(block.as<model::Paragraph>().content)));
            bool chinese_title = text == analysis::index_list_title(IndexLanguage::Chinese);
            if (chinese_title || text == analysis::index_list_title(IndexLanguage::English)) {
                index.lists.push_back({chinese_title ? IndexLanguage::Chinese : IndexLanguage::English, block.location, {}, {}});
            } else if (std::string letter = letter_of(text); !letter.empty()) {
                current(block.location).letters.push_back({letter, block.location});
            }
            // Any other paragraph (a lead-in sentence) holds no entry.
            continue;
        }
        if (!block.is<model::List>()) continue;
        for (const auto& item : block.as<model::List>().items) {
            if (item.blocks.empty() || !item.blocks.front().is<model::Paragraph>()) continue;
            FlatText flat(item.blocks.front().as<model::Paragraph>().content);
            WrittenEntry entry;
            split_entry(flat.text(), flat, entry);
            if (entry.term.empty()) continue;
            WrittenList& list = current(block.location);
            if (!list.letters.empty()) entry.letter = list.letters.back().letter;
            list.entries.push_back(std::move(entry));
        }
    }
    return index;
}

}  // namespace bzc::checks::index
