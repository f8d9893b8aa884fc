#include "checks/references/references_checks.h"

#include <algorithm>

// The order of the lists (GB/T 1.1—2020 8.6, 8.13; rules catalog §E.2):
// national, industry, local, group, ISO/IEC, other bodies, other documents;
// by number within each. The finding gives the whole list in order, so the
// drafter can reorder it in one go.
namespace bzc::checks::references {

namespace {

std::string name_of(const model::ReferenceEntry& e) { return e.designation ? e.designation_text : e.title; }

void check_order(const std::vector<model::ReferenceEntry>& entries, bool bibliography, DiagnosticSink& sink) {
    for (std::size_t i = 1; i < entries.size(); ++i) {
        // The entry that should stand before some earlier one.
        std::size_t previous = i;
        for (std::size_t j = 0; j < i; ++j) {
            if (model::reference_order_less(entries[i].designation, entries[j].designation)) {
                previous = j;
                break;
            }
        }
        if (previous == i) continue;
        std::vector<const model::ReferenceEntry*> sorted;
        for (const auto& e : entries) sorted.push_back(&e);
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
            return model::reference_order_less(a->designation, b->designation);
        });
        std::string order;
        for (const auto* e : sorted) {
            if (!order.empty()) order += "；";
            order += name_of(*e);
        }
        sink.report("REF-11", entries[i].location,
                    {{"document", name_of(entries[i])},
                     {"previous", name_of(entries[i - 1])},
                     {"list", bibliography ? "参考文献" : "规范性引用文件", bibliography ? "bibliography" : "normative references"},
                     {"order", order}});
        return;  // one finding a list: the order given fixes them all
    }
}

}  // namespace

void check_list_order(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;
    check_order(doc.references.normative, false, sink);
    check_order(doc.references.bibliography, true, sink);
}

}  // namespace bzc::checks::references
