#include "analysis/analysis.h"
#include "analysis/term_index.h"
#include "support/utf8.h"

#include <algorithm>

// `index: auto` in the cover data: the 索引 (GB/T 1.1—2020 8.14) is written
// from the term entries, so that it cannot miss a term, give a stale entry
// number or put a 多音字 term under the wrong letter. It is written as the
// blocks an author would type — the list titles, a paragraph per letter, a
// list of "term　number" entries — so that the canonical XML shows it, reads
// back the same, and the DOCX writer lays out both kinds alike.
namespace bzc::analysis {

namespace {

using model::SectionKind;

model::Block paragraph(model::Inlines content, SourceLocation where) {
    model::Block b;
    b.location = where;
    b.value = model::Paragraph{std::move(content)};
    return b;
}

// The blocks of one list: its title when there are two lists, then for
// each letter the letter and its entries.
void write_list(const TermIndexList& list, bool titled, SourceLocation where, model::Blocks& out) {
    if (list.empty()) return;
    if (titled) {
        model::Inline strong;
        strong.kind = model::InlineKind::Strong;
        strong.location = where;
        strong.children.push_back(model::text_inline(std::string(index_list_title(list.language)), where));
        out.push_back(paragraph({std::move(strong)}, where));
    }
    for (const auto& group : list.groups) {
        if (!group.letter.empty()) out.push_back(paragraph({model::text_inline(group.letter, where)}, where));
        model::List entries;
        for (const auto& e : group.entries) {
            model::ListItem item;
            item.location = where;
            item.blocks.push_back(paragraph({model::text_inline(e.term + std::string(index_line_gap) + e.entry->number, where)}, where));
            entries.items.push_back(std::move(item));
        }
        model::Block b;
        b.location = where;
        b.value = std::move(entries);
        out.push_back(std::move(b));
    }
}

// The text of the blocks, line by line, to tell whether what the author
// wrote is what bzc writes.
std::vector<std::string> lines_of(const model::Blocks& blocks) {
    std::vector<std::string> lines;
    for (const auto& b : blocks) {
        if (b.is<model::Paragraph>()) {
            lines.emplace_back(utf8::trim(model::plain_text(b.as<model::Paragraph>().content)));
        } else if (b.is<model::List>()) {
            for (const auto& item : b.as<model::List>().items) {
                std::string line;
                for (const auto& ib : item.blocks) {
                    if (ib.is<model::Paragraph>()) line += model::plain_text(ib.as<model::Paragraph>().content);
                }
                lines.emplace_back(utf8::trim(line));
            }
        } else {
            lines.emplace_back("\x01");  // a table, figure … bzc never writes
        }
    }
    return lines;
}

}  // namespace

void generate_index(model::Document& doc, DiagnosticSink& sink) {
    const std::string& mode = doc.metadata.index;
    if (mode.empty() || mode == "manual") return;
    SourceLocation where = doc.metadata.where("index");
    if (mode != "auto") {
        sink.report("META-14", where, {{"value", mode}});
        return;
    }
    model::Blocks blocks;
    {
        // The entries point into doc.sections: done with them before the
        // sections change.
        TermIndex index = build_term_index(doc);
        if (index.chinese.empty()) {
            sink.report("META-16", where);
            return;
        }
        bool titled = !index.english.empty();
        write_list(index.chinese, titled, where, blocks);
        write_list(index.english, titled, where, blocks);
    }
    auto& sections = doc.sections;
    auto existing = std::find_if(sections.begin(), sections.end(), [](const model::Section& s) { return s.kind == SectionKind::Index; });
    if (existing == sections.end()) {
        // The 索引 is the last element (8.14).
        model::Section index;
        index.kind = SectionKind::Index;
        index.location = where;
        sections.push_back(std::move(index));
        existing = sections.end() - 1;
    } else if (!existing->blocks.empty() && lines_of(existing->blocks) != lines_of(blocks)) {
        sink.report("META-15", existing->blocks.front().location);
    }
    existing->blocks = std::move(blocks);
    doc.index_generated = true;
}

}  // namespace bzc::analysis
