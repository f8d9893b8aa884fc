#pragma once

#include "checks/check.h"
#include "model/document.h"

#include <map>
#include <string>
#include <vector>

// The references family (REF): the lists of 规范性引用文件 and 参考文献, the
// citations of other documents and their agreement, and the status of the
// cited standards in the catalog. Everything comes from doc.references,
// computed by the analysis (analysis/reference_collection.cpp).
namespace bzc::checks::references {

void check_citation_consistency(const model::Document& doc, DiagnosticSink& sink);  // REF-01…06, REF-16
void check_entry_form(const model::Document& doc, DiagnosticSink& sink);            // REF-07…09, REF-12…15
void check_reference_titles(const model::Document& doc, DiagnosticSink& sink);      // REF-10, REF-19
void check_list_order(const model::Document& doc, DiagnosticSink& sink);            // REF-11
void check_catalog_status(const model::Document& doc, DiagnosticSink& sink);        // REF-17, REF-18, REF-20, REF-21

// How a document is cited and listed, gathered once per check.
struct CitedDocument {
    std::vector<const model::Citation*> normative;    // citations in provisions
    std::vector<const model::Citation*> informative;  // 见…, 注, 示例 …
    const model::ReferenceEntry* normative_entry = nullptr;
    const model::ReferenceEntry* bibliography_entry = nullptr;
};

// Every standard cited or listed, by model::document_key; an entry for all
// parts (GB/T 3102（所有部分）) also collects the citations of its parts.
std::map<std::string, CitedDocument> cited_documents(const model::Document& doc);

// The name of a location for messages: 第12行 / line 12.
DiagnosticArg line_of(std::string name, SourceLocation where);

}  // namespace bzc::checks::references
