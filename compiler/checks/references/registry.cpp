#include "checks/check.h"
#include "checks/references/references_checks.h"

namespace bzc::checks {

// REF: normative references, bibliography, citations and the catalog.
void register_reference_checks(std::vector<Check>& checks) {
    checks.push_back({"citation-consistency", references::check_citation_consistency});
    checks.push_back({"entry-form", references::check_entry_form});
    checks.push_back({"reference-titles", references::check_reference_titles});
    checks.push_back({"list-order", references::check_list_order});
    checks.push_back({"catalog-status", references::check_catalog_status});
}

}  // namespace bzc::checks
