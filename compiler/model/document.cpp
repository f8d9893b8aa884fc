#include "model/document.h"

#include <algorithm>

namespace bzc::model {

std::size_t Table::column_count() const {
    std::size_t widest = 0;
    for (const auto& row : rows) {
        std::size_t width = 0;
        for (const auto& cell : row.cells) width += static_cast<std::size_t>(std::max(cell.column_span, 1));
        widest = std::max(widest, width);
    }
    return widest;
}

Inline text_inline(std::string text, SourceLocation where) {
    Inline in;
    in.kind = InlineKind::Text;
    in.text = std::move(text);
    in.location = where;
    return in;
}

std::string_view fixed_title(SectionKind kind) {
    switch (kind) {
        case SectionKind::Foreword: return "前言";
        case SectionKind::Introduction: return "引言";
        case SectionKind::Scope: return "范围";
        case SectionKind::NormativeReferences: return "规范性引用文件";
        case SectionKind::TermsAndDefinitions: return "术语和定义";
        case SectionKind::Bibliography: return "参考文献";
        case SectionKind::Index: return "索引";
        default: return {};
    }
}

bool is_chapter(SectionKind kind) {
    switch (kind) {
        case SectionKind::Scope:
        case SectionKind::NormativeReferences:
        case SectionKind::TermsAndDefinitions:
        case SectionKind::SymbolsAndAbbreviations:
        case SectionKind::Chapter: return true;
        default: return false;
    }
}

SectionKind chapter_kind_for_title(std::string_view title) {
    if (title == "范围") return SectionKind::Scope;
    if (title == "规范性引用文件") return SectionKind::NormativeReferences;
    if (title == "术语和定义") return SectionKind::TermsAndDefinitions;
    if (title == "符号和缩略语" || title == "缩略语和符号" || title == "符号" || title == "缩略语" ||
        title == "代号和缩略语" || title == "符号、代号和缩略语") {
        return SectionKind::SymbolsAndAbbreviations;
    }
    return SectionKind::Chapter;
}

namespace {
void append_plain(const Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case InlineKind::Text:
            case InlineKind::Code:
            case InlineKind::Math:
            case InlineKind::Citation: out += in.text; break;
            case InlineKind::LineBreak: out += '\n'; break;
            case InlineKind::CrossReference:
            case InlineKind::FootnoteReference: out += in.resolved_text; break;
            default: append_plain(in.children, out); break;
        }
    }
}
}  // namespace

bool parse_suppression(std::string_view comment, Suppression& out) {
    auto skip_space = [&] {
        while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\n' || comment.front() == '\t')) comment.remove_prefix(1);
    };
    if (comment.starts_with("<!--")) comment.remove_prefix(4);
    if (comment.ends_with("-->")) comment.remove_suffix(3);
    skip_space();
    bool whole_file = false;
    if (comment.starts_with("bzc-ignore-file")) {
        whole_file = true;
        comment.remove_prefix(std::string_view("bzc-ignore-file").size());
    } else if (comment.starts_with("bzc-ignore")) {
        comment.remove_prefix(std::string_view("bzc-ignore").size());
    } else {
        return false;
    }
    if (!comment.empty() && comment.front() != ' ' && comment.front() != '\n' && comment.front() != '\t') return false;
    out.rules.clear();
    // Rule ids: capitals, '-', digits; separated by commas or spaces.
    while (true) {
        skip_space();
        std::size_t n = 0;
        while (n < comment.size() && ((comment[n] >= 'A' && comment[n] <= 'Z') || (comment[n] >= '0' && comment[n] <= '9') || comment[n] == '-')) ++n;
        if (n == 0 || comment.substr(0, n).find('-') == std::string_view::npos) break;
        out.rules.emplace_back(comment.substr(0, n));
        comment.remove_prefix(n);
        if (!comment.empty() && comment.front() == ',') comment.remove_prefix(1);
    }
    skip_space();
    while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\n' || comment.back() == '\t')) comment.remove_suffix(1);
    if (comment.starts_with(":") || comment.starts_with("：")) comment.remove_prefix(comment.front() == ':' ? 1 : 3);
    skip_space();
    out.reason = std::string(comment);
    if (whole_file) out.first_line = out.last_line = 0;
    return true;
}

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

}  // namespace bzc::model
