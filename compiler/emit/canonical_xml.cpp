#include "emit/canonical_xml.h"

#include "emit/xml_writer.h"

namespace bzc::emit {

namespace {

using model::Block;
using model::Inline;
using model::InlineKind;
using model::Section;
using model::SectionKind;

const char* alignment_name(model::Alignment a) {
    switch (a) {
        case model::Alignment::Left: return "left";
        case model::Alignment::Center: return "center";
        case model::Alignment::Right: return "right";
        default: return "";
    }
}

class CanonicalWriter {
public:
    std::string write(const model::Document& doc) {
        w_.open_block("standard", {{"version", "1"}});
        metadata(doc.metadata);
        for (const auto& section : doc.sections) top_level(section);
        if (!doc.footnotes.empty()) {
            w_.open_block("footnotes");
            for (const auto& fn : doc.footnotes) {
                inline_element("footnote", fn.content, {{"id", fn.label}});
            }
            w_.close_block();
        }
        return w_.finish();
    }

private:
    void metadata(const model::Metadata& m) {
        w_.open_block("metadata");
        auto field = [&](std::string_view name, const std::string& value) {
            if (!value.empty()) w_.text_element(name, value);
        };
        auto fields = [&](std::string_view name, const std::vector<std::string>& values) {
            for (const auto& v : values) w_.text_element(name, v);
        };
        field("number", m.number);
        fields("replaces", m.replaces);
        field("title", m.title);
        field("title-en", m.title_en);
        fields("ics", m.ics);
        field("ccs", m.ccs);
        field("filing", m.filing);
        field("stage", m.stage_text);
        field("issued", m.issued);
        field("effective", m.effective);
        field("draft-date", m.draft_date);
        field("issuer", m.issuer);
        field("proposer", m.proposer);
        field("owner", m.owner);
        fields("drafting-unit", m.drafting_units);
        fields("drafter", m.drafters);
        field("adoption", m.adoption);
        if (m.toc) w_.text_element("toc", "true");
        field("references", m.references);
        field("index", m.index);
        field("category", m.category);
        field("reviewed", m.reviewed);
        w_.close_block();
    }

    void top_level(const Section& s) {
        switch (s.kind) {
            case SectionKind::Foreword: w_.open_block("foreword", {{"id", s.id}}); break;
            case SectionKind::Introduction: w_.open_block("introduction", {{"id", s.id}}); break;
            case SectionKind::Bibliography: w_.open_block("bibliography", {{"id", s.id}}); break;
            case SectionKind::Index: w_.open_block("index", {{"id", s.id}}); break;
            case SectionKind::Annex:
                w_.open_block("annex", {{"id", s.id},
                                        {"number", s.number},
                                        {"obligation", s.obligation == model::AnnexObligation::Normative ? "normative" : "informative"}});
                title(s);
                break;
            default:
                w_.open_block("chapter", {{"id", s.id}, {"number", s.number}});
                title(s);
                break;
        }
        body(s);
        w_.close_block();
    }

    void title(const Section& s) {
        if (s.titled) inline_element("title", s.title);
    }

    void body(const Section& s) {
        blocks(s.blocks);
        for (const auto& child : s.children) {
            if (child.kind == SectionKind::TermEntry) term(child);
            else clause(child);
        }
    }

    void clause(const Section& s) {
        w_.open_block("clause", {{"id", s.id}, {"number", s.number}});
        title(s);
        body(s);
        w_.close_block();
    }

    void term(const Section& s) {
        const auto& t = s.term;
        w_.open_block("term", {{"id", s.id}, {"number", s.number}, {"pinyin", t.pinyin}});
        w_.text_element("preferred", t.preferred);
        for (const auto& a : t.admitted) w_.text_element("admitted", a);
        optional_inline_element("symbol", t.symbol);
        if (!t.english.empty()) w_.text_element("english", t.english);
        if (!t.abbreviation.empty()) w_.text_element("abbreviation", t.abbreviation);
        optional_inline_element("definition", t.definition);
        blocks(s.blocks);
        optional_inline_element("source", t.source);
        w_.close_block();
    }

    void blocks(const model::Blocks& list) {
        for (const auto& b : list) block(b);
    }

    void block(const Block& b) {
        std::visit([&](const auto& value) { write_block(value); }, b.value);
    }

    void write_block(const model::Paragraph& p) { inline_element("p", p.content); }

    void write_block(const model::List& list) {
        w_.open_block(list.ordered ? "ol" : "ul");
        for (const auto& item : list.items) {
            w_.open_block("li", {{"id", item.id}, {"number", item.number}});
            blocks(item.blocks);
            w_.close_block();
        }
        w_.close_block();
    }

    void object_notes(std::string_view name, const std::vector<model::Note>& notes) {
        for (const auto& note : notes) {
            w_.open_block(name, {{"number", note.number}});
            blocks(note.blocks);
            w_.close_block();
        }
    }

    void write_block(const model::Note& note) {
        w_.open_block("note", {{"number", note.number}});
        blocks(note.blocks);
        w_.close_block();
    }

    void write_block(const model::Example& example) {
        w_.open_block("example", {{"number", example.number}});
        blocks(example.blocks);
        w_.close_block();
    }

    void write_block(const model::Table& table) {
        w_.open_block("table", {{"id", table.id}, {"number", table.number}});
        optional_inline_element("caption", table.caption);
        if (!table.unit.empty()) w_.text_element("unit", table.unit);
        for (const auto& row : table.rows) {
            w_.open_block("tr", {{"header", row.header ? "true" : ""}});
            for (const auto& cell : row.cells) {
                std::string rows = cell.row_span > 1 ? std::to_string(cell.row_span) : "";
                std::string cols = cell.column_span > 1 ? std::to_string(cell.column_span) : "";
                inline_element("td", cell.content, {{"rowspan", rows}, {"colspan", cols}, {"align", alignment_name(cell.alignment)}});
            }
            w_.close_block();
        }
        object_notes("table-note", table.notes);
        w_.close_block();
    }

    void write_block(const model::Figure& figure) {
        w_.open_block("figure", {{"id", figure.id}, {"number", figure.number}});
        optional_inline_element("caption", figure.caption);
        if (!figure.image.empty()) w_.empty_element("image", {{"src", figure.image}});
        for (const auto& sub : figure.subfigures) {
            w_.open_block("subfigure", {{"id", sub.id}, {"number", sub.number}});
            optional_inline_element("caption", sub.caption);
            w_.empty_element("image", {{"src", sub.image}});
            w_.close_block();
        }
        object_notes("figure-note", figure.notes);
        w_.close_block();
    }

    void write_block(const model::Formula& formula) {
        w_.open_block("formula", {{"id", formula.id}, {"number", formula.number}});
        w_.text_element("tex", formula.tex);
        if (!formula.where.empty()) {
            w_.open_block("where");
            for (const auto& item : formula.where) {
                w_.open_block("item");
                inline_element("symbol", item.symbol);
                inline_element("explanation", item.explanation);
                w_.close_block();
            }
            w_.close_block();
        }
        w_.close_block();
    }

    void inlines(const model::Inlines& list) {
        for (const auto& in : list) {
            switch (in.kind) {
                case InlineKind::Text: w_.text(in.text); break;
                case InlineKind::Emphasis: span("em", in); break;
                case InlineKind::Strong: span("strong", in); break;
                case InlineKind::Subscript: span("sub", in); break;
                case InlineKind::Superscript: span("sup", in); break;
                case InlineKind::Math: w_.text_element("m", in.text); break;
                case InlineKind::Code: w_.text_element("code", in.text); break;
                case InlineKind::LineBreak: w_.empty_element("br"); break;
                case InlineKind::CrossReference:
                    w_.empty_element("xref", {{"target", in.text}, {"text", in.resolved_text}});
                    break;
                case InlineKind::Citation: w_.text_element("std", in.text); break;
                case InlineKind::FootnoteReference:
                    w_.empty_element("fn", {{"ref", in.text}, {"mark", in.resolved_text}});
                    break;
            }
        }
    }

    void span(std::string_view name, const Inline& in) { inline_element(name, in.children); }

    // An element holding inline content: <p>, <title>, <caption>, <td> …
    void inline_element(std::string_view name, const model::Inlines& content,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {}) {
        w_.open_inline(name, attrs);
        inlines(content);
        w_.close_inline();
    }

    // The same, left out when there is no content.
    void optional_inline_element(std::string_view name, const model::Inlines& content) {
        if (!content.empty()) inline_element(name, content);
    }

    XmlWriter w_;
};

}  // namespace

std::string write_canonical_xml(const model::Document& doc) { return CanonicalWriter().write(doc); }

}  // namespace bzc::emit
