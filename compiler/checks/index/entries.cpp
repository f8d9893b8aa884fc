#include "checks/index/index_checks.h"
#include "support/suggestions.h"

#include <map>
#include <set>

// Every entry of a hand-written 索引 names a term of the document with the
// number of its entry (IDX-01, IDX-02), every term is in it (IDX-03), and it
// has entries at all (IDX-06). GB/T 1.1—2020 8.14.
namespace bzc::checks::index {

namespace {

using analysis::IndexLanguage;
using analysis::TermIndexEntry;
using analysis::TermIndexList;

DiagnosticArg list_name(IndexLanguage language) {
    return language == IndexLanguage::Chinese ? DiagnosticArg("list", "汉语拼音索引", "the pinyin index")
                                              : DiagnosticArg("list", "英文对应词索引", "the index of English equivalents");
}

// Where a missing term would go: before the first entry under its letter
// that sorts after it, else after the last entry under its letter, else at
// the next letter written, else after the last entry.
SourceLocation insertion_point(const TermIndexEntry& missing, const WrittenList& list,
                               const std::map<std::string, const TermIndexEntry*, std::less<>>& first_of) {
    const WrittenEntry* last_under_letter = nullptr;
    for (const auto& written : list.entries) {
        if (written.letter != missing.key.letter) continue;
        auto known = first_of.find(written.term);
        if (known != first_of.end() && missing.key < known->second->key) return written.location;
        last_under_letter = &written;
    }
    if (last_under_letter) return last_under_letter->location;
    for (const auto& letter : list.letters)
        if (letter.letter > missing.key.letter) return letter.location;
    return list.entries.empty() ? list.location : list.entries.back().location;
}

void check_list(const WrittenList& written, const TermIndexList& expected, DiagnosticSink& sink) {
    // The terms of the document by their text; a text two entries share
    // (a term defined twice, reported by TRM) has both numbers.
    std::map<std::string, std::vector<const TermIndexEntry*>, std::less<>> by_term;
    std::map<std::string, const TermIndexEntry*, std::less<>> first_of;
    std::vector<std::string> names;
    for (const auto& group : expected.groups) {
        for (const auto& e : group.entries) {
            by_term[e.term].push_back(&e);
            if (first_of.emplace(e.term, &e).second) names.push_back(e.term);
        }
    }
    // Abbreviations may stand in the 英文对应词索引 beside the English terms.
    std::set<std::string, std::less<>> abbreviations;
    if (expected.language == IndexLanguage::English) {
        for (const auto& group : expected.groups)
            for (const auto& e : group.entries)
                if (!e.entry->term.abbreviation.empty()) abbreviations.insert(e.entry->term.abbreviation);
    }

    std::set<std::string, std::less<>> listed;
    for (const auto& entry : written.entries) {
        listed.insert(entry.term);
        auto known = by_term.find(entry.term);
        if (known == by_term.end()) {
            if (abbreviations.count(entry.term)) continue;
            std::string suggestion = closest_match(entry.term, names);
            sink.report("IDX-01", entry.location,
                        {{"term", entry.term},
                         list_name(written.language),
                         suggestion.empty() ? DiagnosticArg("suggestion", "")
                                            : DiagnosticArg("suggestion", "（是否应为“" + suggestion + "”？）",
                                                            " (did you mean '" + suggestion + "'?)")});
            continue;
        }
        bool right = false;
        for (const auto* e : known->second) right = right || e->entry->number == entry.number;
        if (right) continue;
        const std::string& number = known->second.front()->entry->number;
        if (entry.number.empty()) {
            sink.report("IDX-02", entry.location, {{"term", entry.term}, {"number", number}, {"written", "", ""}});
        } else {
            std::optional<Fix> fix;
            if (known->second.size() == 1) fix = Fix{entry.number, number};
            sink.report("IDX-02", entry.number_location,
                        {{"term", entry.term}, {"number", number}, {"written", "，而不是" + entry.number, ", not " + entry.number}},
                        fix);
        }
    }
    for (const auto& group : expected.groups) {
        for (const auto& e : group.entries) {
            if (listed.count(e.term)) continue;
            listed.insert(e.term);  // a text two entries share is missing once
            sink.report("IDX-03", insertion_point(e, written, first_of),
                        {{"term", e.term},
                         {"number", e.entry->number},
                         e.admitted ? DiagnosticArg("kind", "许用术语", "admitted term") : DiagnosticArg("kind", "术语", "term"),
                         list_name(written.language)});
        }
    }
}

}  // namespace

void check_index_entries(const model::Document& doc, DiagnosticSink& sink) {
    auto written = read_written_index(doc);
    if (!written) return;
    if (!written->has_entries()) {
        sink.report("IDX-06", written->section->location);
        return;
    }
    analysis::TermIndex expected = analysis::build_term_index(doc);
    if (const WrittenList* chinese = written->list(IndexLanguage::Chinese)) check_list(*chinese, expected.chinese, sink);
    else if (!expected.chinese.empty()) check_list({IndexLanguage::Chinese, written->section->location, {}, {}}, expected.chinese, sink);
    // The 英文对应词索引 is there when the author gives it.
    if (const WrittenList* english = written->list(IndexLanguage::English)) check_list(*english, expected.english, sink);
}

}  // namespace bzc::checks::index
