#include "checks/check.h"

#include <algorithm>

namespace bzc::checks {

// 前言, 引言, 参考文献 and 索引 are single elements of a document (6.2).
void check_unique_elements(const model::Document& doc, DiagnosticSink& sink) {
    std::vector<model::SectionKind> seen;
    for (const auto& section : doc.sections) {
        auto title = model::fixed_title(section.kind);
        if (title.empty() || model::is_chapter(section.kind)) continue;
        if (std::find(seen.begin(), seen.end(), section.kind) != seen.end()) {
            sink.report("DSL-15", section.location, {{"element", std::string(title)}});
        }
        seen.push_back(section.kind);
    }
}

}  // namespace bzc::checks
