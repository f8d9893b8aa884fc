#include "frontend/markdown/attributes.h"

namespace bzc::frontend {

const std::string* Attributes::get(std::string_view key) const {
    for (const auto& [k, v] : values) {
        if (k == key) return &v;
    }
    return nullptr;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (!alpha(id[0])) return false;
    for (char c : id) {
        if (!(alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':')) return false;
    }
    return true;
}

std::optional<Attributes> take_trailing_attributes(std::string& text) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n')) --end;
    if (end == 0 || text[end - 1] != '}') return std::nullopt;
    std::size_t open = text.rfind('{', end - 1);
    if (open == std::string::npos) return std::nullopt;
    std::string_view inner(text.data() + open + 1, end - open - 2);
    // "{" inside ordinary text (a TeX brace, a placeholder) is not an attribute
    // block: require the block to start with # or a key=value pair.
    std::string_view probe = inner;
    while (!probe.empty() && probe.front() == ' ') probe.remove_prefix(1);
    if (probe.empty() || !(probe.front() == '#' || probe.find('=') != std::string_view::npos)) return std::nullopt;

    Attributes attrs;
    std::size_t i = 0;
    while (i < inner.size()) {
        while (i < inner.size() && inner[i] == ' ') ++i;
        if (i >= inner.size()) break;
        std::size_t start = i;
        if (inner[i] == '#') {
            while (i < inner.size() && inner[i] != ' ') ++i;
            std::string id(inner.substr(start + 1, i - start - 1));
            if (attrs.id.empty()) attrs.id = id; else attrs.unparsed.push_back("#" + id);
            continue;
        }
        std::size_t eq = inner.find('=', i);
        std::size_t space = inner.find(' ', i);
        if (eq == std::string_view::npos || (space != std::string_view::npos && space < eq)) {
            i = space == std::string_view::npos ? inner.size() : space;
            attrs.unparsed.emplace_back(inner.substr(start, i - start));
            continue;
        }
        std::string key(inner.substr(start, eq - start));
        i = eq + 1;
        std::string value;
        if (i < inner.size() && inner[i] == '"') {
            std::size_t close = inner.find('"', i + 1);
            if (close == std::string_view::npos) close = inner.size();
            value = std::string(inner.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            std::size_t stop = inner.find(' ', i);
            if (stop == std::string_view::npos) stop = inner.size();
            value = std::string(inner.substr(i, stop - i));
            i = stop;
        }
        attrs.values.emplace_back(std::move(key), std::move(value));
    }
    std::size_t cut = open;
    while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\t')) --cut;
    // Also drop an ideographic space before the block.
    while (cut >= 3 && text.compare(cut - 3, 3, "\u3000") == 0) cut -= 3;
    text.erase(cut);
    return attrs;
}

}  // namespace bzc::frontend
