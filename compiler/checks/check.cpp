#include "checks/check.h"

namespace bzc::checks {

const std::vector<Check>& all_checks() {
    static const std::vector<Check> checks = {
        {"metadata", check_metadata},
        {"unique-elements", check_unique_elements},
        {"term-entries", check_term_entries},
        {"footnotes", check_footnotes},
    };
    return checks;
}

void run_all_checks(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto& check : all_checks()) check.run(doc, sink);
}

}  // namespace bzc::checks
