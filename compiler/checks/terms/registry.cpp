#include "checks/check.h"

namespace bzc::checks {

// The units of this family, one file each (rules/terms.yaml).
void check_term_english(const model::Document& doc, DiagnosticSink& sink);      // TRM-01, TRM-02
void check_term_definitions(const model::Document& doc, DiagnosticSink& sink);  // TRM-03 … TRM-06
void check_term_sources(const model::Document& doc, DiagnosticSink& sink);      // TRM-07
void check_term_usage(const model::Document& doc, DiagnosticSink& sink);        // TRM-08, TRM-09
void check_duplicate_terms(const model::Document& doc, DiagnosticSink& sink);   // TRM-10

void register_term_checks(std::vector<Check>& checks) {
    checks.push_back({"term-english", check_term_english});
    checks.push_back({"term-definitions", check_term_definitions});
    checks.push_back({"term-sources", check_term_sources});
    checks.push_back({"term-usage", check_term_usage});
    checks.push_back({"duplicate-terms", check_duplicate_terms});
}

}  // namespace bzc::checks
