// word/styles.xml from the style sheet.

#include "emit/docx/style_sheet.h"
#include "emit/docx/xml_out.h"

namespace bzc::emit::docx {

// ------------------------------------------------------------ styles.xml

namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

void fonts(XmlOut& x, const std::string& east_asian, const std::string& latin) {
    if (east_asian.empty() && latin.empty()) return;
    if (latin.empty()) {
        x.empty("w:rFonts", {{"w:eastAsia", east_asian}});
    } else if (east_asian.empty()) {
        x.empty("w:rFonts", {{"w:ascii", latin}, {"w:hAnsi", latin}, {"w:cs", latin}});
    } else {
        x.empty("w:rFonts", {{"w:ascii", latin}, {"w:eastAsia", east_asian}, {"w:hAnsi", latin}, {"w:cs", latin}});
    }
}

void run_properties(XmlOut& x, const StyleDef& d) {
    bool any = !d.font.empty() || !d.latin.empty() || d.bold || d.italic || d.char_spacing || d.size || d.superscript;
    if (!any) return;
    x.open("w:rPr");
    fonts(x, d.font, d.latin);
    if (d.bold) {
        x.empty("w:b", {{"w:val", *d.bold ? "1" : "0"}});
        x.empty("w:bCs", {{"w:val", *d.bold ? "1" : "0"}});
    }
    if (d.italic) {
        x.empty("w:i", {{"w:val", *d.italic ? "1" : "0"}});
        x.empty("w:iCs", {{"w:val", *d.italic ? "1" : "0"}});
    }
    if (d.char_spacing) x.empty("w:spacing", {{"w:val", num(d.char_spacing)}});
    if (d.size) {
        x.empty("w:sz", {{"w:val", num(d.size)}});
        x.empty("w:szCs", {{"w:val", num(d.size)}});
    }
    if (d.superscript) x.empty("w:vertAlign", {{"w:val", "superscript"}});
    x.close();
}

void paragraph_properties(XmlOut& x, const StyleDef& d, const StyleSheet& sheet) {
    x.open("w:pPr");
    if (d.keep_next) x.empty("w:keepNext");
    if (d.keep_lines) x.empty("w:keepLines");
    if (d.page_break_before) x.empty("w:pageBreakBefore");
    if (!d.list.empty()) {
        x.open("w:numPr");
        x.empty("w:ilvl", {{"w:val", num(d.level)}});
        x.empty("w:numId", {{"w:val", num(sheet.list(d.list).id)}});
        x.close();
    }
    if (!d.tabs.empty()) {
        x.open("w:tabs");
        for (Tab t : d.tabs) {
            int width = sheet.page().text_width();
            if (t == Tab::CenterOfText) x.empty("w:tab", {{"w:val", "center"}, {"w:pos", num(width / 2)}});
            else if (t == Tab::RightOfText) x.empty("w:tab", {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", num(width)}});
            else x.empty("w:tab", {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", num(sheet.page().column_width(index_columns))}});
        }
        x.close();
    }
    if (d.before || d.after || d.line_exact) {
        std::string before = num(d.before), after = num(d.after), line = num(d.line_exact);
        if (d.line_exact) {
            x.empty("w:spacing", {{"w:before", before}, {"w:after", after}, {"w:line", line}, {"w:lineRule", "exact"}});
        } else {
            x.empty("w:spacing", {{"w:before", before}, {"w:after", after}});
        }
    }
    // A numbered style takes its indents from its list level.
    if (d.list.empty() && (d.first_line || d.left || d.hanging)) {
        std::string left = num(d.left.value_or(0));
        if (d.hanging) x.empty("w:ind", {{"w:left", left}, {"w:hanging", num(*d.hanging)}});
        else x.empty("w:ind", {{"w:left", left}, {"w:firstLine", num(d.first_line.value_or(0))}});
    }
    if (!d.align.empty()) x.empty("w:jc", {{"w:val", d.align}});
    if (d.outline >= 0) x.empty("w:outlineLvl", {{"w:val", num(d.outline)}});
    x.close();
}

}  // namespace

std::string write_styles_xml(const StyleSheet& sheet) {
    XmlOut x;
    x.open("w:styles", {{"xmlns:w", w_ns}});
    x.open("w:docDefaults");
    x.open("w:rPrDefault");
    x.open("w:rPr");
    x.empty("w:rFonts", {{"w:ascii", sheet.default_latin},
                         {"w:eastAsia", sheet.default_font},
                         {"w:hAnsi", sheet.default_latin},
                         {"w:cs", sheet.default_latin}});
    x.empty("w:kern", {{"w:val", "2"}});
    x.empty("w:sz", {{"w:val", num(sheet.default_size)}});
    x.empty("w:szCs", {{"w:val", num(sheet.default_size)}});
    x.empty("w:lang", {{"w:val", "en-US"}, {"w:eastAsia", sheet.default_lang}, {"w:bidi", "ar-SA"}});
    x.close();
    x.close();
    x.open("w:pPrDefault");
    x.open("w:pPr");
    x.empty("w:widowControl");
    x.close();
    x.close();
    x.close();  // docDefaults

    bool first_paragraph = true;
    for (const auto& d : sheet.styles()) {
        bool is_default = d.id == "Normal" && first_paragraph;
        if (is_default) {
            x.open("w:style", {{"w:type", "paragraph"}, {"w:default", "1"}, {"w:styleId", d.id}});
            first_paragraph = false;
        } else {
            x.open("w:style", {{"w:type", d.character ? "character" : "paragraph"}, {"w:styleId", d.id}});
        }
        x.empty("w:name", {{"w:val", d.name}});
        if (!d.based_on.empty()) x.empty("w:basedOn", {{"w:val", d.based_on}});
        x.empty("w:qFormat");
        if (!d.character) paragraph_properties(x, d, sheet);
        run_properties(x, d);
        x.close();
    }
    // The table style every table of the document uses: single lines; the
    // thick outer frame and header rule are set on each table.
    x.open("w:style", {{"w:type", "table"}, {"w:default", "1"}, {"w:styleId", "TableNormal"}});
    x.empty("w:name", {{"w:val", "Normal Table"}});
    x.open("w:tblPr");
    x.empty("w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
    x.open("w:tblCellMar");
    x.empty("w:top", {{"w:w", "0"}, {"w:type", "dxa"}});
    x.empty("w:left", {{"w:w", "108"}, {"w:type", "dxa"}});
    x.empty("w:bottom", {{"w:w", "0"}, {"w:type", "dxa"}});
    x.empty("w:right", {{"w:w", "108"}, {"w:type", "dxa"}});
    x.close();
    x.close();
    x.close();
    return x.finish();
}

}  // namespace bzc::emit::docx
