#include "emit/docx/parts.h"
#include "emit/docx/xml_out.h"

namespace bzc::emit::docx {

std::string write_settings_xml(bool update_fields) {
    XmlOut x;
    x.open("w:settings", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
                          {"xmlns:m", "http://schemas.openxmlformats.org/officeDocument/2006/math"}});
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
    // Formulas (OMML) in Cambria Math, Word's math font, with Word's own
    // defaults written out: display formulas centred as a group, limits of
    // sums under and over them, of integrals beside them.
    x.open("m:mathPr");
    x.empty("m:mathFont", {{"m:val", "Cambria Math"}});
    x.empty("m:brkBin", {{"m:val", "before"}});
    x.empty("m:brkBinSub", {{"m:val", "--"}});
    x.empty("m:smallFrac", {{"m:val", "0"}});
    x.empty("m:dispDef");
    x.empty("m:lMargin", {{"m:val", "0"}});
    x.empty("m:rMargin", {{"m:val", "0"}});
    x.empty("m:defJc", {{"m:val", "centerGroup"}});
    x.empty("m:wrapIndent", {{"m:val", "1440"}});
    x.empty("m:intLim", {{"m:val", "subSup"}});
    x.empty("m:naryLim", {{"m:val", "undOvr"}});
    x.close();
    x.empty("w:themeFontLang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}});
    x.empty("w:decimalSymbol", {{"w:val", "."}});
    x.empty("w:listSeparator", {{"w:val", ","}});
    return x.finish();
}

}  // namespace bzc::emit::docx
