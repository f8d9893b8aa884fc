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
void run_all_checks(const model::Document& doc, DiagnosticSink& sink);

// The units, one file each.
void check_metadata(const model::Document& doc, DiagnosticSink& sink);
void check_unique_elements(const model::Document& doc, DiagnosticSink& sink);
void check_term_entries(const model::Document& doc, DiagnosticSink& sink);
void check_footnotes(const model::Document& doc, DiagnosticSink& sink);

}  // namespace bzc::checks
