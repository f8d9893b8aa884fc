#include "checks/check.h"
#include "checks/structure/structure_support.h"
#include "support/utf8.h"

#include <array>
#include <optional>

// The elements of a standard and their order (6.2 and 8.3–8.14 of GB/T
// 1.1—2020; rules catalog §A.1): the mandatory elements are present, 范围,
// 规范性引用文件 and 术语和定义 are chapters 1 to 3 and 符号和缩略语 follows
// them, the elements come in the order 前言, 引言, chapters, annexes, 参考文献,
// 索引, at least one chapter of technical content follows the fixed ones, and
// no element with a fixed place is written as a numbered chapter.
namespace bzc::checks {

namespace {

using model::Section;
using model::SectionKind;
using structure::describe;
using structure::title_text;

// A chapter whose title names an unnumbered element (引言, 参考文献 …) or an
// annex: what that element is, or nothing.
struct Pseudo {
    SectionKind kind;  // its place in the order of elements
    const char* zh;
    const char* en;
};

std::optional<Pseudo> pseudo_chapter(const Section& s) {
    if (s.kind != SectionKind::Chapter) return std::nullopt;
    std::string title = model::plain_text(s.title);
    // Letter spacing, and a "0" or "0.": 引言 numbered as chapter 0.
    std::string compact;
    for (std::size_t i = 0; i < title.size();) {
        std::size_t at = i;
        char32_t c = utf8::decode(title, i);
        if (c == ' ' || c == 0x3000 || c == '\t' || (compact.empty() && (utf8::is_ascii_digit(c) || c == '.'))) continue;
        compact.append(title, at, i - at);
    }
    static constexpr Pseudo names[] = {
        {SectionKind::Foreword, "目次", "the table of contents"},  // bzc writes it; it comes first
        {SectionKind::Foreword, "前言", "the foreword"},
        {SectionKind::Introduction, "引言", "the introduction"},
        {SectionKind::Bibliography, "参考文献", "the bibliography"},
        {SectionKind::Index, "索引", "the index"},
    };
    for (const auto& p : names) {
        if (compact == p.zh) return p;
    }
    if (compact.starts_with("附录")) {
        std::string_view rest = std::string_view(compact).substr(std::string_view("附录").size());
        if (!rest.empty() && (utf8::is_ascii_alpha(static_cast<unsigned char>(rest.front())) ||
                              rest.starts_with("（") || rest.starts_with("("))) {
            return Pseudo{SectionKind::Annex, "附录", "an annex"};
        }
    }
    return std::nullopt;
}

// The place of an element in the order of 6.2.
int rank(SectionKind kind) {
    switch (kind) {
        case SectionKind::Foreword: return 0;
        case SectionKind::Introduction: return 1;
        case SectionKind::Annex: return 3;
        case SectionKind::Bibliography: return 4;
        case SectionKind::Index: return 5;
        default: return 2;  // chapters
    }
}

// 前言 or the fixed title of a chapter, the same in both languages.
DiagnosticArg element_name(const char* name, SectionKind kind) {
    std::string title(model::fixed_title(kind));
    return {name, title, title};
}

// A terminology or symbols standard has its core technical content in
// chapter 3 or 4 (§A.3): its title ends with 术语, 符号 … or its scope
// "界定了" terms or symbols.
bool is_vocabulary(const model::Document& doc) {
    std::string_view title = utf8::trim(doc.metadata.title);
    for (std::string_view word : {"术语", "词汇", "符号", "缩略语", "代号", "标志"}) {
        if (title.ends_with(word)) return true;
    }
    for (const auto& s : doc.sections) {
        if (s.kind != SectionKind::Scope) continue;
        for (const auto& block : s.blocks) {
            if (block.is<model::Paragraph>() &&
                model::plain_text(block.as<model::Paragraph>().content).find("界定了") != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

void check_elements(const model::Document& doc, DiagnosticSink& sink) {
    if (!structure::applies(doc)) return;
    const auto& sections = doc.sections;

    // STR-12: an unnumbered element or an annex written as a numbered chapter.
    std::vector<std::optional<Pseudo>> pseudo(sections.size());
    for (std::size_t i = 0; i < sections.size(); ++i) {
        pseudo[i] = pseudo_chapter(sections[i]);
        if (pseudo[i]) {
            sink.report("STR-12", sections[i].location,
                        {{"title", title_text(sections[i])}, describe("chapter", sections[i]),
                         {"element", pseudo[i]->zh, pseudo[i]->en}});
        }
    }
    // A section as the order of elements sees it: a pseudo-chapter by what it is.
    auto name = [&](const char* arg, std::size_t i) -> DiagnosticArg {
        if (pseudo[i]) return {arg, pseudo[i]->zh, pseudo[i]->en};
        return describe(arg, sections[i]);
    };

    // STR-01: the mandatory elements.
    // An element written as a chapter is there, in the wrong form (STR-12).
    bool has[16] = {};
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (!pseudo[i]) has[static_cast<int>(sections[i].kind)] = true;
        else if (std::string_view(pseudo[i]->zh) != "目次") has[static_cast<int>(pseudo[i]->kind)] = true;
    }
    SourceLocation top = sections.empty() ? doc.location : sections.front().location;
    if (!has[static_cast<int>(SectionKind::Foreword)]) {
        sink.report("STR-01", top, {element_name("element", SectionKind::Foreword), {"position", "", ""}});
    }
    static constexpr std::array<SectionKind, 3> fixed = {SectionKind::Scope, SectionKind::NormativeReferences,
                                                         SectionKind::TermsAndDefinitions};
    for (std::size_t k = 0; k < fixed.size(); ++k) {
        if (has[static_cast<int>(fixed[k])]) continue;
        // Point at the chapter that stands where this one belongs.
        const Section* at = nullptr;
        const Section* last = nullptr;
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const Section& s = sections[i];
            if (pseudo[i] || !model::is_chapter(s.kind)) continue;
            last = &s;
            bool before = false;
            for (std::size_t j = 0; j < k; ++j) before = before || s.kind == fixed[j];
            if (!before && !at) at = &s;
        }
        if (!at) at = last;
        std::string n = std::to_string(k + 1);
        sink.report("STR-01", at ? at->location : top,
                    {element_name("element", fixed[k]), {"position", "（应为第" + n + "章）", " (clause " + n + ")"}});
    }

    // STR-02: 前言, 引言, chapters, annexes, 参考文献, 索引.
    std::size_t highest = sections.size();
    int highest_rank = -1;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        int r = rank(pseudo[i] ? pseudo[i]->kind : sections[i].kind);
        if (highest < sections.size() && r < highest_rank) {
            sink.report("STR-02", sections[i].location, {name("element", i), name("previous", highest)});
            continue;
        }
        if (r > highest_rank) {
            highest_rank = r;
            highest = i;
        }
    }

    // STR-07, STR-08: chapters 1 to 3 are 范围, 规范性引用文件, 术语和定义, in
    // that order; 符号和缩略语 follows them.
    std::vector<SectionKind> expected;
    for (SectionKind kind : fixed) {
        if (has[static_cast<int>(kind)]) expected.push_back(kind);
    }
    std::size_t next = 0;
    bool consumed[16] = {};
    bool technical_before = false;  // an ordinary chapter came before
    std::size_t symbols = 0;         // 符号和缩略语 chapters so far
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const Section& s = sections[i];
        if (pseudo[i] || !model::is_chapter(s.kind)) continue;
        auto skip_consumed = [&] {
            while (next < expected.size() && consumed[static_cast<int>(expected[next])]) ++next;
        };
        bool is_fixed = s.kind == SectionKind::Scope || s.kind == SectionKind::NormativeReferences ||
                        s.kind == SectionKind::TermsAndDefinitions;
        if (is_fixed) {
            if (consumed[static_cast<int>(s.kind)]) continue;  // a second 范围: not a question of order
            if (next < expected.size() && s.kind == expected[next]) {
                consumed[static_cast<int>(s.kind)] = true;
                skip_consumed();
                continue;
            }
            consumed[static_cast<int>(s.kind)] = true;
            std::string title(model::fixed_title(s.kind));
            std::string before(model::fixed_title(expected[next]));
            sink.report("STR-07", s.location,
                        {{"problem", "“" + title + "”排在了“" + before + "”之前", title + " comes before " + before}});
            skip_consumed();
            continue;
        }
        if (next < expected.size()) {
            std::string before(model::fixed_title(expected[next]));
            sink.report("STR-07", s.location,
                        {{"problem", "第" + s.number + "章“" + title_text(s) + "”排在了“" + before + "”之前",
                          "clause " + s.number + " '" + title_text(s) + "' comes before " + before}});
            if (s.kind == SectionKind::Chapter) technical_before = true;
            continue;
        }
        if (s.kind == SectionKind::SymbolsAndAbbreviations) {
            if (technical_before) {
                sink.report("STR-08", s.location,
                            {{"title", title_text(s)}, {"expected", std::to_string(expected.size() + symbols + 1)}, {"actual", s.number}});
            }
            ++symbols;
            continue;
        }
        technical_before = true;
    }

    // STR-11: a chapter of technical content besides the fixed ones.
    const Section* last_chapter = nullptr;
    bool has_technical = false;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (pseudo[i] || !model::is_chapter(sections[i].kind)) continue;
        last_chapter = &sections[i];
        has_technical = has_technical || sections[i].kind == SectionKind::Chapter;
    }
    if (!has_technical && !is_vocabulary(doc)) {
        sink.report("STR-11", last_chapter ? last_chapter->location : top);
    }
}

}  // namespace bzc::checks
