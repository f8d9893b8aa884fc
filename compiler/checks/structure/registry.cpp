#include "checks/check.h"

namespace bzc::checks {

// The units of this family, one file each.
void check_elements(const model::Document& doc, DiagnosticSink& sink);         // STR-01, 02, 07, 08, 11, 12
void check_element_content(const model::Document& doc, DiagnosticSink& sink);  // STR-03, 09, 10
void check_clauses(const model::Document& doc, DiagnosticSink& sink);          // NUM-02, 03, 04, 05, 07
void check_titles(const model::Document& doc, DiagnosticSink& sink);           // NUM-08
void check_lists(const model::Document& doc, DiagnosticSink& sink);            // NUM-10 … 14
void check_parts(const model::Document& doc, DiagnosticSink& sink);            // STR-04

void register_structure_checks(std::vector<Check>& checks) {
    checks.push_back({"structure-elements", check_elements});
    checks.push_back({"structure-element-content", check_element_content});
    checks.push_back({"structure-clauses", check_clauses});
    checks.push_back({"structure-titles", check_titles});
    checks.push_back({"structure-lists", check_lists});
    checks.push_back({"structure-parts", check_parts});
}

}  // namespace bzc::checks
