// Front matter reading (FM-*) and cover-data checks (META-*): each rule has a
// case that triggers it and the nearest correct text that stays quiet.
#include "test_support.h"

#include <catch2/catch.hpp>

using bzc::test::compile_text;

namespace {
bzc::test::Compiled cover(const std::string& yaml) { return compile_text("---\n" + yaml + "---\n# 范围\n文本。\n"); }
}  // namespace

TEST_CASE("a complete cover is read and is clean", "[metadata]") {
    auto c = cover(
        "number: DB43/T 2345—2022\nreplaces: [DB43/T 1000—2015]\ntitle: 机关事务标准化工作指南\n"
        "title-en: Guidelines\nics: [03.160, 03.080.99]\nccs: A 00\nfiling: \"12345—2022\"\nstage: 征求意见稿\n"
        "issued: 2022-06-01\neffective: 2022-09-01\ndraft-date: 2022-03-01\nissuer: 湖南省市场监督管理局\n"
        "proposer: 湖南省机关事务管理局\nowner: 湖南省机关事务管理局\ndrafting-units: [甲, 乙]\ndrafters: 张三、李四\n"
        "adoption: ISO 9001:2015, MOD\ntoc: true\n");
    CHECK(c.findings().empty());
    const auto& m = c.document.metadata;
    CHECK(m.number == "DB43/T 2345—2022");
    CHECK(m.ics.size() == 2);
    CHECK(m.drafters == std::vector<std::string>{"张三", "李四"});
    CHECK(m.stage == bzc::model::Stage::CommentDraft);
    CHECK(m.toc);
    CHECK(m.where("ccs").line == 7);
}

TEST_CASE("front matter problems", "[metadata]") {
    CHECK(compile_text("# 范围\n文本。\n").findings() == std::vector<std::string>{"FM-01 1:1"});
    CHECK(compile_text("---\nnumber: GB/T 1—2020\n# 范围\n").findings() == std::vector<std::string>{"FM-02 1:1"});
    CHECK(cover("number: [unclosed\n").has("FM-03"));
    auto unknown = cover("number: GB/T 1—2020\ntitle: 标题\ntitel-en: x\n");
    CHECK(unknown.findings() == std::vector<std::string>{"FM-04 4:1"});
    CHECK(unknown.source_diagnostics()[0].message(bzc::Language::English).find("did you mean 'title-en'") != std::string::npos);
    CHECK(cover("number: GB/T 1—2020\ntitle: [a, b]\n").findings() == std::vector<std::string>{"FM-05 3:1"});
    CHECK(cover("number: GB/T 1—2020\ntitle: 标题\ntoc: maybe\n").has("FM-05"));
    CHECK(cover("title: 标题\n").findings() == std::vector<std::string>{"FM-06 1:1"});
    CHECK(cover("number: GB/T 1—2020\n").has("FM-06"));
}

TEST_CASE("aliases and tags in YAML are harmless", "[metadata]") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "drafters: *d\nnumber: !!python/object GB/T 1—2020\ntitle: 标题\n";
    auto c = cover(bomb);
    CHECK(c.has("FM-04"));
    CHECK(c.has("FM-05"));
}

TEST_CASE("cover field syntax", "[metadata]") {
    auto base = std::string("title: 标题\n");
    CHECK(cover(base + "number: DB43/T 2345—2022\n").findings().empty());
    CHECK(cover(base + "number: DB43/T ××××—××××\n").findings().empty());
    CHECK(cover(base + "number: 湖南标准 12\n").findings() == std::vector<std::string>{"META-01 3:1"});
    CHECK(cover(base + "number: DB43/T 2345\n").has("META-01"));
    CHECK(cover(base + "number: DB43/T 2345-2022\n").findings() == std::vector<std::string>{"META-02 3:1"});
    CHECK(cover(base + "number: GB/T 1—2020\nissued: 2022-02-30\n").findings() == std::vector<std::string>{"META-03 4:1"});
    CHECK(cover(base + "number: GB/T 1—2020\nissued: 2022-02-28\n").findings().empty());
    CHECK(cover(base + "number: GB/T 1—2020\nics: 3.16\n").has("META-04"));
    CHECK(cover(base + "number: GB/T 1—2020\nics: 03.160.99\n").findings().empty());
    CHECK(cover(base + "number: GB/T 1—2020\nccs: AA 0\n").has("META-05"));
    CHECK(cover(base + "number: GB/T 1—2020\nccs: A00\n").findings().empty());
    CHECK(cover(base + "number: GB/T 1—2020\nstage: 草稿\n").has("META-06"));
    CHECK(cover(base + "number: GB/T 1—2020\nstage: review-draft\n").findings().empty());
    CHECK(cover(base + "number: GB/T 1—2020\nissued: 2022-06-01\neffective: 2022-06-01\n").has("META-07"));
    CHECK(cover(base + "number: GB/T 1—2020\nissued: 2022-06-01\neffective: 2022-06-02\n").findings().empty());
    CHECK(cover(base + "number: GB/T 1—2020\nfiling: 备案12\n").has("META-08"));
    CHECK(cover(base + "number: GB/T 1—2020\nfiling: \"12345-2022\"\n").findings().empty());
    CHECK(cover(base + "number: GB/T 1—2020\nreplaces: [旧标准]\n").has("META-09"));
    CHECK(cover(base + "number: GB/T 1—2020\nadoption: ISO 9001:2015\n").has("META-10"));
    CHECK(cover(base + "number: GB/T 1—2020\nadoption: (ISO 9001:2015, IDT)\n").findings().empty());
}

TEST_CASE("severity follows the stage", "[metadata]") {
    auto comment = cover("title: 标题\nnumber: GB/T 1-2020\nstage: 征求意见稿\n");
    auto approval = cover("title: 标题\nnumber: GB/T 1-2020\nstage: 报批稿\n");
    REQUIRE(comment.source_diagnostics().size() == 1);
    REQUIRE(approval.source_diagnostics().size() == 1);
    CHECK(comment.source_diagnostics()[0].severity == bzc::Severity::Warning);
    CHECK(approval.source_diagnostics()[0].severity == bzc::Severity::Error);
}

TEST_CASE("the 前言 is generated from the cover data when absent", "[metadata][foreword]") {
    auto c = cover("number: GB/T 1—2020\ntitle: 标题\nreplaces: GB/T 1—2010\nproposer: 甲局\nowner: 乙委员会\n"
                   "drafting-units: [甲局, 丙院]\ndrafters: [张三]\nadoption: ISO 1:2015, IDT\n");
    REQUIRE(!c.document.sections.empty());
    const auto& foreword = c.document.sections.front();
    REQUIRE(foreword.kind == bzc::model::SectionKind::Foreword);
    std::vector<std::string> paragraphs;
    for (const auto& b : foreword.blocks) paragraphs.push_back(bzc::model::plain_text(b.as<bzc::model::Paragraph>().content));
    CHECK(paragraphs == std::vector<std::string>{
                            "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。",
                            "本文件代替GB/T 1—2010。", "本文件等同采用ISO 1:2015。",
                            "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。",
                            "本文件由甲局提出。", "本文件由乙委员会归口。", "本文件起草单位：甲局、丙院。",
                            "本文件主要起草人：张三。"});
    // An explicit 前言 is kept as written.
    auto own = compile_text(bzc::test::with_cover("# 前言\n自己写的前言。\n"));
    REQUIRE(own.document.sections.size() == 1);
    CHECK(bzc::model::plain_text(own.document.sections[0].blocks[0].as<bzc::model::Paragraph>().content) == "自己写的前言。");
}
