#pragma once

#include "system/system_table.h"

#include <string>
#include <vector>

// The columns of the three tables of the 标准体系表, one definition for the
// CSV files and the tables of the DOCX, so the two cannot disagree.
namespace bzc::standard_system {

using TableRow = std::vector<std::string>;

// 标准明细表 (GB/T 13016—2018 明细表, with the system's own 体系编号):
// 序号, 体系编号, 标准编号, 标准名称, 层级, 状态, 实施日期, 复审日期, 代替/被代替, 备注.
TableRow details_header();
TableRow details_cells(const SystemRow& row);

// 标准统计表: 类别编号, 类别, then a column per level (SystemTable::level_columns),
// a column per status, 合计.
TableRow statistics_header(const SystemTable& table);
TableRow statistics_cells(const SystemTable& table, const CategoryCount& count);

// 复审到期: 序号, 体系编号, 标准编号, 标准名称, 实施日期, 复审日期, 复审期限, 复审状态.
TableRow review_header();
TableRow review_cells(const SystemRow& row, std::size_t serial);

}  // namespace bzc::standard_system
