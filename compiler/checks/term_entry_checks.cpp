#include "checks/check.h"
#include "model/walk.h"

namespace bzc::checks {

// A term entry has a definition (8.7).
void check_term_entries(const model::Document& doc, DiagnosticSink& sink) {
    model::for_each_section(doc, [&](const model::Section& section, const model::Section*) {
        if (section.kind == model::SectionKind::TermEntry && section.term.definition.empty()) {
            sink.report("DSL-10", section.location, {{"term", section.term.preferred}});
        }
    });
}

}  // namespace bzc::checks
