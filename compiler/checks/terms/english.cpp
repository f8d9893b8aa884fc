#include "checks/check.h"
#include "checks/english_words.h"
#include "checks/terms/term_data.h"
#include "model/designation.h"

namespace bzc::checks {

namespace {

using english::capitalised;
using english::is_lower;
using english::is_upper;
using english::lower;


// "Standard": a capital and then only small letters. Acronyms (PDCA) and
// mixed forms (BeiDou, iPhone) are kept as written.
// The first word of the English equivalent that should be lower case: the
// first word written as in a title ("Standard system"), or a function word
// with a capital anywhere ("system For …").
std::string_view wrongly_capitalised(std::string_view english) {
    const auto& data = terms::term_data();
    std::size_t pos = 0;
    bool first = true;
    while (pos < english.size()) {
        if (!is_upper(english[pos]) && !is_lower(english[pos])) { ++pos; continue; }
        std::size_t begin = pos;
        while (pos < english.size() && (is_upper(english[pos]) || is_lower(english[pos]))) ++pos;
        std::string_view word = english.substr(begin, pos - begin);
        if (capitalised(word) && !data.proper_words.count(word)) {
            if (first || data.function_words.count(lower(word))) return word;
        }
        first = false;
    }
    return {};
}

}  // namespace

// The English equivalent of each term entry: present (TRM-01) and in lower
// case (TRM-02).
void check_term_english(const model::Document& doc, DiagnosticSink& sink) {
    auto entries = terms::term_entries(doc);
    if (entries.empty()) return;
    auto designation = model::parse_designation(doc.metadata.number);
    bool national = designation && designation->family == model::DesignationFamily::National;
    if (!designation && doc.metadata.number.starts_with("GB")) national = true;  // GB/T ××××—××××
    for (const auto* entry : entries) {
        const auto& term = entry->term;
        std::string name(terms::bare_term(term.preferred));
        if (name.empty()) continue;
        if (term.english.empty()) {
            sink.report("TRM-01", entry->location,
                        {{"term", name},
                         {"why", national ? "（国家标准的术语条目应给出英文对应词）" : "",
                          national ? " (national standards give one for every term)" : ""}});
            continue;
        }
        if (auto word = wrongly_capitalised(term.english); !word.empty()) {
            sink.report("TRM-02", entry->location,
                        {{"term", name}, {"english", term.english}, {"word", std::string(word)}});
        }
    }
}

}  // namespace bzc::checks
