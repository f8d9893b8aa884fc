#pragma once

#include "catalog/catalog.h"
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

// Finds every citation of another document in the running text — standards
// by designation, laws and policy documents by title or number — and
// classifies it as normative or informative (doc.references.citations).
void collect_citations(model::Document& doc);

// `references: auto`: writes the list of 规范性引用文件 from the normative
// citations and 参考文献 from the informative ones, with titles from the
// catalog or from the text.
void generate_reference_lists(model::Document& doc, const catalog::Catalog& catalog, DiagnosticSink& sink);

// `index: auto`: writes the 索引 from the term entries — 汉语拼音索引 and
// 英文对应词索引, grouped by initial letter in ICU's pinyin order (after
// numbering: the entries carry the term numbers).
void generate_index(model::Document& doc, DiagnosticSink& sink);

// Reads the entries of 规范性引用文件 and 参考文献 and looks every cited
// standard up in the catalog.
void collect_reference_entries(model::Document& doc, const catalog::Catalog& catalog);

// The seed catalog, read once.
const catalog::Catalog& seed_catalog();

// All of the above, in order.
void analyse(model::Document& doc, DiagnosticSink& sink, const catalog::Catalog& catalog = seed_catalog());

}  // namespace bzc::analysis
