#include "checks/check.h"

namespace bzc::checks {

// The units of this family, one file each (rules/cover.yaml).
void check_cover_number(const model::Document& doc, DiagnosticSink& sink);         // COV-01, 02, 14, 15
void check_cover_stage_fields(const model::Document& doc, DiagnosticSink& sink);   // COV-03 … 06, 16
void check_cover_title(const model::Document& doc, DiagnosticSink& sink);          // COV-07 … 09
void check_cover_english_title(const model::Document& doc, DiagnosticSink& sink);  // COV-10 … 13

void register_cover_checks(std::vector<Check>& checks) {
    checks.push_back({"cover-number", check_cover_number});
    checks.push_back({"cover-stage-fields", check_cover_stage_fields});
    checks.push_back({"cover-title", check_cover_title});
    checks.push_back({"cover-english-title", check_cover_english_title});
}

}  // namespace bzc::checks
