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

}  // namespace bzc::analysis
