#include "emit/docx/plain_document.h"

#include "emit/docx/package.h"
#include "emit/docx/parts.h"

namespace bzc::emit::docx {

void plain_style(XmlOut& x, std::string_view id, std::string_view name, std::string_view font, std::string_view size,
                 bool bold, std::string_view justification, bool indent, bool keep_next, std::string_view line) {
    x.open("w:style", {{"w:type", "paragraph"}, {"w:styleId", id}});
    x.empty("w:name", {{"w:val", name}});
    if (id != "Normal") x.empty("w:basedOn", {{"w:val", "Normal"}});
    x.empty("w:qFormat");
    x.open("w:pPr");
    if (keep_next) x.empty("w:keepNext");
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

std::string plain_settings_xml() {
    XmlOut x;
    x.open("w:settings", {{"xmlns:w", w_namespace}});
    x.empty("w:zoom", {{"w:percent", "100"}});
    x.empty("w:defaultTabStop", {{"w:val", "420"}});
    x.empty("w:characterSpacingControl", {{"w:val", "compressPunctuation"}});
    x.close();
    return x.finish();
}

void plain_paragraph(XmlOut& x, std::string_view style_id, std::string_view text) {
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

namespace {
// A4 in twips, and the margins of official documents (GB/T 9704).
constexpr int a4_short = 11906, a4_long = 16838;
constexpr int margin_top = 2098, margin_right = 1474, margin_bottom = 1984, margin_left = 1588;
}  // namespace

void plain_section(XmlOut& x, std::string_view footer_relationship, bool landscape) {
    x.open("w:sectPr");
    x.empty("w:footerReference", {{"w:type", "default"}, {"r:id", footer_relationship}});
    if (landscape) x.empty("w:pgSz", {{"w:w", num(a4_long)}, {"w:h", num(a4_short)}, {"w:orient", "landscape"}});
    else x.empty("w:pgSz", {{"w:w", num(a4_short)}, {"w:h", num(a4_long)}});
    x.empty("w:pgMar", {{"w:top", num(margin_top)}, {"w:right", num(margin_right)}, {"w:bottom", num(margin_bottom)},
                        {"w:left", num(margin_left)}, {"w:header", "851"}, {"w:footer", "992"}, {"w:gutter", "0"}});
    x.empty("w:pgNumType", {{"w:start", "1"}});
    x.close();
}

int plain_text_width(bool landscape) { return (landscape ? a4_long : a4_short) - margin_left - margin_right; }

void plain_table_open(XmlOut& x, const std::vector<int>& widths) {
    int total = 0;
    for (int w : widths) total += w;
    x.open("w:tbl");
    x.open("w:tblPr");
    x.empty("w:tblW", {{"w:w", num(total)}, {"w:type", "dxa"}});
    x.empty("w:jc", {{"w:val", "center"}});
    x.open("w:tblBorders");
    for (std::string_view edge : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
        x.empty(edge, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "000000"}});
    x.close();
    x.empty("w:tblLayout", {{"w:type", "fixed"}});
    x.close();
    x.open("w:tblGrid");
    for (int w : widths) x.empty("w:gridCol", {{"w:w", num(w)}});
    x.close();
}

void plain_row_open(XmlOut& x, bool header) {
    x.open("w:tr");
    x.open("w:trPr");
    x.empty(header ? "w:tblHeader" : "w:cantSplit");
    x.close();
}

void plain_cell(XmlOut& x, std::string_view text, int width, std::string_view style_id, int span) {
    x.open("w:tc");
    x.open("w:tcPr");
    x.empty("w:tcW", {{"w:w", num(width)}, {"w:type", "dxa"}});
    if (span > 1) x.empty("w:gridSpan", {{"w:val", num(span)}});
    x.close();
    std::size_t start = 0;
    while (true) {
        auto end = text.find('\n', start);
        plain_paragraph(x, style_id, text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    x.close();
}

std::string plain_media_relationship(std::size_t index) { return "rId" + std::to_string(4 + index); }

std::string plain_package(const std::string& body_xml, const std::string& styles_xml, std::vector<PlainMedia> media) {
    Package p;
    const std::string document = "word/document.xml";
    p.relate("", rel::office_document, document);
    p.relate(document, rel::styles, "word/styles.xml");
    p.relate(document, rel::settings, "word/settings.xml");
    p.relate(document, rel::footer, "word/footer1.xml");
    for (const auto& m : media) p.relate(document, rel::image, m.part);
    p.add_part(document, content_type::document, body_xml);
    p.add_part("word/styles.xml", content_type::styles, styles_xml);
    p.add_part("word/settings.xml", content_type::settings, plain_settings_xml());
    p.add_part("word/footer1.xml", content_type::footer, write_footer_xml(false));
    for (auto& m : media) p.add_part(std::move(m.part), m.type, std::move(m.content));
    return p.zip();
}

}  // namespace bzc::emit::docx
