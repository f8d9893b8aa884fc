#pragma once

#include "diagnostics/diagnostic.h"
#include "explanation/comments_grid.h"

#include <cstdint>
#include <optional>
#include <string_view>

// The XLSX reader of comment tables: the committee's spreadsheet as Excel,
// WPS or LibreOffice saves it (ECMA-376 SpreadsheetML), unzipped with minizip
// (support/zip_archive.h) and parsed with pugixml.
namespace bzc::explanation {

// True when the bytes are a zip archive ("PK\3\4"), as every XLSX is.
bool has_zip_signature(std::string_view bytes);
// True for an OLE compound file: an Excel 97–2003 .xls, or any workbook
// Excel saved with a password (it encrypts the whole package into one).
bool has_ole_signature(std::string_view bytes);

// Reads the comment sheet of the workbook `bytes` (registered as `file`):
// the sheet named like 征求意见汇总处理表 (its name holds 意见), else the
// first visible one. Cells come from shared strings (rich text runs joined),
// inline strings, numbers (written as Excel shows them: 1, 4.2), booleans and
// cached formula results; rows and cells are placed by their references
// (C7), so the empty cells a spreadsheet leaves out stay empty. A workbook
// that cannot be read (not a zip, damaged, encrypted, an .xls, a part over
// limits::max_workbook_part_bytes once inflated, no sheet, malformed XML)
// is EXP-06 for the file, and nothing is returned.
std::optional<TableGrid> read_workbook_grid(std::string_view bytes, std::uint32_t file, DiagnosticSink& sink);

}  // namespace bzc::explanation
