#include "system/system_table.h"

#include "driver/project_config.h"
#include "support/text_join.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

namespace bzc::standard_system {

namespace {

using repository::FrameworkCategory;
using repository::StandardIdentity;
using repository::StandardStatus;

// A number whose designation cannot be read yet (a draft's DB50/T ××××—2025)
// still shows its level by its prefix.
std::size_t level_of(const StandardIdentity& s) {
    if (s.designation) return static_cast<std::size_t>(s.designation->family);
    std::string_view n = s.number;
    while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
    auto family = [](model::DesignationFamily f) { return static_cast<std::size_t>(f); };
    if (n.starts_with("GB")) return family(model::DesignationFamily::National);
    if (n.starts_with("DB")) return family(model::DesignationFamily::Local);
    if (n.starts_with("T/")) return family(model::DesignationFamily::Group);
    if (n.starts_with("Q/")) return family(model::DesignationFamily::Enterprise);
    return unknown_level;
}

// Compares the pieces of two numbers ("20001.10" against "20001.2"): runs of
// digits as numbers, anything else as text.
int compare_numbers(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && is_digit(a[ei])) ++ei;
            while (ej < b.size() && is_digit(b[ej])) ++ej;
            unsigned long long x = 0, y = 0;
            std::from_chars(a.data() + i, a.data() + ei, x);
            std::from_chars(b.data() + j, b.data() + ej, y);
            if (x != y) return x < y ? -1 : 1;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
            ++i;
            ++j;
        }
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

void add(CategoryCount& into, const CategoryCount& from) {
    for (std::size_t i = 0; i < level_count; ++i) into.by_level[i] += from.by_level[i];
    for (std::size_t i = 0; i < status_count; ++i) into.by_status[i] += from.by_status[i];
    into.total += from.total;
}

void count_row(CategoryCount& into, const SystemRow& row) {
    ++into.by_level[row.level];
    ++into.by_status[static_cast<std::size_t>(row.status)];
    ++into.total;
}

// A category's line with its sub-categories rolled up, written depth first
// (the category before its children) into `out`.
CategoryCount roll_up(const FrameworkCategory& c, int depth, const std::map<std::string, CategoryCount, std::less<>>& own,
                      std::vector<CategoryCount>& out) {
    std::size_t slot = out.size();
    out.emplace_back();
    CategoryCount count;
    if (auto found = own.find(c.code); found != own.end()) count = found->second;
    count.code = c.code;
    count.name = c.name;
    count.depth = depth;
    count.leaf = c.children.empty();
    for (const auto& child : c.children) add(count, roll_up(child, depth + 1, own, out));
    out[slot] = count;
    return count;
}

std::string review_remark(const ReviewSchedule& r) {
    if (r.state == ReviewState::Overdue) return "复审逾期，期限" + r.due;
    return "复审到期，期限" + r.due;
}

}  // namespace

std::string_view level_column_zh(std::size_t level) {
    if (level >= unknown_level) return "未定";
    return repository::level_name_zh(static_cast<model::DesignationFamily>(level));
}

std::string_view level_column_en(std::size_t level) {
    if (level >= unknown_level) return "unknown";
    return repository::level_name_en(static_cast<model::DesignationFamily>(level));
}

std::string SystemGroup::heading() const { return unclassified() ? "未归类" : code + " " + name; }

int SystemTable::coverage_per_mille() const {
    if (leaf_categories == 0) return 0;
    return (covered_leaf_categories * 2000 + leaf_categories) / (2 * leaf_categories);
}

std::string SystemTable::coverage_text() const {
    if (leaf_categories == 0) return "—";
    int p = coverage_per_mille();
    return std::to_string(p / 10) + "." + std::to_string(p % 10) + "%";
}

const CategoryCount* SystemTable::category(std::string_view code) const {
    for (const auto& c : categories)
        if (c.code == code) return &c;
    return nullptr;
}

std::vector<std::size_t> SystemTable::level_columns() const {
    std::vector<std::size_t> levels;
    for (std::size_t i = 0; i < level_count; ++i)
        if (i < 5 || totals.by_level[i] > 0) levels.push_back(i);
    return levels;
}

std::string system_table_title(const std::string& name) {
    if (name.ends_with("标准体系表")) return name;
    if (name.ends_with("标准体系")) return name + "表";
    return name + "标准体系表";
}

std::string system_number(std::string_view category_code, std::size_t sequence) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "-%02zu", sequence);
    return std::string(category_code) + buffer;
}

bool designation_order(const StandardIdentity& a, const StandardIdentity& b) {
    if (a.designation.has_value() != b.designation.has_value()) return a.designation.has_value();
    if (a.designation) {
        const auto& x = *a.designation;
        const auto& y = *b.designation;
        if (x.code != y.code) return x.code < y.code;
        if (int c = compare_numbers(x.number, y.number)) return c < 0;
        if (x.year != y.year) return x.year < y.year;
        if (x.amendment != y.amendment) return x.amendment < y.amendment;
    } else if (int c = compare_numbers(a.number, b.number)) {
        return c < 0;
    }
    return a.path < b.path;
}

SystemTable build_system_table(const driver::ProjectConfig& config, const repository::RepositoryIndex& index,
                               std::string_view today) {
    SystemTable table;
    table.name = config.name;
    table.framework_name = config.framework.name;
    table.today = std::string(today);
    table.review_period_years = config.review_period_years;

    // Drafts that will replace a standard: its revision is under way.
    std::map<std::string, std::vector<std::string>, std::less<>> revised_by;
    for (const auto& s : index.standards()) {
        if (!s.stage || *s.stage == model::Stage::Published) continue;  // no stage: published
        for (const auto& replaced : s.replaces) {
            if (auto d = model::parse_designation(replaced)) revised_by[d->canonical()].push_back(s.number.empty() ? s.path : s.number);
        }
    }

    // The standards of each category, and those without a known one.
    std::map<std::string, std::vector<const StandardIdentity*>, std::less<>> by_category;
    std::vector<const StandardIdentity*> unclassified;
    for (const auto& s : index.standards()) {
        if (!s.category.empty() && config.framework.find(s.category)) by_category[s.category].push_back(&s);
        else unclassified.push_back(&s);
    }

    auto make_row = [&](const StandardIdentity& s) {
        SystemRow row;
        row.number = s.number;
        row.title = s.title;
        row.path = s.path;
        row.level = level_of(s);
        row.status = index.status(s, today);
        row.effective = s.effective;
        row.reviewed = s.reviewed;
        row.category = s.category;
        std::vector<std::string> replacement, remarks;
        if (!s.replaces.empty()) replacement.push_back("代替" + join(s.replaces, "、"));
        if (auto by = index.replaced_by(s); !by.empty()) replacement.push_back("被" + join(by, "、") + "代替");
        row.replacement = join(replacement, "；");
        if (s.category.empty()) remarks.push_back("未标注类别");
        else if (!config.framework.find(s.category)) remarks.push_back("体系框架中没有类别“" + s.category + "”");
        if (s.number.empty()) remarks.push_back("缺少标准编号");
        row.review = review_schedule(s, row.status, today, config.review_period_years);
        if (row.due_for_review()) remarks.push_back(review_remark(*row.review));
        if (row.status == StandardStatus::Current && !row.review) remarks.push_back("缺少有效的实施日期，无法确定复审期限");
        if (s.designation && row.status == StandardStatus::Current) {
            if (auto found = revised_by.find(s.designation->canonical()); found != revised_by.end())
                remarks.push_back("修订中（" + join(found->second, "、") + "）");
        }
        row.remarks = join(remarks, "；");
        return row;
    };
    auto sorted = [](std::vector<const StandardIdentity*> list) {
        std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return designation_order(*a, *b); });
        return list;
    };

    std::map<std::string, CategoryCount, std::less<>> own;
    config.framework.for_each([&](const FrameworkCategory& c, int) {
        auto found = by_category.find(c.code);
        if (found == by_category.end()) return;
        SystemGroup group;
        group.code = c.code;
        group.name = c.name;
        for (const auto* step : config.framework.path_to(c.code)) group.path.push_back(step->code + " " + step->name);
        std::size_t sequence = 0;
        for (const auto* s : sorted(found->second)) {
            SystemRow row = make_row(*s);
            row.system_number = system_number(c.code, ++sequence);
            count_row(own[c.code], row);
            group.rows.push_back(std::move(row));
        }
        table.groups.push_back(std::move(group));
    });
    if (!unclassified.empty()) {
        SystemGroup group;
        for (const auto* s : sorted(unclassified)) {
            SystemRow row = make_row(*s);
            count_row(table.unclassified, row);
            group.rows.push_back(std::move(row));
        }
        table.groups.push_back(std::move(group));
    }
    table.unclassified.name = "未归类";

    std::size_t serial = 0;
    for (auto& group : table.groups) {
        for (auto& row : group.rows) {
            row.serial = ++serial;
            if (!row.due_for_review()) continue;
            ++table.review_due;
            if (row.review->state == ReviewState::Overdue) ++table.review_overdue;
            table.review_list.push_back(row);
        }
    }

    for (const auto& top : config.framework.categories) add(table.totals, roll_up(top, 0, own, table.categories));
    add(table.totals, table.unclassified);
    table.totals.name = "合计";
    for (const auto& c : table.categories) {
        if (!c.leaf) continue;
        ++table.leaf_categories;
        if (c.covered()) ++table.covered_leaf_categories;
        else table.uncovered.push_back(c.code + " " + c.name);
    }
    return table;
}

}  // namespace bzc::standard_system
