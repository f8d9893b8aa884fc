#include "checks/check.h"

namespace bzc::checks {

// The units of this family, one file each.
void check_pointers(const model::Document& doc, DiagnosticSink& sink);  // PTR-01, 02, 03

// PTR: pointers typed by hand into the document's own numbering (9.5).
void register_pointer_checks(std::vector<Check>& checks) { checks.push_back({"pointers", check_pointers}); }

}  // namespace bzc::checks
