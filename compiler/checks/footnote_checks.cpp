#include "checks/check.h"
#include "model/walk.h"

#include <functional>
#include <set>

namespace bzc::checks {

// Every footnote reference has a definition, and every definition is
// referred to: an orphaned footnote would silently disappear from print.
void check_footnotes(const model::Document& doc, DiagnosticSink& sink) {
    std::set<std::string, std::less<>> defined;
    for (const auto& fn : doc.footnotes) defined.insert(fn.label);
    std::set<std::string, std::less<>> referenced;
    std::function<void(const model::Inlines&)> visit = [&](const model::Inlines& inlines) {
        for (const auto& in : inlines) {
            if (in.kind == model::InlineKind::FootnoteReference) {
                referenced.insert(in.text);
                if (!defined.count(in.text)) sink.report("DSL-08", in.location, {{"label", in.text}});
            }
            if (!in.children.empty()) visit(in.children);
        }
    };
    model::for_each_inlines(doc, visit);
    for (const auto& fn : doc.footnotes) {
        if (!referenced.count(fn.label)) sink.report("DSL-16", fn.location, {{"label", fn.label}});
    }
}

}  // namespace bzc::checks
