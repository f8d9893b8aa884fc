#include "emit/docx/style_sheet.h"

#include "emit/docx/xml_out.h"
#include "support/resources.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <stdexcept>

namespace bzc::emit::docx {

namespace {

int twips(double value) { return static_cast<int>(std::lround(value)); }

std::string text_of(const YAML::Node& node, const char* key) {
    const YAML::Node v = node[key];
    return v ? v.as<std::string>() : std::string();
}

}  // namespace

const StyleSheet& StyleSheet::gbt() {
    static const StyleSheet sheet = parse(embedded_resource("templates/gbt/styles.yaml"));
    return sheet;
}

int StyleSheet::size(std::string_view name) const {
    auto it = sizes_.find(name);
    if (it == sizes_.end()) throw std::runtime_error("unknown size name '" + std::string(name) + "'");
    return it->second;
}

StyleSheet StyleSheet::parse(std::string_view text) {
    StyleSheet s;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(std::string("styles: ") + e.what());
    }
    if (!root.IsMap()) throw std::runtime_error("styles: not a YAML map");
    for (const auto& kv : root["sizes"]) s.sizes_[kv.first.as<std::string>()] = kv.second.as<int>();
    if (const auto page = root["page"]) {
        auto get = [&](const char* key, int& field) {
            if (page[key]) field = page[key].as<int>();
        };
        get("width", s.page_.width);
        get("height", s.page_.height);
        get("top", s.page_.top);
        get("bottom", s.page_.bottom);
        get("left", s.page_.left);
        get("right", s.page_.right);
        get("gutter", s.page_.gutter);
        get("header", s.page_.header);
        get("footer", s.page_.footer);
        get("line-pitch", s.page_.line_pitch);
    }
    const auto defaults = root["defaults"];
    s.default_font = text_of(defaults, "font");
    s.default_latin = text_of(defaults, "latin");
    s.default_lang = text_of(defaults, "lang");
    s.default_size = s.size(text_of(defaults, "size"));

    for (const auto& node : root["styles"]) {
        StyleDef d;
        d.id = text_of(node, "id");
        d.name = text_of(node, "name");
        if (d.id.empty() || d.name.empty()) throw std::runtime_error("styles: a style without id or name");
        d.character = text_of(node, "type") == "character";
        d.based_on = text_of(node, "based-on");
        if (d.based_on.empty() && !d.character && d.id != "Normal") d.based_on = "Normal";
        d.font = text_of(node, "font");
        d.latin = text_of(node, "latin");
        if (node["size"]) d.size = s.size(node["size"].as<std::string>());
        if (node["bold"]) d.bold = node["bold"].as<bool>();
        if (node["italic"]) d.italic = node["italic"].as<bool>();
        d.align = text_of(node, "align");
        // Lengths in characters are characters of the style's own size.
        double char_twips = (d.size ? d.size : s.default_size) * 10.0;
        if (const auto ind = node["indent"]) {
            if (ind["first-line"]) d.first_line = twips(ind["first-line"].as<double>() * char_twips);
            if (ind["left"]) d.left = twips(ind["left"].as<double>() * char_twips);
            if (ind["hanging"]) d.hanging = twips(ind["hanging"].as<double>() * char_twips);
        }
        if (node["before"]) d.before = twips(node["before"].as<double>() * s.page_.line_pitch);
        if (node["after"]) d.after = twips(node["after"].as<double>() * s.page_.line_pitch);
        if (node["before-pt"]) d.before = twips(node["before-pt"].as<double>() * 20);
        if (node["line-exact"]) d.line_exact = twips(node["line-exact"].as<double>() * 20);
        if (node["outline"]) d.outline = node["outline"].as<int>();
        d.keep_next = node["keep-next"] && node["keep-next"].as<bool>();
        d.keep_lines = node["keep-lines"] && node["keep-lines"].as<bool>();
        d.page_break_before = node["page-break-before"] && node["page-break-before"].as<bool>();
        if (node["char-spacing"]) d.char_spacing = twips(node["char-spacing"].as<double>() * (d.size ? d.size : s.default_size) * 10.0);
        d.superscript = node["superscript"] && node["superscript"].as<bool>();
        for (const auto& tab : node["tabs"]) {
            std::string t = tab.as<std::string>();
            if (t == "center-of-text") d.tabs.push_back(Tab::CenterOfText);
            else if (t == "right-of-text") d.tabs.push_back(Tab::RightOfText);
            else throw std::runtime_error("styles: unknown tab '" + t + "' in " + d.id);
        }
        d.list = text_of(node, "list");
        if (node["level"]) d.level = node["level"].as<int>();
        if (!node["source"]) throw std::runtime_error("styles: " + d.id + " does not say where its values come from");
        if (s.index_.count(d.id)) throw std::runtime_error("styles: duplicate id " + d.id);
        s.index_[d.id] = s.styles_.size();
        s.styles_.push_back(std::move(d));
    }

    for (const auto& node : root["lists"]) {
        ListDef l;
        l.key = text_of(node, "key");
        l.id = node["id"].as<int>();
        for (const auto& lv : node["levels"]) {
            ListLevel level;
            level.format = text_of(lv, "format");
            level.text = text_of(lv, "text");
            level.style = text_of(lv, "style");
            level.suffix = lv["suffix"] ? text_of(lv, "suffix") : "nothing";
            double char_twips = s.default_size * 10.0;
            if (lv["left"]) level.left = twips(lv["left"].as<double>() * char_twips);
            if (lv["hanging"]) level.hanging = twips(lv["hanging"].as<double>() * char_twips);
            l.levels.push_back(std::move(level));
        }
        for (const auto& other : s.lists_) {
            if (other.id == l.id || other.key == l.key) throw std::runtime_error("styles: duplicate list " + l.key);
        }
        s.lists_.push_back(std::move(l));
    }

    // Consistency: parents exist; a numbered style names a list level that
    // exists; a level linked to a style is numbered by that very level.
    for (const auto& d : s.styles_) {
        if (!d.based_on.empty() && !s.has(d.based_on)) throw std::runtime_error("styles: " + d.id + " is based on unknown " + d.based_on);
        if (d.list.empty()) continue;
        const ListDef& l = s.list(d.list);
        if (d.level < 0 || d.level >= static_cast<int>(l.levels.size())) {
            throw std::runtime_error("styles: " + d.id + " names level " + std::to_string(d.level) + " of " + d.list);
        }
    }
    for (const auto& l : s.lists_) {
        for (std::size_t i = 0; i < l.levels.size(); ++i) {
            const auto& st = l.levels[i].style;
            if (st.empty()) continue;
            if (!s.has(st)) throw std::runtime_error("styles: list " + l.key + " links to unknown style " + st);
            const StyleDef& d = s.style(st);
            if (d.list != l.key || d.level != static_cast<int>(i)) {
                throw std::runtime_error("styles: list " + l.key + " level " + std::to_string(i) + " links to " + st +
                                         ", which is not numbered by it");
            }
        }
    }
    return s;
}

const StyleDef& StyleSheet::style(std::string_view id) const {
    auto it = index_.find(id);
    if (it == index_.end()) throw std::logic_error("docx: style " + std::string(id) + " is not defined in templates/gbt/styles.yaml");
    return styles_[it->second];
}

const ListDef& StyleSheet::list(std::string_view key) const {
    for (const auto& l : lists_) {
        if (l.key == key) return l;
    }
    throw std::logic_error("docx: list " + std::string(key) + " is not defined in templates/gbt/styles.yaml");
}

// ------------------------------------------------------------ styles.xml

namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

void fonts(XmlOut& x, const std::string& east_asian, const std::string& latin) {
    if (east_asian.empty() && latin.empty()) return;
    if (latin.empty()) {
        x.empty("w:rFonts", {{"w:eastAsia", east_asian}});
    } else if (east_asian.empty()) {
        x.empty("w:rFonts", {{"w:ascii", latin}, {"w:hAnsi", latin}, {"w:cs", latin}});
    } else {
        x.empty("w:rFonts", {{"w:ascii", latin}, {"w:eastAsia", east_asian}, {"w:hAnsi", latin}, {"w:cs", latin}});
    }
}

void run_properties(XmlOut& x, const StyleDef& d) {
    bool any = !d.font.empty() || !d.latin.empty() || d.bold || d.italic || d.char_spacing || d.size || d.superscript;
    if (!any) return;
    x.open("w:rPr");
    fonts(x, d.font, d.latin);
    if (d.bold) {
        x.empty("w:b", {{"w:val", *d.bold ? "1" : "0"}});
        x.empty("w:bCs", {{"w:val", *d.bold ? "1" : "0"}});
    }
    if (d.italic) {
        x.empty("w:i", {{"w:val", *d.italic ? "1" : "0"}});
        x.empty("w:iCs", {{"w:val", *d.italic ? "1" : "0"}});
    }
    if (d.char_spacing) x.empty("w:spacing", {{"w:val", num(d.char_spacing)}});
    if (d.size) {
        x.empty("w:sz", {{"w:val", num(d.size)}});
        x.empty("w:szCs", {{"w:val", num(d.size)}});
    }
    if (d.superscript) x.empty("w:vertAlign", {{"w:val", "superscript"}});
    x.close();
}

void paragraph_properties(XmlOut& x, const StyleDef& d, const StyleSheet& sheet) {
    x.open("w:pPr");
    if (d.keep_next) x.empty("w:keepNext");
    if (d.keep_lines) x.empty("w:keepLines");
    if (d.page_break_before) x.empty("w:pageBreakBefore");
    if (!d.list.empty()) {
        x.open("w:numPr");
        x.empty("w:ilvl", {{"w:val", num(d.level)}});
        x.empty("w:numId", {{"w:val", num(sheet.list(d.list).id)}});
        x.close();
    }
    if (!d.tabs.empty()) {
        x.open("w:tabs");
        for (Tab t : d.tabs) {
            int width = sheet.page().text_width();
            if (t == Tab::CenterOfText) x.empty("w:tab", {{"w:val", "center"}, {"w:pos", num(width / 2)}});
            else x.empty("w:tab", {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", num(width)}});
        }
        x.close();
    }
    if (d.before || d.after || d.line_exact) {
        std::string before = num(d.before), after = num(d.after), line = num(d.line_exact);
        if (d.line_exact) {
            x.empty("w:spacing", {{"w:before", before}, {"w:after", after}, {"w:line", line}, {"w:lineRule", "exact"}});
        } else {
            x.empty("w:spacing", {{"w:before", before}, {"w:after", after}});
        }
    }
    // A numbered style takes its indents from its list level.
    if (d.list.empty() && (d.first_line || d.left || d.hanging)) {
        std::string left = num(d.left.value_or(0));
        if (d.hanging) x.empty("w:ind", {{"w:left", left}, {"w:hanging", num(*d.hanging)}});
        else x.empty("w:ind", {{"w:left", left}, {"w:firstLine", num(d.first_line.value_or(0))}});
    }
    if (!d.align.empty()) x.empty("w:jc", {{"w:val", d.align}});
    if (d.outline >= 0) x.empty("w:outlineLvl", {{"w:val", num(d.outline)}});
    x.close();
}

}  // namespace

std::string write_styles_xml(const StyleSheet& sheet) {
    XmlOut x;
    x.open("w:styles", {{"xmlns:w", w_ns}});
    x.open("w:docDefaults");
    x.open("w:rPrDefault");
    x.open("w:rPr");
    x.empty("w:rFonts", {{"w:ascii", sheet.default_latin},
                         {"w:eastAsia", sheet.default_font},
                         {"w:hAnsi", sheet.default_latin},
                         {"w:cs", sheet.default_latin}});
    x.empty("w:kern", {{"w:val", "2"}});
    x.empty("w:sz", {{"w:val", num(sheet.default_size)}});
    x.empty("w:szCs", {{"w:val", num(sheet.default_size)}});
    x.empty("w:lang", {{"w:val", "en-US"}, {"w:eastAsia", sheet.default_lang}, {"w:bidi", "ar-SA"}});
    x.close();
    x.close();
    x.open("w:pPrDefault");
    x.open("w:pPr");
    x.empty("w:widowControl");
    x.close();
    x.close();
    x.close();  // docDefaults

    bool first_paragraph = true;
    for (const auto& d : sheet.styles()) {
        bool is_default = d.id == "Normal" && first_paragraph;
        if (is_default) {
            x.open("w:style", {{"w:type", "paragraph"}, {"w:default", "1"}, {"w:styleId", d.id}});
            first_paragraph = false;
        } else {
            x.open("w:style", {{"w:type", d.character ? "character" : "paragraph"}, {"w:styleId", d.id}});
        }
        x.empty("w:name", {{"w:val", d.name}});
        if (!d.based_on.empty()) x.empty("w:basedOn", {{"w:val", d.based_on}});
        x.empty("w:qFormat");
        if (!d.character) paragraph_properties(x, d, sheet);
        run_properties(x, d);
        x.close();
    }
    // The table style every table of the document uses: single lines; the
    // thick outer frame and header rule are set on each table.
    x.open("w:style", {{"w:type", "table"}, {"w:default", "1"}, {"w:styleId", "TableNormal"}});
    x.empty("w:name", {{"w:val", "Normal Table"}});
    x.open("w:tblPr");
    x.empty("w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
    x.open("w:tblCellMar");
    x.empty("w:top", {{"w:w", "0"}, {"w:type", "dxa"}});
    x.empty("w:left", {{"w:w", "108"}, {"w:type", "dxa"}});
    x.empty("w:bottom", {{"w:w", "0"}, {"w:type", "dxa"}});
    x.empty("w:right", {{"w:w", "108"}, {"w:type", "dxa"}});
    x.close();
    x.close();
    x.close();
    return x.finish();
}

}  // namespace bzc::emit::docx
