#pragma once

#include "repository/framework.h"
#include "repository/repository_index.h"
#include "system/review_schedule.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::driver {
struct ProjectConfig;
}

// The 标准体系表 of a standards repository (GB/T 13016—2018): the 标准明细表
// grouped by the framework's categories, the 标准统计表 and the standards due
// for 复审. A model only; the SVG, CSV and DOCX are written from it.
namespace bzc::standard_system {

// The 层级 columns of the statistics: the designation families, and a last
// one for numbers that name no family (a placeholder such as ××××).
inline constexpr std::size_t level_count = 7;
inline constexpr std::size_t unknown_level = 6;
inline constexpr std::size_t status_count = 4;  // repository::StandardStatus, in its order
std::string_view level_column_zh(std::size_t level);
std::string_view level_column_en(std::size_t level);

// One line of the 标准明细表.
struct SystemRow {
    std::size_t serial = 0;     // 序号, running through the whole table
    std::string system_number;  // 体系编号 "210-03"; empty for a standard without a known category
    std::string number;         // 标准编号 as written
    std::string title;          // 标准名称
    std::string path;           // the source, relative to the repository
    std::size_t level = unknown_level;  // index into the level columns
    repository::StandardStatus status = repository::StandardStatus::Drafting;
    std::string effective;      // 实施日期
    std::string reviewed;       // 复审日期: the last review, when there was one
    std::string replacement;    // 代替/被代替: "代替X；被Y代替"
    std::string remarks;        // 备注
    std::string category;       // the code its cover data names (may be unknown)
    std::optional<ReviewSchedule> review;

    std::string_view level_zh() const { return level_column_zh(level); }
    bool due_for_review() const { return review && review->state != ReviewState::NotDue; }
};

// The rows of one category (the standards it holds itself, not those of its
// sub-categories), or of the final group of unclassified standards.
struct SystemGroup {
    std::string code;   // empty: 未归类
    std::string name;
    std::vector<std::string> path;  // "200 运行保障", "210 服务接待": the way down the framework
    std::vector<SystemRow> rows;

    bool unclassified() const { return code.empty(); }
    std::string heading() const;  // "210 服务接待" or "未归类"
};

// One line of the 标准统计表: a category with its sub-categories rolled up.
struct CategoryCount {
    std::string code;  // empty for the 未归类 line and the totals
    std::string name;
    int depth = 0;
    bool leaf = false;
    std::array<int, level_count> by_level{};
    std::array<int, status_count> by_status{};
    int total = 0;

    int count(repository::StandardStatus s) const { return by_status[static_cast<std::size_t>(s)]; }
    // The standards that make up the system: all but the replaced ones.
    int in_system() const { return total - count(repository::StandardStatus::Replaced); }
    // A leaf category is covered when it has a standard in force.
    bool covered() const { return count(repository::StandardStatus::Current) > 0; }
};

struct SystemTable {
    std::string name;            // the project's name (`project:`)
    std::string framework_name;  // "3+7N", optional
    std::string today;
    int review_period_years = 5;

    std::vector<SystemGroup> groups;           // framework order, 未归类 last
    std::vector<CategoryCount> categories;     // every category, depth first
    CategoryCount unclassified;                // the standards without a known category
    CategoryCount totals;

    int leaf_categories = 0;
    int covered_leaf_categories = 0;
    std::vector<std::string> uncovered;  // "130 信息化", in framework order

    std::vector<SystemRow> review_list;  // due or overdue, in table order
    int review_due = 0;                  // the length of the list
    int review_overdue = 0;              // of which overdue

    // Per mille, rounded: 857 for 6 of 7 (printed 85.7%); 0 without leaves.
    int coverage_per_mille() const;
    std::string coverage_text() const;  // "85.7%"
    const CategoryCount* category(std::string_view code) const;
    // The level columns of the statistics: the five domestic levels always,
    // 国际标准 and 未定 only when some standard has them.
    std::vector<std::size_t> level_columns() const;
};

// The table of a repository on `today` (YYYY-MM-DD).
SystemTable build_system_table(const driver::ProjectConfig& config, const repository::RepositoryIndex& index,
                               std::string_view today);

// The title of the table for a system's name: 重庆市机关事务标准体系 →
// 重庆市机关事务标准体系表; 重庆市机关事务 → 重庆市机关事务标准体系表.
std::string system_table_title(const std::string& name);

// The 体系编号 of the n-th (1-based) standard of a category: "210-03".
std::string system_number(std::string_view category_code, std::size_t sequence);

// Designation order within a category: by code, then the number compared
// piece by piece as numbers (GB/T 2 before GB/T 10, 1.2 before 1.10), then
// the year; numbers that cannot be read last, as written.
bool designation_order(const repository::StandardIdentity& a, const repository::StandardIdentity& b);

}  // namespace bzc::standard_system
