#include "emit/docx/numbering.h"

#include "emit/docx/xml_out.h"

#include <algorithm>

namespace bzc::emit::docx {

int Numbering::restart(std::string_view list, int level) {
    int next = 0;
    for (const auto& l : sheet_.lists()) next = std::max(next, l.id);
    if (!instances_.empty()) next = std::max(next, instances_.back().id);
    instances_.push_back({next + 1, sheet_.list(list).id, level});
    return next + 1;
}

std::string Numbering::xml() const {
    XmlOut x;
    x.open("w:numbering", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}});
    for (const auto& l : sheet_.lists()) {
        x.open("w:abstractNum", {{"w:abstractNumId", num(l.id)}});
        x.empty("w:multiLevelType", {{"w:val", l.levels.size() == 1 ? "singleLevel" : "multilevel"}});
        for (std::size_t i = 0; i < l.levels.size(); ++i) {
            const ListLevel& lv = l.levels[i];
            x.open("w:lvl", {{"w:ilvl", num(static_cast<long long>(i))}});
            x.empty("w:start", {{"w:val", "1"}});
            x.empty("w:numFmt", {{"w:val", lv.format}});
            if (!lv.style.empty()) x.empty("w:pStyle", {{"w:val", lv.style}});
            x.empty("w:suff", {{"w:val", lv.suffix}});
            x.empty("w:lvlText", {{"w:val", lv.text}});
            x.empty("w:lvlJc", {{"w:val", "left"}});
            x.open("w:pPr");
            if (lv.suffix == "tab") {
                x.open("w:tabs");
                x.empty("w:tab", {{"w:val", "num"}, {"w:pos", num(lv.left)}});
                x.close();
            }
            if (lv.hanging) x.empty("w:ind", {{"w:left", num(lv.left)}, {"w:hanging", num(lv.hanging)}});
            else x.empty("w:ind", {{"w:left", num(lv.left)}, {"w:firstLine", "0"}});
            x.close();
            if (lv.format == "bullet" || lv.format == "none") {
                // —— and · are East-Asian punctuation: a Latin font would draw
                // the dashes apart and the dot half-width.
                x.open("w:rPr");
                x.empty("w:rFonts", {{"w:ascii", sheet_.default_font},
                                     {"w:eastAsia", sheet_.default_font},
                                     {"w:hAnsi", sheet_.default_font},
                                     {"w:hint", "eastAsia"}});
                x.close();
            }
            x.close();
        }
        x.close();
    }
    for (const auto& l : sheet_.lists()) {
        x.open("w:num", {{"w:numId", num(l.id)}});
        x.empty("w:abstractNumId", {{"w:val", num(l.id)}});
        x.close();
    }
    for (const auto& in : instances_) {
        x.open("w:num", {{"w:numId", num(in.id)}});
        x.empty("w:abstractNumId", {{"w:val", num(in.abstract_id)}});
        x.open("w:lvlOverride", {{"w:ilvl", num(in.level)}});
        x.empty("w:startOverride", {{"w:val", "1"}});
        x.close();
        x.close();
    }
    return x.finish();
}

}  // namespace bzc::emit::docx
