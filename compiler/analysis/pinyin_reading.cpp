#include "analysis/pinyin_reading.h"

#include "analysis/pinyin_table.h"
#include "support/utf8.h"

#include <algorithm>

namespace bzc::analysis {

namespace {

// The syllables of the table, without their tones, sorted: the pinyin an
// override may use. Built on first use; a document without overrides never
// pays.
const std::vector<std::string_view>& syllables() {
    static const std::vector<std::string_view> all = [] {
        std::vector<std::string_view> s;
        s.reserve(pinyin_block_count);
        for (std::size_t i = 0; i < pinyin_block_count; ++i) {
            std::string_view reading = pinyin_blocks[i].reading;
            s.push_back(reading.substr(0, reading.size() - 1));
        }
        std::sort(s.begin(), s.end());
        s.erase(std::unique(s.begin(), s.end()), s.end());
        return s;
    }();
    return all;
}

// A vowel with a tone mark: its letter and tone.
struct MarkedVowel {
    char32_t c;
    char letter;
    int tone;
};
constexpr MarkedVowel marked_vowels[] = {
    {U'ā', 'a', 1}, {U'á', 'a', 2}, {U'ǎ', 'a', 3}, {U'à', 'a', 4}, {U'ē', 'e', 1}, {U'é', 'e', 2}, {U'ě', 'e', 3},
    {U'è', 'e', 4}, {U'ī', 'i', 1}, {U'í', 'i', 2}, {U'ǐ', 'i', 3}, {U'ì', 'i', 4}, {U'ō', 'o', 1}, {U'ó', 'o', 2},
    {U'ǒ', 'o', 3}, {U'ò', 'o', 4}, {U'ū', 'u', 1}, {U'ú', 'u', 2}, {U'ǔ', 'u', 3}, {U'ù', 'u', 4}, {U'ǖ', 'v', 1},
    {U'ǘ', 'v', 2}, {U'ǚ', 'v', 3}, {U'ǜ', 'v', 4}, {U'ü', 'v', 0}, {U'Ü', 'v', 0}, {U'ḿ', 'm', 2}, {U'ǹ', 'n', 4},
    {U'ń', 'n', 2}, {U'ň', 'n', 3},
};

bool is_separator(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\'' || c == U'\u2019' || c == U'-' || c == U'·' ||
           c == U',' || c == U'_';
}

}  // namespace

bool takes_syllable(char32_t c) { return utf8::is_han(c) || c == U'〇'; }

bool is_pinyin_syllable(std::string_view letters) { return std::binary_search(syllables().begin(), syllables().end(), letters); }

PinyinOverride read_pinyin_override(std::string_view term, std::string_view pinyin) {
    PinyinOverride result;
    for (std::size_t i = 0; i < term.size();) {
        if (takes_syllable(utf8::decode(term, i))) ++result.han_characters;
    }
    std::string letters;
    int tone = 0;  // 0: none given yet
    auto fail = [&](PinyinOverride::Problem problem, std::string detail) {
        result.problem = problem;
        result.detail = std::move(detail);
        result.syllables.clear();
    };
    // Ends the syllable being read; false when it is not one.
    auto end_syllable = [&]() {
        if (letters.empty()) return true;
        if (!is_pinyin_syllable(letters)) {
            fail(PinyinOverride::Problem::UnknownSyllable, letters);
            return false;
        }
        result.syllables.push_back(letters + std::to_string(tone == 0 ? 5 : tone));
        letters.clear();
        tone = 0;
        return true;
    };
    for (std::size_t i = 0; i < pinyin.size();) {
        std::size_t start = i;
        char32_t c = utf8::decode(pinyin, i);
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        if (c >= U'a' && c <= U'z') {
            letters += static_cast<char>(c);
        } else if (c == U':' && !letters.empty() && letters.back() == 'u') {
            letters.back() = 'v';  // lu:4
        } else if (c >= U'0' && c <= U'5') {
            if (letters.empty()) {
                fail(PinyinOverride::Problem::BadCharacter, std::string(pinyin.substr(start, i - start)));
                return result;
            }
            tone = c == U'0' ? 5 : static_cast<int>(c - U'0');
            if (!end_syllable()) return result;
        } else if (is_separator(c)) {
            if (!end_syllable()) return result;
        } else {
            const MarkedVowel* marked = nullptr;
            for (const auto& m : marked_vowels)
                if (m.c == c) marked = &m;
            if (!marked) {
                fail(PinyinOverride::Problem::BadCharacter, std::string(pinyin.substr(start, i - start)));
                return result;
            }
            letters += marked->letter;
            if (marked->tone) tone = marked->tone;
        }
    }
    if (!end_syllable()) return result;
    if (result.syllables.empty()) fail(PinyinOverride::Problem::Empty, {});
    else if (result.syllables.size() != result.han_characters) {
        result.problem = PinyinOverride::Problem::Count;
        // The syllables stay: the message names how many were given.
    }
    return result;
}

}  // namespace bzc::analysis
