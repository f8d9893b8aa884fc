// Build-time generator of the pinyin block table (analysis/pinyin_table.h).
//
// ICU's zh@collation=pinyin tailoring lists every Han character it knows in
// blocks, one block ("<*…") per reading with its tone, in pinyin order. The
// rule text does not say which reading a block stands for, and the Han-Latin
// transliterator that does takes about 170 ms to build — far too slow for
// every run of bzc. So the reading of each block is found here, once, at
// build time, from the same ICU bzc links: every character of the block is
// transliterated and the block takes the reading they agree on. The table
// lists, in collation order, each reading with the first character of its
// block; at run time a character's reading is the block a binary search by
// the collator puts it in, and a per-term `pinyin=` override moves a
// character into the block of the reading the author gives.
//
// Usage: bzc_pinyin_table_generator OUTPUT.cpp

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/tblcoll.h>
#include <unicode/translit.h>
#include <unicode/uvernum.h>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "bzc_pinyin_table_generator: " << message << "\n";
    std::exit(1);
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// "zhǎng" → "zhang3", "lǜ" → "lv4", "zi" → "zi5" (neutral tone), the form
// drafters type in `pinyin=` overrides.
std::string numbered_reading(const icu::UnicodeString& latin) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) fail(std::string("no NFD normaliser: ") + u_errorName(status));
    icu::UnicodeString decomposed = nfd->normalize(latin, status);
    std::string letters;
    int tone = 5;
    for (int32_t i = 0; i < decomposed.length(); ++i) {
        char16_t c = decomposed[i];
        switch (c) {
            case 0x0304: tone = 1; break;  // macron: ā
            case 0x0301: tone = 2; break;  // acute: á
            case 0x030C: tone = 3; break;  // caron: ǎ
            case 0x0300: tone = 4; break;  // grave: à
            case 0x0308:                   // diaeresis: ü
                if (letters.empty() || letters.back() != 'u') fail("a diaeresis not on u in " + utf8(latin));
                letters.back() = 'v';
                break;
            default:
                if (c >= 'A' && c <= 'Z') c = static_cast<char16_t>(c - 'A' + 'a');
                if (c < 'a' || c > 'z') return {};  // not a pinyin syllable
                letters += static_cast<char>(c);
        }
    }
    if (letters.empty()) return {};
    return letters + std::to_string(tone);
}

struct Block {
    std::string reading;
    icu::UnicodeString characters;
};

// The "<*…" blocks of the Han part of the tailoring, from "&[last regular]"
// to the next reset.
std::vector<icu::UnicodeString> han_blocks(const icu::UnicodeString& rules) {
    int32_t start = rules.indexOf(u"&[last regular]");
    if (start < 0) fail("the zh pinyin tailoring has no &[last regular] reset; ICU's rule format changed");
    int32_t end = rules.indexOf(u'&', start + 1);
    if (end < 0) end = rules.length();
    std::vector<icu::UnicodeString> blocks;
    for (int32_t at = rules.indexOf(u"<*", start); at >= 0 && at < end;) {
        int32_t next = rules.indexOf(u'<', at + 2);
        if (next < 0 || next > end) next = end;
        icu::UnicodeString block;
        rules.extractBetween(at + 2, next, block);
        blocks.push_back(block);
        at = rules.indexOf(u"<*", next);
    }
    return blocks;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) fail("usage: bzc_pinyin_table_generator OUTPUT.cpp");
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("zh@collation=pinyin"), status));
    if (U_FAILURE(status)) fail(std::string("no zh pinyin collator: ") + u_errorName(status));
    auto* rule_based = dynamic_cast<icu::RuleBasedCollator*>(collator.get());
    if (!rule_based) fail("the zh pinyin collator is not rule-based");
    std::unique_ptr<icu::Transliterator> han_latin(icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) fail(std::string("no Han-Latin transliterator: ") + u_errorName(status));

    std::vector<Block> table;
    std::set<std::string> seen;
    std::size_t characters = 0;
    for (const auto& chars : han_blocks(rule_based->getRules())) {
        std::map<std::string, int> votes;
        int count = 0;
        for (int32_t i = 0; i < chars.length();) {
            UChar32 c = chars.char32At(i);
            i += U16_LENGTH(c);
            icu::UnicodeString latin(c);
            han_latin->transliterate(latin);
            ++votes[numbered_reading(latin)];
            ++count;
        }
        if (count == 0) continue;
        characters += static_cast<std::size_t>(count);
        auto best = votes.begin();
        for (auto it = votes.begin(); it != votes.end(); ++it)
            if (it->second > best->second) best = it;
        // A block is one reading: most of its characters have no other.
        if (best->first.empty() || best->second * 2 <= count) fail("no reading most characters agree on in the block " + utf8(chars));
        // ICU splits long blocks into runs of 128; they follow each other.
        if (!table.empty() && table.back().reading == best->first) continue;
        if (!seen.insert(best->first).second) fail("the reading " + best->first + " has two blocks apart");
        table.push_back({best->first, chars});
    }
    if (table.size() < 1000) fail("only " + std::to_string(table.size()) + " pinyin blocks found; ICU's rule format changed");
    for (std::size_t i = 1; i < table.size(); ++i) {
        UErrorCode order_status = U_ZERO_ERROR;
        icu::UnicodeString a(table[i - 1].characters.char32At(0)), b(table[i].characters.char32At(0));
        if (collator->compare(a, b, order_status) != UCOL_LESS) fail("blocks out of collation order at " + table[i].reading);
    }

    std::ofstream out(argv[1], std::ios::binary);
    out << "// Generated by bzc_pinyin_table_generator (compiler/analysis/pinyin_table_generator.cpp)\n"
        << "// from ICU " U_ICU_VERSION "'s zh@collation=pinyin and Han-Latin: " << table.size() << " readings, "
        << characters << " characters. Do not edit.\n"
        << "#include \"analysis/pinyin_table.h\"\n\n"
        << "namespace bzc::analysis {\n\n"
        << "const PinyinBlock pinyin_blocks[] = {\n";
    for (const auto& block : table) {
        out << "    {\"" << block.reading << "\", \"" << utf8(icu::UnicodeString(block.characters.char32At(0))) << "\"},\n";
    }
    out << "};\n\nconst std::size_t pinyin_block_count = " << table.size() << ";\n\n}  // namespace bzc::analysis\n";
    if (!out) fail(std::string("cannot write ") + argv[1]);
    return 0;
}
