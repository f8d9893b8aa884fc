#pragma once

#include "model/document.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

// Shared pieces of the term checks: the word lists of rules/terms.yaml and
// the term entries of a document.
namespace bzc::checks::terms {

struct TermData {
    std::vector<std::string> lead_exceptions;                  // 指示, 是否 …
    std::set<std::string, std::less<>> proper_words;           // Chinese, Internet …
    std::set<std::string, std::less<>> function_words;         // of, for, and …
};
const TermData& term_data();

// The term without an entry number typed by hand into its heading
// ("3.1 公务用车" → "公务用车"; the structure checks report the number).
std::string_view bare_term(std::string_view preferred);

// The term entries of the document, in order.
std::vector<const model::Section*> term_entries(const model::Document& doc);

}  // namespace bzc::checks::terms
