#include "checks/check.h"
#include "checks/english_words.h"
#include "checks/cover/cover_common.h"
#include "checks/terms/term_data.h"
#include "support/utf8.h"

namespace bzc::checks {

namespace {

using english::capitalised;
using english::is_lower;
using english::is_upper;
using english::lower;

constexpr std::string_view em_dash = "—";

bool is_letter(char c) { return is_upper(c) || is_lower(c); }

// A separator between title elements that is not a bare em dash: " - ",
// "--", "–", "―", "－", or an em dash with spaces around it. Returns its
// length with the surrounding spaces, from `begin` (where the spaces start).
std::size_t bad_separator_at(std::string_view s, std::size_t pos, std::size_t& begin) {
    std::size_t start = pos;
    while (pos < s.size() && s[pos] == ' ') ++pos;
    std::size_t spaces_before = pos - start;
    std::size_t sign = 0;
    bool dash_alone_is_fine = false;
    for (std::string_view d : {"--", "–", "―", "－"}) {
        if (s.substr(pos).starts_with(d)) { sign = d.size(); break; }
    }
    if (!sign && s.substr(pos).starts_with(em_dash)) { sign = em_dash.size(); dash_alone_is_fine = true; }
    if (!sign && pos < s.size() && s[pos] == '-') { sign = 1; dash_alone_is_fine = true; }  // plan-do: a hyphen
    if (!sign) return 0;
    std::size_t end = pos + sign;
    while (end < s.size() && s[end] == ' ') ++end;
    std::size_t spaces_after = end - pos - sign;
    if (dash_alone_is_fine && spaces_before == 0 && spaces_after == 0) return 0;
    if (s[pos] == '-' && sign == 1 && (spaces_before == 0 || spaces_after == 0)) return 0;  // well-known, hyphen-ated
    begin = start;
    return end - start;
}

// The elements of the title: split at em dashes and at the separators
// COV-11 reports, with "Part N:" opening an element of its own.
std::vector<std::string_view> elements(std::string_view title) {
    std::vector<std::string_view> out;
    std::size_t from = 0;
    for (std::size_t pos = 0; pos < title.size();) {
        std::size_t begin = 0;
        std::size_t length = bad_separator_at(title, pos, begin);
        if (!length && title.substr(pos).starts_with(em_dash)) { begin = pos; length = em_dash.size(); }
        if (length) {
            out.push_back(title.substr(from, begin - from));
            pos = from = begin + length;
            continue;
        }
        ++pos;
    }
    out.push_back(title.substr(from));
    // "Part 1: Rules for …": the text after the colon starts an element too.
    std::vector<std::string_view> split;
    for (auto e : out) {
        while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
        if (e.starts_with("Part ")) {
            std::size_t colon = e.find(':');
            if (colon != std::string_view::npos) {
                e.remove_prefix(colon + 1);
                while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
            }
        }
        split.push_back(e);
    }
    return split;
}

void check_case(const model::Metadata& m, DiagnosticSink& sink) {
    const auto& function_words = terms::term_data().function_words;
    for (std::string_view element : elements(m.title_en)) {
        bool first = !element.empty() && is_letter(element.front());  // not "100 km …"
        for (std::size_t pos = 0; pos < element.size();) {
            if (!is_letter(element[pos])) { ++pos; continue; }
            std::size_t begin = pos;
            while (pos < element.size() && (is_letter(element[pos]) || element[pos] == '\'')) ++pos;
            std::string_view word = element.substr(begin, pos - begin);
            bool first_word = first;
            first = false;
            if (first_word) {
                if (is_lower(word[0])) {
                    sink.report("COV-13", m.where("title-en"), {{"word", std::string(word)}, {"case", "首字母大写", "capitalised"}});
                    return;
                }
                continue;
            }
            if (capitalised(word) && function_words.count(lower(word))) {
                sink.report("COV-13", m.where("title-en"), {{"word", std::string(word)}, {"case", "小写", "in lower case"}});
                return;
            }
        }
    }
}

// The part: "Part N:" when the designation has part N.
void check_part(const model::Metadata& m, DiagnosticSink& sink) {
    auto d = cover::read_number(m.number);
    if (!d || d->number.empty() || d->part().empty()) return;
    std::string expected = "Part " + d->part() + ":";
    std::string_view en = m.title_en;
    std::size_t at = en.find(expected);
    if (at != std::string_view::npos) return;
    // What stands there instead: "part 1", "Part 1 -", "Part one:", "Part1:"
    std::string found_zh, found_en;
    std::string low = lower(en);
    std::size_t near = low.find("part");
    if (near != std::string::npos) {
        std::size_t end = near + 4;
        while (end < en.size() && end < near + 12 && en[end] != ':' && en[end] != '\xE2') ++end;  // up to ':' or a dash
        if (end < en.size() && en[end] == ':') ++end;
        std::string shown(en.substr(near, end - near));
        found_zh = "，而不是“" + shown + "”";
        found_en = ", not '" + shown + "'";
    }
    sink.report("COV-12", m.where("title-en"), {{"expected", expected}, {"found", found_zh, found_en}});
}

}  // namespace

// The English title (6.1, §A.2): present (COV-10), elements joined by a bare
// em dash (COV-11), "Part N:" for a part (COV-12), and each element starting
// with a capital and going on in lower case (COV-13).
void check_cover_english_title(const model::Document& doc, DiagnosticSink& sink) {
    const auto& m = doc.metadata;
    if (!m.present || m.unreadable) return;
    if (m.title_en.empty()) {
        // Due from the review draft on: early drafts settle the Chinese title first.
        if (m.title.empty() || !m.stage || *m.stage < model::Stage::ReviewDraft) return;  // FM-06
        auto d = cover::read_number(m.number);
        bool national = d && d->family == model::DesignationFamily::National;
        sink.report("COV-10", m.where("title"),
                    {{"why", national ? "；国家标准的封面应给出英文名称" : "", national ? "; national standards give one on the cover" : ""}});
        return;
    }
    std::string_view en = m.title_en;
    for (std::size_t pos = 0; pos < en.size();) {
        std::size_t begin = 0;
        std::size_t length = bad_separator_at(en, pos, begin);
        if (!length) { ++pos; continue; }
        std::string text(en.substr(begin, length));
        sink.report("COV-11", m.where("title-en"), {{"text", text}, {"expected", std::string(em_dash)}},
                    Fix{text, std::string(em_dash)});
        pos = begin + length;
    }
    check_part(m, sink);
    check_case(m, sink);
}

}  // namespace bzc::checks
