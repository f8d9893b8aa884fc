#pragma once

#include "diagnostics/rule_registry.h"

#include <string>
#include <vector>

namespace bzc::driver {

// `bzc report STANDARD`: the 编制说明 of a standard, from the standard and its
// project record, and the 征求意见汇总处理表 from the comment table.
struct ReportOptions {
    std::string standard;
    std::string record;     // default: 编制说明.md next to the standard
    std::string comments;   // XLSX or CSV; default: 征求意见汇总处理表.csv, else .xlsx, next to the standard
    // The draft the comments were made on (a file, or git:REV:PATH with PATH
    // relative to the current directory); overrides the record's comment-draft.
    std::string comment_draft;
    std::string out_dir;    // default: the current directory
    std::string font = "仿宋";  // the body font of the report
    bool docx = false;      // neither format named: both
    bool pdf = false;
    int pdf_timeout = 180;
    bool force = false;
    std::vector<std::string> catalogs;
    Language language = Language::Chinese;
};

// The file names the command looks for next to the standard.
inline constexpr std::string_view default_record_name = "编制说明.md";
inline constexpr std::string_view default_comments_name = "征求意见汇总处理表.csv";
inline constexpr std::string_view default_comments_workbook_name = "征求意见汇总处理表.xlsx";  // when there is no CSV

// Returns the exit status: 0, 1 when the inputs have errors (nothing is
// written unless `force`), 2 for files that cannot be read or written.
int run_report(const ReportOptions& options);

}  // namespace bzc::driver
