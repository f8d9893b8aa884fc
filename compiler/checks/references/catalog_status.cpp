#include "checks/references/references_checks.h"
#include "support/text_join.h"
#include <set>

// What the catalog says about each cited standard (rules catalog §E.4):
// a withdrawn or replaced document (an error for a normative reference,
// with the replacement), a dated reference to an edition a newer one
// replaced, and a document the catalog does not know — a note, so the
// drafter knows it was not verified.
namespace bzc::checks::references {

namespace {

struct Use {
    std::string written;
    SourceLocation where;
    model::Designation designation;
    const model::CatalogMatch* catalog = nullptr;
    bool normative = false;
    bool in_table = false;  // named as data in a table
};

// Withdrawn or replaced by another document: an error for a normative reference.
void not_in_force(const Use& u, DiagnosticArg status, const std::string& origin, DiagnosticSink& sink) {
    DiagnosticArgs args{{"document", u.written}, std::move(status), {"origin", origin}};
    if (u.normative) sink.report("REF-17", u.where, std::move(args));
    else sink.report("REF-18", u.where, std::move(args));
}

// A standard of the repository still in drafting cannot be relied on by a
// normative reference (REPO-03); an informative one may point to it.
void drafting(const Use& u, const model::CatalogRecord& r, DiagnosticSink& sink) {
    if (!u.normative) return;
    auto stage = model::parse_stage(r.stage);
    std::string stage_en = stage ? std::string(model::stage_key(*stage)) : r.stage;
    sink.report("REPO-03", u.where, {{"document", u.written}, {"stage", r.stage, stage_en}, {"origin", r.origin}});
}

void judge(const Use& u, DiagnosticSink& sink) {
    const model::CatalogMatch& m = *u.catalog;
    if (!m.known()) {
        // Unknown documents named as data in a table are not worth a note each.
        if (!u.in_table) sink.report("REF-21", u.where, {{"document", u.written}});
        return;
    }
    if (!u.designation.year.empty()) {
        if (!m.edition) {
            sink.report("REF-21", u.where, {{"document", u.written}});
            return;
        }
        const auto& e = *m.edition;
        if (e.status == model::CatalogStatus::Drafting) {
            drafting(u, e, sink);
        } else if (e.status == model::CatalogStatus::Withdrawn) {
            not_in_force(u, {"status", "已废止", "was withdrawn"}, e.origin, sink);
        } else if (e.status == model::CatalogStatus::Replaced) {
            bool new_edition = !e.replaced_by.empty();
            for (const auto& r : e.replaced_by) {
                auto d = model::parse_designation(r);
                if (!d || d->undated() != e.designation.undated()) new_edition = false;
            }
            DiagnosticArgs args{{"document", u.written}, {"replacement", join(e.replaced_by, "、")}, {"origin", e.origin}};
            if (new_edition && e.repository) {
                sink.report("REPO-02", u.where, std::move(args));
            } else if (new_edition) {
                sink.report("REF-20", u.where, std::move(args));
            } else {
                not_in_force(u, {"status", "已被" + join(e.replaced_by, "、") + "代替", "was replaced by " + join(e.replaced_by, "、")}, e.origin, sink);
            }
        }
        return;
    }
    // Undated: the newest edition applies, and it must be in force.
    if (!m.latest) return;
    const auto& l = *m.latest;
    if (l.status == model::CatalogStatus::Drafting) {
        drafting(u, l, sink);
    } else if (l.status == model::CatalogStatus::Withdrawn) {
        not_in_force(u, {"status", "已废止", "was withdrawn"}, l.origin, sink);
    } else if (l.status == model::CatalogStatus::Replaced) {
        not_in_force(u, {"status", "已被" + join(l.replaced_by, "、") + "代替", "was replaced by " + join(l.replaced_by, "、")}, l.origin, sink);
    }
}

}  // namespace

void check_catalog_status(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;
    auto documents = cited_documents(doc);
    for (const auto& [key, d] : documents) {
        bool normative = d.normative_entry || !d.normative.empty();
        // The list entry speaks for the document; without one, its first citation.
        const model::ReferenceEntry* entry = d.normative_entry ? d.normative_entry : d.bibliography_entry;
        // An entry of all parts (GB/T 3102（所有部分）) names no edition; the
        // parts cited under it are judged one by one below.
        std::set<std::string> judged;
        if (entry && !entry->designation->all_parts) {
            judge({entry->designation_text, entry->location, *entry->designation, &entry->catalog, normative}, sink);
            judged.insert(entry->designation->canonical());
        }
        // Citations naming another edition than the entry (REF-06 reports the
        // disagreement) or with no entry at all are judged on their own.
        for (const auto* list : {&d.normative, &d.informative}) {
            for (const auto* c : *list) {
                if (c->designation->all_parts || !judged.insert(c->designation->canonical()).second) continue;
                // GB/T 3102 cited for the series its entry lists as all parts.
                if (entry && entry->designation->all_parts && c->designation->code == entry->designation->code &&
                    c->designation->number == entry->designation->number) {
                    continue;
                }
                judge({c->written, c->location, *c->designation, &c->catalog, c->use == model::CitationUse::Normative, c->in_table}, sink);
            }
        }
    }
}

}  // namespace bzc::checks::references
