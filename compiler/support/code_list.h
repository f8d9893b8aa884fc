#pragma once

#include <string_view>

namespace bzc {

// Calls f(code, meaning) for each entry of a code list of rules/codes/:
// "CODE<TAB>meaning" lines, with blank lines and # comments skipped.
template <class F> void for_each_code(std::string_view text, F&& f) {
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::size_t tab = line.find('\t');
        f(line.substr(0, tab), tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1));
    }
}

}  // namespace bzc
