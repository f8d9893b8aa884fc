#include "checks/check.h"

namespace bzc::checks {

const std::vector<Check>& all_checks() {
    static const std::vector<Check> checks = [] {
        std::vector<Check> list = {
            {"metadata", check_metadata},
            {"unique-elements", check_unique_elements},
            {"term-entries", check_term_entries},
            {"footnotes", check_footnotes},
        };
        register_structure_checks(list);
        register_wording_checks(list);
        register_language_checks(list);
        register_term_checks(list);
        register_object_checks(list);
        register_typography_checks(list);
        register_cover_checks(list);
        return list;
    }();
    return checks;
}

void run_all_checks(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto& check : all_checks()) check.run(doc, sink);
}

}  // namespace bzc::checks
