// The 标准体系表 (`bzc system`): the model (numbering, grouping, status,
// statistics, coverage), the review schedule and its date arithmetic, the
// CSV, the structure diagram and the DOCX.
#include "driver/project_config.h"
#include "repository/repository_index.h"
#include "support/calendar_date.h"
#include "support/zip_archive.h"
#include "system/review_schedule.h"
#include "system/structure_diagram.h"
#include "system/system_csv.h"
#include "system/system_docx.h"
#include "system/system_table.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

namespace {

using bzc::repository::FrameworkCategory;
using bzc::repository::StandardIdentity;
using bzc::repository::StandardStatus;
using namespace bzc::standard_system;

FrameworkCategory category(std::string code, std::string name, std::vector<FrameworkCategory> children = {}) {
    FrameworkCategory c;
    c.code = std::move(code);
    c.name = std::move(name);
    c.children = std::move(children);
    return c;
}

// 100 基础通用 {110 导则, 120 术语}, 200 运行保障 {210 服务接待 {211 会议, 212 接待}, 220 公务用车}.
bzc::driver::ProjectConfig config() {
    bzc::driver::ProjectConfig c;
    c.name = "示例市机关事务标准体系";
    c.framework.categories = {
        category("100", "基础通用标准", {category("110", "标准化导则"), category("120", "术语")}),
        category("200", "运行保障标准",
                 {category("210", "服务接待", {category("211", "会议服务"), category("212", "接待服务")}), category("220", "公务用车")}),
    };
    return c;
}

StandardIdentity standard(std::string number, std::string category, std::string effective = "2024-01-01",
                          bzc::model::Stage stage = bzc::model::Stage::Published) {
    StandardIdentity s;
    s.path = "standards/" + number + ".md";
    s.number = number;
    s.designation = bzc::model::parse_designation(number);
    s.title = "标准" + number;
    s.stage = stage;
    s.issued = effective.empty() ? "" : effective;
    s.effective = effective;
    s.category = std::move(category);
    return s;
}

std::vector<std::string> numbers_of(const SystemGroup& g) {
    std::vector<std::string> out;
    for (const auto& r : g.rows) out.push_back(r.system_number + " " + r.number);
    return out;
}

const SystemRow& row_of(const SystemTable& t, std::string_view number) {
    for (const auto& g : t.groups)
        for (const auto& r : g.rows)
            if (r.number == number) return r;
    FAIL("no row " << number);
    throw;
}

}  // namespace

TEST_CASE("calendar dates: strict parsing, leap days, whole years", "[system]") {
    CHECK(bzc::parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(bzc::parse_iso_date("2023-02-29"));
    CHECK_FALSE(bzc::parse_iso_date("1900-02-29"));
    CHECK(bzc::parse_iso_date("2000-02-29").has_value());
    CHECK_FALSE(bzc::parse_iso_date("2024-13-01"));
    CHECK_FALSE(bzc::parse_iso_date("2024-1-01"));
    CHECK_FALSE(bzc::parse_iso_date("××××-××-××"));
    CHECK(bzc::add_years(*bzc::parse_iso_date("2020-02-29"), 1).iso() == "2021-02-28");
    CHECK(bzc::add_years(*bzc::parse_iso_date("2020-02-29"), 4).iso() == "2024-02-29");
    CHECK(bzc::add_years(*bzc::parse_iso_date("2019-03-01"), 5).iso() == "2024-03-01");
}

TEST_CASE("review schedule: due after the period, overdue a year later, leap days", "[system]") {
    auto state = [](const StandardIdentity& s, std::string_view today, int years = 5) {
        auto r = review_schedule(s, StandardStatus::Current, today, years);
        REQUIRE(r);
        return r->state;
    };
    StandardIdentity s = standard("DB50/T 1—2016", "110", "2016-02-29");
    CHECK(state(s, "2021-02-27") == ReviewState::NotDue);
    CHECK(state(s, "2021-02-28") == ReviewState::Due);  // no 29 February in 2021
    CHECK(review_schedule(s, StandardStatus::Current, "2021-02-28", 5)->due == "2021-02-28");
    CHECK(state(s, "2022-02-28") == ReviewState::Due);  // a year past due, not more
    CHECK(state(s, "2022-03-01") == ReviewState::Overdue);
    // Three years from a leap day: due on 28 February 2023, overdue after 29 February 2024.
    CHECK(state(s, "2019-02-28", 3) == ReviewState::Due);
    StandardIdentity leap = standard("DB50/T 2—2020", "110", "2020-02-29");
    CHECK(state(leap, "2024-02-29", 3) == ReviewState::Due);
    CHECK(state(leap, "2024-03-01", 3) == ReviewState::Overdue);

    // A later review restarts the period; an earlier one does not count.
    StandardIdentity reviewed = standard("DB50/T 3—2015", "110", "2015-06-01");
    reviewed.reviewed = "2020-02-29";
    auto r = review_schedule(reviewed, StandardStatus::Current, "2025-02-28", 5);
    REQUIRE(r);
    CHECK(r->since == "2020-02-29");
    CHECK(r->since_review);
    CHECK(r->due == "2025-02-28");
    CHECK(r->state == ReviewState::Due);
    reviewed.reviewed = "2014-01-01";
    CHECK(review_schedule(reviewed, StandardStatus::Current, "2025-02-28", 5)->since == "2015-06-01");

    // Only a standard in force has a schedule, and only with a date to count from.
    CHECK_FALSE(review_schedule(s, StandardStatus::Replaced, "2030-01-01", 5));
    CHECK_FALSE(review_schedule(s, StandardStatus::Upcoming, "2030-01-01", 5));
    StandardIdentity undated = standard("DB50/T 4—2020", "110", "");
    CHECK_FALSE(review_schedule(undated, StandardStatus::Current, "2030-01-01", 5));
    undated.issued = "2020-05-01";  // no implementation date: in force since issued
    CHECK(review_schedule(undated, StandardStatus::Current, "2030-01-01", 5)->since == "2020-05-01");
}

TEST_CASE("system table: 体系编号 in designation order, groups in framework order, 未归类 last", "[system]") {
    bzc::repository::RepositoryIndex index({
        standard("DB50/T 10—2020", "110"),
        standard("DB50/T 300—2021", "299"),  // not in the framework
        standard("DB50/T 2—2019", "110"),
        standard("DB50/T 10—2015", "110"),
        standard("DB50/T 1.10—2020", "211"),
        standard("DB50/T 1.2—2020", "211"),
        standard("GB/T 5—2020", "220"),
        standard("DB50/T 301—2021", ""),
        standard("DB50/T 50—2020", "200"),  // a parent category may hold standards itself
    });
    SystemTable t = build_system_table(config(), index, "2025-01-01");
    REQUIRE(t.groups.size() == 5);
    CHECK(t.groups[0].code == "110");
    CHECK(numbers_of(t.groups[0]) ==
          std::vector<std::string>{"110-01 DB50/T 2—2019", "110-02 DB50/T 10—2015", "110-03 DB50/T 10—2020"});
    CHECK(t.groups[1].code == "200");
    CHECK(t.groups[2].code == "211");
    CHECK(numbers_of(t.groups[2]) == std::vector<std::string>{"211-01 DB50/T 1.2—2020", "211-02 DB50/T 1.10—2020"});
    CHECK(t.groups[2].path == std::vector<std::string>{"200 运行保障标准", "210 服务接待", "211 会议服务"});
    CHECK(t.groups[3].code == "220");
    CHECK(t.groups[4].unclassified());
    CHECK(t.groups[4].heading() == "未归类");
    CHECK(numbers_of(t.groups[4]) == std::vector<std::string>{" DB50/T 300—2021", " DB50/T 301—2021"});
    CHECK(row_of(t, "DB50/T 300—2021").remarks == "体系框架中没有类别“299”");
    CHECK(row_of(t, "DB50/T 301—2021").remarks == "未标注类别");
    CHECK(t.unclassified.total == 2);
    // 序号 runs through the whole table.
    std::size_t expected = 0;
    for (const auto& g : t.groups)
        for (const auto& r : g.rows) CHECK(r.serial == ++expected);
    CHECK(system_number("210", 7) == "210-07");
    CHECK(system_number("210", 123) == "210-123");
}

TEST_CASE("system table: status, level, replacement and revision remarks", "[system]") {
    StandardIdentity old_edition = standard("DB50/T 10—2015", "110", "2015-03-01");
    StandardIdentity new_edition = standard("DB50/T 10—2020", "110", "2020-03-01");
    new_edition.replaces = {"DB50/T 10—2015"};
    StandardIdentity revision = standard("DB50/T ××××—2025", "110", "", bzc::model::Stage::CommentDraft);
    revision.replaces = {"DB50/T 10—2020"};
    StandardIdentity upcoming = standard("T/CQJG 1—2024", "120", "2026-01-01");
    StandardIdentity enterprise = standard("Q/JGSW 101—2023", "212", "2023-02-01");
    bzc::repository::RepositoryIndex index({old_edition, new_edition, revision, upcoming, enterprise});
    SystemTable t = build_system_table(config(), index, "2025-06-01");

    const SystemRow& replaced = row_of(t, "DB50/T 10—2015");
    CHECK(replaced.status == StandardStatus::Replaced);
    CHECK(replaced.replacement == "被DB50/T 10—2020代替");
    CHECK_FALSE(replaced.review);  // a replaced standard is not reviewed
    const SystemRow& current = row_of(t, "DB50/T 10—2020");
    CHECK(current.status == StandardStatus::Current);
    CHECK(current.replacement == "代替DB50/T 10—2015");
    CHECK(current.level_zh() == "地方标准");
    CHECK(current.due_for_review());
    CHECK(current.remarks == "复审到期，期限2025-03-01；修订中（DB50/T ××××—2025）");
    const SystemRow& draft = row_of(t, "DB50/T ××××—2025");
    CHECK(draft.status == StandardStatus::Drafting);
    CHECK(draft.level_zh() == "地方标准");  // by the prefix of a placeholder number
    CHECK(row_of(t, "T/CQJG 1—2024").status == StandardStatus::Upcoming);
    CHECK(row_of(t, "T/CQJG 1—2024").level_zh() == "团体标准");
    CHECK(row_of(t, "Q/JGSW 101—2023").level_zh() == "企业标准");
    CHECK(t.review_due == 1);
    CHECK(t.review_overdue == 0);
    REQUIRE(t.review_list.size() == 1);
    CHECK(t.review_list[0].number == "DB50/T 10—2020");
}

TEST_CASE("system statistics: roll-up to parents, totals, coverage of leaf categories", "[system]") {
    bzc::repository::RepositoryIndex index({
        standard("DB50/T 1—2020", "110"),
        standard("DB50/T 2—2020", "211"),
        standard("DB50/T 3—2020", "212", "2030-01-01"),  // upcoming: does not cover 212
        standard("DB50/T ××××—2025", "220", "", bzc::model::Stage::WorkingDraft),
        standard("Q/X 1—2020", ""),
    });
    SystemTable t = build_system_table(config(), index, "2025-01-01");
    std::vector<std::string> order;
    for (const auto& c : t.categories) order.push_back(std::string(c.depth, '+') + c.code);
    CHECK(order == std::vector<std::string>{"100", "+110", "+120", "200", "+210", "++211", "++212", "+220"});
    const CategoryCount* top = t.category("200");
    REQUIRE(top);
    CHECK(top->total == 3);
    CHECK(top->count(StandardStatus::Current) == 1);
    CHECK(top->count(StandardStatus::Upcoming) == 1);
    CHECK(top->count(StandardStatus::Drafting) == 1);
    CHECK(t.category("210")->total == 2);
    CHECK_FALSE(t.category("210")->leaf);
    CHECK(t.totals.total == 5);
    CHECK(t.totals.by_level[static_cast<std::size_t>(bzc::model::DesignationFamily::Local)] == 4);
    CHECK(t.totals.by_level[static_cast<std::size_t>(bzc::model::DesignationFamily::Enterprise)] == 1);
    CHECK(t.unclassified.total == 1);
    // Leaves: 110 ✓, 120, 211 ✓, 212, 220: 2 of 5.
    CHECK(t.leaf_categories == 5);
    CHECK(t.covered_leaf_categories == 2);
    CHECK(t.coverage_text() == "40.0%");
    CHECK(t.uncovered == std::vector<std::string>{"120 术语", "212 接待服务", "220 公务用车"});
    SystemTable two_of_three;
    two_of_three.leaf_categories = 3;
    two_of_three.covered_leaf_categories = 2;
    CHECK(two_of_three.coverage_text() == "66.7%");
    CHECK(SystemTable{}.coverage_text() == "—");
    // The levels shown: the five domestic ones, others only when used.
    CHECK(t.level_columns().size() == 5);
}

TEST_CASE("system table title", "[system]") {
    CHECK(system_table_title("重庆市机关事务标准体系") == "重庆市机关事务标准体系表");
    CHECK(system_table_title("重庆市机关事务") == "重庆市机关事务标准体系表");
    CHECK(system_table_title("重庆市机关事务标准体系表") == "重庆市机关事务标准体系表");
}

TEST_CASE("CSV: RFC 4180 quoting, BOM, CR LF", "[system]") {
    CHECK(csv_field("DB50/T 1—2020") == "DB50/T 1—2020");
    CHECK(csv_field("代替A，B") == "代替A，B");  // a full-width comma is text
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field(" padded") == "\" padded\"");
    CHECK(csv_field("") == "");
    CHECK(csv_file({{"a", "b,c"}, {"1", ""}}) == "\xEF\xBB\xBF" "a,\"b,c\"\r\n1,\r\n");

    bzc::repository::RepositoryIndex index({standard("DB50/T 1—2015", "110", "2015-01-01")});
    SystemTable t = build_system_table(config(), index, "2025-01-01");
    std::string details = details_csv(t);
    CHECK(details.starts_with("\xEF\xBB\xBF序号,体系编号,标准编号,标准名称,层级,状态,实施日期,复审日期,代替/被代替,备注,类别\r\n"));
    CHECK(details.find("1,110-01,DB50/T 1—2015,标准DB50/T 1—2015,地方标准,现行,2015-01-01,,,复审逾期，期限2020-01-01,110 标准化导则\r\n") !=
          std::string::npos);
    std::string review = review_csv(t);
    CHECK(review.find("1,110-01,DB50/T 1—2015,标准DB50/T 1—2015,2015-01-01,,2020-01-01,逾期\r\n") != std::string::npos);
    // Every line of the statistics has the header's number of fields.
    std::string statistics = statistics_csv(t);
    auto header_commas = std::count(statistics.begin(), statistics.begin() + statistics.find("\r\n"), ',');
    for (std::size_t start = 0, end; (end = statistics.find("\r\n", start)) != std::string::npos; start = end + 2)
        CHECK(std::count(statistics.begin() + start, statistics.begin() + end, ',') == header_commas);
    CHECK(statistics.find(",覆盖率,20.0%,") != std::string::npos);
}

TEST_CASE("structure diagram: every category, counts, deterministic, well-formed", "[system]") {
    CHECK(text_width("ab", 14) == 14);
    CHECK(text_width("标准", 14) == 28);
    CHECK(text_width("210 服务", 14) == 56);

    bzc::repository::RepositoryIndex index({standard("DB50/T 1—2020", "110"), standard("DB50/T 2—2020", "211"),
                                            standard("DB50/T 3—2020", "211")});
    auto cfg = config();
    SystemTable t = build_system_table(cfg, index, "2025-01-01");
    StructureDiagram a = draw_structure_diagram(t, cfg.framework);
    StructureDiagram b = draw_structure_diagram(build_system_table(cfg, index, "2025-01-01"), cfg.framework);
    CHECK(a.svg == b.svg);
    CHECK(a.width > 0);
    CHECK(a.height > 0);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(a.svg.c_str()));
    std::vector<std::string> texts;
    for (auto node : doc.select_nodes("//*[local-name()='text']")) texts.push_back(node.node().child_value());
    auto has = [&](const std::string& s) { return std::find(texts.begin(), texts.end(), s) != texts.end(); };
    cfg.framework.for_each([&](const FrameworkCategory& c, int) { CHECK(has(c.code + " " + c.name)); });
    CHECK(has("示例市机关事务标准体系"));
    CHECK(has("共3项"));
    // Counts roll up: 200 holds 211's two standards.
    auto count_after = [&](const std::string& label) {
        auto it = std::find(texts.begin(), texts.end(), label);
        return it == texts.end() || it + 1 == texts.end() ? std::string() : *(it + 1);
    };
    CHECK(count_after("200 运行保障标准") == "2项");
    CHECK(count_after("211 会议服务") == "2项");
    CHECK(count_after("120 术语") == "0项");
    CHECK(std::string(doc.document_element().attribute("font-family").value()) == "Noto Sans CJK SC, SimHei, sans-serif");
    // An uncovered leaf is drawn dashed, and the legend says what that means.
    CHECK(a.svg.find("stroke-dasharray") != std::string::npos);
    CHECK(has("尚无现行标准的类别"));
    // Boxes lie within the picture.
    for (auto node : doc.select_nodes("//*[local-name()='rect']")) {
        auto r = node.node();
        CHECK(r.attribute("x").as_int() + r.attribute("width").as_int() <= a.width);
        CHECK(r.attribute("y").as_int() + r.attribute("height").as_int() <= a.height);
    }
}

TEST_CASE("system DOCX: picture with the SVG extension, a table per group, deterministic", "[system]") {
    StandardIdentity due = standard("DB50/T 1—2015", "110", "2015-01-01");
    bzc::repository::RepositoryIndex index({due, standard("DB50/T 2—2020", "211"), standard("Q/X 1—2020", "")});
    auto cfg = config();
    SystemTable t = build_system_table(cfg, index, "2025-01-01");
    StructureDiagram diagram = draw_structure_diagram(t, cfg.framework);
    const std::string png = "\x89PNG\r\n\x1a\n-not-really-";
    std::string docx = write_system_docx(t, diagram, png);
    CHECK(docx == write_system_docx(t, diagram, png));

    bzc::ZipArchive zip(docx);
    REQUIRE(zip.problem() == bzc::ZipArchive::Problem::None);
    auto part = [&](std::string_view name) {
        auto content = zip.read(name, std::size_t(64) << 20);
        REQUIRE(content);
        return *content;
    };
    CHECK(part("word/media/image1.png") == png);
    CHECK(part("word/media/image2.svg") == diagram.svg);
    std::string rels = part("word/_rels/document.xml.rels");
    CHECK(rels.find("Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"") !=
          std::string::npos);
    CHECK(part("[Content_Types].xml").find("image/svg+xml") != std::string::npos);

    pugi::xml_document doc;
    REQUIRE(doc.load_string(part("word/document.xml").c_str()));
    auto blip = doc.select_node("//a:blip").node();
    CHECK(std::string(blip.attribute("r:embed").value()) == "rId4");
    CHECK(std::string(doc.select_node("//asvg:svgBlip").node().attribute("r:embed").value()) == "rId5");
    std::vector<std::string> paragraphs;
    for (auto p : doc.select_nodes("/w:document/w:body/w:p")) {
        std::string text;
        for (auto t : p.node().select_nodes(".//w:t")) text += t.node().child_value();
        if (!text.empty()) paragraphs.push_back(text);
    }
    CHECK(paragraphs.front() == "《示例市机关事务标准体系表》");
    auto has = [&](const std::string& s) { return std::find(paragraphs.begin(), paragraphs.end(), s) != paragraphs.end(); };
    CHECK(has("1　体系结构图"));
    CHECK(has("2.1　100 基础通用标准／110 标准化导则"));
    CHECK(has("2.2　200 运行保障标准／210 服务接待／211 会议服务"));
    CHECK(has("2.3　未归类（未标注类别或类别不在体系框架中）"));
    CHECK(has("3　标准统计表"));
    CHECK(has("4　复审"));
    // Three 明细表, the 统计表 and the review list; each with a header row repeated on every page.
    auto tables = doc.select_nodes("/w:document/w:body/w:tbl");
    CHECK(tables.size() == 5);
    for (auto tbl : tables) CHECK(tbl.node().select_node("w:tr[1]/w:trPr/w:tblHeader"));
    // Landscape A4.
    auto size = doc.select_node("/w:document/w:body/w:sectPr/w:pgSz").node();
    CHECK(std::string(size.attribute("w:orient").value()) == "landscape");
}
