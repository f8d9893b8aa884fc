#include "emit/docx/parts.h"
#include "emit/docx/xml_out.h"

namespace bzc::emit::docx {

std::string write_settings_xml(bool update_fields) {
    XmlOut x;
    x.open("w:settings", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}});
    x.empty("w:zoom", {{"w:percent", "100"}});
    x.empty("w:defaultTabStop", {{"w:val", "420"}});
    // GB/T puts the designation at the outer edge: odd and even headers differ (catalog §F.3).
    x.empty("w:evenAndOddHeaders");
    x.empty("w:characterSpacingControl", {{"w:val", "compressPunctuation"}});
    if (update_fields) x.empty("w:updateFields", {{"w:val", "true"}});
    x.open("w:footnotePr");
    x.empty("w:footnote", {{"w:id", "-1"}});
    x.empty("w:footnote", {{"w:id", "0"}});
    x.close();
    x.open("w:compat");
    x.empty("w:compatSetting", {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"}, {"w:val", "15"}});
    x.close();
    x.empty("w:themeFontLang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}});
    x.empty("w:decimalSymbol", {{"w:val", "."}});
    x.empty("w:listSeparator", {{"w:val", ","}});
    return x.finish();
}

}  // namespace bzc::emit::docx
