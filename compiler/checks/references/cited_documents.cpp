#include "checks/references/references_checks.h"

namespace bzc::checks::references {

DiagnosticArg line_of(std::string name, SourceLocation where) {
    std::string n = std::to_string(where.line);
    return {std::move(name), "第" + n + "行", "line " + n};
}

std::map<std::string, CitedDocument> cited_documents(const model::Document& doc) {
    std::map<std::string, CitedDocument> documents;
    const auto& refs = doc.references;
    for (const auto& e : refs.normative) {
        if (e.designation && !documents[model::document_key(*e.designation)].normative_entry) {
            documents[model::document_key(*e.designation)].normative_entry = &e;
        }
    }
    for (const auto& e : refs.bibliography) {
        if (e.designation && !documents[model::document_key(*e.designation)].bibliography_entry) {
            documents[model::document_key(*e.designation)].bibliography_entry = &e;
        }
    }
    for (const auto& c : refs.citations) {
        if (!c.designation || c.use == model::CitationUse::Foreword) continue;
        std::string key = model::document_key(*c.designation);
        // A part cited where the list names all parts: GB/T 3102.1 under GB/T 3102（所有部分）.
        if (!documents.count(key) && !c.designation->all_parts) {
            model::Designation series = *c.designation;
            series.number = series.sequence();
            series.all_parts = true;
            std::string series_key = model::document_key(series);
            if (documents.count(series_key)) key = series_key;
        }
        auto& d = documents[key];
        (c.use == model::CitationUse::Normative ? d.normative : d.informative).push_back(&c);
    }
    return documents;
}

}  // namespace bzc::checks::references
