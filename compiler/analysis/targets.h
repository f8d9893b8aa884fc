#pragma once

#include "model/document.h"

#include <string>
#include <string_view>

// Everything in a document a pointer can name, with the text bzc prints for
// it (9.5; rules catalog §E.6): 第4章, 4.1 (no 第/条), 附录A, 表2, 图1,
// 图1 a), 公式(3), 5.2 b). Cross-references are resolved against this list,
// and the pointer checks compare hand-typed numbers with it, so the printed
// form of a number is written once, here.
namespace bzc::analysis {

enum class TargetKind {
    Element,    // 前言, 引言, 参考文献 …: a fixed title, no number
    Chapter,    // 第4章
    Annex,      // 附录A
    Clause,     // 4.1, A.2, 0.1, a term entry 3.1
    Table,      // 表2, 表A.1
    Figure,     // 图1
    Subfigure,  // 图1 a)
    Formula,    // 公式(3)
    ListItem,   // 5.2 b), 第5章 b), 附录A b), 5.2 b) 2); [3] in 参考文献
};

struct TargetInfo {
    TargetKind kind;
    const std::string& id;         // may be empty: the element has no {#id}
    std::string text;              // as printed; empty when it cannot be referred to
    std::string_view why_not_zh;   // why not, when `text` is empty
    std::string_view why_not_en;
    SourceLocation location;
    std::string_view owner;        // list items and subfigures: 5.2, 第5章, 图1 …
    const model::Section* section;  // chapters, annexes, clauses, elements
};

// f(const TargetInfo&) for every section, table, figure, subfigure, formula
// and list item, in document order.
template <class F> void for_each_target(const model::Document& doc, F&& f);

// ------------------------------------------------------------ implementation

namespace detail {

template <class F> void target_blocks(const model::Blocks& blocks, const std::string& owner, F& f) {
    for (const auto& block : blocks) {
        if (block.is<model::Table>()) {
            const auto& table = block.as<model::Table>();
            f(TargetInfo{TargetKind::Table, table.id, table.number, {}, {}, block.location, {}, nullptr});
            for (const auto& note : table.notes) target_blocks(note.blocks, owner, f);
        } else if (block.is<model::Figure>()) {
            const auto& figure = block.as<model::Figure>();
            f(TargetInfo{TargetKind::Figure, figure.id, figure.number, {}, {}, block.location, {}, nullptr});
            for (const auto& sub : figure.subfigures) {
                f(TargetInfo{TargetKind::Subfigure, sub.id, figure.number + " " + sub.number, {}, {}, sub.location,
                             figure.number, nullptr});
            }
        } else if (block.is<model::Formula>()) {
            const auto& formula = block.as<model::Formula>();
            f(TargetInfo{TargetKind::Formula, formula.id, "公式" + formula.number, {}, {}, block.location, {}, nullptr});
        } else if (block.is<model::List>()) {
            for (const auto& item : block.as<model::List>().items) {
                TargetInfo t{TargetKind::ListItem, item.id, {}, {}, {}, item.location, owner, nullptr};
                if (item.number.empty()) {
                    t.why_not_zh = "项目符号列项不编号，请改用有序列项（1. 2. …，排为a) b) …）";
                    t.why_not_en = "dash list items are unnumbered; use an ordered list (1. 2. …, printed a) b) …)";
                } else if (item.number.front() == '[') {
                    t.text = item.number;
                } else {
                    t.text = owner.empty() ? item.number : owner + " " + item.number;
                }
                f(t);
                // A nested item is referred to through its parent: 5.2 b) 2).
                target_blocks(item.blocks, t.text.empty() ? owner : t.text, f);
            }
        } else if (block.is<model::Note>()) {
            target_blocks(block.as<model::Note>().blocks, owner, f);
        } else if (block.is<model::Example>()) {
            target_blocks(block.as<model::Example>().blocks, owner, f);
        }
    }
}

template <class F> void target_section(const model::Section& section, F& f) {
    TargetInfo t{TargetKind::Clause, section.id, {}, {}, {}, section.location, {}, &section};
    if (model::is_chapter(section.kind)) {
        t.kind = TargetKind::Chapter;
        t.text = "第" + section.number + "章";
    } else if (section.kind == model::SectionKind::Annex) {
        t.kind = TargetKind::Annex;
        t.text = "附录" + section.number;
    } else if (!section.number.empty()) {
        t.text = section.number;
    } else if (!model::fixed_title(section.kind).empty()) {
        t.kind = TargetKind::Element;
        t.text = std::string(model::fixed_title(section.kind));
    } else {
        t.why_not_zh = "该条位于不编号的要素中";
        t.why_not_en = "the clause lies in an unnumbered element";
    }
    f(t);
    // Items of a list directly in a chapter or annex print as 第5章 b) / 附录A b).
    bool element = t.kind == TargetKind::Chapter || t.kind == TargetKind::Annex;
    target_blocks(section.blocks, element ? t.text : section.number, f);
    for (const auto& child : section.children) target_section(child, f);
}

}  // namespace detail

template <class F> void for_each_target(const model::Document& doc, F&& f) {
    for (const auto& section : doc.sections) detail::target_section(section, f);
}

}  // namespace bzc::analysis
