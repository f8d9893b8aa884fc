#pragma once

#include "system/structure_diagram.h"
#include "system/system_table.h"

#include <string>

// The 标准体系表 as a Word file, on the pieces of bzc's small documents
// (emit/docx/plain_document.h): landscape A4, since the 明细表 has ten
// columns; the title 《…标准体系表》 and the day it describes, then
// 1 体系结构图 (the PNG, with the SVG for Word 2016 and later),
// 2 标准明细表 (a table per category, the header row repeated on every page),
// 3 标准统计表 with the coverage, 4 复审 (the standards due and overdue).
namespace bzc::standard_system {

// word/document.xml; the picture's relationships are the package's media.
std::string system_document_xml(const SystemTable& table, const StructureDiagram& diagram);

// The whole package. `png` is the diagram rendered (render_svg_to_png, support/svg_rendering.h).
std::string write_system_docx(const SystemTable& table, const StructureDiagram& diagram, const std::string& png);

}  // namespace bzc::standard_system
