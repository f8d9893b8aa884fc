#include "checks/check.h"
#include "checks/terms/term_data.h"

#include <map>

namespace bzc::checks {

// Each term is defined once (TRM-10): no second entry with the same
// preferred term, and no preferred term that is another entry's admitted
// term (one concept, one designation).
void check_duplicate_terms(const model::Document& doc, DiagnosticSink& sink) {
    auto entries = terms::term_entries(doc);
    std::map<std::string_view, const model::Section*, std::less<>> preferred, admitted;
    for (const auto* entry : entries) {
        auto name = terms::bare_term(entry->term.preferred);
        if (!name.empty()) preferred.emplace(name, entry);  // keeps the first
        for (const auto& a : entry->term.admitted) admitted.emplace(a, entry);
    }
    for (const auto* entry : entries) {
        std::string term(terms::bare_term(entry->term.preferred));
        if (term.empty()) continue;
        const model::Section* first = preferred.at(term);
        if (first != entry) {
            sink.report("TRM-10", entry->location, {{"term", term}, {"number", first->number}, {"how", ""}});
            continue;
        }
        auto other = admitted.find(term);
        if (other != admitted.end() && other->second != entry) {
            sink.report("TRM-10", entry->location,
                        {{"term", term},
                         {"number", other->second->number},
                         {"how", "（作为“" + std::string(terms::bare_term(other->second->term.preferred)) + "”的许用术语）",
                          " (as an admitted term of '" + std::string(terms::bare_term(other->second->term.preferred)) + "')"}});
        }
    }
}

}  // namespace bzc::checks
