#pragma once

#include "diagnostics/diagnostic.h"
#include "support/source_location.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bzc {
class SourceManager;
}

// The comments of a comment round (征求意见汇总处理表), as a committee fills
// them in a spreadsheet and saves them as XLSX or CSV: 序号, 章条编号,
// 意见内容, 提出单位, 处理意见, 理由 (CSV: RFC 4180 quoting; UTF-8 with or
// without BOM, or GB18030 as source files are). Both formats are read into
// one grid of located cells (comments_grid.h) and checked by one code path:
// the header is found by its column names below any title rows.
namespace bzc::explanation {

enum class Decision { Adopted, PartlyAdopted, Rejected };  // 采纳, 部分采纳, 未采纳

std::string_view decision_name(Decision d);  // 采纳 / 部分采纳 / 未采纳

struct Comment {
    std::string serial;   // 序号 as written
    std::string clause;   // 章条编号: 5, 5.2, A.1, 附录A, 前言 …
    std::string content;  // 意见内容
    std::string unit;     // 提出单位
    Decision decision = Decision::Adopted;
    std::string reason;   // 理由
    SourceLocation location;         // the row's first character
    SourceLocation clause_location;
    SourceLocation decision_location;
};

struct CommentsTable {
    std::vector<Comment> comments;  // rows that could be read, in order
    std::uint32_t file = 0;
};

struct CommentStatistics {
    std::size_t units = 0;  // distinct 提出单位 among the comments
    std::size_t comments = 0;
    std::size_t adopted = 0;
    std::size_t partly_adopted = 0;
    std::size_t rejected = 0;
};

CommentStatistics comment_statistics(const CommentsTable& table);

// Reads a CSV table from a loaded (decoded) file. A missing header column,
// a row with the wrong number of fields or an unterminated quote is EXP-06
// at its line and column (the row is skipped); an unknown decision is EXP-07.
CommentsTable read_comments_table(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink);

// Reads an XLSX workbook from its bytes; `file` is registered with the
// workbook's path (and no text). Locations are row:column of the sheet
// (E7 is 7:5) and EXP-06/EXP-07 name the cell; a workbook that cannot be read
// at all is EXP-06 for the file, and the table is empty.
CommentsTable read_comments_workbook(std::uint32_t file, std::string_view bytes, DiagnosticSink& sink);

// Whether a comment table's bytes go to the workbook reader: a zip archive
// or an OLE file (an .xls, reported as such) by content, or a name ending in
// .xlsx, .xlsm or .xls; everything else is CSV text.
bool is_workbook(std::string_view bytes, std::string_view path);

}  // namespace bzc::explanation
