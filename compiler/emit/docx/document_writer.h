#pragma once

// The writer of word/document.xml (and of the footnotes it refers to). Its
// members are defined in a file per concept: body.cpp (sections, clauses,
// paragraphs, lists, notes, terms), formulas.cpp, tables.cpp, figures.cpp,
// cover.cpp, footnotes.cpp.

#include "emit/docx/cross_references.h"
#include "emit/docx/docx_writer.h"
#include "emit/docx/images.h"
#include "emit/docx/math_conversion.h"
#include "emit/docx/numbering.h"
#include "emit/docx/package.h"
#include "emit/docx/style_sheet.h"
#include "emit/docx/xml_out.h"
#include "model/document.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bzc::emit::docx {

// Direct formatting of a run, on top of its paragraph's style.
struct RunFormat {
    bool bold = false, italic = false, subscript = false, superscript = false;
    bool tex = false;        // TeX source of a formula that has no OMML
    bool code = false;       // inline code
    bool latin = false;      // English text: its dashes and quotes stay in the Latin font
    int size = 0;            // half-points; 0: the style's
    std::string east_asian;  // East-Asian font; empty: the style's
    std::string style;       // character style id

    RunFormat& styled(std::string id) { style = std::move(id); return *this; }
    RunFormat& font(std::string name) { east_asian = std::move(name); return *this; }
    RunFormat& sized(int half_points) { size = half_points; return *this; }
    RunFormat& bolded() { bold = true; return *this; }
    RunFormat& english() { latin = true; return *this; }
};

// Direct properties of a paragraph, on top of its style.
struct ParagraphFormat {
    std::string style;
    int num_id = 0, level = 0;  // direct numbering when num_id != 0
    std::optional<int> left, first_line;
    std::optional<int> hanging;  // instead of first_line: the first line starts this far left of `left`
    std::vector<int> tab_stops;  // left-aligned tab stops, twips from the left edge of the text
    // Lines as tall as their content, at least one line of the document
    // grid: LibreOffice snaps a line with a formula a little taller than the
    // grid to two grid lines.
    bool off_grid = false;
    std::string align;
    bool keep_next = false;
    int size = 0;  // half-points of the paragraph mark (and of a list marker); 0: the style's

    ParagraphFormat() = default;
    explicit ParagraphFormat(std::string id) : style(std::move(id)) {}
    ParagraphFormat& aligned(std::string value) { align = std::move(value); return *this; }
    ParagraphFormat& kept_with_next() { keep_next = true; return *this; }
    ParagraphFormat& indented(int left_twips, int first_line_twips) {
        left = left_twips;
        first_line = first_line_twips;
        return *this;
    }
    ParagraphFormat& numbered(int id, int list_level) {
        num_id = id;
        level = list_level;
        return *this;
    }
    ParagraphFormat& sized(int half_points) { size = half_points; return *this; }
};

// Where blocks are written: inside a note, a list item, a table …
struct BlockContext {
    model::SectionKind element = model::SectionKind::Chapter;  // the top-level element
    bool annex = false;
    bool small = false;  // 小五: inside notes and examples
    int list_level = 0;  // 0 outside lists
    ParagraphFormat paragraph{"BZParagraph"};  // how plain paragraphs are written here
};

// One section of the page layout (w:sectPr): how it starts, whether it has
// the header and footer, how its pages are numbered, its columns.
struct PageLayout {
    bool headers = true;             // the cover has none
    bool continuous = false;         // starts on the page of the section before, not a new one
    std::string_view number_format;  // upperRoman, decimal; empty: no page numbers
    bool restart_numbers = false;    // numbered from I or 1, not on from the section before
    int columns = 1;
    bool odd_page = false;           // starts on a right-hand page (print layout)
};

// Which multilevel list numbers a clause.
enum class ClauseFamily { Body, Annex, Introduction };

// The header and footer parts the sections refer to.
struct HeaderFooterIds {
    std::string header_odd, header_even, footer_odd, footer_even;
};

class DocumentWriter {
public:
    DocumentWriter(const model::Document& doc, const StyleSheet& sheet, Numbering& numbering, Package& package,
                   const DocxOptions& options, HeaderFooterIds ids);

    std::string document_xml();
    std::string footnotes_xml();
    // document_xml() and footnotes_xml() write a mark where math goes, so
    // that they need not wait for pandoc; this puts the math in its place:
    // the OMML of the conversion, or the TeX source where there is none.
    std::string place_math(std::string_view part, const MathConversion& conversion);
    bool has_toc() const { return doc_.metadata.toc; }
    std::vector<ImageProblem> problems;
    // Image files to add to the package (already related from the document).
    struct MediaPart {
        std::string name;
        std::string_view type;
        std::string data;
    };
    std::vector<MediaPart> media_parts;

private:
    using ObjectMarks = std::vector<std::pair<std::string, std::string>>;  // footnote label, printed mark

    // body.cpp: sections
    void cover();
    bool front_matter();
    void main_body();
    void section_break(bool front);
    void element(const model::Section& s);
    void clause(const model::Section& s, ClauseFamily family, const BlockContext& c);
    void term_entry(const model::Section& s, const BlockContext& c);
    void page_margins();
    void annex_mark(const model::Section& s);
    void closing_rule();
    void toc();

    // page_sections.cpp: the sections of the page layout
    void section_properties(const PageLayout& layout);
    // Ends the section being written with an empty paragraph; `next` is the layout of the one after.
    void end_section(const PageLayout& next);
    // index_section.cpp: the 索引 on pages of its own, the entries in two columns
    void index_element(const model::Section& s);
    // An entry of the 索引: the term, the dotted leader, the number.
    void index_line(const model::Inlines& content, const RunFormat& f);

    // body.cpp: blocks
    void blocks(const model::Blocks& list, const BlockContext& c);
    void block(const model::Block& b, const BlockContext& c);
    void paragraph(const model::Paragraph& p, const BlockContext& c);
    void list(const model::List& l, const BlockContext& c);
    void note(const model::Note& n, const BlockContext& c);
    void example(const model::Example& e, const BlockContext& c);
    // Blocks after a labelled first paragraph (note, example, list item).
    void labelled_blocks(const model::Blocks& list, std::size_t from, const BlockContext& c, const ParagraphFormat& rest);

    // tables.cpp
    void table(const model::Table& t, const BlockContext& c);
    // footnotes.cpp: the footnotes of a table or figure, under it (catalog §C.4)
    void object_footnotes(const ObjectMarks& marks);
    // Adds the footnote `in` refers to, unless it is there already.
    static void remember_object_mark(ObjectMarks& marks, const model::Inline& in);
    // figures.cpp
    void figure(const model::Figure& f, const BlockContext& c);
    void image_paragraph(const std::string& path, const SourceLocation& where, int max_width, const std::string& name);

    // formulas.cpp: display formulas, their 式中 lines, math in running text
    void formula(const model::Formula& f, const BlockContext& c);
    void where_lines(const model::Formula& f);
    void math(MathStyle style, const std::string& tex, const RunFormat& f);
    void converted_math(const MathConversion& conversion, std::size_t use);
    void omml(pugi::xml_node node, const RunFormat& f);

    // footnotes.cpp
    void footnote_reference(const model::Inline& in, const RunFormat& f);

    // body.cpp: paragraphs and runs
    void begin_paragraph(const ParagraphFormat& p);
    void end_paragraph() { x_.close(); }
    void empty_paragraph(const ParagraphFormat& p) {
        begin_paragraph(p);
        end_paragraph();
    }
    void inlines(const model::Inlines& list, const RunFormat& f);
    void run(std::string_view text, const RunFormat& f);
    void run_properties(const RunFormat& f, std::string_view text);
    void line_break() { x_.raw("<w:r><w:br/></w:r>"); }
    void tab() { x_.raw("<w:r><w:tab/></w:r>"); }
    void field(std::string_view instruction, std::string_view placeholder, const RunFormat& f, bool dirty);
    // cross_reference_fields.cpp: a reference as REF fields, the bookmarks of its target
    void cross_reference(const model::Inline& in, const RunFormat& f);
    // Opens the bookmark of a referenced target; -1 (nothing written) when none refers to it.
    int bookmark_start(const void* target);
    void bookmark_end(int id);
    RunFormat base_format(const BlockContext& c) const;

    int text_width() const { return sheet_.page().text_width(); }
    const StyleDef& style(std::string_view id) const { return sheet_.style(id); }

    const model::Document& doc_;
    CrossReferences references_;
    int next_bookmark_id_ = 0;  // w:id of bookmarks, in document order
    const StyleSheet& sheet_;
    Numbering& numbering_;
    Package& package_;
    const DocxOptions& options_;
    HeaderFooterIds ids_;
    XmlOut x_;
    SourceLocation block_location_;  // of the block being written, for problems with images
    bool in_footnote_ = false;
    bool section_start_ = true;  // the next paragraph opens a section: no page break before it
    // The layout of the section being written: the body's until the 索引.
    PageLayout layout_{true, false, "decimal", true, 1};
    // Set when the next paragraph is the last of its section: it carries the
    // section's properties, and the section after has this layout.
    std::optional<PageLayout> section_ends_with_next_paragraph_;

    // Footnotes of the running text, in order of first reference.
    struct FootnoteOut {
        int id;
        std::string mark;
        const model::Footnote* note;
    };
    std::vector<FootnoteOut> footnotes_;
    std::map<std::string, int> footnote_ids_;  // label → id
    // Footnotes referred to from the table or figure being written (a, b …):
    // their marks print as they are and their texts go under the object.
    ObjectMarks* object_marks_ = nullptr;

    // Math where a mark stands in the parts written so far, by its number.
    struct MathUse {
        MathStyle style;
        std::string tex;
        RunFormat format;
    };
    std::vector<MathUse> math_uses_;

    // Images: one media part per file, one drawing id per picture.
    struct EmbeddedImage {
        std::string image_relationship, svg_relationship;  // svg_relationship for an SVG file only
        Image image;
    };
    std::map<std::string, EmbeddedImage> media_;  // path → its parts and size
    std::uint32_t drawing_ids_ = 0;
};

// Characters Word draws in the Latin font unless told they are East-Asian
// (“ ” ‘ ’ — … ·): runs holding them get w:hint="eastAsia".
bool has_ambiguous_width(std::string_view text);

// A paragraph of the 索引 that titles one of its lists: 汉语拼音索引, 英文对应词索引.
bool is_index_list_title(const model::Paragraph& p);

}  // namespace bzc::emit::docx
