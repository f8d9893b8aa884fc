#pragma once

#include "diagnostics/diagnostic.h"
#include "model/document.h"

#include <string_view>
#include <vector>

// Checks read the analysed model, never the source text, and report through
// the sink. Each check is a small unit registered in all_checks(); the rule
// ids it reports are data in rules/*.yaml.
namespace bzc::checks {

struct Check {
    std::string_view name;
    void (*run)(const model::Document& doc, DiagnosticSink& sink);
};

const std::vector<Check>& all_checks();

// The checks of the source itself (cover data syntax, footnotes, ids …)
// always run; the GB/T 1.1—2020 drafting rules only when `drafting_rules`:
// converting a draft to XML must not depend on how well it is drafted.
void run_all_checks(const model::Document& doc, DiagnosticSink& sink, bool drafting_rules = true);

// The GB/T 1.1—2020 rule families; each folder of checks/ registers its
// units in its registry.cpp.
void register_structure_checks(std::vector<Check>& checks);   // STR, NUM: elements, order, hierarchy, lists
void register_wording_checks(std::vector<Check>& checks);     // FIX, SCP: fixed sentences, 前言, 范围
void register_language_checks(std::vector<Check>& checks);    // VRB, LNG: verbal forms, legal wording, pointers
void register_term_checks(std::vector<Check>& checks);        // TRM: term entries and their use
void register_object_checks(std::vector<Check>& checks);      // OBJ: notes, examples, tables, figures, formulas, annexes
void register_typography_checks(std::vector<Check>& checks);  // TYP: punctuation, designations, quantities
void register_cover_checks(std::vector<Check>& checks);       // COV: cover data and titles
void register_pointer_checks(std::vector<Check>& checks);     // PTR: hand-typed pointers into the numbering
void register_reference_checks(std::vector<Check>& checks);   // REF: references, bibliography, citations, catalog
void register_index_checks(std::vector<Check>& checks);       // IDX: a hand-written 索引 against the term entries

// The units, one file each.
void check_metadata(const model::Document& doc, DiagnosticSink& sink);
void check_unique_elements(const model::Document& doc, DiagnosticSink& sink);
void check_term_entries(const model::Document& doc, DiagnosticSink& sink);
void check_pinyin_overrides(const model::Document& doc, DiagnosticSink& sink);
void check_footnotes(const model::Document& doc, DiagnosticSink& sink);

}  // namespace bzc::checks
