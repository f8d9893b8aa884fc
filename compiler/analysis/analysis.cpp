#include "analysis/analysis.h"

namespace bzc::analysis {

void analyse(model::Document& doc, DiagnosticSink& sink) {
    generate_foreword(doc);
    recognise_citations(doc);
    assign_numbers(doc);
    resolve_cross_references(doc, sink);
}

}  // namespace bzc::analysis
