#pragma once

#include "diagnostics/rule_registry.h"

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace bzc::driver {

// `bzc system [DIR]`: the 标准体系表 of the standards repository DIR (its
// bzc.yaml there or above): 标准体系表.docx and .pdf, 标准体系结构图.svg and
// the three tables as CSV.
struct SystemOptions {
    std::string directory = ".";
    std::string out_dir;  // default: the project's `output:`, else the current directory
    bool docx = false;    // no format named: all of them
    bool pdf = false;
    bool csv = false;
    std::string today;    // default: today (BZC_TODAY)
    std::string format = "text";  // of standard output: the paths written, or a JSON account
    int pdf_timeout = 180;
    Language language = Language::Chinese;
};

// The file names written.
inline constexpr std::string_view system_docx_name = "标准体系表.docx";
inline constexpr std::string_view system_pdf_name = "标准体系表.pdf";
inline constexpr std::string_view system_svg_name = "标准体系结构图.svg";
inline constexpr std::string_view system_details_csv_name = "标准明细表.csv";
inline constexpr std::string_view system_statistics_csv_name = "标准统计表.csv";
inline constexpr std::string_view system_review_csv_name = "复审到期.csv";

// Registers the subcommand and its options on the command line.
CLI::App* add_system_command(CLI::App& app, SystemOptions& options);

// Returns the exit status: 0 when written (standards due for review are
// information, not errors), 1 when the project file has errors, 2 for a
// missing project file, a bad option, a missing tool or a file that cannot
// be written.
int run_system(const SystemOptions& options);

}  // namespace bzc::driver
