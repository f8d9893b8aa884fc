#include "system/system_docx.h"

#include "emit/docx/images.h"
#include "emit/docx/package.h"
#include "emit/docx/plain_document.h"
#include "support/text_join.h"
#include "system/table_columns.h"

#include <algorithm>
#include <cmath>

namespace bzc::standard_system {

namespace {

using emit::docx::plain_cell;
using emit::docx::plain_paragraph;
using emit::docx::plain_row_open;
using emit::docx::plain_style;
using emit::docx::XmlOut;

constexpr bool landscape = true;

std::string styles_xml() {
    using namespace emit::docx::font_size;
    XmlOut x;
    x.open("w:styles", {{"xmlns:w", emit::docx::w_namespace}});
    plain_style(x, "Normal", "Normal", "宋体", size_small_4, false, "both", false, false, "400");
    plain_style(x, "SystemTitle", "体系表标题", "宋体", size_2, true, "center", false, true, "720");
    plain_style(x, "SystemDate", "体系表日期", "宋体", size_small_4, false, "center", false, true, "480");
    plain_style(x, "SystemHeading", "体系表一级标题", "黑体", size_3, false, "", false, true, "640");
    plain_style(x, "SystemSubheading", "体系表二级标题", "黑体", size_4, false, "", false, true, "560");
    plain_style(x, "SystemFigure", "体系结构图", "宋体", size_small_4, false, "center", false, false, "240");
    // Tables in 小五, as the tables of a standard (GB/T 1.1—2020 layout).
    plain_style(x, "TableHeader", "表格表头", "黑体", size_small_5, false, "center", false, false, "280");
    plain_style(x, "TableText", "表格文字", "宋体", size_small_5, false, "left", false, false, "280");
    plain_style(x, "TableCentered", "表格文字居中", "宋体", size_small_5, false, "center", false, false, "280");
    plain_style(x, "Footer", "footer", "宋体", size_5, false, "center", false, false);
    x.close();
    return x.finish();
}

// A table: the header row, repeated on every page, then the rows; the
// columns' widths in twips and the style of their cells (centred or not).
struct Column {
    int width;
    bool centered;
};

void table_xml(XmlOut& x, const std::vector<Column>& columns, const TableRow& header, const std::vector<TableRow>& rows) {
    std::vector<int> widths;
    for (const auto& c : columns) widths.push_back(c.width);
    emit::docx::plain_table_open(x, widths);
    plain_row_open(x, true);
    for (std::size_t i = 0; i < columns.size(); ++i) plain_cell(x, header[i], columns[i].width, "TableHeader");
    x.close();
    for (const auto& row : rows) {
        plain_row_open(x, false);
        for (std::size_t i = 0; i < columns.size(); ++i)
            plain_cell(x, row[i], columns[i].width, columns[i].centered ? "TableCentered" : "TableText");
        x.close();
    }
    x.close();  // w:tbl
}

// The widths of the 明细表 over the 13,776 twips of a landscape line: the
// name and the designation get the room.
const std::vector<Column>& details_columns() {
    static const std::vector<Column> columns = {{600, true},  {1000, true}, {1900, false}, {3176, false}, {1000, true},
                                                {1000, true}, {1100, true}, {1100, true},  {1600, false}, {1300, false}};
    return columns;
}

const std::vector<Column>& review_columns() {
    static const std::vector<Column> columns = {{600, true},  {1100, true}, {2200, false}, {4276, false},
                                                {1400, true}, {1400, true}, {1400, true},  {1400, true}};
    return columns;
}

// The diagram fits the text width and the height of a landscape page less
// the title, the date, the heading and the framework's name above it (their
// exact line heights, 720 + 480 + 640 + 400 twips, and some slack), so it
// stays on the first page with them.
void picture(XmlOut& x, const StructureDiagram& diagram) {
    constexpr double emu_per_pixel = 9525, emu_per_twip = 635;  // CSS pixels are 1/96 inch
    constexpr int page_height = 11906, vertical_margins = 2098 + 1984, room_for_heading = 2640;
    double cx = diagram.width * emu_per_pixel, cy = diagram.height * emu_per_pixel;
    double max_cx = emit::docx::plain_text_width(landscape) * emu_per_twip;
    double max_cy = (page_height - vertical_margins - room_for_heading) * emu_per_twip;
    double scale = std::min({1.0, max_cx / cx, max_cy / cy});
    x.open("w:p");
    x.open("w:pPr");
    x.empty("w:pStyle", {{"w:val", "SystemFigure"}});
    // Exact line spacing would cut the picture to one line's height.
    x.empty("w:spacing", {{"w:line", "240"}, {"w:lineRule", "auto"}});
    x.close();
    emit::docx::write_inline_picture(x, {emit::docx::plain_media_relationship(0), emit::docx::plain_media_relationship(1), 1,
                                         "体系结构图", std::llround(cx * scale), std::llround(cy * scale)});
    x.close();
}

std::vector<TableRow> statistics_rows(const SystemTable& table) {
    std::vector<TableRow> rows;
    auto add = [&](const CategoryCount& c) {
        TableRow cells = statistics_cells(table, c);
        // The name indented by level: a full-width space per level.
        std::string indent;
        for (int i = 0; i < c.depth; ++i) indent += "　";
        cells[1] = indent + cells[1];
        rows.push_back(std::move(cells));
    };
    for (const auto& c : table.categories) add(c);
    if (table.unclassified.total > 0) add(table.unclassified);
    add(table.totals);
    return rows;
}

std::vector<Column> statistics_columns(const SystemTable& table) {
    std::size_t counts = table.level_columns().size() + status_count + 1;
    constexpr int code_width = 1000;
    int count_width = std::min(1000, (emit::docx::plain_text_width(landscape) - code_width - 2400) / static_cast<int>(counts));
    int name_width = emit::docx::plain_text_width(landscape) - code_width - count_width * static_cast<int>(counts);
    std::vector<Column> columns = {{code_width, true}, {name_width, false}};
    for (std::size_t i = 0; i < counts; ++i) columns.push_back({count_width, true});
    return columns;
}

}  // namespace

std::string system_document_xml(const SystemTable& table, const StructureDiagram& diagram) {
    XmlOut x;
    x.open("w:document", {{"xmlns:w", emit::docx::w_namespace},
                          {"xmlns:r", emit::docx::r_namespace},
                          {"xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
                          {"xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
                          {"xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"}});
    x.open("w:body");
    plain_paragraph(x, "SystemTitle", "《" + system_table_title(table.name) + "》");
    plain_paragraph(x, "SystemDate", "统计日期：" + table.today);

    plain_paragraph(x, "SystemHeading", "1　体系结构图");
    if (!table.framework_name.empty()) plain_paragraph(x, "Normal", "体系框架：" + table.framework_name);
    picture(x, diagram);

    plain_paragraph(x, "SystemHeading", "2　标准明细表");
    if (table.groups.empty()) plain_paragraph(x, "Normal", "本体系尚无标准。");
    for (std::size_t i = 0; i < table.groups.size(); ++i) {
        const SystemGroup& group = table.groups[i];
        std::string heading = group.unclassified() ? "未归类（未标注类别或类别不在体系框架中）" : join(group.path, "／");
        plain_paragraph(x, "SystemSubheading", "2." + std::to_string(i + 1) + "　" + heading);
        std::vector<TableRow> rows;
        for (const auto& row : group.rows) rows.push_back(details_cells(row));
        table_xml(x, details_columns(), details_header(), rows);
    }

    plain_paragraph(x, "SystemHeading", "3　标准统计表");
    table_xml(x, statistics_columns(table), statistics_header(table), statistics_rows(table));
    plain_paragraph(x, "Normal", "");
    std::string coverage = "覆盖率：" + table.coverage_text() + "（末级类别" + std::to_string(table.leaf_categories) + "个，其中" +
                           std::to_string(table.covered_leaf_categories) + "个有现行标准）。";
    if (!table.uncovered.empty()) coverage += "尚无现行标准的类别：" + join(table.uncovered, "、") + "。";
    plain_paragraph(x, "Normal", coverage);

    plain_paragraph(x, "SystemHeading", "4　复审");
    std::string period = std::to_string(table.review_period_years);
    plain_paragraph(x, "Normal",
                    "现行标准自实施之日（复审确认过的，自最近一次复审之日）起满" + period +
                        "年应复审，超过期限一年以上为逾期。截至" + table.today + "，复审到期" + std::to_string(table.review_due) +
                        "项，其中逾期" + std::to_string(table.review_overdue) + "项。");
    if (!table.review_list.empty()) {
        std::vector<TableRow> rows;
        for (std::size_t i = 0; i < table.review_list.size(); ++i) rows.push_back(review_cells(table.review_list[i], i + 1));
        table_xml(x, review_columns(), review_header(), rows);
    }
    emit::docx::plain_section(x, emit::docx::plain_footer_relationship, landscape);
    x.close();
    x.close();
    return x.finish();
}

std::string write_system_docx(const SystemTable& table, const StructureDiagram& diagram, const std::string& png) {
    std::vector<emit::docx::PlainMedia> media;
    media.push_back({"word/media/image1.png", emit::docx::content_type::png, png});
    media.push_back({"word/media/image2.svg", emit::docx::content_type::svg, diagram.svg});
    return emit::docx::plain_package(system_document_xml(table, diagram), styles_xml(), std::move(media));
}

}  // namespace bzc::standard_system
