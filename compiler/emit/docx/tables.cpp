// Tables (catalog §C.5): 表1/表A.1 and the title centred above, the unit line
// right-aligned above the frame, header rows repeated on every page
// (w:tblHeader), merged cells (w:gridSpan, w:vMerge), a thick outer frame
// and header rule, and the notes and footnotes of the table in a last row
// inside the frame.

#include "emit/docx/document_writer.h"

#include <algorithm>
#include <numeric>

namespace bzc::emit::docx {

namespace {

constexpr const char* thick = "12";  // eighths of a point: 1.5 pt
constexpr const char* thin = "4";    // 0.5 pt

// One grid position of a row: a cell, the continuation of a cell merged
// from above, or an empty filler where a row has fewer cells than the grid.
struct Slot {
    const model::TableCell* cell = nullptr;
    int column = 0;
    int span = 1;
    bool continuation = false;  // w:vMerge continue
    bool restart = false;       // w:vMerge restart
};

// Places every cell on the grid, honouring row and column spans; returns the
// slots of each row and sets `width` to the number of grid columns.
std::vector<std::vector<Slot>> lay_out(const model::Table& t, int& width) {
    std::vector<std::vector<Slot>> rows;
    std::vector<int> remaining;  // rows still covered by a cell from above, per start column
    std::vector<int> spans;      // that cell's column span
    width = 0;
    for (const auto& row : t.rows) {
        std::vector<Slot> slots;
        int column = 0;
        auto cell = row.cells.begin();
        auto grow = [&](int to) {
            if (static_cast<int>(remaining.size()) < to) {
                remaining.resize(static_cast<std::size_t>(to), 0);
                spans.resize(static_cast<std::size_t>(to), 1);
            }
        };
        for (;;) {
            auto at = static_cast<std::size_t>(column);
            if (at < remaining.size() && remaining[at] > 0) {
                slots.push_back({nullptr, column, spans[at], true, false});
                --remaining[at];
                column += spans[at];
                continue;
            }
            if (cell != row.cells.end()) {
                int span = std::max(1, cell->column_span);
                int rows_down = std::max(1, cell->row_span);
                grow(column + span);
                slots.push_back({&*cell, column, span, false, rows_down > 1});
                if (rows_down > 1) {
                    remaining[at] = rows_down - 1;
                    spans[at] = span;
                }
                column += span;
                ++cell;
                continue;
            }
            std::size_t next = at;
            while (next < remaining.size() && remaining[next] == 0) ++next;
            if (next >= remaining.size()) break;
            slots.push_back({nullptr, column, static_cast<int>(next) - column, false, false});
            column = static_cast<int>(next);
        }
        width = std::max(width, column);
        rows.push_back(std::move(slots));
    }
    // Rows shorter than the grid end in an empty cell (a row holds at least one).
    width = std::max(width, 1);
    for (auto& slots : rows) {
        int end = slots.empty() ? 0 : slots.back().column + slots.back().span;
        if (end < width) slots.push_back({nullptr, end, width - end, false, false});
    }
    return rows;
}

// Display width of text in half-width units: CJK characters count two.
int display_width(std::string_view text) {
    int units = 0;
    for (unsigned char c : text) {
        if ((c & 0xc0) == 0x80) continue;
        units += c >= 0xe0 ? 2 : 1;
    }
    return units;
}

// The widest run of text a line cannot break: Latin words and numbers
// ("2015-06-01"); a line may break after any CJK character.
int widest_unbreakable(std::string_view text) {
    int widest = 0, current = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xc0) == 0x80) continue;
        if (c == ' ' || c >= 0xe0) {
            widest = std::max(widest, current + (c >= 0xe0 ? 2 : 0));
            current = 0;
        } else {
            ++current;
        }
    }
    return std::max(widest, current);
}

// Column widths: every column at least as wide as its widest unbreakable
// word, the rest of the text width shared in proportion to what each column
// needs to hold its longest cell on one line.
std::vector<int> column_widths(const std::vector<std::vector<Slot>>& rows, int width, int total, int unit, int padding) {
    std::vector<int> least(static_cast<std::size_t>(width), 2), wanted(static_cast<std::size_t>(width), 2);
    for (const auto& slots : rows) {
        for (const auto& s : slots) {
            if (!s.cell || s.span != 1) continue;
            std::string text = model::plain_text(s.cell->content);
            auto i = static_cast<std::size_t>(s.column);
            least[i] = std::max(least[i], widest_unbreakable(text));
            wanted[i] = std::max(wanted[i], display_width(text));
        }
    }
    std::vector<double> low, high;
    for (std::size_t i = 0; i < least.size(); ++i) {
        low.push_back(least[i] * unit + padding);
        high.push_back(std::max(least[i], wanted[i]) * unit + padding);
    }
    double sum_low = std::accumulate(low.begin(), low.end(), 0.0);
    double sum_high = std::accumulate(high.begin(), high.end(), 0.0);
    std::vector<double> w(low.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (sum_high <= total) w[i] = high[i] * total / sum_high;  // all fits: widen in proportion
        else if (sum_low <= total) w[i] = low[i] + (high[i] - low[i]) * (total - sum_low) / (sum_high - sum_low);
        else w[i] = low[i] * total / sum_low;  // too many columns: words must break
    }
    std::vector<int> widths;
    int used = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        int v = i + 1 == w.size() ? total - used : static_cast<int>(w[i]);
        widths.push_back(v);
        used += v;
    }
    return widths;
}

}  // namespace

void DocumentWriter::table(const model::Table& t, const BlockContext& c) {
    ObjectMarks marks;
    object_marks_ = &marks;

    begin_paragraph(ParagraphFormat(c.annex ? "BZAnnexTableCaption" : "BZTableCaption"));
    int bookmark = bookmark_start(&t);
    run(t.number, {});
    bookmark_end(bookmark);
    if (!t.caption.empty()) {
        run("　", {});
        inlines(t.caption, {});
    }
    end_paragraph();
    if (!t.unit.empty()) {
        begin_paragraph(ParagraphFormat("BZTableText").aligned("right").kept_with_next());
        run(t.unit, {});
        end_paragraph();
    }

    int width = 0;
    auto rows = lay_out(t, width);
    if (rows.empty()) {  // a table without rows (reported by the checks): its notes only
        object_marks_ = nullptr;
        for (const auto& n : t.notes) note(n, c);
        return;
    }
    // Cell text is 小五: a half-width character is a quarter of its size in twips … ×20/2.
    int unit = style("BZTableText").size * 5;
    std::vector<int> widths = column_widths(rows, width, text_width(), unit, 2 * 108 + 20);
    auto span_width = [&](int column, int span) {
        return std::accumulate(widths.begin() + column, widths.begin() + column + span, 0);
    };
    // Header rows repeat on every page; Word takes only the rows at the top.
    std::size_t header_rows = 0;
    while (header_rows < t.rows.size() && t.rows[header_rows].header) ++header_rows;

    x_.open("w:tbl");
    x_.open("w:tblPr");
    x_.empty("w:tblW", {{"w:w", num(text_width())}, {"w:type", "dxa"}});
    x_.empty("w:jc", {{"w:val", "center"}});
    x_.open("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
        x_.empty(side, {{"w:val", "single"}, {"w:sz", thick}, {"w:space", "0"}, {"w:color", "auto"}});
    }
    for (const char* side : {"w:insideH", "w:insideV"}) {
        x_.empty(side, {{"w:val", "single"}, {"w:sz", thin}, {"w:space", "0"}, {"w:color", "auto"}});
    }
    x_.close();
    x_.empty("w:tblLayout", {{"w:type", "fixed"}});
    x_.close();
    x_.open("w:tblGrid");
    for (int w : widths) x_.empty("w:gridCol", {{"w:w", num(w)}});
    x_.close();

    for (std::size_t r = 0; r < rows.size(); ++r) {
        bool header = r < header_rows;
        bool header_rule = header && r + 1 == header_rows && header_rows < rows.size();
        x_.open("w:tr");
        x_.open("w:trPr");
        x_.empty("w:cantSplit");
        if (header) x_.empty("w:tblHeader");
        x_.close();
        for (const auto& s : rows[r]) {
            x_.open("w:tc");
            x_.open("w:tcPr");
            x_.empty("w:tcW", {{"w:w", num(span_width(s.column, s.span))}, {"w:type", "dxa"}});
            if (s.span > 1) x_.empty("w:gridSpan", {{"w:val", num(s.span)}});
            if (s.restart) x_.empty("w:vMerge", {{"w:val", "restart"}});
            else if (s.continuation) x_.empty("w:vMerge");
            if (header_rule) {
                x_.open("w:tcBorders");
                x_.empty("w:bottom", {{"w:val", "single"}, {"w:sz", thick}, {"w:space", "0"}, {"w:color", "auto"}});
                x_.close();
            }
            x_.empty("w:vAlign", {{"w:val", "center"}});
            x_.close();
            std::string align;
            if (header) align = "center";
            if (s.cell) {
                switch (s.cell->alignment) {
                    case model::Alignment::Left: align = "left"; break;
                    case model::Alignment::Center: align = "center"; break;
                    case model::Alignment::Right: align = "right"; break;
                    default: break;
                }
            }
            begin_paragraph(ParagraphFormat("BZTableText").aligned(align));
            if (s.cell) inlines(s.cell->content, {});
            end_paragraph();
            x_.close();
        }
        x_.close();
    }
    object_marks_ = nullptr;

    // Notes, then footnotes, in one cell across the table, inside the frame.
    if (!t.notes.empty() || !marks.empty()) {
        x_.open("w:tr");
        x_.open("w:tc");
        x_.open("w:tcPr");
        x_.empty("w:tcW", {{"w:w", num(text_width())}, {"w:type", "dxa"}});
        if (width > 1) x_.empty("w:gridSpan", {{"w:val", num(width)}});
        x_.close();
        BlockContext inner = c;
        inner.small = true;
        for (const auto& n : t.notes) note(n, inner);
        object_footnotes(marks);
        x_.close();
        x_.close();
    }
    x_.close();  // w:tbl
}

}  // namespace bzc::emit::docx
