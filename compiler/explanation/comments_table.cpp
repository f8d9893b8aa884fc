#include "explanation/comments_table.h"

#include "explanation/comments_grid.h"
#include "explanation/comments_xlsx.h"
#include "support/source_manager.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

namespace bzc::explanation {
namespace {

std::string trim(std::string_view s) {
    // Spreadsheets pad cells with blanks and full-width spaces, and leave a
    // line break typed at a cell's end; none is content.
    auto is_blank_at = [&](std::size_t i, std::size_t& width) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') { width = 1; return true; }
        if (s.substr(i, 3) == "\u3000") { width = 3; return true; }
        return false;
    };
    std::size_t first = 0, width = 0;
    while (first < s.size() && is_blank_at(first, width)) first += width;
    std::size_t last = s.size();
    while (last > first) {
        if (s[last - 1] == ' ' || s[last - 1] == '\t' || s[last - 1] == '\n' || s[last - 1] == '\r') --last;
        else if (last - first >= 3 && s.substr(last - 3, 3) == "\u3000") last -= 3;
        else break;
    }
    return std::string(s.substr(first, last - first));
}

std::string row_number_problem(std::size_t fields, std::size_t expected) {
    return "本行有" + std::to_string(fields) + "列，表头有" + std::to_string(expected) + "列";
}

// RFC 4180: fields separated by commas, rows by line ends; a quoted field
// may hold commas, line ends and doubled quotes. An unterminated quote is
// reported and ends the table: the rows before it are kept.
TableGrid read_csv_grid(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    TableGrid grid;
    grid.kind = TableGrid::Kind::Csv;
    grid.file = file;
    std::string_view text = sources.file(file).text;
    auto at = [&](std::size_t offset) { return sources.location_at_offset(file, offset); };
    std::size_t pos = 0;
    while (pos < text.size()) {
        GridRow row;
        row.location = at(pos);
        while (true) {
            GridCell field;
            field.column = static_cast<std::uint32_t>(row.cells.size());
            field.location = at(pos);
            if (pos < text.size() && text[pos] == '"') {
                std::size_t quote = pos++;
                while (true) {
                    if (pos >= text.size()) {
                        sink.report("EXP-06", at(quote), {{"problem", "引号未闭合", "unterminated quote"}});
                        return grid;
                    }
                    if (text[pos] == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            field.text += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    field.text += text[pos++];
                }
                // Text after the closing quote (a"b",) is kept, as spreadsheets do.
                while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') field.text += text[pos++];
            } else {
                while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') field.text += text[pos++];
            }
            row.cells.push_back(std::move(field));
            if (pos >= text.size()) break;
            if (text[pos++] == '\n') break;
        }
        grid.rows.push_back(std::move(row));
    }
    return grid;
}

enum Column { Serial, ClauseNumber, Content, Unit, DecisionColumn, Reason, ColumnCount };
constexpr std::array<std::string_view, ColumnCount> column_names = {"序号", "章条编号", "意见内容", "提出单位", "处理意见", "理由"};

std::optional<Decision> parse_decision(std::string_view text) {
    if (text == "采纳") return Decision::Adopted;
    if (text == "部分采纳") return Decision::PartlyAdopted;
    if (text == "未采纳" || text == "不采纳") return Decision::Rejected;
    return std::nullopt;
}

bool blank_row(const GridRow& row) {
    for (const auto& c : row.cells)
        if (!trim(c.text).empty()) return false;
    return true;
}

// A header cell as a column name: committees space two-character names out
// (序  号) and break long ones over lines (处理\n意见).
std::string header_key(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') ++i;
        else if (text.substr(i, 3) == "\u3000") i += 3;
        else out += text[i++];
    }
    return out;
}

std::size_t column_names_in(const GridRow& row) {
    std::size_t found = 0;
    for (auto name : column_names)
        for (const auto& c : row.cells)
            if (header_key(c.text) == name) {
                ++found;
                break;
            }
    return found;
}

// The header is the first row that names at least half the columns: rows
// above it are a title (xx征求意见汇总处理表), the standard's name or the
// date, as committees put them. When no row does, the first row that is not
// blank is taken for the header, and what it lacks is reported there.
std::optional<std::size_t> find_header(const TableGrid& grid) {
    constexpr std::size_t enough = (ColumnCount + 1) / 2;
    for (std::size_t i = 0; i < grid.rows.size(); ++i)
        if (column_names_in(grid.rows[i]) >= enough) return i;
    for (std::size_t i = 0; i < grid.rows.size(); ++i)
        if (!blank_row(grid.rows[i])) return i;
    return std::nullopt;
}

// The cell of a row in a column; a spreadsheet's left-out cell reads empty,
// located where it would be.
GridCell cell_at(const TableGrid& grid, const GridRow& row, std::uint32_t column) {
    auto found = std::lower_bound(row.cells.begin(), row.cells.end(), column,
                                  [](const GridCell& c, std::uint32_t col) { return c.column < col; });
    if (found != row.cells.end() && found->column == column) return *found;
    return {"", column, {grid.file, row.location.line, column + 1}};
}

// The comments of a grid: one set of checks for every format.
CommentsTable comments_from_grid(const TableGrid& grid, DiagnosticSink& sink) {
    CommentsTable table;
    table.file = grid.file;
    const bool workbook = grid.kind == TableGrid::Kind::Workbook;
    auto header_index = find_header(grid);
    if (!header_index) {
        sink.report("EXP-06", {grid.file, 1, 1}, {{"problem", "没有表头", "no header row"}});
        return table;
    }
    const GridRow& header = grid.rows[*header_index];
    std::array<std::uint32_t, ColumnCount> column{};
    bool complete = true;
    for (std::size_t c = 0; c < ColumnCount; ++c) {
        bool found = false;
        for (const auto& cell : header.cells)
            if (header_key(cell.text) == column_names[c]) {
                column[c] = cell.column;  // the last of two equal names, as before
                found = true;
            }
        if (!found) {
            sink.report("EXP-06", header.location,
                        {{"problem", "表头缺少“" + std::string(column_names[c]) + "”列",
                          "the header lacks the column " + std::string(column_names[c])}});
            complete = false;
        }
    }
    if (!complete) return table;

    for (std::size_t r = *header_index + 1; r < grid.rows.size(); ++r) {
        const GridRow& row = grid.rows[r];
        if (blank_row(row)) continue;
        // A CSV row of another length has lost or gained a separator: its
        // cells cannot be trusted to be in their columns.
        if (!workbook && row.cells.size() != header.cells.size()) {
            sink.report("EXP-06", row.location,
                        {{"problem", row_number_problem(row.cells.size(), header.cells.size()),
                          "the row has " + std::to_string(row.cells.size()) + " fields, the header " +
                              std::to_string(header.cells.size())}});
            continue;
        }
        auto cell = [&](Column c) { return cell_at(grid, row, column[c]); };
        Comment comment;
        comment.serial = trim(cell(Serial).text);
        comment.clause = trim(cell(ClauseNumber).text);
        comment.content = trim(cell(Content).text);
        comment.unit = trim(cell(Unit).text);
        comment.reason = trim(cell(Reason).text);
        comment.location = row.location;
        comment.clause_location = cell(ClauseNumber).location;
        GridCell decision_cell = cell(DecisionColumn);
        comment.decision_location = decision_cell.location;
        std::string decision_text = trim(decision_cell.text);
        auto decision = parse_decision(decision_text);
        if (!decision) {
            DiagnosticArg where("cell", "", "");
            if (workbook) {
                std::string name = cell_name(decision_cell.column, decision_cell.location.line);
                where = DiagnosticArg("cell", "（单元格" + name + "）", " (cell " + name + ")");
            }
            sink.report("EXP-07", comment.decision_location,
                        {{"serial", comment.serial}, {"decision", decision_text}, std::move(where)});
            continue;
        }
        comment.decision = *decision;
        table.comments.push_back(std::move(comment));
    }
    return table;
}

}  // namespace

std::string_view decision_name(Decision d) {
    switch (d) {
        case Decision::Adopted: return "采纳";
        case Decision::PartlyAdopted: return "部分采纳";
        case Decision::Rejected: return "未采纳";
    }
    return "";
}

CommentStatistics comment_statistics(const CommentsTable& table) {
    CommentStatistics s;
    std::set<std::string> units;
    for (const auto& c : table.comments) {
        if (!c.unit.empty()) units.insert(c.unit);
        ++s.comments;
        if (c.decision == Decision::Adopted) ++s.adopted;
        else if (c.decision == Decision::PartlyAdopted) ++s.partly_adopted;
        else ++s.rejected;
    }
    s.units = units.size();
    return s;
}

CommentsTable read_comments_table(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    return comments_from_grid(read_csv_grid(file, sources, sink), sink);
}

CommentsTable read_comments_workbook(std::uint32_t file, std::string_view bytes, DiagnosticSink& sink) {
    auto grid = read_workbook_grid(bytes, file, sink);
    if (!grid) {
        CommentsTable unreadable;
        unreadable.file = file;
        return unreadable;
    }
    return comments_from_grid(*grid, sink);
}

bool is_workbook(std::string_view bytes, std::string_view path) {
    if (has_zip_signature(bytes) || has_ole_signature(bytes)) return true;
    auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string extension(path.substr(dot + 1));
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return extension == "xlsx" || extension == "xlsm" || extension == "xls";
}

}  // namespace bzc::explanation
