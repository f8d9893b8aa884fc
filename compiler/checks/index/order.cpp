#include "checks/index/index_checks.h"

#include <map>

// The entries of a hand-written 索引 stand under the initial letter of their
// reading (IDX-05) and in the collation order, as do the letters (IDX-04):
// GB/T 1.1—2020 8.14, grouped by 汉语拼音. The order is ICU's, with the
// pinyin overrides of the term entries (长度 under C).
namespace bzc::checks::index {

namespace {

using analysis::IndexKey;
using analysis::IndexLanguage;

void check_list(const WrittenList& list, const analysis::TermIndexList& expected, DiagnosticSink& sink) {
    std::map<std::string, IndexKey, std::less<>> keys;  // the key of each term of the document
    for (const auto& group : expected.groups)
        for (const auto& e : group.entries) keys.emplace(e.term, e.key);

    for (std::size_t i = 1; i < list.letters.size(); ++i) {
        if (list.letters[i].letter <= list.letters[i - 1].letter) {
            sink.report("IDX-04", list.letters[i].location, {{"item", list.letters[i].letter}, {"before", list.letters[i - 1].letter}});
        }
    }
    // Within a letter, each entry after the one before it. Unknown terms
    // (IDX-01) and entries under the wrong letter are left out.
    const WrittenEntry* previous = nullptr;
    const IndexKey* previous_key = nullptr;
    for (const auto& entry : list.entries) {
        auto known = keys.find(entry.term);
        if (known == keys.end()) continue;
        const IndexKey& key = known->second;
        if (!list.letters.empty() && !key.letter.empty() && entry.letter != key.letter) {
            sink.report("IDX-05", entry.location, {{"term", entry.term}, {"letter", key.letter}});
            continue;
        }
        if (previous && previous->letter == entry.letter && key < *previous_key) {
            sink.report("IDX-04", entry.location, {{"item", entry.term}, {"before", previous->term}});
            continue;  // the next entry is compared with the last one in order
        }
        previous = &entry;
        previous_key = &key;
    }
}

}  // namespace

void check_index_order(const model::Document& doc, DiagnosticSink& sink) {
    auto written = read_written_index(doc);
    if (!written || !written->has_entries()) return;
    analysis::TermIndex expected = analysis::build_term_index(doc);
    for (const auto& list : written->lists) {
        check_list(list, list.language == IndexLanguage::Chinese ? expected.chinese : expected.english, sink);
    }
}

}  // namespace bzc::checks::index
