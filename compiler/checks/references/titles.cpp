#include "checks/references/references_checks.h"
#include <optional>
#include "support/utf8.h"

// One document, one title (GB/T 1.1—2020 8.6): a title written in the text
// (GB/T 13016《…》) matches the list, and list entries match the catalog.
namespace bzc::checks::references {

namespace {

// Titles compared without spaces (the separators of title elements are
// often typed as ASCII spaces or left out) and without the original title
// in parentheses that foreign documents carry in lists.
std::string comparable(std::string_view title) {
    std::string out;
    for (std::size_t i = 0; i < title.size();) {
        std::size_t at = i;
        char32_t c = utf8::decode(title, i);
        if (c == U' ' || c == U'\u3000' || c == U'\t') continue;
        out.append(title.substr(at, i - at));
    }
    return out;
}

bool has_han(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (utf8::is_han(utf8::decode(text, i))) return true;
    }
    return false;
}

// The original title in the parentheses that close a foreign document's
// entry: "道路交通安全（RTS）管理体系（Road traffic safety …）" → "Road traffic safety …".
std::string_view original_title(std::string_view title) {
    std::size_t close = title.ends_with("）") ? title.size() - std::string_view("）").size() : std::string_view::npos;
    if (close == std::string_view::npos) return {};
    int depth = 0;
    for (std::size_t i = close; i > 0; --i) {
        char c = title[i - 1];
        if (c == ')') ++depth;
        if (c == '(') --depth;
        if (depth == 0 && title.substr(0, i).ends_with("（")) {
            std::string_view inner = title.substr(i, close - i);
            return has_han(inner) ? std::string_view{} : inner;
        }
    }
    return {};
}

bool same_title(std::string_view a, std::string_view b) {
    std::string x = comparable(a);
    std::string y = comparable(b);
    if (x == y) return true;
    // "中文名称（Original title）" against "中文名称".
    return (x.size() > y.size() && x.starts_with(y) && (x.substr(y.size()).starts_with("（") || x[y.size()] == '(')) ||
           (y.size() > x.size() && y.starts_with(x) && (y.substr(x.size()).starts_with("（") || y[x.size()] == '('));
}

// The catalog's title for the edition a designation means.
const model::CatalogRecord* catalog_record(const model::Designation& d, const model::CatalogMatch& m) {
    if (!d.year.empty()) return m.edition ? &*m.edition : nullptr;
    return m.latest ? &*m.latest : nullptr;
}

// A standard of the repository is cited by the title on its own cover: a
// different one is an error there (REPO-01), a warning against the catalog.
void report_title(const model::CatalogRecord& record, SourceLocation where, DiagnosticArgs args, std::optional<Fix> fix,
                  DiagnosticSink& sink) {
    if (record.repository) sink.report("REPO-01", where, std::move(args), std::move(fix));
    else sink.report("REF-19", where, std::move(args), std::move(fix));
}

}  // namespace

void check_reference_titles(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;
    const auto& refs = doc.references;
    auto documents = cited_documents(doc);
    for (const auto& c : refs.citations) {
        if (!c.designation || c.title.empty() || c.use == model::CitationUse::Foreword) continue;
        auto it = documents.find(model::document_key(*c.designation));
        const model::ReferenceEntry* entry = nullptr;
        if (it != documents.end()) entry = it->second.normative_entry ? it->second.normative_entry : it->second.bibliography_entry;
        if (entry && !entry->title.empty()) {
            if (!same_title(c.title, entry->title)) {
                bool normative = entry == it->second.normative_entry;
                sink.report("REF-10", c.title_location,
                            {{"document", c.written},
                             {"written", c.title},
                             {"listed", entry->title},
                             {"list", normative ? "规范性引用文件" : "参考文献", normative ? "normative references" : "bibliography"}});
            }
            continue;
        }
        if (const auto* record = catalog_record(*c.designation, c.catalog); record && !same_title(c.title, record->title)) {
            report_title(*record, c.title_location, {{"document", c.written}, {"expected", record->title}, {"origin", record->origin}, {"written", c.title}}, {}, sink);
        }
    }
    for (const auto* list : {&refs.normative, &refs.bibliography}) {
        for (const auto& e : *list) {
            if (!e.designation || e.title.empty()) continue;
            const auto* record = catalog_record(*e.designation, e.catalog);
            if (!record || same_title(e.title, record->title)) continue;
            // A catalog that has only the original title of a foreign document
            // is compared with the original title of the entry (REF-09 asks for one).
            if (!has_han(record->title) && has_han(e.title)) {
                std::string_view original = original_title(e.title);
                if (original.empty() || same_title(original, record->title)) continue;
            }
            std::optional<Fix> fix;
            if (e.text.find(e.title) != std::string::npos) fix = Fix{e.title, record->title};
            report_title(*record, e.location,
                         {{"document", e.designation_text}, {"expected", record->title}, {"origin", record->origin}, {"written", e.title}},
                         fix, sink);
        }
    }
}

}  // namespace bzc::checks::references
