#include "support/utf8.h"

#include <cstring>

namespace bzc::utf8 {

namespace {
int sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

std::size_t find_invalid(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // Fast paths for the two common cases: eight ASCII bytes at once, and
        // a three-byte sequence of the CJK range (lead E1–EC or EE–EF).
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) { ++i; continue; }
        if (c > 0xE0 && c < 0xF0 && c != 0xED && i + 2 < n && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        int len = sequence_length(c);
        if (len == 0 || i + len > n) return i;
        auto c1 = static_cast<unsigned char>(text[i + 1]);
        if (!is_continuation(c1)) return i;
        // Reject overlong forms, surrogates and code points above U+10FFFF.
        if (c == 0xE0 && c1 < 0xA0) return i;
        if (c == 0xED && c1 > 0x9F) return i;
        if (c == 0xF0 && c1 < 0x90) return i;
        if (c == 0xF4 && c1 > 0x8F) return i;
        for (int k = 2; k < len; ++k) {
            if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if (!is_continuation(static_cast<unsigned char>(c))) ++count;
    }
    return count;
}

char32_t decode(std::string_view text, std::size_t& pos) {
    auto c = static_cast<unsigned char>(text[pos]);
    int len = sequence_length(c);
    if (len == 0 || pos + len > text.size()) { ++pos; return U'\uFFFD'; }
    if (len == 1) { ++pos; return c; }
    char32_t cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(text[pos + k]);
        if (!is_continuation(cc)) { ++pos; return U'\uFFFD'; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    pos += len;
    return cp;
}

std::size_t previous_start(std::string_view text, std::size_t pos) {
    if (pos == 0) return 0;
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return start;
}

char32_t decode_before(std::string_view text, std::size_t pos) {
    if (pos == 0) return 0;
    std::size_t start = previous_start(text, pos);
    return decode(text, start);
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2EBEF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x30000 && c <= 0x3134F);
}
bool is_ascii_alpha(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
    static constexpr std::string_view ideographic_space = "\u3000";
    bool changed = true;
    while (changed && !text.empty()) {
        changed = false;
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')) {
            text.remove_prefix(1);
            changed = true;
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
            text.remove_suffix(1);
            changed = true;
        }
        if (text.starts_with(ideographic_space)) { text.remove_prefix(3); changed = true; }
        if (text.ends_with(ideographic_space)) { text.remove_suffix(3); changed = true; }
    }
    return text;
}


}  // namespace bzc::utf8
