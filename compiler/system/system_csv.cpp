#include "system/system_csv.h"

#include "system/table_columns.h"

namespace bzc::standard_system {

std::string csv_field(std::string_view text) {
    bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                 (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' || text.back() == '\t'));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_file(const std::vector<std::vector<std::string>>& rows) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            out += csv_field(row[i]);
        }
        out += "\r\n";
    }
    return out;
}

std::string details_csv(const SystemTable& table) {
    // Flat, so each line also names its category (the DOCX has a table per category).
    std::vector<TableRow> rows = {details_header()};
    rows.front().push_back("类别");
    for (const auto& group : table.groups) {
        for (const auto& row : group.rows) {
            rows.push_back(details_cells(row));
            rows.back().push_back(group.heading());
        }
    }
    return csv_file(rows);
}

std::string statistics_csv(const SystemTable& table) {
    std::vector<TableRow> rows = {statistics_header(table)};
    for (const auto& c : table.categories) rows.push_back(statistics_cells(table, c));
    if (table.unclassified.total > 0) rows.push_back(statistics_cells(table, table.unclassified));
    rows.push_back(statistics_cells(table, table.totals));
    // RFC 4180: every line has as many fields as the header.
    TableRow coverage = {"", "覆盖率", table.coverage_text()};
    coverage.resize(rows.front().size());
    rows.push_back(std::move(coverage));
    return csv_file(rows);
}

std::string review_csv(const SystemTable& table) {
    std::vector<TableRow> rows = {review_header()};
    for (std::size_t i = 0; i < table.review_list.size(); ++i) rows.push_back(review_cells(table.review_list[i], i + 1));
    return csv_file(rows);
}

}  // namespace bzc::standard_system
