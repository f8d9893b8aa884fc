#pragma once

#include "analysis/index_collation.h"
#include "model/document.h"

#include <string>
#include <string_view>
#include <vector>

// The 索引 a document's term entries call for (GB/T 1.1—2020 8.14): the
// 汉语拼音索引 of every preferred and admitted term, and, when the terms have
// English equivalents, the 英文对应词索引; each entry with the number of its
// term entry, grouped by initial letter and ordered by ICU's collation
// (index_collation.h). `index: auto` writes it (index_generation.cpp); the
// IDX checks hold a hand-written 索引 against it.
namespace bzc::analysis {

enum class IndexLanguage { Chinese, English };

// The titles of the two lists as printed: 汉语拼音索引, 英文对应词索引.
std::string_view index_list_title(IndexLanguage language);

struct TermIndexEntry {
    std::string term;                      // as the entry prints it
    const model::Section* entry = nullptr; // the term entry it points to (its number)
    bool admitted = false;                 // a 许用术语, not the preferred term
    IndexKey key;
};

struct TermIndexGroup {
    std::string letter;  // empty for terms that start with neither a letter nor a Han character
    std::vector<TermIndexEntry> entries;
};

struct TermIndexList {
    IndexLanguage language = IndexLanguage::Chinese;
    std::vector<TermIndexGroup> groups;
    bool empty() const { return groups.empty(); }
};

struct TermIndex {
    TermIndexList chinese{IndexLanguage::Chinese, {}};
    TermIndexList english{IndexLanguage::English, {}};  // empty when no term has an English equivalent
};

// Needs the entry numbers: run after analysis::assign_numbers.
TermIndex build_term_index(const model::Document& doc);

// The key of one term of a list, as build_term_index computes it: with the
// entry's pinyin override when `entry` is given, the term is its preferred
// term and the override is valid.
IndexKey index_key(IndexLanguage language, std::string_view term, const model::Section* entry = nullptr);

// The parts of one line of a 索引, "公务用车　3.1.1": the term, the gap (spaces,
// the full-width space, or the leaders some drafters type: ……, ···, ....)
// and the number, the last run of digits and dots, which starts with a digit,
// does not end with a dot and follows a gap or a Han character (GPS3.1 is a
// term, not GPS and 3.1). Byte offsets into the line; without a number,
// number_begin and number_end are both where the line's text ends. The IDX
// checks read a hand-written 索引 with it; the DOCX writer sets its dotted
// leader in the gap.
struct IndexLineParts {
    std::size_t term_begin = 0, term_end = 0;      // spaces before the term are not part of it
    std::size_t number_begin = 0, number_end = 0;  // trailing spaces are not part of the number
    bool has_number() const { return number_begin < number_end; }
};
IndexLineParts split_index_line(std::string_view line);

// What index_generation writes between a term and its number.
inline constexpr std::string_view index_line_gap = "\u3000";

}  // namespace bzc::analysis
