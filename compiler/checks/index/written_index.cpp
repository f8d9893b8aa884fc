#include "checks/index/index_checks.h"
#include "checks/text_context.h"
#include "support/utf8.h"

namespace bzc::checks::index {

namespace {

using analysis::IndexLanguage;

// Between a term and its number: spaces, the full-width space, and the
// leaders some drafters type (……, ···, ....).
bool is_gap(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'…' || c == U'·' || c == U'.' || c == U'⋯'; }

// "B" or "Ｂ": the letter, else empty.
std::string letter_of(std::string_view text) {
    std::size_t at = 0;
    char32_t c = utf8::decode(text, at);
    if (at != text.size()) return {};
    if (c >= U'Ａ' && c <= U'Ｚ') c = c - U'Ａ' + U'A';
    if (c < U'A' || c > U'Z') return {};
    return std::string(1, static_cast<char>(c));
}

// The start of the code point that ends before byte `end`.
std::size_t previous_code_point(const std::string& text, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return start;
}

// Splits "公务用车　3.1.1" into the term and the number, with their
// locations. The number is the last run of digits and dots, after a gap or
// a Han character (GPS3.1 is a term, not GPS and 3.1).
void split_entry(const std::string& text, const FlatText& flat, WrittenEntry& entry) {
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t start = previous_code_point(text, end);
        std::size_t at = start;
        char32_t c = utf8::decode(text, at);
        if (c != U' ' && c != U'\t' && c != U'\u3000') break;
        end = start;
    }
    std::size_t number_start = end;
    while (number_start > 0 && (utf8::is_ascii_digit(static_cast<unsigned char>(text[number_start - 1])) || text[number_start - 1] == '.'))
        --number_start;
    while (number_start < end && text[number_start] == '.') ++number_start;  // a number starts with a digit
    bool has_number = number_start > 0 && number_start < end && text[end - 1] != '.';
    if (has_number) {
        std::size_t at = previous_code_point(text, number_start);
        char32_t before = utf8::decode(text, at);
        has_number = is_gap(before) || utf8::is_han(before);
    }
    std::size_t term_end = has_number ? number_start : end;
    // The gap and the leaders before the number belong to neither.
    while (term_end > 0) {
        std::size_t start = previous_code_point(text, term_end);
        std::size_t at = start;
        if (!is_gap(utf8::decode(text, at))) break;
        term_end = start;
    }
    std::size_t begin = 0;
    while (begin < term_end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    entry.term = text.substr(begin, term_end - begin);
    entry.location = flat.at(begin);
    if (has_number) {
        entry.number = text.substr(number_start, end - number_start);
        entry.number_location = flat.at(number_start);
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
