#pragma once

#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>


// The order of the 索引 (GB/T 1.1—2020 8.14: grouped by the initial of the
// 汉语拼音): ICU's zh@collation=pinyin orders the terms and the reading of
// its collation blocks (pinyin_table.h, from ICU's Han-Latin) gives the
// letter groups, those of ICU's zh AlphabeticIndex, so bzc and ICU agree on
// every reading ICU knows. A `pinyin=` override of a term moves each of its Han
// characters into the collation block of the reading the author gives, so
// that 长度 (chang2du4) sorts among the cháng words under C, not under Z
// where ICU's zhǎng puts it. English equivalents sort by ICU's root order.
namespace bzc::analysis {

// Where an entry goes: its letter group and its place within the group.
struct IndexKey {
    int bucket = 0;        // the order of the groups: 0 for no letter, then A = 1 … Z = 26
    std::string letter;    // "A" … "Z"; empty for a term that starts with neither a letter nor a Han character
    std::string sort_key;  // ICU collation key; compared bytewise

    friend bool operator<(const IndexKey& a, const IndexKey& b) {
        return a.bucket != b.bucket ? a.bucket < b.bucket : a.sort_key < b.sort_key;
    }
};

class IndexCollation {
public:
    // Built on first use (about a millisecond), then shared: documents
    // without a 索引 never build it.
    static const IndexCollation& instance();
    ~IndexCollation();

    // A term of the 汉语拼音索引. `reading`: the syllables of a valid
    // pinyin override (PinyinOverride::syllables), one per Han character;
    // empty for ICU's reading.
    IndexKey chinese(std::string_view term, const std::vector<std::string>& reading = {}) const;
    // A term of the 英文对应词索引.
    IndexKey english(std::string_view term) const;

    // The reading ICU's collation gives a Han character: "zhang3" for 长.
    std::string_view reading_of(char32_t han) const;

private:
    IndexCollation();
    void group(const icu::UnicodeString& text, IndexKey& key) const;
    struct Icu;
    std::unique_ptr<Icu> icu_;
};

}  // namespace bzc::analysis
