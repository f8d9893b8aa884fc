#include "frontend/xml/xml_reader.h"

#include "frontend/xml/schema_validation.h"
#include "frontend/xml/xml_location.h"
#include "frontend/xml/xml_metadata.h"
#include "support/limits.h"
#include "support/source_manager.h"
#include "support/utf8.h"

#include <pugixml.hpp>

#include <cstring>

namespace bzc::frontend {

namespace {

using model::Block;
using model::Blocks;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using model::Section;
using model::SectionKind;

bool named(const pugi::xml_node& node, const char* name) { return std::strcmp(node.name(), name) == 0; }

class XmlReader {
public:
    XmlReader(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink)
        : file_(file), sources_(sources), sink_(sink) {}

    model::Document read(const pugi::xml_node& root) {
        doc_.file = file_;
        doc_.location = where(root);
        metadata(root.child("metadata"));
        collect_suppressions(root);
        for (pugi::xml_node node : root.children()) {
            if (node.type() != pugi::node_element) continue;
            if (named(node, "metadata")) continue;
            if (named(node, "footnotes")) {
                footnotes(node);
                continue;
            }
            Section section;
            section.location = where(node);
            section.id = node.attribute("id").value();
            if (named(node, "foreword")) section.kind = SectionKind::Foreword;
            else if (named(node, "introduction")) section.kind = SectionKind::Introduction;
            else if (named(node, "bibliography")) section.kind = SectionKind::Bibliography;
            else if (named(node, "index")) section.kind = SectionKind::Index;
            else if (named(node, "annex")) {
                section.kind = SectionKind::Annex;
                section.obligation = std::strcmp(node.attribute("obligation").value(), "informative") == 0
                                         ? model::AnnexObligation::Informative
                                         : model::AnnexObligation::Normative;
            } else {
                section.kind = SectionKind::Chapter;
            }
            body(node, section, 0);
            if (section.kind == SectionKind::Chapter) {
                section.kind = model::chapter_kind_for_title(std::string(utf8::trim(model::plain_text(section.title))));
            }
            doc_.sections.push_back(std::move(section));
        }
        return std::move(doc_);
    }

private:
    SourceLocation where(const pugi::xml_node& node) const { return xml_node_location(node, file_, sources_); }

    // <!-- bzc-ignore RULE reason --> applies to the element after it, up to
    // the line before the element that follows that one.
    void collect_suppressions(const pugi::xml_node& parent) {
        for (pugi::xml_node node : parent.children()) {
            if (node.type() == pugi::node_element) {
                collect_suppressions(node);
                continue;
            }
            if (node.type() != pugi::node_comment) continue;
            model::Suppression suppression;
            if (!model::parse_suppression(node.value(), suppression)) continue;
            suppression.location = where(node);
            if (std::string_view(node.value()).find("bzc-ignore-file") == std::string_view::npos) {
                pugi::xml_node target = node.next_sibling();
                while (target && target.type() != pugi::node_element) target = target.next_sibling();
                if (target) {
                    suppression.first_line = where(target).line;
                    pugi::xml_node after = target.next_sibling();
                    while (after && after.type() != pugi::node_element && after.type() != pugi::node_comment) after = after.next_sibling();
                    suppression.last_line = after ? std::max(where(after).line, suppression.first_line + 1) - 1
                                                  : static_cast<std::uint32_t>(sources_.file(file_).line_starts.size());
                } else {
                    suppression.first_line = suppression.last_line = suppression.location.line;
                }
            }
            doc_.suppressions.push_back(std::move(suppression));
        }
    }

    void metadata(const pugi::xml_node& node) {
        read_xml_metadata(node, [this](const pugi::xml_node& n) { return where(n); }, doc_.metadata);
    }

    void footnotes(const pugi::xml_node& node) {
        for (pugi::xml_node fn : node.children("footnote")) {
            model::Footnote footnote;
            footnote.label = fn.attribute("id").value();
            footnote.location = where(fn);
            inlines(fn, footnote.content, 0);
            doc_.footnotes.push_back(std::move(footnote));
        }
    }

    // The content of a section element: title, blocks, then clauses and terms.
    void body(const pugi::xml_node& node, Section& section, int depth) {
        if (pugi::xml_node title = node.child("title")) {
            inlines(title, section.title, 0);
            section.titled = true;
        } else {
            section.titled = section.kind != SectionKind::Clause;
        }
        blocks(node, section.blocks, 0);
        for (pugi::xml_node child : node.children()) {
            if (named(child, "clause")) {
                Section clause;
                clause.kind = SectionKind::Clause;
                clause.location = where(child);
                clause.id = child.attribute("id").value();
                if (depth + 1 > 5 && !reported_depth_) {
                    sink_.report("DSL-03", clause.location, {{"depth", std::to_string(depth + 1)}});
                    reported_depth_ = true;
                }
                if (depth + 1 > limits::max_block_nesting) {
                    sink_.report("LIMIT-02", clause.location, {{"limit", std::to_string(limits::max_block_nesting)}});
                    continue;
                }
                body(child, clause, depth + 1);
                section.children.push_back(std::move(clause));
            } else if (named(child, "term")) {
                section.children.push_back(term(child));
            }
        }
    }

    Section term(const pugi::xml_node& node) {
        Section s;
        s.kind = SectionKind::TermEntry;
        s.location = where(node);
        s.id = node.attribute("id").value();
        auto& t = s.term;
        t.pinyin = node.attribute("pinyin").value();
        t.preferred = utf8::trim(node.child_value("preferred"));
        for (pugi::xml_node a : node.children("admitted")) t.admitted.emplace_back(utf8::trim(a.child_value()));
        if (pugi::xml_node symbol = node.child("symbol")) inlines(symbol, t.symbol, 0);
        t.english = utf8::trim(node.child_value("english"));
        t.abbreviation = utf8::trim(node.child_value("abbreviation"));
        if (pugi::xml_node d = node.child("definition")) inlines(d, t.definition, 0);
        if (pugi::xml_node src = node.child("source")) {
            inlines(src, t.source, 0);
            t.source_location = where(src);
        }
        blocks(node, s.blocks, 0);
        return s;
    }

    void blocks(const pugi::xml_node& parent, Blocks& out, int depth) {
        for (pugi::xml_node node : parent.children()) {
            if (node.type() != pugi::node_element) continue;
            Block block;
            block.location = where(node);
            if (depth > limits::max_block_nesting) {
                sink_.report("LIMIT-02", block.location, {{"limit", std::to_string(limits::max_block_nesting)}});
                return;
            }
            if (named(node, "p")) {
                model::Paragraph p;
                inlines(node, p.content, 0);
                block.value = std::move(p);
            } else if (named(node, "ul") || named(node, "ol")) {
                model::List list;
                list.ordered = named(node, "ol");
                for (pugi::xml_node li : node.children("li")) {
                    model::ListItem item;
                    item.id = li.attribute("id").value();
                    item.location = where(li);
                    blocks(li, item.blocks, depth + 1);
                    list.items.push_back(std::move(item));
                }
                block.value = std::move(list);
            } else if (named(node, "note")) {
                model::Note note;
                blocks(node, note.blocks, depth + 1);
                block.value = std::move(note);
            } else if (named(node, "example")) {
                model::Example example;
                blocks(node, example.blocks, depth + 1);
                block.value = std::move(example);
            } else if (named(node, "table")) {
                block.value = table(node, depth);
            } else if (named(node, "figure")) {
                block.value = figure(node, depth);
            } else if (named(node, "formula")) {
                model::Formula formula;
                formula.id = node.attribute("id").value();
                formula.tex = node.child_value("tex");
                for (pugi::xml_node item : node.child("where").children("item")) {
                    model::WhereItem w;
                    w.location = where(item);
                    inlines(item.child("symbol"), w.symbol, 0);
                    inlines(item.child("explanation"), w.explanation, 0);
                    formula.where.push_back(std::move(w));
                }
                if (utf8::trim(formula.tex).empty()) sink_.report("DSL-14", block.location);
                block.value = std::move(formula);
            } else {
                continue;  // title, clause, term … are read by the section code
            }
            out.push_back(std::move(block));
        }
    }

    model::Table table(const pugi::xml_node& node, int depth) {
        model::Table t;
        t.id = node.attribute("id").value();
        if (pugi::xml_node caption = node.child("caption")) inlines(caption, t.caption, 0);
        t.unit = utf8::trim(node.child_value("unit"));
        for (pugi::xml_node tr : node.children("tr")) {
            model::TableRow row;
            row.header = tr.attribute("header").as_bool();
            for (pugi::xml_node td : tr.children("td")) {
                model::TableCell cell;
                cell.location = where(td);
                cell.row_span = std::max(1, td.attribute("rowspan").as_int(1));
                cell.column_span = std::max(1, td.attribute("colspan").as_int(1));
                std::string align = td.attribute("align").value();
                if (align == "left") cell.alignment = model::Alignment::Left;
                else if (align == "center") cell.alignment = model::Alignment::Center;
                else if (align == "right") cell.alignment = model::Alignment::Right;
                inlines(td, cell.content, 0);
                row.cells.push_back(std::move(cell));
            }
            t.rows.push_back(std::move(row));
        }
        if (t.column_count() > limits::max_table_columns) {
            sink_.report("LIMIT-03", where(node),
                         {{"columns", std::to_string(t.column_count())}, {"limit", std::to_string(limits::max_table_columns)}});
            t.rows.clear();
        }
        for (pugi::xml_node n : node.children("table-note")) {
            model::Note note;
            blocks(n, note.blocks, depth + 1);
            t.notes.push_back(std::move(note));
        }
        return t;
    }

    model::Figure figure(const pugi::xml_node& node, int depth) {
        model::Figure f;
        f.id = node.attribute("id").value();
        if (pugi::xml_node caption = node.child("caption")) inlines(caption, f.caption, 0);
        f.image = node.child("image").attribute("src").value();
        for (pugi::xml_node sub : node.children("subfigure")) {
            model::Subfigure s;
            s.id = sub.attribute("id").value();
            s.location = where(sub);
            if (pugi::xml_node caption = sub.child("caption")) inlines(caption, s.caption, 0);
            s.image = sub.child("image").attribute("src").value();
            f.subfigures.push_back(std::move(s));
        }
        for (pugi::xml_node n : node.children("figure-note")) {
            model::Note note;
            blocks(n, note.blocks, depth + 1);
            f.notes.push_back(std::move(note));
        }
        return f;
    }

    void inlines(const pugi::xml_node& parent, Inlines& out, int depth) {
        if (depth > limits::max_inline_nesting) {
            sink_.report("LIMIT-02", where(parent), {{"limit", std::to_string(limits::max_inline_nesting)}});
            return;
        }
        for (pugi::xml_node node : parent.children()) {
            Inline in;
            in.location = where(node);
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                if (!out.empty() && out.back().kind == InlineKind::Text) {
                    out.back().text += node.value();
                    continue;
                }
                in.kind = InlineKind::Text;
                in.text = node.value();
            } else if (node.type() != pugi::node_element) {
                continue;
            } else if (named(node, "em") || named(node, "strong") || named(node, "sub") || named(node, "sup")) {
                in.kind = named(node, "em")       ? InlineKind::Emphasis
                          : named(node, "strong") ? InlineKind::Strong
                          : named(node, "sub")    ? InlineKind::Subscript
                                                  : InlineKind::Superscript;
                inlines(node, in.children, depth + 1);
            } else if (named(node, "m")) {
                in.kind = InlineKind::Math;
                in.text = node.child_value();
            } else if (named(node, "code")) {
                in.kind = InlineKind::Code;
                in.text = node.child_value();
            } else if (named(node, "std")) {
                in.kind = InlineKind::Citation;
                in.text = node.child_value();
            } else if (named(node, "br")) {
                in.kind = InlineKind::LineBreak;
            } else if (named(node, "xref")) {
                in.kind = InlineKind::CrossReference;
                in.text = node.attribute("target").value();
            } else if (named(node, "fn")) {
                in.kind = InlineKind::FootnoteReference;
                in.text = node.attribute("ref").value();
            } else {
                continue;
            }
            out.push_back(std::move(in));
        }
    }

    std::uint32_t file_;
    const SourceManager& sources_;
    DiagnosticSink& sink_;
    model::Document doc_;
    bool reported_depth_ = false;
};

}  // namespace

model::Document read_xml(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    model::Document empty;
    empty.file = file;
    empty.location = {file, 1, 1};
    if (!validate_xml_source(file, sources, sink)) return empty;
    const std::string& text = sources.file(file).text;
    pugi::xml_document xml;
    // parse_ws_pcdata keeps white space in mixed content, where it is text;
    // in element-only content the reader skips it.
    pugi::xml_parse_result result = xml.load_buffer(text.data(), text.size(),
                                                    pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments,
                                                    pugi::encoding_utf8);
    if (!result) {
        sink.report("XML-01", sources.location_at_offset(file, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
                    {{"reason", result.description()}});
        return empty;
    }
    return XmlReader(file, sources, sink).read(xml.document_element());
}

}  // namespace bzc::frontend
