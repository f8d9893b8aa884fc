#pragma once

#include "checks/language/lexicon.h"
#include "checks/text_context.h"
#include "diagnostics/diagnostic.h"
#include "model/document.h"
#include "model/fixed_wording.h"

#include <string>
#include <string_view>
#include <vector>

// The wording family (FIX, SCP): the fixed sentences of GB/T 1.1—2020 and
// the tools its units share for comparing text with them.
namespace bzc::checks::wording {

void check_references_lead_in(const model::Document& doc, DiagnosticSink& sink);  // FIX-01 … FIX-03
void check_terms_lead_in(const model::Document& doc, DiagnosticSink& sink);       // FIX-04 … FIX-06
void check_symbols_lead_in(const model::Document& doc, DiagnosticSink& sink);     // FIX-07
void check_foreword(const model::Document& doc, DiagnosticSink& sink);            // FIX-08 … FIX-17
void check_scope(const model::Document& doc, DiagnosticSink& sink);               // SCP-01, SCP-03 … SCP-05
void check_this_document(const model::Document& doc, DiagnosticSink& sink);       // SCP-02

// The fixed sentences (rules catalog §B), shared with the analysis that writes them.
namespace fixed = model::fixed;

// Text folded for comparison with a fixed sentence: white space removed,
// full-width letters, digits and punctuation made half-width (。 becomes .),
// dashes made '-', 本标准 and 本部分 read as 本文件 (SCP-02 reports those).
// `source[i]` is the byte offset in the original text of byte i.
struct Folded {
    std::string text;
    std::vector<std::size_t> source;
    std::size_t original(std::size_t i, std::size_t raw_size) const { return i < source.size() ? source[i] : raw_size; }
};
Folded fold(std::string_view raw);
inline std::string folded(std::string_view raw) { return fold(raw).text; }

// Index of the first byte where a and b differ, moved back to the start of
// a code point; npos when they are equal.
std::size_t first_difference(std::string_view a, std::string_view b);

// At most `max` code points of text from `offset`, with … when cut.
std::string excerpt(std::string_view text, std::size_t offset, std::size_t max = 16);

// Sentences of a run: byte ranges ending after 。！？ (the last one may end
// without), leading white space left out.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<Span> sentences(std::string_view text);

// The first paragraph of a section's own blocks, or null.
const model::Paragraph* first_paragraph(const model::Section& section);
// True when a list holds the section's entries (its own blocks).
bool has_list(const model::Section& section);

// The superseded lead-ins of 规范性引用文件: "2009", "2000" or empty.
std::string_view superseded_references_edition(std::string_view folded_text);
// The 2009 drafting basis: 本标准按照GB/T 1.1—2009给出的规则起草。
bool is_2009_drafting_basis(std::string_view folded_sentence);

// The lists of rules/wording.yaml.
struct WordingData {
    language::Lexicon this_document;
    std::vector<std::string> scope_content;
    std::vector<std::string> scope_applicability;
    std::vector<std::string> scope_adverbs;
    static const WordingData& instance();
};

}  // namespace bzc::checks::wording
