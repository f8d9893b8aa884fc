#pragma once

#include "model/document.h"

// Visitors over the document model. Every later stage walks the model, so
// the walk is written once here; a new place that holds inline text or
// blocks is added here and every check sees it.
namespace bzc::model {

// Calls f(section, parent) for every section, depth first, parents before children.
template <class D, class F> void for_each_section(D& doc, F&& f);

// Calls f(blocks_vector) for every vector of blocks: section content, list
// items, notes, examples, table and figure notes.
template <class D, class F> void for_each_blocks(D& doc, F&& f);

// Calls f(inlines) for every run of inline content anywhere in the document:
// titles, paragraphs, captions, cells, term fields, 式中 lines, footnotes.
template <class D, class F> void for_each_inlines(D& doc, F&& f);

// ------------------------------------------------------------ implementation

namespace detail {

template <class S, class F> void walk_sections(S& section, S* parent, F& f) {
    f(section, parent);
    for (auto& child : section.children) walk_sections(child, &section, f);
}

template <class B, class F> void walk_blocks(B& blocks, F& f) {
    f(blocks);
    for (auto& block : blocks) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, List>) {
                    for (auto& item : value.items) walk_blocks(item.blocks, f);
                } else if constexpr (std::is_same_v<T, Note> || std::is_same_v<T, Example>) {
                    walk_blocks(value.blocks, f);
                } else if constexpr (std::is_same_v<T, Table> || std::is_same_v<T, Figure>) {
                    for (auto& note : value.notes) walk_blocks(note.blocks, f);
                }
            },
            block.value);
    }
}

template <class B, class F> void inlines_of_blocks(B& blocks, F& f) {
    for (auto& block : blocks) {
        std::visit(
            [&](auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, Paragraph>) {
                    f(value.content);
                } else if constexpr (std::is_same_v<T, Table>) {
                    f(value.caption);
                    for (auto& row : value.rows)
                        for (auto& cell : row.cells) f(cell.content);
                } else if constexpr (std::is_same_v<T, Figure>) {
                    f(value.caption);
                    for (auto& sub : value.subfigures) f(sub.caption);
                } else if constexpr (std::is_same_v<T, Formula>) {
                    for (auto& item : value.where) {
                        f(item.symbol);
                        f(item.explanation);
                    }
                }
            },
            block.value);
    }
}

}  // namespace detail

template <class D, class F> void for_each_section(D& doc, F&& f) {
    for (auto& section : doc.sections) detail::walk_sections(section, decltype(&section)(nullptr), f);
}

template <class D, class F> void for_each_blocks(D& doc, F&& f) {
    for_each_section(doc, [&](auto& section, auto*) { detail::walk_blocks(section.blocks, f); });
}

template <class D, class F> void for_each_inlines(D& doc, F&& f) {
    for_each_section(doc, [&](auto& section, auto*) {
        f(section.title);
        f(section.term.symbol);
        f(section.term.definition);
        f(section.term.source);
    });
    for_each_blocks(doc, [&](auto& blocks) { detail::inlines_of_blocks(blocks, f); });
    for (auto& footnote : doc.footnotes) f(footnote.content);
}

}  // namespace bzc::model
