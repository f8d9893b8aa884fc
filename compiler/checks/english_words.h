#pragma once

#include <string>
#include <string_view>

// Letter-case helpers for English words (English titles of the cover,
// English equivalents of terms).
namespace bzc::checks::english {

inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// "Guidelines": a capital followed by lower-case letters only.
inline bool capitalised(std::string_view word) {
    if (word.size() < 2 || !is_upper(word[0])) return false;
    for (char c : word.substr(1))
        if (!is_lower(c)) return false;
    return true;
}

inline std::string lower(std::string_view word) {
    std::string out(word);
    for (auto& c : out)
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace bzc::checks::english
