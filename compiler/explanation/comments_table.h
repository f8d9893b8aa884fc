#pragma once

#include "diagnostics/diagnostic.h"
#include "support/source_location.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bzc {
class SourceManager;
}

// The comments of a comment round (征求意见汇总处理表), as a committee fills
// them in a spreadsheet and saves them as CSV: 序号, 章条编号, 意见内容,
// 提出单位, 处理意见, 理由 (RFC 4180 quoting; UTF-8 with or without BOM, or
// GB18030 as source files are).
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

// Reads the table from a loaded file. A missing header column, a row with
// the wrong number of fields or an unterminated quote is EXP-06 at its line
// and column (the row is skipped); an unknown decision is EXP-07.
CommentsTable read_comments_table(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink);

}  // namespace bzc::explanation
