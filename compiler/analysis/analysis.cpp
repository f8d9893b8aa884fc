#include "analysis/analysis.h"

namespace bzc::analysis {

const catalog::Catalog& seed_catalog() {
    static const catalog::Catalog seed = catalog::Catalog::seed();
    return seed;
}

void analyse(model::Document& doc, DiagnosticSink& sink, const catalog::Catalog& catalog) {
    generate_foreword(doc);
    recognise_citations(doc);
    collect_citations(doc);
    // Before numbering: a generated 第2章 moves the chapters after it.
    generate_reference_lists(doc, catalog, sink);
    assign_numbers(doc);
    generate_index(doc, sink);
    resolve_cross_references(doc, sink);
    collect_reference_entries(doc, catalog);
}

}  // namespace bzc::analysis
