#include "explanation/report_docx.h"

#include "emit/docx/plain_document.h"

namespace bzc::explanation {
namespace {

using emit::docx::XmlOut;
using emit::docx::plain_paragraph;
using emit::docx::plain_style;
namespace font_size = emit::docx::font_size;

std::string styles_xml(const std::string& body_font) {
    using namespace font_size;
    XmlOut x;
    x.open("w:styles", {{"xmlns:w", emit::docx::w_namespace}});
    plain_style(x, "Normal", "Normal", body_font, size_3, false, "both", true, false);
    plain_style(x, "ReportTitle", "编制说明标题", "宋体", size_2, true, "center", false, true);
    plain_style(x, "ReportHeading", "编制说明一级标题", "黑体", size_3, false, "", true, true);
    plain_style(x, "ReportSubheading", "编制说明二级标题", "楷体", size_3, false, "", true, true);
    plain_style(x, "ReportItem", "编制说明三级标题", body_font, size_3, false, "both", true, false);
    plain_style(x, "ReportSignature", "编制说明署名", body_font, size_3, false, "right", false, false);
    plain_style(x, "TableText", "表格文字", body_font, size_small_4, false, "left", false, false, "360");
    plain_style(x, "TableHeader", "表格表头", "黑体", size_small_4, false, "center", false, false, "360");
    plain_style(x, "Footer", "footer", "宋体", size_5, false, "center", false, false);
    x.close();
    return x.finish();
}

std::string_view style_of(ReportLine::Kind kind) {
    switch (kind) {
        case ReportLine::Kind::Title: return "ReportTitle";
        case ReportLine::Kind::Heading: return "ReportHeading";
        case ReportLine::Kind::Subheading: return "ReportSubheading";
        case ReportLine::Kind::Item: return "ReportItem";
        case ReportLine::Kind::Paragraph: return "Normal";
        case ReportLine::Kind::Signature:
        case ReportLine::Kind::Date: return "ReportSignature";
    }
    return "Normal";
}

}  // namespace

std::string report_document_xml(const ExplanatoryReport& report) {
    XmlOut x;
    x.open("w:document", {{"xmlns:w", emit::docx::w_namespace}, {"xmlns:r", emit::docx::r_namespace}});
    x.open("w:body");
    for (const auto& line : report.lines) {
        // A blank line sets the title and the signature off from the text around them.
        if (line.kind == ReportLine::Kind::Signature) plain_paragraph(x, "Normal", "");
        plain_paragraph(x, style_of(line.kind), line.text);
        if (line.kind == ReportLine::Kind::Title) plain_paragraph(x, "Normal", "");
    }
    emit::docx::plain_section(x, emit::docx::plain_footer_relationship, false);
    x.close();
    x.close();
    return x.finish();
}

std::string write_report_docx(const ExplanatoryReport& report, const std::string& body_font) {
    return emit::docx::plain_package(report_document_xml(report), styles_xml(body_font));
}

std::string comments_table_document_xml(const std::string& title, const CommentsTable& table) {
    // Column widths in twips over the 13,776 of a landscape A4 line: the text columns get the room.
    static const std::vector<std::string_view> names = {"序号", "章条编号", "意见内容", "提出单位", "处理意见", "理由"};
    static const std::vector<int> widths = {800, 1300, 4000, 2600, 1300, 3776};
    XmlOut x;
    x.open("w:document", {{"xmlns:w", emit::docx::w_namespace}, {"xmlns:r", emit::docx::r_namespace}});
    x.open("w:body");
    plain_paragraph(x, "ReportTitle", title);
    emit::docx::plain_table_open(x, widths);
    emit::docx::plain_row_open(x, true);
    for (std::size_t i = 0; i < names.size(); ++i) emit::docx::plain_cell(x, names[i], widths[i], "TableHeader");
    x.close();
    for (const auto& c : table.comments) {
        emit::docx::plain_row_open(x, false);
        std::string values[] = {c.serial, c.clause, c.content, c.unit, std::string(decision_name(c.decision)), c.reason};
        for (std::size_t i = 0; i < names.size(); ++i) emit::docx::plain_cell(x, values[i], widths[i], "TableText");
        x.close();
    }
    auto s = comment_statistics(table);
    emit::docx::plain_row_open(x, false);
    emit::docx::plain_cell(x,
                           "合计：" + std::to_string(s.units) + "个单位提出意见" + std::to_string(s.comments) + "条，其中采纳" +
                               std::to_string(s.adopted) + "条，部分采纳" + std::to_string(s.partly_adopted) + "条，未采纳" +
                               std::to_string(s.rejected) + "条。",
                           emit::docx::plain_text_width(true), "TableText", static_cast<int>(names.size()));
    x.close();
    x.close();  // w:tbl
    emit::docx::plain_section(x, emit::docx::plain_footer_relationship, true);
    x.close();
    x.close();
    return x.finish();
}

std::string write_comments_table_docx(const std::string& title, const CommentsTable& table, const std::string& body_font) {
    return emit::docx::plain_package(comments_table_document_xml(title, table), styles_xml(body_font));
}

}  // namespace bzc::explanation
