#pragma once

#include "explanation/comments_table.h"
#include "explanation/report_content.h"

#include <string>

// The 编制说明 and the 征求意见汇总处理表 as Word files, built on the DOCX
// package of the standard's writer (emit/docx: Package, ZipWriter, XmlOut),
// so they are deterministic in the same way: the same input gives the same bytes.
namespace bzc::explanation {

// word/document.xml of each: the body, with its section properties.
std::string report_document_xml(const ExplanatoryReport& report);
std::string comments_table_document_xml(const std::string& title, const CommentsTable& table);

// A4 portrait, the layout of a Chinese official report: 黑体 headings 一、,
// 楷体 （一）, body in `body_font` (仿宋 by default) 三号 with two characters of
// indent, page numbers in the footer, the signature and date at the right.
std::string write_report_docx(const ExplanatoryReport& report, const std::string& body_font);

// A4 landscape: the title, a table of the comments (header row repeated on
// every page) and a last row with the totals.
std::string write_comments_table_docx(const std::string& title, const CommentsTable& table, const std::string& body_font);

}  // namespace bzc::explanation
