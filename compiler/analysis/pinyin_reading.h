#pragma once

#include <string>
#include <string_view>
#include <vector>

// The `pinyin=` attribute of a term entry: the reading of the term for the
// 索引, for 多音字 the collation reads otherwise (长度 is chang2du4, not
// ICU's zhǎng). One syllable per Han character of the term, each with its
// tone as a digit (chang2du4, chang2 du4) or a mark (cháng dù); 5, 0 or no
// tone is the neutral tone; ü is written v, ü or u:. Characters of the term
// that are not Han (GPS终端) need no syllable.
namespace bzc::analysis {

struct PinyinOverride {
    enum class Problem {
        None,
        Empty,            // no syllable at all
        BadCharacter,     // detail: the character
        UnknownSyllable,  // detail: the letters, e.g. "chnag"
        Count,            // detail unused; see syllables.size() and han_characters
    };
    std::vector<std::string> syllables;  // "chang2", "du4", in the form of pinyin_table.h
    std::size_t han_characters = 0;      // of the term
    Problem problem = Problem::None;
    std::string detail;

    bool ok() const { return problem == Problem::None; }
};

// Reads `pinyin` as the reading of `term`.
PinyinOverride read_pinyin_override(std::string_view term, std::string_view pinyin);

// Whether the letters (no tone; ü as v) are a syllable ICU's collation knows.
bool is_pinyin_syllable(std::string_view letters);

// Whether a character of a term is read with a syllable: a Han character, or
// 〇 (líng), which ICU's pinyin order reads though Unicode does not count it
// among the Han blocks.
bool takes_syllable(char32_t c);

}  // namespace bzc::analysis
