#pragma once

#include "emit/docx/xml_out.h"

#include <string>
#include <string_view>
#include <vector>

// The small documents bzc writes beside the standards — the 编制说明, the
// 征求意见汇总处理表, the 标准体系表 — are not in the GB/T 1.1 layout and need
// none of the standard's style sheet: a few paragraph styles, tables with
// full borders, A4 sections with the page number in the footer. These are
// their shared pieces, on the standard's package writer (Package, ZipWriter,
// XmlOut), so they are deterministic in the same way.
namespace bzc::emit::docx {

inline constexpr std::string_view w_namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view r_namespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Font sizes in half points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt.
namespace font_size {
inline constexpr std::string_view size_2 = "44", size_3 = "32", size_4 = "28", size_small_4 = "24", size_5 = "21",
                                  size_small_5 = "18";
}

// A paragraph style: Latin text in Times New Roman, Chinese in `font`; lines
// exactly `line` twentieths of a point apart; `indent`: two characters of
// 三号 on the first line; `keep_next`: kept with the next paragraph.
void plain_style(XmlOut& x, std::string_view id, std::string_view name, std::string_view font, std::string_view size,
                 bool bold, std::string_view justification, bool indent, bool keep_next, std::string_view line = "560");
std::string plain_settings_xml();

// A paragraph of one run of plain text (or an empty one).
void plain_paragraph(XmlOut& x, std::string_view style_id, std::string_view text);

// The section properties: A4 portrait or landscape, the margins of official
// documents, the footer with the page number; ends the body's last section
// (or, inside a paragraph's w:pPr, an earlier one).
void plain_section(XmlOut& x, std::string_view footer_relationship, bool landscape);
// The text width of such a section, in twips.
int plain_text_width(bool landscape);

// Tables: full single borders, fixed layout, centred, columns of `widths`
// twips. plain_table_open opens w:tbl (close it with x.close()).
void plain_table_open(XmlOut& x, const std::vector<int>& widths);
// A row: a header row is repeated at the top of every page; the others are
// not split across pages. Close it with x.close().
void plain_row_open(XmlOut& x, bool header);
// A cell of plain text; a line break in the text starts a new paragraph.
// `span` > 1 merges that many grid columns.
void plain_cell(XmlOut& x, std::string_view text, int width, std::string_view style_id, int span = 1);

// A part to add to the package besides the body (an image).
struct PlainMedia {
    std::string part;  // word/media/…
    std::string_view type;
    std::string content;
};

// The package around a body: word/document.xml with its styles, settings, a
// footer with a PAGE field and the media. The document's relationships are
// styles rId1, settings rId2, the footer plain_footer_relationship, then the
// media in order (plain_media_relationship(0), …).
std::string plain_package(const std::string& body_xml, const std::string& styles_xml, std::vector<PlainMedia> media = {});
inline constexpr std::string_view plain_footer_relationship = "rId3";
std::string plain_media_relationship(std::size_t index);

}  // namespace bzc::emit::docx
