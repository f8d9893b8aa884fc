// word/document.xml: the sections of the document (cover, 目次/前言/引言,
// body), element titles, clauses at every depth, term entries, paragraphs,
// lists, notes and examples. Formulas, tables, figures, the cover and
// footnotes have files of their own.

#include "emit/docx/document_writer.h"

#include <algorithm>

namespace bzc::emit::docx {

using model::Block;
using model::Inline;
using model::InlineKind;
using model::Section;
using model::SectionKind;

namespace {

constexpr const char* document_namespaces[][2] = {
    {"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
    {"xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
    {"xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    {"xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
    {"xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"},
    {"xmlns:m", "http://schemas.openxmlformats.org/officeDocument/2006/math"},
};

constexpr std::string_view tex_font = "Courier New";

// Styles by depth: 1 … 5; deeper clauses (reported by the checks) are
// written at the fifth level.
std::string by_depth(std::string_view prefix, int depth) {
    return std::string(prefix) + std::to_string(std::clamp(depth, 1, 5));
}

bool is_front_matter(SectionKind kind) { return kind == SectionKind::Foreword || kind == SectionKind::Introduction; }

// A paragraph of the 索引 that is one capital letter heads a letter group.
bool is_index_letter(const model::Paragraph& p) {
    std::string text = model::plain_text(p.content);
    return text.size() == 1 && text[0] >= 'A' && text[0] <= 'Z';
}

}  // namespace

bool has_ambiguous_width(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        auto d = static_cast<unsigned char>(text[i + 1]);
        if (c == 0xc2 && d == 0xb7) return true;  // ·
        if (c == 0xe2 && d == 0x80 && i + 2 < text.size()) {
            auto e = static_cast<unsigned char>(text[i + 2]);
            // — ‘ ’ “ ” …
            if (e == 0x94 || e == 0x98 || e == 0x99 || e == 0x9c || e == 0x9d || e == 0xa6) return true;
        }
    }
    return false;
}

DocumentWriter::DocumentWriter(const model::Document& doc, const StyleSheet& sheet, Numbering& numbering, Package& package,
                               const DocxOptions& options, HeaderFooterIds ids)
    : doc_(doc), references_(doc), sheet_(sheet), numbering_(numbering), package_(package), options_(options), ids_(std::move(ids)) {}

// ---------------------------------------------------------------- sections

std::string DocumentWriter::document_xml() {
    x_.open("w:document", {{document_namespaces[0][0], document_namespaces[0][1]},
                           {document_namespaces[1][0], document_namespaces[1][1]},
                           {document_namespaces[2][0], document_namespaces[2][1]},
                           {document_namespaces[3][0], document_namespaces[3][1]},
                           {document_namespaces[4][0], document_namespaces[4][1]},
                           {document_namespaces[5][0], document_namespaces[5][1]}});
    x_.open("w:body");
    // The body starts on a right-hand page in print.
    layout_.odd_page = options_.print_layout;
    cover();
    section_break(false);
    if (front_matter()) section_break(true);
    main_body();
    closing_rule();
    // The properties of the last section close the document: the body's
    // (Arabic numbers from 1), or those of the page after a 索引.
    section_properties(layout_);
    return x_.finish();
}

// The template's gutter is written as part of the left margin: without
// mirrored margins Word places a gutter on the left of every page, so the
// page is the same, and LibreOffice sets the right-aligned page numbers of
// an updated 目次 at the edge of a page without gutter: past the text, where
// they are lost.
void DocumentWriter::page_margins() {
    const PageSetup& page = sheet_.page();
    x_.empty("w:pgMar", {{"w:top", num(page.top)}, {"w:right", num(page.right)}, {"w:bottom", num(page.bottom)},
                         {"w:left", num(page.left + page.gutter)}, {"w:header", num(page.header)},
                         {"w:footer", num(page.footer)}, {"w:gutter", "0"}});
}

// The end of the cover section (no header or footer, no page number) or of
// the 目次/前言/引言 section (upper-case Roman page numbers from I).
void DocumentWriter::section_break(bool front) {
    PageLayout ended{front, false, front ? "upperRoman" : "", front, 1};
    if (options_.print_layout) {
        // The cover is page I, not shown (it has no footer); the front
        // matter goes on from it, each element on a right-hand page.
        ended.number_format = "upperRoman";
        ended.restart_numbers = !front;
        ended.odd_page = front;
    }
    x_.open("w:p");
    x_.open("w:pPr");
    section_properties(ended);
    x_.close();
    x_.close();
    section_start_ = true;
}

// 目次, 前言 and 引言; false when the document has none of them.
bool DocumentWriter::front_matter() {
    bool any = false;
    if (doc_.metadata.toc) {
        toc();
        any = true;
    }
    for (const auto& s : doc_.sections) {
        if (!is_front_matter(s.kind)) continue;
        // In print each front element is a section of its own, to start on
        // a right-hand page.
        if (any && options_.print_layout) section_break(true);
        element(s);
        any = true;
    }
    return any;
}

void DocumentWriter::toc() {
    begin_paragraph(ParagraphFormat("BZTocHeading"));
    run("目次", {});
    end_paragraph();
    // A real TOC field over the custom styles (toolchain notes §1.5), marked
    // dirty so that Word and LibreOffice fill it in.
    std::string instruction = " TOC \\h \\z \\t \"";
    const char* levels[][2] = {{"BZPrefaceHeading", "1"}, {"BZChapter", "1"},          {"BZClause1", "2"},
                               {"BZAnnexMark", "1"},      {"BZBibliographyHeading", "1"}, {"BZIndexHeading", "1"}};
    for (std::size_t i = 0; i < std::size(levels); ++i) {
        if (i) instruction += ",";
        instruction += style(levels[i][0]).name + "," + levels[i][1];
    }
    instruction += "\" ";
    begin_paragraph(ParagraphFormat("TOC1"));
    field(instruction, "（目次：请在Word中更新域，或在LibreOffice中更新目录）", {}, true);
    end_paragraph();
}

void DocumentWriter::main_body() {
    // The first body page repeats the title above chapter 1 (catalog §A.1 [T]).
    begin_paragraph(ParagraphFormat("BZBodyTitle"));
    run(doc_.metadata.title, {});
    end_paragraph();
    for (const auto& s : doc_.sections) {
        if (!is_front_matter(s.kind)) element(s);
    }
}

void DocumentWriter::element(const Section& s) {
    if (s.kind == SectionKind::Index) {
        index_element(s);
        return;
    }
    BlockContext c;
    c.element = s.kind;
    c.annex = s.kind == SectionKind::Annex;
    auto heading = [&](std::string_view style_id, std::string_view text) {
        begin_paragraph(ParagraphFormat(std::string(style_id)));
        int bookmark = bookmark_start(&s);
        if (s.title.empty()) run(text, {});
        else inlines(s.title, {});
        bookmark_end(bookmark);
        end_paragraph();
    };
    switch (s.kind) {
        case SectionKind::Foreword:
        case SectionKind::Introduction: heading("BZPrefaceHeading", model::fixed_title(s.kind)); break;
        case SectionKind::Bibliography: heading("BZBibliographyHeading", model::fixed_title(s.kind)); break;
        case SectionKind::Annex: annex_mark(s); break;
        default: heading("BZChapter", model::fixed_title(s.kind)); break;
    }
    blocks(s.blocks, c);
    ClauseFamily family = s.kind == SectionKind::Annex          ? ClauseFamily::Annex
                          : s.kind == SectionKind::Introduction ? ClauseFamily::Introduction
                                                                : ClauseFamily::Body;
    for (const auto& child : s.children) clause(child, family, c);
}

// 附录A (numbered by the annex list), （规范性）, the title: three centred
// lines of one paragraph, so that the 目次 entry holds all three.
void DocumentWriter::annex_mark(const Section& s) {
    begin_paragraph(ParagraphFormat("BZAnnexMark"));
    int bookmark = bookmark_start(&s);
    line_break();
    run(s.obligation == model::AnnexObligation::Normative ? "（规范性）" : "（资料性）", RunFormat().styled("BZAnnexObligation"));
    line_break();
    inlines(s.title, {});
    bookmark_end(bookmark);
    end_paragraph();
}

void DocumentWriter::clause(const Section& s, ClauseFamily family, const BlockContext& c) {
    if (s.kind == SectionKind::TermEntry) {
        term_entry(s, c);
        return;
    }
    if (s.number.empty()) {
        // A sub-clause of the 前言, 参考文献 or 索引 (reported by the checks):
        // no number, its title in bold.
        if (s.titled) {
            begin_paragraph(ParagraphFormat("BZParagraph").kept_with_next());
            inlines(s.title, RunFormat().bolded());
            end_paragraph();
        }
        blocks(s.blocks, c);
        for (const auto& child : s.children) clause(child, family, c);
        return;
    }
    int level = std::clamp(s.depth, 1, 5);
    std::string_view list = family == ClauseFamily::Annex ? "annex" : family == ClauseFamily::Introduction ? "introduction" : "clause";
    int list_level = family == ClauseFamily::Introduction ? level - 1 : level;
    if (s.titled) {
        std::string_view prefix = family == ClauseFamily::Annex          ? "BZAnnexClause"
                                  : family == ClauseFamily::Introduction ? "BZIntroClause"
                                                                         : "BZClause";
        begin_paragraph(ParagraphFormat(by_depth(prefix, level)));
        int bookmark = bookmark_start(&s);
        inlines(s.title, {});
        bookmark_end(bookmark);
        end_paragraph();
        blocks(s.blocks, c);
    } else {
        // 无标题条: the number, a full-width space and the first paragraph on one line.
        // The style is numbered on the body's list; the number is repeated on
        // the paragraph (LibreOffice numbers only styles a list level names),
        // and there names the annex or 引言 list where it applies.
        ParagraphFormat p = ParagraphFormat(by_depth("BZUntitled", level)).numbered(numbering_.shared(list), list_level);
        bool merge = !s.blocks.empty() && s.blocks.front().is<model::Paragraph>();
        begin_paragraph(p);
        int bookmark = bookmark_start(&s);
        if (merge) inlines(s.blocks.front().as<model::Paragraph>().content, {});
        bookmark_end(bookmark);
        end_paragraph();
        for (std::size_t i = merge ? 1 : 0; i < s.blocks.size(); ++i) block(s.blocks[i], c);
    }
    for (const auto& child : s.children) clause(child, family, c);
}

// A term entry (catalog §D.2): the number on its own line, the term in 黑体
// with its English equivalent, admitted terms and the symbol on lines of
// their own; the definition; notes and examples; the source.
void DocumentWriter::term_entry(const Section& s, const BlockContext& c) {
    const model::TermEntry& t = s.term;
    RunFormat plain = RunFormat().font(sheet_.default_font);
    // Numbered by the style, and on the paragraph too, as untitled clauses.
    int level = std::clamp(s.depth, 1, 5);
    begin_paragraph(ParagraphFormat(by_depth("BZTerm", level)).numbered(numbering_.shared("clause"), level));
    int bookmark = bookmark_start(&s);
    line_break();
    run(t.preferred, {});
    if (!t.english.empty()) {
        run("　", {});
        run(t.english, RunFormat().english());
        if (!t.abbreviation.empty()) run("；" + t.abbreviation, {});
    }
    for (const auto& admitted : t.admitted) {
        line_break();
        run(admitted, plain);
    }
    if (!t.symbol.empty()) {
        line_break();
        inlines(t.symbol, plain);
    }
    bookmark_end(bookmark);
    end_paragraph();
    if (!t.definition.empty()) {
        begin_paragraph(ParagraphFormat("BZParagraph"));
        inlines(t.definition, {});
        end_paragraph();
    }
    blocks(s.blocks, c);
    if (!t.source.empty()) {
        begin_paragraph(ParagraphFormat("BZParagraph"));
        RunFormat source = RunFormat().styled("BZSource");
        run("[来源：", source);
        inlines(t.source, source);
        run("]", source);
        end_paragraph();
    }
    for (const auto& child : s.children) clause(child, ClauseFamily::Body, c);
}

// A short centred line after the last element (catalog §F.5 [V]).
void DocumentWriter::closing_rule() {
    int width = text_width();
    int indent = width * 3 / 8;
    x_.open("w:p");
    x_.open("w:pPr");
    x_.empty("w:keepLines");
    x_.open("w:pBdr");
    x_.empty("w:top", {{"w:val", "single"}, {"w:sz", "6"}, {"w:space", "1"}, {"w:color", "auto"}});
    x_.close();
    x_.empty("w:spacing", {{"w:before", num(sheet_.page().line_pitch)}});
    x_.empty("w:ind", {{"w:left", num(indent)}, {"w:right", num(indent)}});
    x_.empty("w:jc", {{"w:val", "center"}});
    x_.close();
    x_.close();
    section_start_ = false;
}

// ------------------------------------------------------------------ blocks

void DocumentWriter::blocks(const model::Blocks& list, const BlockContext& c) {
    for (const auto& b : list) block(b, c);
}

void DocumentWriter::block(const Block& b, const BlockContext& c) {
    block_location_ = b.location;
    std::visit(
        [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) paragraph(value, c);
            else if constexpr (std::is_same_v<T, model::List>) list(value, c);
            else if constexpr (std::is_same_v<T, model::Note>) note(value, c);
            else if constexpr (std::is_same_v<T, model::Example>) example(value, c);
            else if constexpr (std::is_same_v<T, model::Table>) table(value, c);
            else if constexpr (std::is_same_v<T, model::Figure>) figure(value, c);
            else if constexpr (std::is_same_v<T, model::Formula>) formula(value, c);
        },
        b.value);
}

RunFormat DocumentWriter::base_format(const BlockContext& c) const {
    RunFormat f;
    if (c.small) f.size = sheet_.size("小五");
    return f;
}

void DocumentWriter::paragraph(const model::Paragraph& p, const BlockContext& c) {
    ParagraphFormat f = c.paragraph;
    if (c.element == SectionKind::Index && c.list_level == 0 && f.style == "BZParagraph" &&
        (is_index_letter(p) || is_index_list_title(p))) {
        f = ParagraphFormat("BZIndexLetter");
    }
    begin_paragraph(f);
    inlines(p.content, base_format(c));
    end_paragraph();
}

// The blocks of a note, an example or a list item after its first
// paragraph, which carries the label or the marker.
void DocumentWriter::labelled_blocks(const model::Blocks& list, std::size_t from, const BlockContext& c,
                                     const ParagraphFormat& rest) {
    BlockContext inner = c;
    inner.paragraph = rest;
    for (std::size_t i = from; i < list.size(); ++i) block(list[i], inner);
}

void DocumentWriter::list(const model::List& l, const BlockContext& c) {
    const int depth = c.list_level;  // 0 for a list in running text
    // Entries of 规范性引用文件 and of 符号和缩略语 are plain lines, those of
    // 参考文献 numbered [1] …, those of the 索引 plain lines too.
    bool plain_lines = depth == 0 && (c.element == SectionKind::NormativeReferences ||
                                      c.element == SectionKind::SymbolsAndAbbreviations || c.element == SectionKind::Index);
    bool bibliography = depth == 0 && c.element == SectionKind::Bibliography;
    ParagraphFormat item_format;
    int text_position = 0;
    if (plain_lines) {
        item_format = c.element == SectionKind::Index ? ParagraphFormat("BZIndexItem") : c.paragraph;
        text_position = item_format.left.value_or(0);
    } else if (bibliography) {
        const ListDef& def = sheet_.list("bibliography");
        item_format = ParagraphFormat("BZBibliographyEntry");
        text_position = def.levels[0].left;
    } else {
        std::string_view key = l.ordered ? "ordered" : "dash";
        const ListDef& def = sheet_.list(key);
        int level = std::min<int>(depth, static_cast<int>(def.levels.size()) - 1);
        item_format.style = l.ordered ? (level == 0 ? "BZLetterItem" : "BZNumberItem") : "BZDashItem";
        // Every a) b) list starts again at a); dash lists have nothing to count.
        item_format.num_id = l.ordered ? numbering_.restart(key, level) : numbering_.shared(key);
        item_format.level = level;
        text_position = def.levels[static_cast<std::size_t>(level)].left;
    }
    if (c.small) item_format.size = sheet_.size("小五");
    ParagraphFormat rest = ParagraphFormat(c.small ? c.paragraph.style : "BZParagraph").indented(text_position, 0);
    if (c.small) rest.size = sheet_.size("小五");
    BlockContext inner = c;
    inner.list_level = depth + 1;
    for (const auto& item : l.items) {
        bool merge = !item.blocks.empty() && item.blocks.front().is<model::Paragraph>();
        begin_paragraph(item_format);
        if (merge && c.element == SectionKind::Index && depth == 0) index_line(item.blocks.front().as<model::Paragraph>().content, base_format(c));
        else if (merge) inlines(item.blocks.front().as<model::Paragraph>().content, base_format(c));
        end_paragraph();
        labelled_blocks(item.blocks, merge ? 1 : 0, inner, rest);
    }
}

void DocumentWriter::note(const model::Note& n, const BlockContext& c) {
    std::string label = n.number.empty() ? "注" : n.number;
    std::string style_id = label == "注" ? "BZNote" : "BZNoteNumbered";
    const StyleDef& st = style(style_id);
    RunFormat f = base_format(c);
    bool merge = !n.blocks.empty() && n.blocks.front().is<model::Paragraph>();
    begin_paragraph(ParagraphFormat(style_id));
    run(label + "：", f);
    if (merge) inlines(n.blocks.front().as<model::Paragraph>().content, f);
    end_paragraph();
    BlockContext inner = c;
    inner.small = true;
    labelled_blocks(n.blocks, merge ? 1 : 0, inner, ParagraphFormat(style_id).indented(st.left.value_or(0), 0));
}

void DocumentWriter::example(const model::Example& e, const BlockContext& c) {
    std::string label = e.number.empty() ? "示例" : e.number;
    RunFormat f = base_format(c);
    bool merge = !e.blocks.empty() && e.blocks.front().is<model::Paragraph>();
    begin_paragraph(ParagraphFormat("BZExample"));
    run(label + "：", f);
    if (merge) inlines(e.blocks.front().as<model::Paragraph>().content, f);
    end_paragraph();
    BlockContext inner = c;
    inner.small = true;
    labelled_blocks(e.blocks, merge ? 1 : 0, inner, ParagraphFormat("BZExampleContent"));
}

// ----------------------------------------------------- paragraphs and runs

void DocumentWriter::begin_paragraph(const ParagraphFormat& p) {
    x_.open("w:p");
    x_.open("w:pPr");
    x_.empty("w:pStyle", {{"w:val", p.style}});
    if (p.keep_next) x_.empty("w:keepNext");
    // A section starts on a new page anyway: no second break.
    if (section_start_ && style(p.style).page_break_before) x_.empty("w:pageBreakBefore", {{"w:val", "0"}});
    section_start_ = false;
    if (p.num_id) {
        x_.open("w:numPr");
        x_.empty("w:ilvl", {{"w:val", num(p.level)}});
        x_.empty("w:numId", {{"w:val", num(p.num_id)}});
        x_.close();
    }
    if (!p.tab_stops.empty()) {
        x_.open("w:tabs");
        for (int position : p.tab_stops) x_.empty("w:tab", {{"w:val", "left"}, {"w:pos", num(position)}});
        x_.close();
    }
    if (p.off_grid) {
        x_.empty("w:snapToGrid", {{"w:val", "0"}});
        x_.empty("w:spacing", {{"w:line", num(sheet_.page().line_pitch)}, {"w:lineRule", "atLeast"}});
    }
    if (p.hanging) {
        x_.empty("w:ind", {{"w:left", num(p.left.value_or(0))}, {"w:hanging", num(*p.hanging)}});
    } else if (p.left || p.first_line) {
        x_.empty("w:ind", {{"w:left", num(p.left.value_or(0))}, {"w:firstLine", num(p.first_line.value_or(0))}});
    }
    if (!p.align.empty()) x_.empty("w:jc", {{"w:val", p.align}});
    if (p.size) {
        x_.open("w:rPr");
        x_.empty("w:sz", {{"w:val", num(p.size)}});
        x_.empty("w:szCs", {{"w:val", num(p.size)}});
        x_.close();
    }
    if (section_ends_with_next_paragraph_) {
        // This paragraph closes its section (the 索引's titles before its columns).
        section_properties(layout_);
        layout_ = *section_ends_with_next_paragraph_;
        section_ends_with_next_paragraph_.reset();
        section_start_ = true;
    }
    x_.close();
}

void DocumentWriter::inlines(const model::Inlines& list, const RunFormat& f) {
    for (const auto& in : list) {
        switch (in.kind) {
            case InlineKind::Text: run(in.text, f); break;
            case InlineKind::Emphasis: {
                RunFormat g = f;
                g.italic = true;
                inlines(in.children, g);
                break;
            }
            case InlineKind::Strong: {
                RunFormat g = f;
                g.bold = true;
                inlines(in.children, g);
                break;
            }
            case InlineKind::Subscript: {
                RunFormat g = f;
                g.subscript = true;
                inlines(in.children, g);
                break;
            }
            case InlineKind::Superscript: {
                RunFormat g = f;
                g.superscript = true;
                inlines(in.children, g);
                break;
            }
            case InlineKind::Math: math(MathStyle::Inline, in.text, f); break;
            case InlineKind::Code: {
                RunFormat g = f;
                g.code = true;
                run(in.text, g);
                break;
            }
            case InlineKind::LineBreak: line_break(); break;
            case InlineKind::CrossReference: cross_reference(in, f); break;
            case InlineKind::Citation: run(in.text, f); break;
            case InlineKind::FootnoteReference: footnote_reference(in, f); break;
        }
    }
}

void DocumentWriter::run_properties(const RunFormat& f, std::string_view text) {
    bool latin_mono = f.tex || f.code;
    bool hint = !f.latin && has_ambiguous_width(text);
    bool fonts = latin_mono || hint || !f.east_asian.empty();
    if (f.style.empty() && !fonts && !f.bold && !f.italic && !f.size && !f.subscript && !f.superscript) return;
    x_.open("w:rPr");
    if (!f.style.empty()) x_.empty("w:rStyle", {{"w:val", f.style}});
    if (fonts) {
        AttributeList a;
        if (latin_mono) {
            a.emplace_back("w:ascii", tex_font);
            a.emplace_back("w:hAnsi", tex_font);
        }
        if (!f.east_asian.empty()) a.emplace_back("w:eastAsia", f.east_asian);
        if (hint) a.emplace_back("w:hint", "eastAsia");
        x_.empty("w:rFonts", a);
    }
    if (f.bold) {
        x_.empty("w:b");
        x_.empty("w:bCs");
    }
    if (f.italic) {
        x_.empty("w:i");
        x_.empty("w:iCs");
    }
    if (f.size) {
        x_.empty("w:sz", {{"w:val", num(f.size)}});
        x_.empty("w:szCs", {{"w:val", num(f.size)}});
    }
    if (f.subscript || f.superscript) x_.empty("w:vertAlign", {{"w:val", f.superscript ? "superscript" : "subscript"}});
    x_.close();
}

void DocumentWriter::run(std::string_view text, const RunFormat& f) {
    if (text.empty()) return;
    x_.open("w:r");
    run_properties(f, text);
    // Line ends become breaks, tabs tabs; every piece of text is kept as
    // written (xml:space) so that spaces between Latin words survive.
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\n\t", start);
        std::string_view piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!piece.empty()) {
            bool preserve = piece.front() == ' ' || piece.back() == ' ' || piece.find("  ") != std::string_view::npos;
            if (preserve) x_.element("w:t", piece, {{"xml:space", "preserve"}});
            else x_.element("w:t", piece);
        }
        if (end == std::string_view::npos) break;
        x_.raw(text[end] == '\n' ? "<w:br/>" : "<w:tab/>");
        start = end + 1;
    }
    x_.close();
}

// A complex field: begin, instruction, separate, the placeholder result, end.
void DocumentWriter::field(std::string_view instruction, std::string_view placeholder, const RunFormat& f, bool dirty) {
    x_.open("w:r");
    run_properties(f, "");
    if (dirty) x_.empty("w:fldChar", {{"w:fldCharType", "begin"}, {"w:dirty", "true"}});
    else x_.empty("w:fldChar", {{"w:fldCharType", "begin"}});
    x_.close();
    x_.open("w:r");
    run_properties(f, "");
    x_.element("w:instrText", instruction, {{"xml:space", "preserve"}});
    x_.close();
    x_.open("w:r");
    run_properties(f, "");
    x_.empty("w:fldChar", {{"w:fldCharType", "separate"}});
    x_.close();
    run(placeholder, f);
    x_.open("w:r");
    run_properties(f, "");
    x_.empty("w:fldChar", {{"w:fldCharType", "end"}});
    x_.close();
}

}  // namespace bzc::emit::docx
