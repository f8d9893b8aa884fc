#pragma once

#include "analysis/term_index.h"
#include "checks/check.h"
#include "model/document.h"

#include <optional>
#include <string>
#include <vector>

// The index family (IDX): a 索引 written by hand (GB/T 1.1—2020 8.14) held
// against the one the term entries call for (analysis/term_index.h). A 索引
// bzc wrote itself (`index: auto`) is right by construction and not read.
namespace bzc::checks::index {

void check_index_entries(const model::Document& doc, DiagnosticSink& sink);  // IDX-01, IDX-02, IDX-03, IDX-06
void check_index_order(const model::Document& doc, DiagnosticSink& sink);    // IDX-04, IDX-05

// ------------------------------------------------- the 索引 as written

// One entry, "公务用车　3.1.1": a list item of the 索引.
struct WrittenEntry {
    std::string term;
    std::string number;              // as written; empty when the entry has none
    SourceLocation location;         // of the term
    SourceLocation number_location;  // of the number
    std::string letter;              // the letter it stands under; empty before the first
};

// A letter paragraph: "B".
struct WrittenLetter {
    std::string letter;
    SourceLocation location;
};

// 汉语拼音索引 or 英文对应词索引: from its title (or the start of the 索引,
// which is the 汉语拼音索引 when it has no title) to the next title.
struct WrittenList {
    analysis::IndexLanguage language = analysis::IndexLanguage::Chinese;
    SourceLocation location;
    std::vector<WrittenLetter> letters;
    std::vector<WrittenEntry> entries;
};

struct WrittenIndex {
    const model::Section* section = nullptr;
    std::vector<WrittenList> lists;
    bool has_entries() const;
    const WrittenList* list(analysis::IndexLanguage language) const;
};

// The 索引 of the document as the author wrote it; empty when the document
// has none or bzc generated it.
std::optional<WrittenIndex> read_written_index(const model::Document& doc);

}  // namespace bzc::checks::index
