#include "checks/mentions.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

// The scanner of pointers into the document (checks/mentions.h): what it
// takes for a pointer, and what it must leave alone.
namespace {

using bzc::checks::FlatText;
using bzc::checks::Mention;
using bzc::checks::MentionKind;
using bzc::model::Inline;
using bzc::model::InlineKind;

Inline text(std::string t) {
    Inline in;
    in.kind = InlineKind::Text;
    in.text = std::move(t);
    in.location = {1, 1, 1};
    return in;
}

Inline xref(std::string id, std::string printed) {
    Inline in;
    in.kind = InlineKind::CrossReference;
    in.text = std::move(id);
    in.resolved_text = std::move(printed);
    in.location = {1, 1, 1};
    return in;
}

Inline citation(std::string designation) {
    Inline in;
    in.kind = InlineKind::Citation;
    in.text = std::move(designation);
    in.location = {1, 1, 1};
    return in;
}

std::vector<Mention> scan(const bzc::model::Inlines& inlines) {
    FlatText flat(inlines, FlatText::Citations::AsMarker);
    return bzc::checks::scan_mentions(flat);
}

// The numbers of the pointers (own, hand-typed, written out) in a text.
std::vector<std::string> pointers(const std::string& t) {
    std::vector<std::string> out;
    for (const auto& m : scan({text(t)})) {
        if (m.pointer && !m.external && !m.implied) out.push_back(m.number);
    }
    return out;
}

}  // namespace

TEST_CASE("numbers in quantities, versions, dates and longer nouns are not pointers", "[mentions]") {
    for (const char* t : {"车辆举升高度不应超过5.2 m。", "工时费按1.5倍计算。", "折旧率按0.5 %计。", "软件版本2.0中的功能。",
                          "温度在1.5和2.5之间。", "应于2022.05.01前完成。", "型号为X5.2。", "按2.5和3.5计算。",
                          "附表1和汇总表2由各单位填写。", "计算式(1)不适用。", "第3章节的内容。", "本文件是第1部分。",
                          "应急联系电话见第12页。", "功率因数按0.9计算。", "比例为1.2∶1。", "见5.2万元的预算。"}) {
        INFO(t);
        CHECK(pointers(t).empty());
    }
}

TEST_CASE("hand-typed pointers are read with their kind and number", "[mentions]") {
    CHECK(pointers("维修费用的审核见5.7。") == std::vector<std::string>{"5.7"});
    CHECK(pointers("审核程序按4.1执行。") == std::vector<std::string>{"4.1"});
    CHECK(pointers("应符合4.1 b)的规定。") == std::vector<std::string>{"4.1 b)"});
    CHECK(pointers("见5.2 a)和b)。") == std::vector<std::string>{"5.2 a)", "5.2 b)"});
    CHECK(pointers("收费标准见表1，流程见图A.2，计算见公式(3)。") == std::vector<std::string>{"表1", "图A.2", "公式(3)"});
    CHECK(pointers("附录A、B和C给出了格式。") == std::vector<std::string>{"附录A", "附录B", "附录C"});
    CHECK(pointers("第4～6章规定了要求，另见第8章 b)。") == std::vector<std::string>{"第4章", "第6章", "第8章 b)"});
    CHECK(pointers("见表1和5.2。") == std::vector<std::string>{"表1", "5.2"});
    CHECK(pointers("除5.2规定的情形外。") == std::vector<std::string>{"5.2"});
    CHECK(pointers("见附录A.2。") == std::vector<std::string>{"A.2"});

    auto ms = scan({text("按第5.2条执行，见5.3节。")});
    REQUIRE(ms.size() == 2);
    CHECK(ms[0].article_form);
    CHECK(ms[0].number == "5.2");
    CHECK(ms[1].article_form);
    CHECK(ms[1].number == "5.3");

    // A range leaves its inner members implied; the kind comes with them.
    ms = scan({text("见表1～表3。")});
    REQUIRE(ms.size() == 3);
    CHECK(ms[1].number == "表2");
    CHECK(ms[1].implied);
    CHECK(ms[2].kind == MentionKind::Table);

    // "按5.2执行" is a pointer, but a quantity could stand there: not certain.
    ms = scan({text("按5.2执行，见5.3。")});
    REQUIRE(ms.size() == 2);
    CHECK_FALSE(ms[0].certain);
    CHECK(ms[1].certain);
}

TEST_CASE("another document's parts and the replaced edition's are external", "[mentions]") {
    auto ms = scan({text("应符合"), citation("GB/T 1.1—2020"), text("的5.2和表3的规定。")});
    REQUIRE(ms.size() == 2);
    CHECK(ms[0].external);
    CHECK(ms[1].external);
    for (const char* t : {"见2015年版的附录C。", "删除了附录C。", "见《机关事务管理条例》中的表1。", "见该标准的5.2。",
                          "举升机的操作见其说明书第3.2节。"}) {
        INFO(t);
        auto found = scan({text(t)});
        REQUIRE(!found.empty());
        CHECK(found[0].external);
    }
    CHECK_FALSE(scan({text("见本文件的表1。")})[0].external);
}

TEST_CASE("cross-references are mentions with the text bzc prints", "[mentions]") {
    auto ms = scan({text("应符合"), xref("li-a", "5.2 b)"), text("和"), xref("annex-a", "附录A"), text("的规定。")});
    REQUIRE(ms.size() == 2);
    CHECK(ms[0].cross_reference);
    CHECK(ms[0].kind == MentionKind::ListItem);
    CHECK(ms[1].kind == MentionKind::Annex);
    CHECK(ms[1].annex == "A");
    CHECK(ms[1].use == bzc::analysis::ReferenceUse::Normative);
    CHECK(ms[0].use == bzc::analysis::ReferenceUse::Normative);
}
