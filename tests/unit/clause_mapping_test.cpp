// The mapping of a comment round's 章条编号 from the draft sent out to the
// current draft (explanation/clause_mapping.h): renumbered, inserted,
// deleted and retitled clauses, untitled clauses by their text, annexes and
// tables that moved, and the 章条编号 cell as the 汇总处理表 prints it.
#include "explanation/clause_mapping.h"
#include "test_support.h"

#include <catch2/catch.hpp>

namespace {

using namespace bzc::explanation;
using Fate = ClauseMapping::Fate;

const std::string fixed_chapters =
    "# 范围\n\n本文件规定了机关事务标准化工作的要求。\n\n"
    "# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n"
    "# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n";

const std::string principles =
    "# 基本原则\n\n## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n"
    "## 持续完善\n\n标准应定期复审，根据复审结论修订或废止。\n\n";

// Untitled 条 are matched by their text alone.
const std::string information =
    "# 信息管理\n\n##\n\n机关事务管理部门应建立标准化信息的收集渠道，收集国家和本省有关标准化的法律法规。\n\n"
    "##\n\n标准文本应建立台账，记录标准的编号、名称、版本、实施日期和存放位置。\n\n";

const std::string annexes =
    "# 附录（资料性） 表单示例 {#annex-forms}\n\n表单示例见下。\n\n"
    "# 附录（资料性） 评价记录 {#annex-records}\n\n评价记录应保存三年。\n\n";

ClauseMapping map(const std::string& before, const std::string& today) {
    auto old_draft = bzc::test::compile_text(bzc::test::with_cover(before));
    auto new_draft = bzc::test::compile_text(bzc::test::with_cover(today));
    return map_clauses(old_draft.document, new_draft.document);
}

std::string current(const ClauseMapping& m, std::string_view number) {
    auto r = m.find(number);
    switch (r.fate) {
        case Fate::Same: return "=" + r.current;
        case Fate::Moved: return r.current;
        case Fate::Deleted: return "deleted";
        case Fate::Unknown: return "unknown";
    }
    return {};
}

}  // namespace

TEST_CASE("a chapter inserted renumbers the chapters after it and their 条", "[clause-mapping]") {
    std::string tasks = "# 主要任务\n\n机关事务管理部门应开展标准体系建设、标准制修订和标准实施工作。\n\n";
    auto m = map(fixed_chapters + principles + information + annexes, fixed_chapters + tasks + principles + information + annexes);
    CHECK(current(m, "1") == "=1");
    CHECK(current(m, "范围") == "=范围");
    CHECK(current(m, "4") == "5");
    CHECK(current(m, "4.1") == "5.1");
    CHECK(current(m, "4.2") == "5.2");
    CHECK(current(m, "5") == "6");
    CHECK(current(m, "5.1") == "6.1");  // untitled: by its text
    CHECK(current(m, "5.2") == "6.2");
    CHECK(current(m, "附录A") == "=附录A");
    CHECK(current(m, "9.9") == "unknown");
    CHECK(m.deleted().empty());
}

TEST_CASE("a clause inserted before another moves it, a deleted one is reported deleted", "[clause-mapping]") {
    std::string inserted = "# 基本原则\n\n## 统筹规划\n\n标准化工作应纳入年度工作计划统筹安排。\n\n"
                           "## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n"
                           "## 持续完善\n\n标准应定期复审，根据复审结论修订或废止。\n\n";
    auto m = map(fixed_chapters + principles, fixed_chapters + inserted);
    CHECK(current(m, "4.1") == "4.2");
    CHECK(current(m, "4.2") == "4.3");

    std::string without_second = "# 基本原则\n\n## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n";
    auto d = map(fixed_chapters + principles + information, fixed_chapters + without_second + information);
    CHECK(current(d, "4.1") == "=4.1");
    CHECK(current(d, "4.2") == "deleted");
    CHECK(d.deleted() == std::set<std::string>{"4.2"});

    // An untitled 条 deleted: the one left keeps its text and is found under its new number.
    std::string one_left = "# 信息管理\n\n##\n\n标准文本应建立台账，记录标准的编号、名称、版本、实施日期和存放位置。\n\n";
    auto u = map(fixed_chapters + information, fixed_chapters + one_left);
    CHECK(current(u, "4.1") == "deleted");
    CHECK(current(u, "4.2") == "4.1");
}

TEST_CASE("a retitled clause is found by its text, one rewritten entirely is not", "[clause-mapping]") {
    std::string retitled = "# 基本原则\n\n## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n"
                           "## 动态完善\n\n标准应定期复审，并根据复审结论及时修订或废止。\n\n";
    auto m = map(fixed_chapters + principles, fixed_chapters + retitled);
    CHECK(current(m, "4.2") == "=4.2");
    CHECK(m.matched().at("4.2") == "4.2");

    // Retitled and moved ahead of its sibling: still followed.
    std::string swapped = "# 基本原则\n\n## 动态完善\n\n标准应定期复审，并根据复审结论及时修订或废止。\n\n"
                          "## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n";
    auto s = map(fixed_chapters + principles, fixed_chapters + swapped);
    CHECK(current(s, "4.1") == "4.2");
    CHECK(current(s, "4.2") == "4.1");

    std::string rewritten = "# 基本原则\n\n## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n"
                            "## 注重实效\n\n各单位结合本单位保障服务实际突出重点。\n\n";
    auto r = map(fixed_chapters + principles, fixed_chapters + rewritten);
    CHECK(current(r, "4.2") == "deleted");
}

TEST_CASE("a clause moved to another chapter keeps its identity by title", "[clause-mapping]") {
    std::string before = fixed_chapters + "# 基本原则\n\n## 依法依规\n\n应符合法律法规。\n\n## 信息公开\n\n标准文本应向社会公开。\n\n" +
                         "# 信息管理\n\n## 信息收集\n\n应建立收集渠道。\n\n";
    std::string today = fixed_chapters + "# 基本原则\n\n## 依法依规\n\n应符合法律法规。\n\n" +
                        "# 信息管理\n\n## 信息收集\n\n应建立收集渠道。\n\n## 信息公开\n\n标准文本应向社会公开。\n\n";
    auto m = map(before, today);
    CHECK(current(m, "4.2") == "5.2");
    CHECK(current(m, "5.1") == "=5.1");
}

TEST_CASE("annexes: one inserted moves the others, one turned into a chapter is cited as a chapter", "[clause-mapping]") {
    std::string new_annex = "# 附录（规范性） 工作流程 {#annex-flow}\n\n工作流程见下。\n\n";
    auto m = map(fixed_chapters + principles + annexes, fixed_chapters + principles + new_annex + annexes);
    CHECK(current(m, "附录A") == "附录B");
    CHECK(current(m, "A") == "B");
    CHECK(current(m, "附录B") == "附录C");

    std::string chapter = "# 表单示例\n\n表单示例见下。\n\n";
    std::string records = "# 附录（资料性） 评价记录 {#annex-records}\n\n评价记录应保存三年。\n\n";
    auto c = map(fixed_chapters + principles + annexes, fixed_chapters + principles + chapter + records);
    CHECK(current(c, "附录A") == "第5章");
    CHECK(current(c, "附录B") == "附录A");
}

TEST_CASE("tables follow their captions", "[clause-mapping]") {
    std::string table_a = "表：标准明细表 {#tab-list}\n\n| 序号 | 标准名称 |\n|---|---|\n| 1 | 机关事务常用术语 |\n\n";
    std::string table_b = "表：标准统计表 {#tab-stat}\n\n| 类别 | 数量 |\n|---|---|\n| 内部标准 | 5 |\n\n";
    std::string before = fixed_chapters + "# 标准体系\n\n## 明细表\n\n明细表见表1。\n\n" + table_a;
    std::string today = fixed_chapters + "# 标准体系\n\n## 统计表\n\n统计表见表1。\n\n" + table_b + "## 明细表\n\n明细表见表2。\n\n" + table_a;
    auto m = map(before, today);
    CHECK(current(m, "表1") == "表2");
    CHECK(current(m, "4.1") == "4.2");
}

TEST_CASE("the 章条编号 cell shows today's number beside the one commented", "[clause-mapping]") {
    std::string tasks = "# 主要任务\n\n机关事务管理部门应开展标准体系建设、标准制修订和标准实施工作。\n\n";
    std::string without_second = "# 基本原则\n\n## 依法依规\n\n标准化工作应符合法律法规和上级文件的规定。\n\n";
    std::string new_annex = "# 附录（规范性） 工作流程 {#annex-flow}\n\n工作流程见下。\n\n";
    auto m = map(fixed_chapters + principles + information + annexes,
                 fixed_chapters + tasks + without_second + information + new_annex + annexes);
    CHECK(clause_with_current_number("4.1", m) == "4.1（现5.1）");
    CHECK(clause_with_current_number("第4章", m) == "第4章（现第5章）");
    CHECK(clause_with_current_number("5.1条", m) == "5.1条（现6.1条）");
    CHECK(clause_with_current_number("4.2", m) == "4.2（已删除）");
    CHECK(clause_with_current_number("附录A", m) == "附录A（现附录B）");
    CHECK(clause_with_current_number("4.1、附录B", m) == "4.1（现5.1）、附录B（现附录C）");
    CHECK(clause_with_current_number("前言", m) == "前言");
    CHECK(clause_with_current_number("1", m) == "1");
    CHECK(clause_with_current_number("7.7", m) == "7.7");  // unknown: EXP-01 says so
    CHECK(clause_with_current_number("", m).empty());
    CHECK(split_clause_list("4.2、附录A；表1") == std::vector<std::string>{"4.2", "附录A", "表1"});
}
