#pragma once

#include "model/metadata.h"
#include "model/references.h"
#include "support/source_location.h"

#include <string>
#include <variant>
#include <vector>

// The one document model every front end produces and every later stage
// reads. It mirrors GB/T 1.1—2020: elements (前言, 章, 条, 附录 …) are
// Sections, their content is Blocks, running text is Inlines. Fields marked
// "computed" are filled by the analysis pass (numbering, cross-references);
// front ends leave them empty.
namespace bzc::model {

// ---------------------------------------------------------------- inlines

enum class InlineKind {
    Text,
    Emphasis,          // children
    Strong,            // children
    Subscript,         // children
    Superscript,       // children
    Math,              // text = TeX
    Code,              // text
    LineBreak,
    CrossReference,    // text = target id; resolved_text computed: 表1, 5.2, 附录A …
    Citation,          // text = document designation as written: GB/T 13016
    FootnoteReference, // text = footnote label; resolved_text computed: 1) or a
};

struct Inline {
    InlineKind kind = InlineKind::Text;
    std::string text;
    std::vector<Inline> children;
    SourceLocation location;
    std::string resolved_text;  // computed
};
using Inlines = std::vector<Inline>;

// Plain text at a location: what generated content (the list of references,
// the 索引) is made of.
Inline text_inline(std::string text, SourceLocation where);

// ----------------------------------------------------------------- blocks

struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
    Inlines content;
};

struct ListItem {
    std::string id;
    Blocks blocks;
    SourceLocation location;
    std::string number;  // computed: a) / 1) / [1]; empty for dash lists
};

// A list (列项). Unordered lists print with —— (and · at the second level),
// ordered ones with a) b) (and 1) 2) at the second level).
struct List {
    bool ordered = false;
    std::vector<ListItem> items;
};

// 注 and 示例: numbered 注/注1/注2 … within their parent, computed.
struct Note {
    Blocks blocks;
    std::string number;  // computed: 注 or 注1
};
struct Example {
    Blocks blocks;
    std::string number;  // computed: 示例 or 示例1
};

enum class Alignment { Default, Left, Center, Right };

struct TableCell {
    Inlines content;
    int row_span = 1;
    int column_span = 1;
    Alignment alignment = Alignment::Default;
    SourceLocation location;
};
struct TableRow {
    std::vector<TableCell> cells;
    bool header = false;  // repeated on every page the table spans
};
struct Table {
    std::string id;
    Inlines caption;
    std::string unit;                 // 单位为毫米
    std::vector<TableRow> rows;
    std::vector<Note> notes;          // 表注, printed inside the frame
    std::string number;               // computed: 表1 / 表A.1
    std::size_t column_count() const;
};

struct Subfigure {
    std::string id;
    Inlines caption;
    std::string image;
    SourceLocation location;
    std::string number;  // computed: a)
};
struct Figure {
    std::string id;
    Inlines caption;
    std::string image;                 // empty when the figure has subfigures
    std::vector<Subfigure> subfigures;
    std::vector<Note> notes;           // 图注
    std::string number;                // computed: 图1 / 图A.1
};

// One line of a 式中 block: symbol —— explanation.
struct WhereItem {
    Inlines symbol;
    Inlines explanation;
    SourceLocation location;
};
struct Formula {
    std::string id;
    std::string tex;
    std::vector<WhereItem> where;
    std::string number;  // computed: (1) / (A.1)
};

struct Block {
    std::variant<Paragraph, List, Note, Example, Table, Figure, Formula> value;
    SourceLocation location;

    template <class T> bool is() const { return std::holds_alternative<T>(value); }
    template <class T> T& as() { return std::get<T>(value); }
    template <class T> const T& as() const { return std::get<T>(value); }
};

// --------------------------------------------------------------- sections

enum class SectionKind {
    Foreword,                 // 前言
    Introduction,             // 引言
    Scope,                    // 范围 (chapter 1)
    NormativeReferences,      // 规范性引用文件 (chapter 2)
    TermsAndDefinitions,      // 术语和定义 (chapter 3)
    SymbolsAndAbbreviations,  // 符号和缩略语 / 符号 / 缩略语
    Chapter,                  // any other chapter
    Clause,                   // 条, titled or untitled, at any depth
    TermEntry,                // 术语条目 under 术语和定义
    Annex,                    // 附录
    Bibliography,             // 参考文献
    Index,                    // 索引
};

enum class AnnexObligation { Normative, Informative };

// A terminological entry (8.7, D.2 of the rules catalog).
struct TermEntry {
    std::string preferred;              // the term (黑体 on print)
    std::vector<std::string> admitted;  // 许用术语
    Inlines symbol;                     // 符号, may hold math or subscripts
    std::string english;                // English equivalent
    std::string abbreviation;           // after the English equivalent: "…；UPI"
    Inlines definition;
    Inlines source;                     // content of [来源：…]; empty when none
    SourceLocation source_location;
    std::string pinyin;                 // reading override for the 索引 (多音字)
};

struct Section {
    SectionKind kind = SectionKind::Clause;
    std::string id;
    Inlines title;       // empty for an untitled 条 and for elements with fixed titles
    bool titled = true;  // false for 无标题条
    Blocks blocks;       // content before the first child section
    std::vector<Section> children;
    AnnexObligation obligation = AnnexObligation::Normative;  // annexes only
    TermEntry term;                                           // term entries only
    SourceLocation location;

    std::string number;  // computed: 5 / 5.2 / 3.1 / A / A.1 / 0.1; empty if unnumbered
    int depth = 0;       // computed: 0 for top-level elements, 1 for their 条 …
};

struct Footnote {
    std::string label;   // as the author wrote it: [^a] → a
    Inlines content;
    SourceLocation location;
};

// A suppression comment in the source: `<!-- bzc-ignore RULE-ID … reason -->`
// silences those rules on the lines of the block it precedes (or its own
// line, at the end of a line); `bzc-ignore-file` on the whole file.
struct Suppression {
    std::vector<std::string> rules;
    std::string reason;
    std::uint32_t first_line = 0;
    std::uint32_t last_line = 0;  // inclusive; 0 with first_line 0: the whole file
    SourceLocation location;      // of the comment itself
};

struct Document {
    Metadata metadata;
    std::vector<Suppression> suppressions;
    std::vector<Section> sections;   // top level: 前言, 引言, chapters, annexes, 参考文献, 索引
    std::vector<Footnote> footnotes; // referenced from Inline::FootnoteReference by label
    References references;           // computed: citations, reference lists, catalog data
    bool index_generated = false;    // computed: `index: auto` wrote the 索引 from the term entries
    SourceLocation location;
    std::uint32_t file = 0;          // source file id
};

// Fixed element titles and the kinds they select; shared by both readers.
std::string_view fixed_title(SectionKind kind);   // 前言 … ; empty for Chapter/Clause/TermEntry/Annex
bool is_chapter(SectionKind kind);                 // numbered top-level element of the body
SectionKind chapter_kind_for_title(std::string_view title);

// Plain text of inline content, with computed texts for cross-references.
std::string plain_text(const Inlines& inlines);

// Reads the inside of a comment as a suppression: "bzc-ignore STR-05, NUM-02
// 理由". Returns false when the comment is not one; an empty `rules` or
// `reason` is for the caller to report.
bool parse_suppression(std::string_view comment, Suppression& out);

}  // namespace bzc::model
