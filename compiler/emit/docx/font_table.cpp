#include "emit/docx/parts.h"
#include "emit/docx/xml_out.h"

#include <set>

namespace bzc::emit::docx {

namespace {

struct KnownFont {
    std::string_view name, alt, panose, charset, family, pitch;
};

// What Word itself writes for these fonts.
constexpr KnownFont known_fonts[] = {
    {"宋体", "SimSun", "02010600030101010101", "86", "auto", "variable"},
    {"黑体", "SimHei", "02010609060101010101", "86", "modern", "fixed"},
    {"Times New Roman", "", "02020603050405020304", "00", "roman", "variable"},
    {"Courier New", "", "02070309020205020404", "00", "modern", "fixed"},
    {"Cambria Math", "", "02040503050406030204", "00", "roman", "variable"},
};

}  // namespace

std::string write_font_table_xml(const StyleSheet& sheet) {
    // Courier New for TeX source and code, Cambria Math for formulas (settings.xml).
    std::set<std::string> names{sheet.default_font, sheet.default_latin, "黑体", "Courier New", "Cambria Math"};
    for (const auto& s : sheet.styles()) {
        if (!s.font.empty()) names.insert(s.font);
        if (!s.latin.empty()) names.insert(s.latin);
    }
    XmlOut x;
    x.open("w:fonts", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}});
    for (const auto& name : names) {
        x.open("w:font", {{"w:name", name}});
        for (const auto& k : known_fonts) {
            if (k.name != name) continue;
            if (!k.alt.empty()) x.empty("w:altName", {{"w:val", k.alt}});
            x.empty("w:panose1", {{"w:val", k.panose}});
            x.empty("w:charset", {{"w:val", k.charset}});
            x.empty("w:family", {{"w:val", k.family}});
            x.empty("w:pitch", {{"w:val", k.pitch}});
        }
        x.close();
    }
    return x.finish();
}

}  // namespace bzc::emit::docx
