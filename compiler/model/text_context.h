#pragma once

#include "model/document.h"

#include <algorithm>

#include <string>
#include <utility>
#include <vector>

// Where a run of text stands, as the drafting rules see it, and a flat view
// of its characters with source locations. Every check (and the analysis of
// citations) that looks at running text walks the document through
// for_each_text, so all of them agree on what counts as a 注, an informative
// annex or a definition.
namespace bzc::model {

struct TextContext {
    const model::Section* element = nullptr;  // the top-level element: 前言, a chapter, an annex …
    const model::Section* section = nullptr;  // the innermost section: a clause or a term entry
    bool in_title = false;        // a chapter/clause/annex title
    bool in_note = false;         // 注 (also table and figure notes)
    bool in_example = false;      // 示例
    bool in_table = false;        // a table cell or caption
    bool in_figure = false;       // a figure or subfigure caption
    bool in_caption = false;      // a table or figure caption
    bool in_definition = false;   // a term's definition
    bool in_term_source = false;  // a term's [来源：…]
    bool in_footnote = false;     // a footnote's text
    bool in_formula = false;      // a 式中 line
    bool in_list_item = false;
    int list_depth = 0;           // 1 inside a list, 2 inside a nested list …

    model::SectionKind element_kind() const;
    // Text that states no provisions (附加信息 and 资料性要素): 前言, 引言, 参考文献,
    // 索引, informative annexes, notes, examples, footnotes of the text.
    bool informative() const;
};

// f(const model::Inlines&, const TextContext&) for every run of inline text
// of the document, in reading order.
template <class F> void for_each_text(const model::Document& doc, F&& f);

// The characters of an inline run as one string, with the location of any
// byte offset. Cross-references read as the text bzc prints (表1), math as
// "X", footnote marks are left out.
class FlatText {
public:
    // How citations of other documents read: as written, or as one marker
    // byte, for checks that must tell "附录A" from "GB/T 1.1—2020的附录A".
    enum class Citations { AsWritten, AsMarker };
    static constexpr char citation_marker = '\x01';

    explicit FlatText(const model::Inlines& inlines, Citations citations = Citations::AsWritten);
    const std::string& text() const { return text_; }
    SourceLocation at(std::size_t offset) const;

    // The cross-references of the run, in order: the bytes [start, end) of
    // text() that print their resolved text, and the inline itself.
    struct CrossReference {
        std::size_t start;
        std::size_t end;
        const model::Inline* inline_;
    };
    const std::vector<CrossReference>& cross_references() const { return cross_references_; }

private:
    void append(const model::Inlines& inlines);
    void add(std::string_view text, SourceLocation location);
    std::string text_;
    std::vector<std::pair<std::size_t, SourceLocation>> anchors_;
    std::vector<CrossReference> cross_references_;
    Citations citations_;
};

// ------------------------------------------------------------ implementation

namespace detail {

template <class F> void walk_blocks(const model::Blocks& blocks, TextContext context, F& f);

template <class F> void walk_block(const model::Block& block, TextContext context, F& f) {
    std::visit(
        [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
                f(value.content, context);
            } else if constexpr (std::is_same_v<T, model::List>) {
                TextContext inner = context;
                inner.in_list_item = true;
                ++inner.list_depth;
                for (const auto& item : value.items) walk_blocks(item.blocks, inner, f);
            } else if constexpr (std::is_same_v<T, model::Note>) {
                TextContext inner = context;
                inner.in_note = true;
                walk_blocks(value.blocks, inner, f);
            } else if constexpr (std::is_same_v<T, model::Example>) {
                TextContext inner = context;
                inner.in_example = true;
                walk_blocks(value.blocks, inner, f);
            } else if constexpr (std::is_same_v<T, model::Table>) {
                TextContext inner = context;
                inner.in_table = true;
                TextContext caption = inner;
                caption.in_caption = true;
                f(value.caption, caption);
                for (const auto& row : value.rows)
                    for (const auto& cell : row.cells) f(cell.content, inner);
                inner.in_note = true;
                for (const auto& note : value.notes) walk_blocks(note.blocks, inner, f);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
                TextContext inner = context;
                inner.in_figure = true;
                inner.in_caption = true;
                f(value.caption, inner);
                for (const auto& sub : value.subfigures) f(sub.caption, inner);
                inner.in_caption = false;
                inner.in_note = true;
                for (const auto& note : value.notes) walk_blocks(note.blocks, inner, f);
            } else if constexpr (std::is_same_v<T, model::Formula>) {
                TextContext inner = context;
                inner.in_formula = true;
                for (const auto& item : value.where) f(item.explanation, inner);
            }
        },
        block.value);
}

template <class F> void walk_blocks(const model::Blocks& blocks, TextContext context, F& f) {
    for (const auto& block : blocks) walk_block(block, context, f);
}

template <class F> void walk_section(const model::Section& section, TextContext context, F& f) {
    context.section = &section;
    if (!context.element) context.element = &section;
    if (!section.title.empty()) {
        TextContext title = context;
        title.in_title = true;
        f(section.title, title);
    }
    if (section.kind == model::SectionKind::TermEntry) {
        TextContext definition = context;
        definition.in_definition = true;
        f(section.term.definition, definition);
    }
    walk_blocks(section.blocks, context, f);
    if (section.kind == model::SectionKind::TermEntry && !section.term.source.empty()) {
        TextContext source = context;
        source.in_term_source = true;
        f(section.term.source, source);
    }
    for (const auto& child : section.children) walk_section(child, context, f);
}

}  // namespace detail

template <class F> void for_each_text(const model::Document& doc, F&& f) {
    for (const auto& section : doc.sections) detail::walk_section(section, TextContext{}, f);
    TextContext footnote;
    footnote.in_footnote = true;
    for (const auto& fn : doc.footnotes) f(fn.content, footnote);
}

}  // namespace bzc::model
