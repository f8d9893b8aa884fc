#pragma once

#include "system/system_table.h"

#include <string>
#include <string_view>
#include <vector>

// The tables of the 标准体系表 as CSV for spreadsheets: UTF-8 with a byte
// order mark (without one Excel reads UTF-8 as the ANSI code page), fields
// quoted as RFC 4180 says, lines ended by CR LF.
namespace bzc::standard_system {

// One field: as is, or in double quotes (doubled inside) when it holds a
// comma, a quote, a line break or leading/trailing white space.
std::string csv_field(std::string_view text);
// The whole file: the BOM, then each row's fields joined by commas.
std::string csv_file(const std::vector<std::vector<std::string>>& rows);

std::string details_csv(const SystemTable& table);     // 标准明细表.csv
std::string statistics_csv(const SystemTable& table);  // 标准统计表.csv
std::string review_csv(const SystemTable& table);      // 复审到期.csv

}  // namespace bzc::standard_system
