#include "checks/check.h"
#include "model/walk.h"
#include "support/utf8.h"

// The content of tables (9.8, 10.4.2 of GB/T 1.1—2020; rules catalog §C.5):
// no "同上"/"同左" standing for a repeated value, a table has body rows, and
// a cell with nothing to say holds a dash "—" rather than nothing.
namespace bzc::checks {

namespace {

std::string cell_text(const model::TableCell& cell) { return std::string(utf8::trim(model::plain_text(cell.content))); }

// The cell's text, else the cell, else the table.
SourceLocation where(const model::TableCell& cell, const model::Block& table) {
    if (!cell.content.empty() && cell.content.front().location.known()) return cell.content.front().location;
    return cell.location.known() ? cell.location : table.location;
}

void check_table(const model::Block& block, DiagnosticSink& sink) {
    const auto& table = block.as<model::Table>();

    // OBJ-07: 同上, 同左 (and the ditto mark) instead of the value.
    for (const auto& row : table.rows) {
        for (const auto& cell : row.cells) {
            std::string text = cell_text(cell);
            if (text.ends_with("。")) text.resize(text.size() - std::string_view("。").size());
            if (text == "同上" || text == "同左" || text == "同右" || text == "同前" || text == "〃") {
                sink.report("OBJ-07", where(cell, block), {{"table", table.number}, {"word", text}});
            }
        }
    }

    // OBJ-08: a header and nothing under it.
    bool body = false;
    for (const auto& row : table.rows) body = body || !row.header;
    if (!body) {
        sink.report("OBJ-08", block.location, {{"table", table.number}});
        return;
    }

    // OBJ-09: empty cells. A form to be filled in (a blank row, or blanks in
    // a good part of its cells, as in 申请表 and 登记表 of an annex) is left
    // alone: its empty cells are the point.
    std::size_t cells = 0;
    std::size_t empty = 0;
    for (const auto& row : table.rows) {
        if (row.header) continue;
        std::size_t row_empty = 0;
        for (const auto& cell : row.cells) {
            ++cells;
            if (cell_text(cell).empty()) ++row_empty;
        }
        if (!row.cells.empty() && row_empty == row.cells.size()) return;
        empty += row_empty;
    }
    if (empty == 0 || empty * 4 > cells) return;
    for (const auto& row : table.rows) {
        if (row.header) continue;
        for (const auto& cell : row.cells) {
            if (cell_text(cell).empty()) sink.report("OBJ-09", where(cell, block), {{"table", table.number}});
        }
    }
}

}  // namespace

void check_tables(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment without cover data: FM-01 says so
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& block : blocks) {
            if (block.is<model::Table>()) check_table(block, sink);
        }
    });
}

}  // namespace bzc::checks
