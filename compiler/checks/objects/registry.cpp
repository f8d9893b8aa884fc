#include "checks/check.h"

namespace bzc::checks {

// The units of this family, one file each.
void check_captions(const model::Document& doc, DiagnosticSink& sink);    // OBJ-01, 11
void check_references(const model::Document& doc, DiagnosticSink& sink);  // OBJ-02 … 06
void check_tables(const model::Document& doc, DiagnosticSink& sink);      // OBJ-07, 08, 09
void check_notes(const model::Document& doc, DiagnosticSink& sink);       // OBJ-10
void check_images(const model::Document& doc, DiagnosticSink& sink);      // OBJ-12

void register_object_checks(std::vector<Check>& checks) {
    checks.push_back({"objects-captions", check_captions});
    checks.push_back({"objects-references", check_references});
    checks.push_back({"objects-tables", check_tables});
    checks.push_back({"objects-notes", check_notes});
    checks.push_back({"objects-images", check_images});
}

}  // namespace bzc::checks
