#include "analysis/term_index.h"

#include "analysis/pinyin_reading.h"
#include "model/walk.h"
#include "support/utf8.h"

#include <algorithm>

namespace bzc::analysis {

std::string_view index_list_title(IndexLanguage language) {
    return language == IndexLanguage::Chinese ? "汉语拼音索引" : "英文对应词索引";
}

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }
bool is_gap(char32_t c) { return is_space(c) || c == U'…' || c == U'·' || c == U'.' || c == U'⋯'; }

}  // namespace

IndexLineParts split_index_line(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && is_space(utf8::decode_before(text, end))) end = utf8::previous_start(text, end);
    std::size_t number_start = end;
    while (number_start > 0 && (utf8::is_ascii_digit(static_cast<unsigned char>(text[number_start - 1])) || text[number_start - 1] == '.'))
        --number_start;
    while (number_start < end && text[number_start] == '.') ++number_start;  // a number starts with a digit
    bool has_number = number_start > 0 && number_start < end && text[end - 1] != '.';
    if (has_number) {
        char32_t before = utf8::decode_before(text, number_start);
        has_number = is_gap(before) || utf8::is_han(before);
    }
    IndexLineParts parts;
    parts.term_end = has_number ? number_start : end;
    // The gap and the leaders before the number belong to neither.
    while (parts.term_end > 0 && is_gap(utf8::decode_before(text, parts.term_end))) parts.term_end = utf8::previous_start(text, parts.term_end);
    while (parts.term_begin < parts.term_end && (text[parts.term_begin] == ' ' || text[parts.term_begin] == '\t')) ++parts.term_begin;
    parts.number_begin = has_number ? number_start : end;
    parts.number_end = end;
    return parts;
}

IndexKey index_key(IndexLanguage language, std::string_view term, const model::Section* entry) {
    const IndexCollation& collation = IndexCollation::instance();
    if (language == IndexLanguage::English) return collation.english(term);
    // The override reads the preferred term only; a malformed one is
    // reported by the term checks (DSL-17) and ICU's reading used instead.
    if (entry && !entry->term.pinyin.empty() && utf8::trim(entry->term.preferred) == term) {
        PinyinOverride reading = read_pinyin_override(term, entry->term.pinyin);
        if (reading.ok()) return collation.chinese(term, reading.syllables);
    }
    return collation.chinese(term);
}

namespace {

// Sorts the entries and cuts them into letter groups. Equal keys (a term
// listed twice) keep the order of the entries.
TermIndexList grouped(IndexLanguage language, std::vector<TermIndexEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const TermIndexEntry& a, const TermIndexEntry& b) { return a.key < b.key; });
    TermIndexList list;
    list.language = language;
    int bucket = -1;
    for (auto& e : entries) {
        if (list.groups.empty() || e.key.bucket != bucket) {
            list.groups.push_back({e.key.letter, {}});
            bucket = e.key.bucket;
        }
        list.groups.back().entries.push_back(std::move(e));
    }
    return list;
}

}  // namespace

TermIndex build_term_index(const model::Document& doc) {
    std::vector<TermIndexEntry> chinese, english;
    model::for_each_section(doc, [&](const model::Section& s, const model::Section*) {
        if (s.kind != model::SectionKind::TermEntry) return;
        auto add = [&](std::vector<TermIndexEntry>& list, IndexLanguage language, std::string_view text, bool admitted) {
            std::string term(utf8::trim(text));
            if (term.empty()) return;
            TermIndexEntry e;
            e.key = index_key(language, term, &s);
            e.term = std::move(term);
            e.entry = &s;
            e.admitted = admitted;
            list.push_back(std::move(e));
        };
        add(chinese, IndexLanguage::Chinese, s.term.preferred, false);
        for (const auto& a : s.term.admitted) add(chinese, IndexLanguage::Chinese, a, true);
        add(english, IndexLanguage::English, s.term.english, false);
    });
    TermIndex index;
    index.chinese = grouped(IndexLanguage::Chinese, std::move(chinese));
    index.english = grouped(IndexLanguage::English, std::move(english));
    return index;
}

}  // namespace bzc::analysis
