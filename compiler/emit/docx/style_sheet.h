#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::emit::docx {

// The page set-up of every section but the cover, in twips.
struct PageSetup {
    int width = 11906, height = 16838;
    int top = 1928, bottom = 1134, left = 1134, right = 1134, gutter = 283;
    int header = 1417, footer = 1134;
    int line_pitch = 312;
    int column_gap = 425;  // between the columns of the 索引
    int text_width() const { return width - left - right - gutter; }
    int column_width(int columns) const { return (text_width() - (columns - 1) * column_gap) / columns; }
};

// The 索引's entries are set in two columns, as published standards set them.
inline constexpr int index_columns = 2;

// Tab stops of a style: the centre and the right edge (with a dotted leader)
// of the text, and the right edge (with a dotted leader) of a column of the
// two-column pages of the 索引.
enum class Tab { CenterOfText, RightOfText, RightOfIndexColumn };

// One style of templates/gbt/styles.yaml, with lengths converted to twips
// and sizes to half-points.
struct StyleDef {
    std::string id;
    std::string name;
    bool character = false;
    std::string based_on;            // style id
    std::string font;                // East-Asian font; empty: inherited
    std::string latin;               // Latin font; empty: inherited
    int size = 0;                    // half-points; 0: inherited
    std::optional<bool> bold, italic;
    std::string align;               // w:jc value
    std::optional<int> first_line, left, hanging;  // twips
    int before = 0, after = 0;       // twips
    int line_exact = 0;              // twips
    int outline = -1;
    bool keep_next = false, keep_lines = false, page_break_before = false;
    int char_spacing = 0;            // twentieths of a point
    bool superscript = false;
    std::vector<Tab> tabs;
    std::string list;                // list key, empty when not numbered
    int level = 0;
};

struct ListLevel {
    std::string format;   // decimal, upperLetter, lowerLetter, bullet
    std::string text;     // %1.%2　
    std::string style;    // the style id this level is linked to (w:pStyle), may be empty
    std::string suffix;   // tab | space | nothing
    int left = 0, hanging = 0;  // twips
};

struct ListDef {
    std::string key;
    int id = 0;  // w:abstractNumId and the w:numId of its shared instance
    std::vector<ListLevel> levels;
};

// templates/gbt/styles.yaml, read once and checked: every id the emitter
// asks for must be defined (a missing one throws std::logic_error).
class StyleSheet {
public:
    // templates/gbt/styles.yaml, compiled into a table when bzc is built
    // (style_table_generator.cpp): reading it with yaml-cpp on every run
    // would cost a tenth of a large build.
    static const StyleSheet& gbt();
    // Reads a style sheet from YAML text; throws std::runtime_error with the
    // reason when the data is inconsistent (the generator and the tests).
    static StyleSheet parse(std::string_view yaml);

    StyleSheet() = default;
    StyleSheet(PageSetup page, std::map<std::string, int, std::less<>> sizes, std::vector<StyleDef> styles,
               std::vector<ListDef> lists);

    const StyleDef& style(std::string_view id) const;
    bool has(std::string_view id) const { return index_.count(std::string(id)) != 0; }
    const ListDef& list(std::string_view key) const;

    const std::vector<StyleDef>& styles() const { return styles_; }
    const std::vector<ListDef>& lists() const { return lists_; }
    const PageSetup& page() const { return page_; }
    int size(std::string_view name) const;  // half-points of 五号 …
    const std::map<std::string, int, std::less<>>& sizes() const { return sizes_; }

    std::string default_font, default_latin, default_lang;
    int default_size = 21;

private:
    std::vector<StyleDef> styles_;
    std::map<std::string, std::size_t, std::less<>> index_;
    std::vector<ListDef> lists_;
    std::map<std::string, int, std::less<>> sizes_;
    PageSetup page_;
};

// word/styles.xml: the document defaults and every style of the sheet.
std::string write_styles_xml(const StyleSheet& sheet);

}  // namespace bzc::emit::docx
