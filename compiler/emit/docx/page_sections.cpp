// The sections of the page layout: the cover, the 目次/前言/引言, the body,
// and the pages of the 索引 with their two columns. A section's properties
// (w:sectPr) stand in the last paragraph of the section, those of the last
// section at the end of the body.

#include "emit/docx/document_writer.h"

namespace bzc::emit::docx {

void DocumentWriter::section_properties(const PageLayout& layout) {
    const PageSetup& page = sheet_.page();
    x_.open("w:sectPr");
    if (layout.headers) {
        // Named in every section that has them, so none depends on Word's
        // inheritance from the section before.
        x_.empty("w:headerReference", {{"w:type", "default"}, {"r:id", ids_.header_odd}});
        x_.empty("w:headerReference", {{"w:type", "even"}, {"r:id", ids_.header_even}});
        x_.empty("w:footerReference", {{"w:type", "default"}, {"r:id", ids_.footer_odd}});
        x_.empty("w:footerReference", {{"w:type", "even"}, {"r:id", ids_.footer_even}});
    }
    x_.empty("w:type", {{"w:val", layout.continuous ? "continuous" : layout.odd_page ? "oddPage" : "nextPage"}});
    x_.empty("w:pgSz", {{"w:w", num(page.width)}, {"w:h", num(page.height)}});
    page_margins();
    if (!layout.number_format.empty()) {
        // Without w:start the numbers go on from the section before.
        if (layout.restart_numbers) x_.empty("w:pgNumType", {{"w:fmt", std::string(layout.number_format)}, {"w:start", "1"}});
        else x_.empty("w:pgNumType", {{"w:fmt", std::string(layout.number_format)}});
    }
    const std::string gap = num(page.column_gap);
    if (layout.columns > 1) x_.empty("w:cols", {{"w:num", num(layout.columns)}, {"w:space", gap}});
    else x_.empty("w:cols", {{"w:space", gap}});
    x_.empty("w:docGrid", {{"w:type", "lines"}, {"w:linePitch", num(page.line_pitch)}});
    x_.close();
}

void DocumentWriter::end_section(const PageLayout& next) {
    x_.open("w:p");
    x_.open("w:pPr");
    section_properties(layout_);
    x_.close();
    x_.close();
    layout_ = next;
    section_start_ = true;
}

}  // namespace bzc::emit::docx
