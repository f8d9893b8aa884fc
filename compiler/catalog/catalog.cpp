#include "catalog/catalog.h"

#include "support/resources.h"
#include "support/utf8.h"

#include <algorithm>

namespace bzc::catalog {

namespace {

using model::CatalogRecord;
using model::CatalogStatus;

bool valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (d[i] < '0' || d[i] > '9') return false;
    }
    int month = (d[5] - '0') * 10 + (d[6] - '0');
    int day = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

struct Field {
    std::string_view text;
    std::size_t offset = 0;  // in the line
};

std::vector<Field> split_fields(std::string_view line) {
    std::vector<Field> fields;
    std::size_t start = 0;
    for (;;) {
        std::size_t bar = line.find(" | ", start);
        std::string_view raw = line.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        std::string_view trimmed = utf8::trim(raw);
        std::size_t lead = trimmed.empty() ? 0 : static_cast<std::size_t>(trimmed.data() - raw.data());
        fields.push_back({trimmed, start + lead});
        if (bar == std::string_view::npos) break;
        start = bar + 3;
    }
    return fields;
}

// The year of a dated designation as a number, for ordering editions.
int year_of(const CatalogRecord& r) {
    int y = 0;
    for (char c : r.designation.year) y = y * 10 + (c - '0');
    return y;
}

}  // namespace

Catalog Catalog::seed() {
    Catalog catalog;
    DiagnosticSink ignored;  // the seed is checked by a unit test
    for_each_embedded_resource("rules/catalog/", [&](const EmbeddedResource& r) {
        if (r.name.ends_with(".txt")) catalog.read(r.content, 0, r.name, ignored);
    });
    return catalog;
}

void Catalog::read(std::string_view text, std::uint32_t file, std::string_view name, DiagnosticSink& sink) {
    std::uint32_t line_number = 0;
    std::size_t pos = 0;
    std::string file_name(name.substr(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1));
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::string_view content = utf8::trim(line);
        if (content.empty() || content.front() == '#') continue;
        auto problem = [&](std::size_t offset, std::string zh, std::string en) {
            SourceLocation at;
            if (file != 0) {
                at = {file, line_number, static_cast<std::uint32_t>(utf8::count_code_points(line.substr(0, offset)) + 1)};
            }
            sink.report("CAT-01", at, {{"problem", std::move(zh), std::move(en)}});
        };
        if (content.starts_with("@version")) {
            std::string_view version = utf8::trim(content.substr(8));
            if (!valid_date(version)) {
                problem(static_cast<std::size_t>(content.data() - line.data()), "“@version”后应为日期YYYY-MM-DD",
                        "'@version' takes a date YYYY-MM-DD");
                continue;
            }
            versions_.push_back(file_name + " " + std::string(version));
            continue;
        }
        auto fields = split_fields(line);
        if (fields.size() != 5) {
            problem(0, "一条记录应有5个字段（编号 | 名称 | 状态 | 发布日期 | 实施日期），此行有" + std::to_string(fields.size()) + "个",
                    "a record has 5 fields (designation | title | status | issued | implemented), this line has " +
                        std::to_string(fields.size()));
            continue;
        }
        CatalogRecord record;
        auto designation = model::parse_designation(fields[0].text);
        if (!designation) {
            problem(fields[0].offset, "“" + std::string(fields[0].text) + "”不是标准编号", "'" + std::string(fields[0].text) + "' is not a document designation");
            continue;
        }
        if (designation->year.empty()) {
            problem(fields[0].offset, "编号应注明年份（每条记录是一个版本）", "the designation has no year (each record is one edition)");
            continue;
        }
        if (!designation->deviations.empty() || designation->all_parts) {
            problem(fields[0].offset, "编号应按印刷形式书写：" + designation->canonical(),
                    "write the designation as printed: " + designation->canonical());
            continue;
        }
        record.designation = *designation;
        record.title = std::string(fields[1].text);
        if (record.title.empty() || record.title.find("《") != std::string::npos) {
            problem(fields[1].offset, "名称不能为空，也不加书名号", "the title is empty or in 《》");
            continue;
        }
        std::string_view status = fields[2].text;
        if (status == "现行") record.status = CatalogStatus::Current;
        else if (status == "即将实施") record.status = CatalogStatus::Upcoming;
        else if (status == "废止") record.status = CatalogStatus::Withdrawn;
        else if (status.starts_with("被代替：")) {
            record.status = CatalogStatus::Replaced;
            std::string_view rest = status.substr(std::string_view("被代替：").size());
            bool bad = rest.empty();
            while (!rest.empty() && !bad) {
                std::size_t sep = rest.find("、");
                std::string_view one = utf8::trim(rest.substr(0, sep));
                auto replacement = model::parse_designation(one);
                if (!replacement) bad = true;
                else record.replaced_by.push_back(replacement->canonical());
                rest = sep == std::string_view::npos ? std::string_view{} : rest.substr(sep + std::string_view("、").size());
            }
            if (bad) {
                problem(fields[2].offset, "“被代替：”后应为代替它的标准编号，多个时用“、”分隔",
                        "'被代替：' is followed by the designations of the replacing documents, separated by '、'");
                continue;
            }
        } else {
            problem(fields[2].offset, "状态应为现行、即将实施、废止或“被代替：编号”，而不是“" + std::string(status) + "”",
                    "the status is 现行, 即将实施, 废止 or '被代替：designation', not '" + std::string(status) + "'");
            continue;
        }
        bool dates_ok = true;
        for (int i : {3, 4}) {
            std::string_view d = fields[i].text;
            if (d == "-") continue;
            if (!valid_date(d)) {
                problem(fields[i].offset, "日期应为YYYY-MM-DD或“-”，而不是“" + std::string(d) + "”",
                        "a date is YYYY-MM-DD or '-', not '" + std::string(d) + "'");
                dates_ok = false;
                break;
            }
            (i == 3 ? record.issued : record.implemented) = std::string(d);
        }
        if (!dates_ok) continue;
        record.origin = file_name + ":" + std::to_string(line_number);
        add(std::move(record));
    }
}

void Catalog::add(model::CatalogRecord record) {
    auto& editions = documents_[record.designation.undated()];
    auto same = std::find_if(editions.begin(), editions.end(),
                             [&](const CatalogRecord& r) { return r.designation.year == record.designation.year; });
    if (same != editions.end()) {
        *same = std::move(record);
        return;
    }
    editions.push_back(std::move(record));
    std::stable_sort(editions.begin(), editions.end(),
                     [](const CatalogRecord& a, const CatalogRecord& b) { return year_of(a) < year_of(b); });
    ++size_;
}

const model::CatalogRecord* Catalog::edition(const model::Designation& d) const {
    if (d.year.empty()) return nullptr;
    auto it = documents_.find(d.undated());
    if (it == documents_.end()) return nullptr;
    for (const auto& r : it->second) {
        if (r.designation.year == d.year) return &r;
    }
    return nullptr;
}

const model::CatalogRecord* Catalog::latest(const model::Designation& d) const {
    auto it = documents_.find(d.undated());
    if (it == documents_.end() || it->second.empty()) return nullptr;
    return &it->second.back();
}

model::CatalogMatch Catalog::match(const model::Designation& d) const {
    model::CatalogMatch m;
    if (d.all_parts) return m;  // a series has no one record
    if (const auto* e = edition(d)) m.edition = *e;
    if (const auto* l = latest(d)) m.latest = *l;
    return m;
}

}  // namespace bzc::catalog
