#include "checks/references/references_checks.h"

#include <algorithm>
#include <set>

// The list of 规范性引用文件 and the text agree (GB/T 1.1—2020 8.6, 8.13,
// 9.5.4; rules catalog §E.3, §E.4): every entry is cited normatively, every
// normative citation is listed, informative-only documents go to 参考文献,
// a specific part of another document is cited with its date, and text and
// list give the same edition.
namespace bzc::checks::references {

namespace {

using model::CitationUse;

// The entry to suggest for a document missing from a list.
std::string suggested_entry(const model::Citation& c) {
    std::string entry = c.designation->canonical();
    std::string title = c.title;
    if (title.empty() && c.catalog.edition) title = c.catalog.edition->title;
    if (title.empty() && c.designation->year.empty() && c.catalog.latest) title = c.catalog.latest->title;
    return title.empty() ? entry : entry + "\u3000" + title;
}

// Two designations of one document name the same edition: both undated,
// or dated with the same year.
bool same_edition(const model::Designation& a, const model::Designation& b) { return a.year == b.year; }

void check_part_dated(const model::Document& doc, const std::map<std::string, CitedDocument>& documents,
                      DiagnosticSink& sink) {
    for (const auto& c : doc.references.citations) {
        if (!c.designation || c.part.empty() || !c.designation->year.empty() || c.designation->all_parts) continue;
        if (c.use == CitationUse::Foreword || c.in_term_source) continue;  // TRM-07 judges term sources
        std::string dated;
        auto it = documents.find(model::document_key(*c.designation));
        const model::ReferenceEntry* entry = nullptr;
        if (it != documents.end()) entry = it->second.normative_entry ? it->second.normative_entry : it->second.bibliography_entry;
        if (entry && !entry->designation->year.empty()) dated = entry->designation->canonical();
        else if (c.catalog.latest) dated = c.catalog.latest->designation.canonical();
        else dated = c.designation->undated() + "—YYYY";
        sink.report("REF-05", c.location, {{"document", c.written}, {"part", c.part}, {"dated", dated}});
    }
}

}  // namespace

void check_citation_consistency(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment: FM-01 says so
    const auto& refs = doc.references;
    auto documents = cited_documents(doc);

    for (const auto& [key, d] : documents) {
        if (d.normative_entry) {
            const auto& e = *d.normative_entry;
            if (d.normative.empty() && d.informative.empty()) {
                sink.report("REF-01", e.location, {{"document", e.designation_text}});
            } else if (d.normative.empty()) {
                sink.report("REF-03", e.location, {{"document", e.designation_text}, line_of("where", d.informative.front()->location)});
            }
        } else if (!d.normative.empty() && !refs.generated) {
            const auto& c = *d.normative.front();
            sink.report("REF-02", c.location,
                        {{"document", c.written}, {"entry", "（条目：" + suggested_entry(c) + "）", " (entry: " + suggested_entry(c) + ")"}});
        }
        if (!d.informative.empty() && d.normative.empty() && !d.normative_entry && !d.bibliography_entry) {
            // A table of standards (a 标准明细表) names documents as data, not as references.
            auto cited = std::find_if(d.informative.begin(), d.informative.end(), [](const model::Citation* c) { return !c->in_table; });
            if (cited != d.informative.end()) sink.report("REF-04", (*cited)->location, {{"document", (*cited)->written}});
        }
        // Text and list name the same edition.
        const model::ReferenceEntry* entry = d.normative_entry ? d.normative_entry : d.bibliography_entry;
        if (entry) {
            bool in_normative = entry == d.normative_entry;
            for (const auto* list : {&d.normative, &d.informative}) {
                for (const auto* c : *list) {
                    // A table of standards names editions as data.
                    if (c->in_table && c->use != CitationUse::Normative) continue;
                    if (c->designation->all_parts != entry->designation->all_parts) continue;
                    if (model::document_key(*c->designation) != model::document_key(*entry->designation)) continue;
                    if (same_edition(*c->designation, *entry->designation)) continue;
                    // An undated citation of a part of a dated entry: REF-05 says how to date it.
                    if (!c->part.empty() && c->designation->year.empty()) continue;
                    sink.report("REF-06", c->location,
                                {{"cited", c->written},
                                 {"listed", entry->designation_text},
                                 {"list", in_normative ? "规范性引用文件" : "参考文献", in_normative ? "normative references" : "bibliography"}});
                }
            }
        }
    }
    check_part_dated(doc, documents, sink);

    // REF-16: each document once, in one list.
    std::map<std::string, const model::ReferenceEntry*> seen;
    for (const auto* list : {&refs.normative, &refs.bibliography}) {
        for (const auto& e : *list) {
            std::string key = e.designation ? model::document_key(*e.designation) : e.title;
            if (key.empty()) continue;
            auto [it, inserted] = seen.emplace(key, &e);
            if (!inserted) {
                sink.report("REF-16", e.location, {{"document", e.designation ? e.designation_text : e.title}, line_of("other", it->second->location)});
            }
        }
    }
}

}  // namespace bzc::checks::references
