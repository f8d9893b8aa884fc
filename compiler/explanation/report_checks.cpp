#include "explanation/report_checks.h"

#include "explanation/clause_mapping.h"
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

// What a count in the author's text counts.
enum class Counted { Chapters, NormativeReferences, Bibliography, Terms };

// A count the author wrote, as written (共12章, 引用了5项标准, 参考文献共3篇).
struct WrittenCount {
    Counted what;
    int count;
    std::string phrase;
};

bool is_count_start(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return false;
    if (text[pos] >= '0' && text[pos] <= '9') return true;
    std::size_t next = pos;
    char32_t c = utf8::decode(text, next);
    return std::u32string_view(U"零一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// The measure word between a count and what it counts: 5项, 8个, 3篇.
void skip_measure_word(std::string_view text, std::size_t& pos) {
    for (std::string_view word : {"个", "项", "条", "份", "部", "篇", "则"})
        if (text.substr(pos).starts_with(word)) {
            pos += word.size();
            return;
        }
}

// What follows a count: the noun it counts, given the word that introduced the count.
std::optional<std::pair<Counted, std::size_t>> counted_noun(std::string_view text, std::size_t pos, std::string_view marker) {
    std::string_view rest = text.substr(pos);
    if (rest.starts_with("章") && marker.starts_with("共")) return std::pair{Counted::Chapters, std::string_view("章").size()};
    for (auto [noun, what] : {std::pair{std::string_view("规范性引用文件"), Counted::NormativeReferences},
                              {"引用文件", Counted::NormativeReferences},
                              {"参考文献", Counted::Bibliography},
                              {"术语", Counted::Terms}})
        if (rest.starts_with(noun)) return std::pair{what, noun.size()};
    // 引用了5项标准: after 引用, the documents are the normative references.
    if (marker.starts_with("引用"))
        for (std::string_view noun : {"国家标准", "行业标准", "标准", "文件"})
            if (rest.starts_with(noun)) return std::pair{Counted::NormativeReferences, noun.size()};
    return std::nullopt;
}

// Counts the author states as totals. Only after a word that states a total
// or a listing (共, 共有, 引用了, 界定了 …), or right after the noun (规范性引用文件共5项):
// "其中2个术语" or "增加了3个术语" counts a part, not the whole.
std::vector<WrittenCount> written_counts(std::string_view text) {
    static const std::string_view markers[] = {"共包括", "共分为", "共包含", "共有", "共计", "共",      "包括", "包含",
                                                "引用了", "引用",   "界定了", "界定", "列出了", "列出", "给出了", "收录了"};
    std::vector<WrittenCount> out;
    for (std::size_t at = 0; at < text.size();) {
        std::string_view marker;
        for (auto m : markers)
            if (text.substr(at).starts_with(m)) {
                marker = m;
                break;
            }
        if (marker.empty() || !is_count_start(text, at + marker.size())) {
            utf8::decode(text, at);
            continue;
        }
        std::size_t pos = at + marker.size();
        auto count = read_count(text, pos);
        if (count) {
            skip_measure_word(text, pos);
            if (auto noun = counted_noun(text, pos, marker)) {
                pos += noun->second;
                out.push_back({noun->first, *count, std::string(text.substr(at, pos - at))});
                at = pos;
                continue;
            }
        }
        at += marker.size();
    }
    // The noun first: 规范性引用文件共5项, 参考文献3篇, 术语共有8个.
    for (auto [noun, what] : {std::pair{std::string_view("规范性引用文件"), Counted::NormativeReferences},
                              {"参考文献", Counted::Bibliography},
                              {"术语", Counted::Terms}}) {
        for (std::size_t at = text.find(noun); at != std::string_view::npos; at = text.find(noun, at + 1)) {
            std::size_t pos = at + noun.size();
            for (std::string_view total : {"共有", "共计", "共", "有", "计"})
                if (text.substr(pos).starts_with(total)) {
                    pos += total.size();
                    break;
                }
            std::size_t count_end = pos;
            auto count = is_count_start(text, pos) ? read_count(text, count_end) : std::nullopt;
            if (!count) continue;
            std::size_t end = count_end;
            skip_measure_word(text, end);
            if (end == count_end) continue;  // 术语3.1 is a number, not a count
            out.push_back({what, *count, std::string(text.substr(at, end - at))});
        }
    }
    return out;
}

// The draft's own count, as the message states it.
std::pair<int, std::pair<std::string, std::string>> actual_count(Counted what, const model::Document& doc) {
    switch (what) {
        case Counted::Chapters: {
            int n = static_cast<int>(chapters_of(doc).size());
            return {n, {"共有" + std::to_string(n) + "章", std::to_string(n) + " chapters"}};
        }
        case Counted::NormativeReferences: {
            int n = static_cast<int>(doc.references.normative.size());
            return {n, {"有" + std::to_string(n) + "个规范性引用文件", std::to_string(n) + " normative references"}};
        }
        case Counted::Bibliography: {
            int n = static_cast<int>(doc.references.bibliography.size());
            return {n, {"的参考文献有" + std::to_string(n) + "项", std::to_string(n) + " bibliography entries"}};
        }
        case Counted::Terms: {
            int n = static_cast<int>(introduced_terms(doc).size());
            return {n, {"界定了" + std::to_string(n) + "个术语", std::to_string(n) + " terms"}};
        }
    }
    return {0, {}};
}

bool starts_with_date(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits != 4) return false;
    auto rest = text.substr(4);
    return rest.starts_with("年") || rest.starts_with("-") || rest.starts_with(".") || rest.starts_with("/");
}

bool is_timeline_section(const ReportSectionSpec& spec) {
    for (auto c : spec.contents)
        if (c == ContentKind::Statistics) return true;  // the section on the course of the work
    return false;
}

}  // namespace

void check_report(const model::Document& doc, const ReportStructure& structure, const ProjectRecord& record,
                  const CommentsTable* comments, DiagnosticSink& sink, const CommentDraft* comment_draft) {
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

    for (const auto& section : record.sections) {
        for (const auto& b : section.blocks) {
            for (const auto& written : written_counts(b.text)) {
                auto [count, said] = actual_count(written.what, doc);
                if (written.count != count)
                    sink.report("EXP-05", b.location, {{"written", written.phrase}, {"actual", said.first, said.second}});
            }
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

    // The numbers cannot be judged against a draft that could not be read (its IO-01 says why).
    bool numbers_unknown = comment_draft && !comment_draft->document;
    const model::Document& commented = comment_draft && comment_draft->document ? *comment_draft->document : doc;
    auto numbers = citable_numbers(commented);
    std::vector<std::string> candidates(numbers.begin(), numbers.end());
    std::pair<std::string, std::string> draft_name = {"草案", "the draft"};
    if (comment_draft) draft_name = {"征求意见稿（" + comment_draft->name + "）", "the draft for comment (" + comment_draft->name + ")"};
    for (const auto& c : comments->comments) {
        for (const auto& written : numbers_unknown ? std::vector<std::string>{} : split_clause_list(c.clause)) {
            std::string number = normalized_clause_number(written);
            if (!numbers.count(number)) {
                std::string guess = closest_match(number, candidates);
                sink.report("EXP-01", c.clause_location,
                            {{"serial", c.serial},
                             {"clause", written},
                             {"draft", draft_name.first, draft_name.second},
                             {"suggestion", guess.empty() ? "" : "（是否应为“" + guess + "”？）",
                              guess.empty() ? "" : " (did you mean '" + guess + "'?)"}});
                continue;
            }
            if (!comment_draft || c.decision != Decision::Adopted) continue;
            if (comment_draft->mapping->find(number).fate != ClauseMapping::Fate::Deleted) continue;
            // A comment that asked for the deletion, or an answer that says where the text went, explains it.
            bool explained = false;
            for (std::string_view word : {"删除", "删去", "取消", "合并", "并入", "移至", "移到"})
                explained = explained || c.content.find(word) != std::string::npos || c.reason.find(word) != std::string::npos;
            if (!explained) sink.report("EXP-10", c.clause_location, {{"serial", c.serial}, {"clause", written}});
        }
        if (c.decision != Decision::Adopted && c.reason.empty())
            sink.report("EXP-02", c.decision_location, {{"serial", c.serial}, {"decision", std::string(decision_name(c.decision))}});
    }
}

}  // namespace bzc::explanation
