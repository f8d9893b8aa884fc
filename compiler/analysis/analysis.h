#pragma once

#include "diagnostics/diagnostic.h"
#include "model/document.h"

// The analysis pass runs once per document, after a front end and before
// checks and emitters; it fills the model's computed fields.
namespace bzc::analysis {

// Splits document designations out of running text into Citation inlines.
void recognise_citations(model::Document& doc);

// Writes the 前言 from the cover data when the source has none.
void generate_foreword(model::Document& doc);

// Numbers chapters, clauses, terms, annexes, tables, figures, formulas,
// notes, examples, list items, subfigures and footnotes.
void assign_numbers(model::Document& doc);

// Collects ids (reporting duplicates) and gives every cross-reference its
// text: 第5章, 5.2, 表1, 图A.1, 公式(3), 附录A, 3.1, 5.2 b).
void resolve_cross_references(model::Document& doc, DiagnosticSink& sink);

// All of the above, in order.
void analyse(model::Document& doc, DiagnosticSink& sink);

}  // namespace bzc::analysis
