#include "checks/check.h"

namespace bzc::checks {

namespace {
const std::vector<Check> source_checks = {
    {"metadata", check_metadata},
    {"unique-elements", check_unique_elements},
    {"term-entries", check_term_entries},
    {"pinyin-overrides", check_pinyin_overrides},
    {"footnotes", check_footnotes},
};
}  // namespace

const std::vector<Check>& all_checks() {
    static const std::vector<Check> checks = [] {
        std::vector<Check> list = source_checks;
        register_structure_checks(list);
        register_wording_checks(list);
        register_language_checks(list);
        register_term_checks(list);
        register_object_checks(list);
        register_typography_checks(list);
        register_cover_checks(list);
        register_pointer_checks(list);
        register_reference_checks(list);
        register_index_checks(list);
        return list;
    }();
    return checks;
}

void run_all_checks(const model::Document& doc, DiagnosticSink& sink, bool drafting_rules) {
    for (const auto& check : drafting_rules ? all_checks() : source_checks) check.run(doc, sink);
}

}  // namespace bzc::checks
