#include "explanation/report_docx.h"

#include "emit/docx/package.h"
#include "emit/docx/parts.h"
#include "emit/docx/xml_out.h"

namespace bzc::explanation {
namespace {

using emit::docx::XmlOut;
namespace rel = emit::docx::rel;
namespace content_type = emit::docx::content_type;

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Font sizes in half points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
constexpr std::string_view size_2 = "44", size_3 = "32", size_small_4 = "24", size_5 = "21";

void style(XmlOut& x, std::string_view id, std::string_view name, std::string_view font, std::string_view size, bool bold,
           std::string_view justification, bool indent, bool outline, std::string_view line = "560") {
    x.open("w:style", {{"w:type", "paragraph"}, {"w:styleId", id}});
    x.empty("w:name", {{"w:val", name}});
    if (id != "Normal") x.empty("w:basedOn", {{"w:val", "Normal"}});
    x.empty("w:qFormat");
    x.open("w:pPr");
    if (outline) x.empty("w:keepNext");
    // Official reports set lines exactly 28 pt apart (GB/T 9704 practice); tables closer.
    x.empty("w:spacing", {{"w:line", line}, {"w:lineRule", "exact"}, {"w:before", "0"}, {"w:after", "0"}});
    // Two characters of 三号 (16 pt): firstLine for LibreOffice, firstLineChars for Word.
    if (indent) x.empty("w:ind", {{"w:firstLine", "640"}, {"w:firstLineChars", "200"}});
    if (!justification.empty()) x.empty("w:jc", {{"w:val", justification}});
    x.close();
    x.open("w:rPr");
    x.empty("w:rFonts", {{"w:ascii", "Times New Roman"}, {"w:hAnsi", "Times New Roman"}, {"w:eastAsia", font}});
    if (bold) x.empty("w:b");
    x.empty("w:sz", {{"w:val", size}});
    x.empty("w:szCs", {{"w:val", size}});
    x.empty("w:lang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}});
    x.close();
    x.close();
}

std::string styles_xml(const std::string& body_font) {
    XmlOut x;
    x.open("w:styles", {{"xmlns:w", w_ns}});
    style(x, "Normal", "Normal", body_font, size_3, false, "both", true, false);
    style(x, "ReportTitle", "编制说明标题", "宋体", size_2, true, "center", false, true);
    style(x, "ReportHeading", "编制说明一级标题", "黑体", size_3, false, "", true, true);
    style(x, "ReportSubheading", "编制说明二级标题", "楷体", size_3, false, "", true, true);
    style(x, "ReportItem", "编制说明三级标题", body_font, size_3, false, "both", true, false);
    style(x, "ReportSignature", "编制说明署名", body_font, size_3, false, "right", false, false);
    style(x, "TableText", "表格文字", body_font, size_small_4, false, "left", false, false, "360");
    style(x, "TableHeader", "表格表头", "黑体", size_small_4, false, "center", false, false, "360");
    style(x, "Footer", "footer", "宋体", size_5, false, "center", false, false);
    x.close();
    return x.finish();
}

std::string settings_xml() {
    XmlOut x;
    x.open("w:settings", {{"xmlns:w", w_ns}});
    x.empty("w:zoom", {{"w:percent", "100"}});
    x.empty("w:defaultTabStop", {{"w:val", "420"}});
    x.empty("w:characterSpacingControl", {{"w:val", "compressPunctuation"}});
    x.close();
    return x.finish();
}

void paragraph(XmlOut& x, std::string_view style_id, std::string_view text) {
    x.open("w:p");
    x.open("w:pPr");
    x.empty("w:pStyle", {{"w:val", style_id}});
    x.close();
    if (!text.empty()) {
        x.open("w:r");
        x.element("w:t", text, {{"xml:space", "preserve"}});
        x.close();
    }
    x.close();
}

// The section properties: A4, the margins of official documents, a footer with the page number.
void section(XmlOut& x, const std::string& footer_id, bool landscape) {
    x.open("w:sectPr");
    x.empty("w:footerReference", {{"w:type", "default"}, {"r:id", footer_id}});
    if (landscape) x.empty("w:pgSz", {{"w:w", "16838"}, {"w:h", "11906"}, {"w:orient", "landscape"}});
    else x.empty("w:pgSz", {{"w:w", "11906"}, {"w:h", "16838"}});
    x.empty("w:pgMar", {{"w:top", "2098"}, {"w:right", "1474"}, {"w:bottom", "1984"}, {"w:left", "1588"},
                        {"w:header", "851"}, {"w:footer", "992"}, {"w:gutter", "0"}});
    x.empty("w:pgNumType", {{"w:start", "1"}});
    x.close();
}

// The package around a body: styles, settings and a footer with a PAGE field
// (the standard's writer's footer, which also aligns it to the outer edge).
std::string package(const std::string& body_xml, const std::string& body_font) {
    emit::docx::Package p;
    const std::string document = "word/document.xml";
    p.relate("", rel::office_document, document);
    p.relate(document, rel::styles, "word/styles.xml");
    p.relate(document, rel::settings, "word/settings.xml");
    p.relate(document, rel::footer, "word/footer1.xml");
    p.add_part(document, content_type::document, body_xml);
    p.add_part("word/styles.xml", content_type::styles, styles_xml(body_font));
    p.add_part("word/settings.xml", content_type::settings, settings_xml());
    p.add_part("word/footer1.xml", content_type::footer, emit::docx::write_footer_xml(false));
    return p.zip();
}

// The footer is the first relationship of the document after styles and settings.
constexpr std::string_view footer_relationship = "rId3";

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

void cell(XmlOut& x, std::string_view text, std::string_view width, std::string_view style_id) {
    x.open("w:tc");
    x.open("w:tcPr");
    x.empty("w:tcW", {{"w:w", width}, {"w:type", "dxa"}});
    x.close();
    // A cell may hold line breaks (CSV quoted fields): one paragraph per line.
    std::size_t start = 0;
    while (true) {
        auto end = text.find('\n', start);
        paragraph(x, style_id, text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    x.close();
}

}  // namespace

std::string report_document_xml(const ExplanatoryReport& report) {
    XmlOut x;
    x.open("w:document", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}});
    x.open("w:body");
    for (const auto& line : report.lines) {
        // A blank line sets the title and the signature off from the text around them.
        if (line.kind == ReportLine::Kind::Signature) paragraph(x, "Normal", "");
        paragraph(x, style_of(line.kind), line.text);
        if (line.kind == ReportLine::Kind::Title) paragraph(x, "Normal", "");
    }
    section(x, std::string(footer_relationship), false);
    x.close();
    x.close();
    return x.finish();
}

std::string write_report_docx(const ExplanatoryReport& report, const std::string& body_font) {
    return package(report_document_xml(report), body_font);
}

std::string comments_table_document_xml(const std::string& title, const CommentsTable& table) {
    // Column widths in twips over the 13,776 of a landscape A4 line: the text columns get the room.
    static const std::vector<std::pair<std::string_view, std::string_view>> columns = {
        {"序号", "800"}, {"章条编号", "1300"}, {"意见内容", "4000"}, {"提出单位", "2600"}, {"处理意见", "1300"}, {"理由", "3776"}};
    XmlOut x;
    x.open("w:document", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}});
    x.open("w:body");
    paragraph(x, "ReportTitle", title);
    x.open("w:tbl");
    x.open("w:tblPr");
    x.empty("w:tblW", {{"w:w", "13776"}, {"w:type", "dxa"}});
    x.empty("w:jc", {{"w:val", "center"}});
    x.open("w:tblBorders");
    for (std::string_view edge : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
        x.empty(edge, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "000000"}});
    x.close();
    x.empty("w:tblLayout", {{"w:type", "fixed"}});
    x.close();
    x.open("w:tblGrid");
    for (const auto& [name, width] : columns) x.empty("w:gridCol", {{"w:w", width}});
    x.close();

    x.open("w:tr");
    x.open("w:trPr");
    x.empty("w:tblHeader");
    x.close();
    for (const auto& [name, width] : columns) cell(x, name, width, "TableHeader");
    x.close();
    for (const auto& c : table.comments) {
        x.open("w:tr");
        x.open("w:trPr");
        x.empty("w:cantSplit");
        x.close();
        std::string values[] = {c.serial, c.clause, c.content, c.unit, std::string(decision_name(c.decision)), c.reason};
        for (std::size_t i = 0; i < columns.size(); ++i) cell(x, values[i], columns[i].second, "TableText");
        x.close();
    }
    auto s = comment_statistics(table);
    x.open("w:tr");
    x.open("w:tc");
    x.open("w:tcPr");
    x.empty("w:tcW", {{"w:w", "13776"}, {"w:type", "dxa"}});
    x.empty("w:gridSpan", {{"w:val", std::to_string(columns.size())}});
    x.close();
    paragraph(x, "TableText",
              "合计：" + std::to_string(s.units) + "个单位提出意见" + std::to_string(s.comments) + "条，其中采纳" +
                  std::to_string(s.adopted) + "条，部分采纳" + std::to_string(s.partly_adopted) + "条，未采纳" +
                  std::to_string(s.rejected) + "条。");
    x.close();
    x.close();
    x.close();  // w:tbl
    section(x, std::string(footer_relationship), true);
    x.close();
    x.close();
    return x.finish();
}

std::string write_comments_table_docx(const std::string& title, const CommentsTable& table, const std::string& body_font) {
    return package(comments_table_document_xml(title, table), body_font);
}

}  // namespace bzc::explanation
