#pragma once

#include "support/source_location.h"

#include <cstdint>
#include <string>
#include <vector>

// The form both readers of a comment table produce (the CSV reader in
// comments_table.cpp, the XLSX reader in comments_xlsx.cpp) before anything
// is known of its columns: rows of located cells. Finding the header, the
// six columns and the decisions is done once, on this form, for both.
namespace bzc::explanation {

struct GridCell {
    std::string text;          // as the cell holds it, untrimmed
    std::uint32_t column = 0;  // 0-based: A is 0
    SourceLocation location;
};

struct GridRow {
    std::vector<GridCell> cells;  // by increasing column; a spreadsheet leaves empty cells out
    SourceLocation location;      // the row's first character (CSV) or its first column (XLSX)
};

struct TableGrid {
    enum class Kind {
        Csv,       // every row must have the header's number of fields (EXP-06)
        Workbook,  // rows are as long as their last filled cell; locations are row:column; cells are named (C7)
    };
    Kind kind = Kind::Csv;
    std::uint32_t file = 0;
    std::vector<GridRow> rows;
};

// The spreadsheet name of a cell, 0-based column and 1-based row: (2, 7) is "C7".
std::string cell_name(std::uint32_t column, std::uint32_t row);

}  // namespace bzc::explanation
