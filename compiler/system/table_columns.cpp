#include "system/table_columns.h"

namespace bzc::standard_system {

TableRow details_header() {
    return {"序号", "体系编号", "标准编号", "标准名称", "层级", "状态", "实施日期", "复审日期", "代替/被代替", "备注"};
}

TableRow details_cells(const SystemRow& row) {
    return {std::to_string(row.serial),
            row.system_number,
            row.number,
            row.title,
            std::string(row.level_zh()),
            std::string(repository::status_name_zh(row.status)),
            row.effective,
            row.reviewed,
            row.replacement,
            row.remarks};
}

TableRow statistics_header(const SystemTable& table) {
    TableRow header = {"类别编号", "类别"};
    for (std::size_t level : table.level_columns()) header.emplace_back(level_column_zh(level));
    for (std::size_t s = 0; s < status_count; ++s)
        header.emplace_back(repository::status_name_zh(static_cast<repository::StandardStatus>(s)));
    header.emplace_back("合计");
    return header;
}

TableRow statistics_cells(const SystemTable& table, const CategoryCount& count) {
    TableRow cells = {count.code, count.name};
    for (std::size_t level : table.level_columns()) cells.push_back(std::to_string(count.by_level[level]));
    for (std::size_t s = 0; s < status_count; ++s) cells.push_back(std::to_string(count.by_status[s]));
    cells.push_back(std::to_string(count.total));
    return cells;
}

TableRow review_header() {
    return {"序号", "体系编号", "标准编号", "标准名称", "实施日期", "复审日期", "复审期限", "复审状态"};
}

TableRow review_cells(const SystemRow& row, std::size_t serial) {
    const ReviewSchedule& r = *row.review;
    return {std::to_string(serial), row.system_number, row.number, row.title, row.effective, row.reviewed, r.due,
            r.state == ReviewState::Overdue ? "逾期" : "到期"};
}

}  // namespace bzc::standard_system
