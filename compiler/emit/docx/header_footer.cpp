#include "emit/docx/parts.h"
#include "emit/docx/xml_out.h"

namespace bzc::emit::docx {

namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Odd pages carry the designation and the page number at the right, even
// pages at the left: the outer edge of a bound copy (catalog §F.3 [T]).
const char* outer_edge(bool even) { return even ? "left" : "right"; }

}  // namespace

std::string write_header_xml(const model::Metadata& m, bool even) {
    XmlOut x;
    x.open("w:hdr", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}});
    x.open("w:p");
    x.open("w:pPr");
    x.empty("w:pStyle", {{"w:val", "Header"}});
    x.empty("w:jc", {{"w:val", outer_edge(even)}});
    x.close();
    if (!m.number.empty()) {
        x.open("w:r");
        x.element("w:t", m.number);
        x.close();
    }
    x.close();
    return x.finish();
}

std::string write_footer_xml(bool even) {
    XmlOut x;
    x.open("w:ftr", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}});
    x.open("w:p");
    x.open("w:pPr");
    x.empty("w:pStyle", {{"w:val", "Footer"}});
    x.empty("w:jc", {{"w:val", outer_edge(even)}});
    x.close();
    x.raw("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
          "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
          "<w:r><w:t>1</w:t></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    x.close();
    return x.finish();
}

}  // namespace bzc::emit::docx
