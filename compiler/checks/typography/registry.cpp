#include "checks/check.h"

namespace bzc::checks {

// The units of this family (rules/typography.yaml).
void check_designation_typography(const model::Document& doc, DiagnosticSink& sink);  // TYP-01 … TYP-03
void check_running_text(const model::Document& doc, DiagnosticSink& sink);            // TYP-04 … TYP-10

void register_typography_checks(std::vector<Check>& checks) {
    checks.push_back({"designation-typography", check_designation_typography});
    checks.push_back({"running-text-typography", check_running_text});
}

}  // namespace bzc::checks
