#include "explanation/report_checks.h"

#include "explanation/derived_content.h"
#include "support/suggestions.h"
#include "support/utf8.h"

#include <optional>

namespace bzc::explanation {
namespace {

// The value of a count written in digits (12) or Chinese numerals (十二) at `pos`; advances `pos`.
std::optional<int> read_count(std::string_view text, std::size_t& pos) {
    std::size_t start = pos;
    int value = 0, digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        value = value * 10 + (text[pos++] - '0');
        if (++digits > 4) return std::nullopt;
    }
    if (digits) return value;
    static constexpr std::u32string_view numerals = U"零一二三四五六七八九";
    int tens = -1, units = 0;
    bool any = false;
    while (pos < text.size()) {
        std::size_t next = pos;
        char32_t c = utf8::decode(text, next);
        if (c == U'十') {
            if (tens >= 0) break;
            tens = any ? units : 1;
            units = 0;
        } else if (auto d = numerals.find(c); d != std::u32string_view::npos) {
            units = static_cast<int>(d);
        } else {
            break;
        }
        any = true;
        pos = next;
    }
    if (!any) {
        pos = start;
        return std::nullopt;
    }
    return (tens >= 0 ? tens * 10 : 0) + units;
}

// Chapter counts the author wrote: 共12章, 共包括十一章, 共分为5章.
std::vector<int> written_chapter_counts(std::string_view text) {
    std::vector<int> out;
    for (std::size_t at = text.find("共"); at != std::string_view::npos; at = text.find("共", at + 1)) {
        std::size_t pos = at + std::string_view("共").size();
        for (std::string_view verb : {"包括", "分为", "包含", "有"})
            if (text.substr(pos).starts_with(verb)) pos += verb.size();
        auto count = read_count(text, pos);
        if (count && text.substr(pos).starts_with("章")) out.push_back(*count);
    }
    return out;
}

bool starts_with_date(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits != 4) return false;
    auto rest = text.substr(4);
    return rest.starts_with("年") || rest.starts_with("-") || rest.starts_with(".") || rest.starts_with("/");
}

std::vector<std::string> split_clause_list(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::decode(text, i);
        if (c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            utf8::append(current, c);
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

bool is_timeline_section(const ReportSectionSpec& spec) {
    for (auto c : spec.contents)
        if (c == ContentKind::Statistics) return true;  // the section on the course of the work
    return false;
}

}  // namespace

void check_report(const model::Document& doc, const ReportStructure& structure, const ProjectRecord& record,
                  const CommentsTable* comments, DiagnosticSink& sink) {
    std::vector<std::string> keys;
    for (const auto& s : structure.sections) keys.push_back(s.key);
    for (const auto& section : record.sections) {
        if (structure.find(section.heading)) continue;
        std::string guess = closest_match(section.heading, keys);
        sink.report("EXP-08", section.location,
                    {{"section", section.heading},
                     {"family", structure.family},
                     {"suggestion", guess.empty() ? "" : "（是否应为“" + guess + "”？）",
                      guess.empty() ? "" : " (did you mean '" + guess + "'?)"}});
    }

    for (const auto& spec : structure.sections) {
        const RecordSection* written = record.find(spec.key);
        if (!written) written = record.find(spec.title);
        if (spec.requires_text() && (!written || written->empty()))
            sink.report("EXP-03", written ? written->location : record.location, {{"section", spec.key}});
        if (!written) continue;
        if (is_timeline_section(spec)) {
            for (const auto& b : written->blocks)
                if (b.kind == RecordBlock::Kind::ListItem && !starts_with_date(b.text)) sink.report("EXP-09", b.location);
        }
    }

    std::size_t chapters = chapters_of(doc).size();
    for (const auto& section : record.sections) {
        for (const auto& b : section.blocks) {
            for (int count : written_chapter_counts(b.text))
                if (count != static_cast<int>(chapters))
                    sink.report("EXP-05", b.location, {{"written", std::to_string(count)}, {"actual", std::to_string(chapters)}});
        }
    }

    if (!comments) return;
    auto stats = comment_statistics(*comments);
    if (stats.rejected) {
        for (const auto& spec : structure.sections) {
            if (spec.key != "重大分歧意见的处理经过和依据") continue;
            const RecordSection* written = record.find(spec.key);
            if (!written) continue;
            // A section that goes on to account for the rejected comments does not contradict them.
            bool accounts_for_rejections = false;
            for (const auto& b : written->blocks)
                if (b.text.find("未采纳") != std::string::npos || b.text.find("不采纳") != std::string::npos)
                    accounts_for_rejections = true;
            if (accounts_for_rejections) continue;
            for (const auto& b : written->blocks)
                if (b.text.find("无重大分歧") != std::string::npos)
                    sink.report("EXP-04", b.location, {{"count", std::to_string(stats.rejected)}});
        }
    }

    auto numbers = citable_numbers(doc);
    std::vector<std::string> candidates(numbers.begin(), numbers.end());
    for (const auto& c : comments->comments) {
        for (const auto& written : split_clause_list(c.clause)) {
            std::string number = normalized_clause_number(written);
            if (numbers.count(number)) continue;
            std::string guess = closest_match(number, candidates);
            sink.report("EXP-01", c.clause_location,
                        {{"serial", c.serial},
                         {"clause", written},
                         {"suggestion", guess.empty() ? "" : "（是否应为“" + guess + "”？）",
                          guess.empty() ? "" : " (did you mean '" + guess + "'?)"}});
        }
        if (c.decision != Decision::Adopted && c.reason.empty())
            sink.report("EXP-02", c.decision_location, {{"serial", c.serial}, {"decision", std::string(decision_name(c.decision))}});
    }
}

}  // namespace bzc::explanation
