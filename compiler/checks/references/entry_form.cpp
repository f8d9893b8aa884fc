#include "checks/references/references_checks.h"
#include "support/utf8.h"

#include <optional>

// How entries are written (GB/T 1.1—2020 8.6, 8.13; rules catalog §E.1,
// §E.5): "designation　title" without 《》, end punctuation or typed
// markers; foreign documents with their original title; no laws among the
// normative references; 参考文献 numbered by bzc, its other documents in
// GB/T 7714 form, and GB/T 1.1 not listed when it is only the drafting basis.
namespace bzc::checks::references {

namespace {

using model::CitedKind;
using model::EntryFlaw;

struct FlawText {
    const char* zh;
    const char* en;
};

FlawText describe(EntryFlaw f) {
    switch (f) {
        case EntryFlaw::TypedMarker: return {"条目前手写了序号或列项符号", "a number or marker is typed before the entry"};
        case EntryFlaw::TypedNumber: return {"条目前手写了序号", "a number is typed before the entry"};
        case EntryFlaw::TitleQuotes: return {"名称不应加书名号《》", "the title must not be put in 《》"};
        case EntryFlaw::EndPunctuation: return {"条目末尾不应有标点", "an entry must not end with punctuation"};
        case EntryFlaw::Separator: return {"", ""};
        case EntryFlaw::NoTitle: return {"只有编号，没有名称", "the title is missing"};
    }
    return {"", ""};
}

// Where a flaw stands and how `bzc fix` repairs it: the characters there and
// what replaces them. An entry is one line, so a flaw other than the first
// (whose place the reader recorded) is placed by counting from the entry's
// first character.
struct Repair {
    SourceLocation where;
    std::optional<Fix> fix;
};

SourceLocation entry_at(const model::ReferenceEntry& e, std::size_t byte) {
    SourceLocation where = e.location;
    where.column += static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(e.text).substr(0, byte)));
    return where;
}

Repair repair(const model::ReferenceEntry& e, EntryFlaw f) {
    bool first = e.flaws.front() == f;
    Repair r{first ? e.flaw_location : e.location, std::nullopt};
    switch (f) {
        case EntryFlaw::TitleQuotes: {
            std::string quoted = "《" + e.title + "》";
            std::size_t at = e.text.find(quoted);
            if (at == std::string::npos) return r;
            if (!first) r.where = entry_at(e, at);
            // GB/T 1《…》 gets its separator; GB/T 1　《…》 keeps it.
            bool separated = e.text.find(e.designation_text + quoted) == std::string::npos;
            r.fix = Fix{quoted, (separated ? "" : "\u3000") + e.title};
            return r;
        }
        case EntryFlaw::EndPunctuation: {
            if (first) {
                r.fix = Fix{e.flaw_text, ""};
                return r;
            }
            // Right after the title (and its 》): entries run together go on after it.
            std::size_t at = e.text.find(e.title, e.designation_text.size());
            if (e.title.empty() || at == std::string::npos) return r;
            std::string_view rest = std::string_view(e.text).substr(at + e.title.size());
            if (rest.starts_with("》")) rest.remove_prefix(std::string_view("》").size());
            while (rest.starts_with(" ") || rest.starts_with("\u3000")) rest.remove_prefix(rest.starts_with(" ") ? 1 : 3);
            for (std::string_view p : {"；", "。", "，", "、", ";", ",", "."}) {
                if (!rest.starts_with(p)) continue;
                r.where = entry_at(e, e.text.size() - rest.size());
                r.fix = Fix{std::string(p), ""};
                break;
            }
            return r;
        }
        default: return r;
    }
}

bool has_original_title(std::string_view title) {
    std::vector<std::pair<std::size_t, char32_t>> chars;  // byte offset, code point
    bool han = false;
    for (std::size_t i = 0; i < title.size();) {
        std::size_t at = i;
        char32_t c = utf8::decode(title, i);
        han = han || utf8::is_han(c);
        chars.emplace_back(at, c);
    }
    if (!han) return true;  // the original title alone
    if (chars.empty() || (chars.back().second != U'）' && chars.back().second != U')')) return false;
    // The group that closes the title: （Road traffic safety (RTS) management systems …）.
    int depth = 0;
    std::size_t open = 0;
    for (std::size_t k = chars.size(); k > 0; --k) {
        char32_t c = chars[k - 1].second;
        if (c == U'）' || c == U')') ++depth;
        if (c == U'（' || c == U'(') --depth;
        if (depth == 0) {
            open = chars[k - 1].first;
            break;
        }
    }
    int letters = 0;
    for (char c : title.substr(open)) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
    }
    return letters >= 8;  // more than an abbreviation such as （RTS）
}

// GB/T 7714 marks the document type in brackets: [M], [J], [R], [EB/OL] …
bool has_document_type(std::string_view text) {
    for (std::size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1)) {
        std::size_t close = text.find(']', open);
        if (close == std::string_view::npos) return false;
        std::string_view code = text.substr(open + 1, close - open - 1);
        if (code.empty() || code.size() > 6) continue;
        bool ok = true;
        for (char c : code) {
            if (!((c >= 'A' && c <= 'Z') || c == '/')) ok = false;
        }
        if (ok) return true;
    }
    return false;
}

// Entries run together into one (lines of a paragraph joined): what follows
// the first entry's title holds another designation. The reader cut the
// title there.
bool runs_together(const model::ReferenceEntry& e) {
    if (!e.designation || e.title.empty()) return false;
    std::size_t at = e.text.find(e.designation_text);
    if (at == std::string::npos) return false;
    at = e.text.find(e.title, at + e.designation_text.size());
    if (at == std::string::npos) return false;
    return !model::find_designations(std::string_view(e.text).substr(at + e.title.size())).empty();
}

void check_entries(const model::Document& doc, const std::vector<model::ReferenceEntry>& entries, bool bibliography,
                   DiagnosticSink& sink) {
    int expected_number = 0;
    for (const auto& e : entries) {
        ++expected_number;
        for (EntryFlaw f : e.flaws) {
            if (f == EntryFlaw::Separator) {
                std::string found = e.flaw_text.empty() ? "（无）" : e.flaw_text;
                std::optional<Fix> fix;
                if (!e.flaw_text.empty()) fix = Fix{e.flaw_text, "\u3000"};
                sink.report("REF-08", e.flaw_location, {{"found", found, e.flaw_text.empty() ? "(nothing)" : e.flaw_text}}, fix);
                continue;
            }
            if (f == EntryFlaw::TypedNumber) continue;  // REF-14
            if (f == EntryFlaw::NoTitle && bibliography) continue;
            // GB/T 7714 (REF-15) ends every entry with a full stop: "王某. 书名[M]. 北京: 某出版社, 2019."
            if (f == EntryFlaw::EndPunctuation && e.kind == CitedKind::Other && e.text.ends_with(".")) continue;
            FlawText d = describe(f);
            Repair r = repair(e, f);
            sink.report("REF-07", r.where, {{"problem", d.zh, d.en}}, r.fix);
        }
        if (runs_together(e)) {
            sink.report("REF-07", e.location, {{"problem", "几个条目连在一起：每个条目写作一个列表项（“- ”）",
                                                "several entries run together: write each entry as a list item ('- ')"}});
        }
        if (e.designation && e.designation->family == model::DesignationFamily::International && !e.title.empty() &&
            !has_original_title(e.title)) {
            sink.report("REF-09", e.location, {{"document", e.designation_text}});
        }
        if (!bibliography) {
            if (e.kind == CitedKind::Legal) {
                sink.report("REF-12", e.location, {{"document", e.title}});
            } else if (e.kind == CitedKind::Other) {
                sink.report("REF-07", e.location, {{"problem", "没有文件编号：规范性引用文件只列出有编号的文件",
                                                    "no document number: normative references list numbered documents"}});
            }
            continue;
        }
        if (e.has(EntryFlaw::TypedNumber)) {
            // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on "[" + std::string.
            std::string expected("[");
            expected += std::to_string(expected_number);
            expected += ']';
            std::string digits;
            for (char c : e.typed_number) {
                if (c >= '0' && c <= '9') digits += c;
            }
            bool in_sequence = digits == std::to_string(expected_number);
            sink.report("REF-14", e.location,
                        {{"typed", e.typed_number},
                         {"problem", in_sequence ? "由bzc编号，不手写" : "不连续，此处应为" + expected,
                          in_sequence ? "is printed by bzc; do not type it" : "is out of sequence; here it is " + expected}});
        }
        if (e.kind == CitedKind::Other && !has_document_type(e.text)) sink.report("REF-15", e.location, {{"entry", e.title}});
        if (e.designation && e.designation->code == "GB/T" && e.designation->number == "1.1") {
            bool cited = false;
            for (const auto& c : doc.references.citations) {
                if (c.designation && c.use != model::CitationUse::Foreword && c.designation->undated() == "GB/T 1.1") cited = true;
            }
            if (!cited) sink.report("REF-13", e.location, {{"document", e.designation_text}});
        }
    }
}

}  // namespace

void check_entry_form(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;
    check_entries(doc, doc.references.normative, false, sink);
    check_entries(doc, doc.references.bibliography, true, sink);
}

}  // namespace bzc::checks::references
