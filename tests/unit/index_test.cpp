// The 索引: ICU's pinyin blocks and the readings bzc takes from them, the
// pinyin= overrides of 多音字 terms, the grouping and order of the terms,
// `index: auto`, and the reading of a hand-written 索引 by the IDX checks.
#include "analysis/index_collation.h"
#include "analysis/pinyin_reading.h"
#include "analysis/pinyin_table.h"
#include "analysis/term_index.h"
#include "checks/index/index_checks.h"
#include "support/utf8.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <unicode/alphaindex.h>

#include <memory>
#include <set>

using bzc::analysis::IndexCollation;
using bzc::analysis::IndexLanguage;
using bzc::analysis::PinyinOverride;
using bzc::analysis::read_pinyin_override;

namespace {

const char* front = "---\nnumber: T/CAGOA 001—2024\ntitle: 公务用车管理　术语\nstage: 征求意见稿\n";
const char* chapters =
    "---\n# 范围\n本文件界定了术语。\n\n# 规范性引用文件\n本文件没有规范性引用文件。\n\n# 术语和定义\n下列术语和定义适用于本文件。\n\n";

std::string terms_document(const std::string& front_matter_extra, const std::string& terms, const std::string& rest = "") {
    return std::string(front) + front_matter_extra + chapters + terms + rest;
}

std::string term(const std::string& heading, const std::string& english, const std::string& definition = "一项定义。") {
    return "## " + heading + "\n" + english + "\n" + definition + "\n\n";
}

// "C: 长度 3.1, 常用 3.8 | G: …" for one list of the index.
std::string groups_of(const bzc::analysis::TermIndexList& list) {
    std::string out;
    for (const auto& g : list.groups) {
        if (!out.empty()) out += " | ";
        out += (g.letter.empty() ? "-" : g.letter) + ":";
        for (const auto& e : g.entries) out += " " + e.term + " " + e.entry->number;
    }
    return out;
}

}  // namespace

TEST_CASE("the pinyin blocks are ICU's, with the reading ICU gives each character", "[index]") {
    // Built from ICU at build time: every reading once, in collation order.
    REQUIRE(bzc::analysis::pinyin_block_count > 1000);
    std::set<std::string_view> readings;
    for (std::size_t i = 0; i < bzc::analysis::pinyin_block_count; ++i) readings.insert(bzc::analysis::pinyin_blocks[i].reading);
    CHECK(readings.size() == bzc::analysis::pinyin_block_count);
    const IndexCollation& c = IndexCollation::instance();
    // ICU reads the 多音字 by their most frequent reading: 长 zhǎng, 重 zhòng.
    CHECK(c.reading_of(U'长') == "zhang3");
    CHECK(c.reading_of(U'常') == "chang2");
    CHECK(c.reading_of(U'重') == "zhong4");
    CHECK(c.reading_of(U'虫') == "chong2");
    CHECK(c.reading_of(U'行') == "xing2");
    CHECK(c.reading_of(U'绿') == "lv4");
    CHECK(c.reading_of(U'啊') == "a5");
    // Each block's first character is read as its own block.
    for (std::size_t i = 0; i < bzc::analysis::pinyin_block_count; i += 97) {
        std::string_view first = bzc::analysis::pinyin_blocks[i].first;
        std::size_t at = 0;
        char32_t ch = bzc::utf8::decode(first, at);
        CHECK(c.reading_of(ch) == bzc::analysis::pinyin_blocks[i].reading);
    }
}

TEST_CASE("the letter groups are those of ICU's zh AlphabeticIndex", "[index]") {
    UErrorCode status = U_ZERO_ERROR;
    icu::AlphabeticIndex index(icu::Locale("zh"), status);
    std::unique_ptr<icu::AlphabeticIndex::ImmutableIndex> buckets(index.buildImmutableIndex(status));
    REQUIRE(U_SUCCESS(status));
    auto icu_letter = [&](std::string_view term) {
        UErrorCode s = U_ZERO_ERROR;
        int32_t b = buckets->getBucketIndex(icu::UnicodeString::fromUTF8(icu::StringPiece(term.data(), static_cast<int32_t>(term.size()))), s);
        const icu::AlphabeticIndex::Bucket* bucket = buckets->getBucket(b);
        std::string label;
        if (bucket && bucket->getLabelType() == U_ALPHAINDEX_NORMAL) bucket->getLabel().toUTF8String(label);
        return label;
    };
    const IndexCollation& c = IndexCollation::instance();
    // The first character of every block, and terms of every kind.
    for (std::size_t i = 0; i < bzc::analysis::pinyin_block_count; ++i) {
        std::string_view first = bzc::analysis::pinyin_blocks[i].first;
        INFO(first << " " << bzc::analysis::pinyin_blocks[i].reading);
        CHECK(c.chinese(first).letter == icu_letter(first));
    }
    for (std::string_view term : {"GPS终端", "ＧＰＳ终端", "pH值", "Ω", "3D打印", "éclair", "长度", "重复", "行车日志", "啊"}) {
        INFO(term);
        CHECK(c.chinese(term).letter == icu_letter(term));
    }
    for (std::string_view term : {"official vehicle", "Energy", "énergie", "3D printing", "-based"}) {
        INFO(term);
        CHECK(c.english(term).letter == icu_letter(term));
    }
}

TEST_CASE("a pinyin override is one syllable with its tone per Han character", "[index]") {
    auto syllables = [](std::string_view term, std::string_view pinyin) { return read_pinyin_override(term, pinyin).syllables; };
    using V = std::vector<std::string>;
    CHECK(syllables("长度", "chang2du4") == V{"chang2", "du4"});
    CHECK(syllables("长度", "chang2 du4") == V{"chang2", "du4"});
    CHECK(syllables("长度", "Chang2Du4") == V{"chang2", "du4"});
    CHECK(syllables("长度", "cháng dù") == V{"chang2", "du4"});
    CHECK(syllables("绿色", "lu:4se4") == V{"lv4", "se4"});
    CHECK(syllables("绿色", "lü4 se4") == V{"lv4", "se4"});
    CHECK(syllables("绿色", "lǜsè") == V{});  // marks without a separator: "lvse" is no syllable
    CHECK(syllables("桌子", "zhuo1zi") == V{"zhuo1", "zi5"});
    CHECK(syllables("桌子", "zhuo1 zi0") == V{"zhuo1", "zi5"});
    CHECK(syllables("GPS终端", "zhong1duan1") == V{"zhong1", "duan1"});  // letters need no syllable
    CHECK(syllables("〇号", "ling2hao4") == V{"ling2", "hao4"});          // 〇 is read like a Han character

    auto problem = [](std::string_view term, std::string_view pinyin) { return read_pinyin_override(term, pinyin).problem; };
    using P = PinyinOverride::Problem;
    CHECK(problem("长度", "chang2du4") == P::None);
    CHECK(problem("长度", "changdu") == P::UnknownSyllable);
    CHECK(problem("长度", "chnag2du4") == P::UnknownSyllable);
    CHECK(read_pinyin_override("长度", "chnag2du4").detail == "chnag");
    CHECK(problem("长度", "chang2") == P::Count);
    CHECK(problem("长度", "chang2du4du4") == P::Count);
    CHECK(problem("长度", "chang7du4") == P::BadCharacter);
    CHECK(problem("长度", "长度") == P::BadCharacter);
    CHECK(problem("长度", "2du4") == P::BadCharacter);
    CHECK(problem("长度", " ") == P::Empty);
}

TEST_CASE("terms are grouped by the initial of their reading and ordered by ICU, overrides deciding both", "[index]") {
    auto c = bzc::test::compile_text(terms_document(
        "", term("长度 {pinyin=chang2du4}", "length") + term("长官", "chief") + term("重复 {pinyin=chong2fu4}", "repetition") +
                term("重量", "weight") + term("冲击", "impact") + term("虫子", "insect") + term("宠物", "pet") +
                term("常用", "common use") + term("GPS终端", "GPS terminal") + term("公务", "official business") +
                term("行车日志", "trip log\n许用术语：出车记录")));
    auto index = bzc::analysis::build_term_index(c.document);
    // 长度 is cháng by its override, under C with 常用; 长官 keeps ICU's
    // zhǎng, under Z. 重复 (chóng) sorts among the chóng words, after 冲
    // (chōng) and before 宠 (chǒng); 重量 stays zhòng. GPS终端 goes under
    // G, after the Han terms there as ICU orders Latin after Han. 行 is xíng.
    CHECK(groups_of(index.chinese) ==
          "C: 长度 3.1 常用 3.8 冲击 3.5 重复 3.3 虫子 3.6 宠物 3.7 出车记录 3.11 | G: 公务 3.10 GPS终端 3.9 | "
          "X: 行车日志 3.11 | Z: 长官 3.2 重量 3.4");
    CHECK(groups_of(index.english) ==
          "C: chief 3.2 common use 3.8 | G: GPS terminal 3.9 | I: impact 3.5 insect 3.6 | L: length 3.1 | "
          "O: official business 3.10 | P: pet 3.7 | R: repetition 3.3 | T: trip log 3.11 | W: weight 3.4");
    // Without the overrides, ICU's readings put 长度 and 重复 under Z.
    auto plain = bzc::test::compile_text(terms_document("", term("长度", "length") + term("重复", "repetition") + term("常用", "common use")));
    CHECK(groups_of(bzc::analysis::build_term_index(plain.document).chinese) == "C: 常用 3.3 | Z: 长度 3.1 重复 3.2");
    // A malformed override (DSL-17) leaves ICU's reading.
    auto malformed = bzc::test::compile_text(terms_document("", term("长度 {pinyin=chang2}", "length")));
    CHECK(malformed.findings() == std::vector<std::string>{"DSL-17 15:1"});
    CHECK(groups_of(bzc::analysis::build_term_index(malformed.document).chinese) == "Z: 长度 3.1");
}

TEST_CASE("the same key for the same term, whatever the override's spelling", "[index]") {
    const IndexCollation& c = IndexCollation::instance();
    auto a = c.chinese("长度", read_pinyin_override("长度", "chang2du4").syllables);
    auto b = c.chinese("长度", read_pinyin_override("长度", "cháng dù").syllables);
    CHECK(a.sort_key == b.sort_key);
    CHECK(a.letter == "C");
    // An override that gives ICU's own reading changes nothing.
    CHECK(c.chinese("长官", read_pinyin_override("长官", "zhang3guan1").syllables).sort_key == c.chinese("长官").sort_key);
    // A tone ICU has no block for falls back to the nearest one of the syllable.
    CHECK(c.chinese("长度", read_pinyin_override("长度", "chang5du4").syllables).letter == "C");
    CHECK(c.chinese("3D打印").letter.empty());
}

TEST_CASE("index: auto writes the 索引 from the term entries", "[index]") {
    std::string terms = term("公务用车", "official vehicle") + term("公务出行", "official travel\n许用术语：公出");
    auto c = bzc::test::compile_text(terms_document("index: auto\n", terms));
    CHECK(c.findings("", true).empty());
    CHECK(c.document.index_generated);
    REQUIRE(!c.document.sections.empty());
    const auto& index = c.document.sections.back();
    CHECK(index.kind == bzc::model::SectionKind::Index);
    // The canonical XML shows it in the form an author writes.
    CHECK(c.xml.find("<index>auto</index>") != std::string::npos);
    CHECK(c.xml.find("  <index>\n    <p><strong>汉语拼音索引</strong></p>\n    <p>G</p>\n    <ul>\n      <li>\n        <p>公出　3.2</p>") !=
          std::string::npos);
    CHECK(c.xml.find("<p><strong>英文对应词索引</strong></p>\n    <p>O</p>") != std::string::npos);
    // … and reads back as the same XML: the XML form regenerates it.
    auto again = bzc::test::compile_text(c.xml, true);
    CHECK(again.xml == c.xml);
    CHECK(again.findings("", true).empty());

    // Without English equivalents: one list, no titles.
    auto chinese_only = bzc::test::compile_text(terms_document("index: auto\n", "## 公务用车\n党政机关的机动车。\n\n"));
    CHECK(chinese_only.xml.find("<strong>汉语拼音索引</strong>") == std::string::npos);
    CHECK(chinese_only.xml.find("<p>G</p>") != std::string::npos);

    // An author's 索引 is replaced; said so unless it read the same.
    auto written = bzc::test::compile_text(terms_document("index: auto\n", terms, "# 索引\n\nG\n\n- 公务用车　3.1\n"));
    CHECK(written.findings() == std::vector<std::string>{"META-15 27:1"});
    CHECK(written.xml.find("公出　3.2") != std::string::npos);
    auto same = bzc::test::compile_text(terms_document(
        "index: auto\n", terms,
        "# 索引\n\n**汉语拼音索引**\n\nG\n\n- 公出　3.2\n- 公务出行　3.2\n- 公务用车　3.1\n\n**英文对应词索引**\n\nO\n\n- official travel　3.2\n- "
        "official vehicle　3.1\n"));
    CHECK(same.findings().empty());

    auto bad_mode = bzc::test::compile_text(terms_document("index: yes\n", terms));
    CHECK(bad_mode.findings() == std::vector<std::string>{"META-14 5:1"});
    CHECK(!bad_mode.document.index_generated);
    auto no_terms = bzc::test::compile_text(std::string(front) + "index: auto\n" + chapters);
    CHECK(no_terms.findings() == std::vector<std::string>{"META-16 5:1"});
    CHECK(!no_terms.document.index_generated);
}

TEST_CASE("a hand-written 索引 is read as lists, letters and entries", "[index]") {
    auto c = bzc::test::compile_text(terms_document(
        "", term("公务用车", "official vehicle"),
        "# 索引\n\n本索引按汉语拼音排列。\n\nＧ\n\n- 公务用车……3.1\n- GPS3.1\n- 公务用车3.1\n- 公务用车 3.1.\n\n**英文对应词索引**\n\nO\n\n- official vehicle 3.1\n"));
    auto index = bzc::checks::index::read_written_index(c.document);
    REQUIRE(index);
    REQUIRE(index->lists.size() == 2);
    const auto& chinese = index->lists[0];
    CHECK(chinese.language == IndexLanguage::Chinese);
    REQUIRE(chinese.letters.size() == 1);
    CHECK(chinese.letters[0].letter == "G");  // a full-width letter too
    REQUIRE(chinese.entries.size() == 4);
    CHECK(chinese.entries[0].term == "公务用车");
    CHECK(chinese.entries[0].number == "3.1");
    CHECK(chinese.entries[0].number_location.column == 9);
    CHECK(chinese.entries[1].term == "GPS3.1");  // no gap or Han character before the digits: part of the term
    CHECK(chinese.entries[1].number.empty());
    CHECK(chinese.entries[2].term == "公务用车");
    CHECK(chinese.entries[2].number == "3.1");
    CHECK(chinese.entries[3].number.empty());  // a number does not end with a dot
    CHECK(chinese.entries[3].letter == "G");
    CHECK(index->lists[1].language == IndexLanguage::English);
    REQUIRE(index->lists[1].entries.size() == 1);
    CHECK(index->lists[1].entries[0].term == "official vehicle");
    CHECK(index->lists[1].entries[0].letter == "O");

    // A generated 索引 is not read: it is right by construction.
    auto generated = bzc::test::compile_text(terms_document("index: auto\n", term("公务用车", "official vehicle")));
    CHECK(!bzc::checks::index::read_written_index(generated.document));
}
