#include "emit/docx/style_sheet.h"

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

StyleSheet::StyleSheet(PageSetup page, std::map<std::string, int, std::less<>> sizes, std::vector<StyleDef> styles,
                       std::vector<ListDef> lists)
    : styles_(std::move(styles)), lists_(std::move(lists)), sizes_(std::move(sizes)), page_(page) {
    for (std::size_t i = 0; i < styles_.size(); ++i) index_[styles_[i].id] = i;
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
        get("column-gap", s.page_.column_gap);
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
            else if (t == "right-of-index-column") d.tabs.push_back(Tab::RightOfIndexColumn);
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

}  // namespace bzc::emit::docx
