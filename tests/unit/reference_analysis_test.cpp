#include "test_support.h"

#include <catch2/catch.hpp>

using bzc::model::CitationUse;
using bzc::model::CitedKind;
using bzc::model::EntryFlaw;
using bzc::test::compile_text;
using bzc::test::with_cover;

namespace {

// "written use part" of each citation, in order; those of the generated 前言
// (its drafting basis) only with `foreword`.
std::vector<std::string> citations(const std::string& body, bool foreword = false) {
    auto c = compile_text(with_cover(body));
    std::vector<std::string> out;
    for (const auto& cite : c.document.references.citations) {
        if (cite.use == CitationUse::Foreword && !foreword) continue;
        std::string use = cite.use == CitationUse::Normative ? "N" : cite.use == CitationUse::Informative ? "I" : "F";
        std::string kind = cite.kind == CitedKind::Legal ? "L:" : "";
        out.push_back(kind + cite.written + " " + use + (cite.part.empty() ? "" : " " + cite.part) +
                      (cite.title.empty() || cite.kind == CitedKind::Legal ? "" : " 《" + cite.title + "》"));
    }
    return out;
}

}  // namespace

TEST_CASE("citations are classified by the words around them", "[references]") {
    CHECK(citations("# 要求\n标准体系应符合GB/T 13016的规定。\n") == std::vector<std::string>{"GB/T 13016 N"});
    CHECK(citations("# 要求\n评价按GB/T 24421.4进行。\n") == std::vector<std::string>{"GB/T 24421.4 N"});
    CHECK(citations("# 要求\n体系表的编制见GB/T 13017。\n") == std::vector<std::string>{"GB/T 13017 I"});
    CHECK(citations("# 要求\n车辆应采用GB 7258中规定的检验方法。\n") == std::vector<std::string>{"GB 7258 N"});
    // A series takes the use its words give.
    CHECK(citations("# 要求\n应符合GB/T 13016、GB/T 13017和GB/T 24421.2的规定。\n") ==
          std::vector<std::string>{"GB/T 13016 N", "GB/T 13017 N", "GB/T 24421.2 N"});
    CHECK(citations("# 要求\n相关方法见GB/T 13016和GB/T 13017。\n") == std::vector<std::string>{"GB/T 13016 I", "GB/T 13017 I"});
    // Informative places: 注, 示例, 引言, term sources, tables of standards.
    CHECK(citations("# 要求\n体系应完整。\n\n注：体系表的编制应符合GB/T 13017的规定。\n") == std::vector<std::string>{"GB/T 13017 I"});
    CHECK(citations("# 要求\n| 编号 | 名称 |\n|---|---|\n| GB/T 13016—2018 | 标准体系构建原则和要求 |\n") ==
          std::vector<std::string>{"GB/T 13016—2018 I"});
    // The 前言 cites nothing: drafting basis and replaced editions.
    auto foreword = citations("# 前言\n本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。\n", true);
    REQUIRE(foreword.size() == 1);
    CHECK(foreword.front().starts_with("GB/T 1.1—2020 F"));
    // The document's own number is no citation.
    CHECK(citations("# 要求\n标记示例：DB43/T 2345—2022　甲类。\n").empty());
}

TEST_CASE("citations name a part of the document and its title", "[references]") {
    CHECK(citations("# 要求\n应符合GB/T 3101—1993的3.2的规定。\n") == std::vector<std::string>{"GB/T 3101—1993 N 3.2"});
    CHECK(citations("# 要求\n应按GB/T 18344—2016中的表1执行。\n") == std::vector<std::string>{"GB/T 18344—2016 N 表1"});
    CHECK(citations("# 要求\n应符合GB/T 18344第6章的规定。\n") == std::vector<std::string>{"GB/T 18344 N 第6章"});
    CHECK(citations("# 要求\n应符合GB/T 1.1—2020附录A的规定。\n") == std::vector<std::string>{"GB/T 1.1—2020 N 附录A"});
    CHECK(citations("# 要求\n应按GB/T 2589—2020的公式(1)计算。\n") == std::vector<std::string>{"GB/T 2589—2020 N 公式(1)"});
    CHECK(citations("# 要求\n应符合GB/T 13016—2018《标准体系构建原则和要求》的规定。\n") ==
          std::vector<std::string>{"GB/T 13016—2018 N 《标准体系构建原则和要求》"});
    // A quantity after a designation is not a part: GB/T 13016规定的5 m.
    CHECK(citations("# 要求\n间距按GB/T 50001为5 m。\n") == std::vector<std::string>{"GB/T 50001 N"});
}

TEST_CASE("laws, regulations and policy documents are recognised", "[references]") {
    CHECK(citations("# 要求\n公务用车应按《党政机关公务用车管理办法》管理。\n") ==
          std::vector<std::string>{"L:《党政机关公务用车管理办法》 N"});
    CHECK(citations("# 要求\n依据《机关事务管理条例》（国务院令第621号）制定。\n") ==
          std::vector<std::string>{"L:《机关事务管理条例》（国务院令第621号） N"});
    CHECK(citations("# 要求\n见国管办发〔2021〕36号。\n") == std::vector<std::string>{"L:国管办发〔2021〕36号 I"});
    // Titles that are not laws: a book, a method.
    CHECK(citations("# 要求\n见《统计方法》。\n").empty());
    CHECK(citations("# 要求\n见《机关事务管理概论》。\n").empty());
}

TEST_CASE("entries of the lists are read with their flaws", "[references]") {
    auto c = compile_text(with_cover(
        "# 规范性引用文件\n下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。\n\n"
        "- GB/T 13016—2018　标准体系构建原则和要求\n"
        "- GB/T 13017—2018《企业标准体系表编制指南》；\n"
        "- 1．GB/T 19273　企业标准化工作　评价与改进\n"
        "- GB/T 35778 企业标准化工作　指南\n"
        "- ISO/IEC 21964-1:2018　Information technology\n"
        "- 党政机关公务用车管理办法\n"
        "\n# 参考文献\n[1] GB/T 1.1—2020　标准化工作导则\n\n[3] 《中华人民共和国标准化法》\n\n王某. 概论[M]. 北京: 出版社, 2019.\n"));
    const auto& n = c.document.references.normative;
    REQUIRE(n.size() == 6);
    CHECK(n[0].flaws.empty());
    CHECK(n[0].title == "标准体系构建原则和要求");
    CHECK(n[1].has(EntryFlaw::TitleQuotes));
    CHECK(n[1].has(EntryFlaw::EndPunctuation));
    CHECK(n[1].title == "企业标准体系表编制指南");
    CHECK(n[1].corrected == "GB/T 13017—2018　企业标准体系表编制指南");
    CHECK(n[2].has(EntryFlaw::TypedMarker));
    CHECK(n[2].designation_text == "GB/T 19273");
    CHECK(n[3].has(EntryFlaw::Separator));
    REQUIRE(n[4].designation);
    CHECK(n[4].designation->number == "21964-1");
    CHECK(n[4].flaws.empty());
    CHECK(n[5].kind == CitedKind::Legal);
    const auto& b = c.document.references.bibliography;
    REQUIRE(b.size() == 3);
    CHECK(b[0].has(EntryFlaw::TypedNumber));
    CHECK(b[0].typed_number == "[1]");
    CHECK(b[1].kind == CitedKind::Legal);
    CHECK(b[2].kind == CitedKind::Other);
    // The catalog was consulted for each standard.
    CHECK(n[0].catalog.edition);
    CHECK(n[0].catalog.edition->title == "标准体系构建原则和要求");
}

TEST_CASE("the list order of 8.6", "[references]") {
    using bzc::model::parse_designation;
    using bzc::model::reference_order_less;
    auto less = [](const char* a, const char* b) { return reference_order_less(parse_designation(a), parse_designation(b)); };
    CHECK(less("GB 7258—2017", "GB/T 13016"));
    CHECK(less("GB/T 1.2", "GB/T 1.10"));
    CHECK(less("GB/T 1.10", "GB/T 2"));
    CHECK(less("GB/Z 100", "GB/T 200"));
    CHECK(less("GB/T 99999", "JB/T 1"));
    CHECK(less("JB/T 5", "YY 1"));
    CHECK(less("YY 1", "DB43/T 1"));
    CHECK(less("DB43/T 1", "T/CAS 1"));
    CHECK(less("T/CAS 1", "ISO 9001:2015"));
    CHECK(less("ISO 9001:2015", "IEC 60204-1"));
    CHECK(less("ISO/IEC 21964-1:2018", "ISO/IEC 21964-2:2018"));
    CHECK(less("IEC 60204-1", "DIN 66399-1:2012"));
    CHECK(reference_order_less(parse_designation("DIN 66399-1:2012"), std::nullopt));
    CHECK_FALSE(less("GB/T 13016", "GB 7258"));
}

TEST_CASE("references: auto writes the lists from the citations", "[references]") {
    auto c = compile_text(
        "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nreferences: auto\n---\n"
        "# 范围\n本文件规定了……\n\n"
        "# 术语和定义\n本文件没有需要界定的术语和定义。\n\n"
        "# 要求\n体系应符合GB/T 13016的规定，车辆应符合GB 7258的规定，评价按DB43/T 9999《某某评价规范》进行。\n\n"
        "注：评价方法见GB/T 19273—2017和《机关事务管理条例》。\n");
    const auto& sections = c.document.sections;
    REQUIRE(sections.size() >= 5);  // the generated 前言 first
    CHECK(sections[2].kind == bzc::model::SectionKind::NormativeReferences);
    CHECK(sections[2].number == "2");
    CHECK(sections[3].number == "3");
    const auto& n = c.document.references.normative;
    REQUIRE(n.size() == 3);
    CHECK(n[0].corrected == "GB 7258　机动车运行安全技术条件");
    CHECK(n[1].corrected == "GB/T 13016　标准体系构建原则和要求");
    CHECK(n[2].corrected == "DB43/T 9999　某某评价规范");
    const auto& b = c.document.references.bibliography;
    REQUIRE(b.size() == 2);
    CHECK(b[0].corrected == "GB/T 19273—2017　企业标准化工作　评价与改进");
    CHECK(b[1].kind == CitedKind::Legal);
    CHECK(c.has("STR-01") == false);
    CHECK_FALSE(c.has("REF-01"));
    CHECK_FALSE(c.has("REF-02"));
    CHECK_FALSE(c.has("REF-04"));
    CHECK_FALSE(c.has("FIX-01"));
    // Reading the canonical XML back gives the same document (the lists are idempotent).
    auto again = compile_text(c.xml, true);
    CHECK(again.xml == c.xml);
    CHECK_FALSE(again.has("META-13"));
}

TEST_CASE("references: auto reports what it cannot write", "[references]") {
    auto c = compile_text(
        "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nreferences: auto\n---\n"
        "# 范围\n本文件规定了……\n\n# 规范性引用文件\n下列文件……\n\n- GB/T 1　旧条目\n\n"
        "# 要求\n应符合DB43/T 9998的规定。\n");
    CHECK(c.findings() == std::vector<std::string>{"META-13 12:1", "META-12 15:4"});
    auto bad = compile_text("---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nreferences: yes\n---\n# 范围\n本文件规定了……\n");
    CHECK(bad.findings() == std::vector<std::string>{"META-11 4:1"});
}
