#pragma once

#include "emit/docx/style_sheet.h"
#include "model/document.h"

#include <string>

namespace bzc::emit::docx {

// word/settings.xml: odd and even headers, Chinese punctuation compression,
// the footnote separators, and a request to update fields (the 目次) when
// the document has a TOC field.
std::string write_settings_xml(bool update_fields);

// word/fontTable.xml: every font the styles and runs name, with the
// character set and panose Word uses to find a substitute (宋体 = SimSun,
// 黑体 = SimHei).
std::string write_font_table_xml(const StyleSheet& sheet);

// docProps/core.xml and docProps/app.xml, from the cover data. No dates:
// the same source gives the same bytes.
std::string write_core_properties_xml(const model::Metadata& m);
std::string write_app_properties_xml(const model::Metadata& m);

// The header (the designation, right on odd pages, left on even ones) and
// the footer (a PAGE field, likewise) of every page but the cover's.
std::string write_header_xml(const model::Metadata& m, bool even);
std::string write_footer_xml(bool even);

}  // namespace bzc::emit::docx
