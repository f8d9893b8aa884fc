// The 编制说明 (`bzc report`): the project record and comment table readers,
// the content derived from the draft, and the EXP checks, each with a
// triggering and a quiet case.
#include "driver/source_loader.h"
#include "explanation/clause_mapping.h"
#include "explanation/comments_table.h"
#include "explanation/derived_content.h"
#include "explanation/project_record.h"
#include "explanation/report_checks.h"
#include "explanation/report_content.h"
#include "explanation/report_docx.h"
#include "explanation/report_structure.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <set>

namespace {

using namespace bzc;
using namespace bzc::explanation;

// A standard with two chapters of its own after the three fixed ones, an annex and a term.
const std::string small_standard = bzc::test::with_cover(
    "# 范围\n\n本文件规定了机关事务标准化工作的要求。\n\n"
    "# 规范性引用文件\n\n下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
    "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。\n\n"
    "- GB/T 13016　标准体系构建原则和要求\n\n"
    "# 术语和定义\n\n下列术语和定义适用于本文件。\n\n## 内部标准 {#t-internal}\n\n机关事务管理部门制定的标准。\n\n"
    "# 基本原则\n\n## 依法依规\n\n标准体系应符合GB/T 13016的规定。\n\n## 持续完善\n\n标准应定期复审。\n\n"
    "# 持续改进\n\n应建立持续改进程序。\n\n"
    "# 附录（资料性） 表单示例 {#annex-forms}\n\n表单示例见下。\n");

struct Run {
    bzc::test::Compiled standard;
    SourceManager sources;  // the record and the table
    ProjectRecord record;
    CommentsTable table;
    std::vector<Diagnostic> diagnostics;

    // "RULE line:column" of the findings about the record and the table.
    std::vector<std::string> findings(std::string_view rule = "") const {
        std::vector<std::string> out;
        for (const auto& d : diagnostics)
            if (rule.empty() || d.rule->id == rule)
                out.push_back(d.rule->id + " " + sources.file(d.location.file).path + ":" + std::to_string(d.location.line) +
                              ":" + std::to_string(d.location.column));
        return out;
    }
};

// With `comment_draft`, the comments were made on that draft (comment-draft in the record).
Run run(const std::string& record_text, const std::optional<std::string>& csv = std::nullopt,
        const std::string& standard = small_standard, const std::optional<std::string>& comment_draft = std::nullopt) {
    Run r;
    r.standard = bzc::test::compile_text(standard);
    DiagnosticSink sink;
    auto record_file = driver::add_source("编制说明.md", record_text, r.sources, sink);
    REQUIRE(record_file);
    r.record = read_project_record(*record_file, r.sources, sink);
    if (csv) {
        auto csv_file = driver::add_source("意见.csv", *csv, r.sources, sink);
        REQUIRE(csv_file);
        r.table = read_comments_table(*csv_file, r.sources, sink);
    }
    auto structure = report_structure("local");
    REQUIRE(structure);
    std::optional<bzc::test::Compiled> sent_out;
    std::optional<ClauseMapping> mapping;
    CommentDraft commented;
    if (comment_draft) {
        sent_out = bzc::test::compile_text(*comment_draft);
        mapping = map_clauses(sent_out->document, r.standard.document);
        commented = {&sent_out->document, &*mapping, "征求意见稿.md"};
    }
    check_report(r.standard.document, *structure, r.record, csv ? &r.table : nullptr, sink, comment_draft ? &commented : nullptr);
    sink.finish(r.standard.document.metadata.stage);
    r.diagnostics = sink.diagnostics();
    return r;
}

// A complete local record: every required section written.
std::string complete_record(const std::string& disagreements = "本标准编写过程中无重大分歧意见。",
                            const std::string& principles = "遵循合法合规、规范适用的原则。") {
    return "---\nplan-number: 2021-01\nconsulted-units: [甲单位, 乙单位, 丙单位]\n---\n"
           "# 任务来源\n\n2021年7月下达计划。\n\n# 目的和意义\n\n统一工作方法。\n\n"
           "# 起草工作情况\n\n- 2021年8月，成立起草组。\n- 2022年3月，形成征求意见稿。\n\n"
           "# 编制原则和依据\n\n" + principles + "\n\n"
           "# 与有关法律法规和强制性标准的关系\n\n符合有关法律法规。\n\n"
           "# 重大分歧意见的处理经过和依据\n\n" + disagreements + "\n";
}

const std::string csv_header = "序号,章条编号,意见内容,提出单位,处理意见,理由\n";

// The draft sent out for comment: small_standard with a 4.3 that has been deleted since.
std::string draft_with_deleted_clause() {
    std::string draft = small_standard;
    std::string after = "## 持续完善\n\n标准应定期复审。\n\n";
    draft.replace(draft.find(after), after.size(), after + "## 定期评估\n\n每年对标准实施效果进行一次评估并形成报告。\n\n");
    return draft;
}

}  // namespace

TEST_CASE("the structure sentence lists the chapters and annexes of the draft", "[explanation]") {
    auto compiled = bzc::test::compile_text(small_standard);
    CHECK(structure_sentence(compiled.document) ==
          "本文件共包括5章，分别为范围、规范性引用文件、术语和定义、基本原则、持续改进；另有1个附录，为附录A（资料性）表单示例。");
    // A chapter inserted into the draft is in the sentence at once: it is derived, never stored.
    std::string longer = small_standard;
    longer.insert(longer.find("# 持续改进"), "# 信息管理\n\n应收集标准化信息。\n\n");
    auto grown = bzc::test::compile_text(longer);
    CHECK(structure_sentence(grown.document) ==
          "本文件共包括6章，分别为范围、规范性引用文件、术语和定义、基本原则、信息管理、持续改进；另有1个附录，为附录A（资料性）表单示例。");
}

TEST_CASE("the sample's structure sentence names its twelve chapters and two annexes", "[explanation]") {
    auto compiled = bzc::test::compile_text(bzc::test::read_file(bzc::test::source_path("samples/jgsw-guide/standard.md")));
    auto chapters = chapters_of(compiled.document);
    REQUIRE(chapters.size() == 12);
    CHECK(chapters.front().title == "范围");
    CHECK(chapters.back().title == "持续改进");
    std::string sentence = structure_sentence(compiled.document);
    CHECK(sentence.starts_with("本文件共包括12章，分别为范围、规范性引用文件、术语和定义、基本原则、主要任务、机构与人员、"));
    CHECK(sentence.find("附录A（规范性）标准明细表格式、附录B（资料性）标准制修订工作表单示例") != std::string::npos);
    // 编制依据: the normative references first, then the 参考文献.
    auto basis = basis_documents(compiled.document);
    REQUIRE(basis.size() == compiled.document.references.normative.size() + compiled.document.references.bibliography.size());
    CHECK(basis.front() == "GB/T 1.1\u3000标准化工作导则\u3000第1部分：标准化文件的结构和起草规则");
    // The terms: one per term entry of chapter 3.
    auto terms = introduced_terms(compiled.document);
    CHECK(terms.front() == "机关事务");
    CHECK(std::find(terms.begin(), terms.end(), "策划—实施—检查—处置循环") != terms.end());
}

TEST_CASE("main content per chapter comes from its first-level clause titles", "[explanation]") {
    auto compiled = bzc::test::compile_text(small_standard);
    auto lines = chapter_contents(compiled.document);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "范围。本文件规定了机关事务标准化工作的要求。");
    CHECK(lines[1] == "规范性引用文件。列出了1个规范性引用文件。");
    CHECK(lines[2] == "术语和定义。界定了1个术语。");
    CHECK(lines[3] == "基本原则。本章包括依法依规、持续完善。");
    CHECK(lines[4] == "持续改进。应建立持续改进程序。");

    // A chapter that is a list under a lead-in is summed up by the lead-in and the count of its items;
    // titles that hold 、 are set apart by ；.
    std::string tasks = small_standard;
    tasks.replace(tasks.find("应建立持续改进程序。"), std::string("应建立持续改进程序。").size(),
                  "持续改进的主要任务如下：\n\n- 制定程序；\n- 采取措施；\n- 评价效果。");
    tasks.replace(tasks.find("## 依法依规"), std::string("## 依法依规").size(), "## 依法依规、科学严谨");
    auto listed = chapter_contents(bzc::test::compile_text(tasks).document);
    CHECK(listed[3] == "基本原则。本章包括依法依规、科学严谨；持续完善。");
    CHECK(listed[4] == "持续改进。持续改进的主要任务，共3项。");
}

TEST_CASE("a revision's technical changes come from the list in the 前言", "[explanation]") {
    std::string revision = small_standard;
    revision.replace(revision.find("stage:"), 0, "replaces: [DB43/T 1000—2015]\n");
    revision.insert(revision.find("# 范围"),
                    "# 前言\n\n本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。\n\n"
                    "本文件代替DB43/T 1000—2015，与DB43/T 1000—2015相比，除结构调整和编辑性改动外，主要技术变化如下：\n\n"
                    "- 增加了持续改进的要求（见第5章）；\n- 删除了标准化培训的要求（见2015年版的第6章）。\n\n");
    auto compiled = bzc::test::compile_text(revision);
    auto changes = technical_changes(compiled.document);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].starts_with("增加了持续改进的要求"));
    CHECK(technical_changes(bzc::test::compile_text(small_standard).document).empty());
}

TEST_CASE("the project record reader takes the plan data and the sections with their locations", "[explanation]") {
    auto r = run(complete_record() + "\n# 目的和意义补充\n\n多余的一节。\n");
    CHECK(r.record.plan_number == "2021-01");
    CHECK(r.record.consulted_units.size() == 3);
    REQUIRE(r.record.sections.size() == 7);
    const RecordSection* timeline = r.record.find("起草工作情况");
    REQUIRE(timeline);
    REQUIRE(timeline->blocks.size() == 2);
    CHECK(timeline->blocks[0].kind == RecordBlock::Kind::ListItem);
    CHECK(timeline->blocks[0].text == "2021年8月，成立起草组。");
    CHECK(timeline->blocks[0].location.line == 15);
    CHECK(r.findings() == std::vector<std::string>{"EXP-08 编制说明.md:30:1"});

    auto bad = run("---\nplan-numbr: 1\n---\n# 任务来源\n\n计划。\n");
    CHECK(bad.findings("FM-04") == std::vector<std::string>{"FM-04 编制说明.md:2:1"});
}

TEST_CASE("the comment table reader follows RFC 4180 and locates bad rows", "[explanation]") {
    auto good = run(complete_record(), csv_header +
                                           "1,4,\"含逗号，和\n换行的意见\",\"甲单位\",采纳,\n"
                                           "2,5,\"他说\"\"好\"\"\",乙单位,不采纳,与上位文件一致\n");
    REQUIRE(good.table.comments.size() == 2);
    CHECK(good.table.comments[0].content == "含逗号，和\n换行的意见");
    CHECK(good.table.comments[1].content == "他说\"好\"");
    CHECK(good.table.comments[1].decision == Decision::Rejected);
    CHECK(good.table.comments[1].location.line == 4);
    auto stats = comment_statistics(good.table);
    CHECK(stats.units == 2);
    CHECK(stats.rejected == 1);
    CHECK(statistics_sentence(stats, 3) ==
          "征求意见稿发送3个单位征求意见，共收到2个单位提出的2条意见，其中采纳1条，部分采纳0条，未采纳1条。");

    auto short_row = run(complete_record(), csv_header + "1,4,意见\n2,5,意见,乙单位,采纳,\n");
    CHECK(short_row.findings("EXP-06") == std::vector<std::string>{"EXP-06 意见.csv:2:1"});
    CHECK(short_row.table.comments.size() == 1);
    auto open_quote = run(complete_record(), csv_header + "1,4,\"意见,甲单位,采纳,\n");
    CHECK(open_quote.findings("EXP-06") == std::vector<std::string>{"EXP-06 意见.csv:2:5"});
    auto no_column = run(complete_record(), "序号,章条编号,意见内容,提出单位,处理意见\n");
    CHECK(no_column.findings("EXP-06") == std::vector<std::string>{"EXP-06 意见.csv:1:1"});
}

// Each EXP rule: a case that triggers it where expected and a near case that does not.
struct RuleCase {
    std::string rule;
    std::string record;
    std::optional<std::string> csv;
    std::vector<std::string> expect;  // empty: the quiet case
};

TEST_CASE("every EXP rule triggers on its wrong input and stays quiet on the right one", "[explanation]") {
    std::vector<RuleCase> cases = {
        {"EXP-01", complete_record(), csv_header + "1,7.3,意见,甲单位,采纳,\n", {"EXP-01 意见.csv:2:3"}},
        {"EXP-01", complete_record(), csv_header + "1,第4章,意见,甲单位,采纳,\n2,4.2、附录A,意见,乙单位,采纳,\n", {}},
        {"EXP-02", complete_record("对未采纳的意见已说明。"), csv_header + "1,4,意见,甲单位,部分采纳,\n", {"EXP-02 意见.csv:2:12"}},
        {"EXP-02", complete_record("对未采纳的意见已说明。"), csv_header + "1,4,意见,甲单位,部分采纳,已部分修改\n", {}},
        {"EXP-03", "# 任务来源\n\n# 目的和意义\n\n统一方法。\n", std::nullopt, {}},  // checked below: several sections
        {"EXP-04", complete_record("本标准编写过程中无重大分歧意见。"), csv_header + "1,4,意见,甲单位,未采纳,理由\n",
         {"EXP-04 编制说明.md:28:1"}},
        {"EXP-04", complete_record("本标准编写过程中无重大分歧意见。"), csv_header + "1,4,意见,甲单位,采纳,\n", {}},
        {"EXP-05", complete_record("无重大分歧意见。", "本标准共包括十二章。"), std::nullopt, {"EXP-05 编制说明.md:20:1"}},
        {"EXP-05", complete_record("无重大分歧意见。", "本标准共包括五章。"), std::nullopt, {}},
        {"EXP-06", complete_record(), csv_header + "1,4,意见,甲单位\n", {"EXP-06 意见.csv:2:1"}},
        {"EXP-06", complete_record(), csv_header + "1,4,意见,甲单位,采纳,\n", {}},
        {"EXP-07", complete_record(), csv_header + "1,4,意见,甲单位,同意,\n", {"EXP-07 意见.csv:2:12"}},
        {"EXP-07", complete_record(), csv_header + "1,4,意见,甲单位,不采纳,理由\n", {}},
        {"EXP-08", complete_record() + "\n# 任务由来\n\n计划。\n", std::nullopt, {"EXP-08 编制说明.md:30:1"}},
        {"EXP-08", complete_record() + "\n# 贯彻实施的建议\n\n组织宣贯。\n", std::nullopt, {}},
        {"EXP-09", complete_record(), std::nullopt, {}},
    };
    // The counts beyond chapters: references, terms, the bibliography (small_standard: 1 reference, 1 term, none listed).
    for (const auto& [principles, expected] : std::vector<std::pair<std::string, std::size_t>>{
             {"本标准引用了2项标准。", 1},
             {"本标准共有3个术语。", 1},
             {"规范性引用文件共3项，参考文献2篇。", 2},
             {"本标准引用了1项标准，界定了1个术语，共包括五章。", 0},
             {"其中2个术语来自GB/T 20000.1，增加了4个术语。", 0},
         }) {
        INFO(principles);
        CHECK(run(complete_record("无重大分歧意见。", principles)).findings("EXP-05").size() == expected);
    }
    auto terms = run(complete_record("无重大分歧意见。", "本标准共有3个术语。"));
    REQUIRE(terms.diagnostics.size() == 1);
    CHECK(terms.diagnostics.front().message(Language::Chinese) == "此处写“共有3个术语”，但草案界定了1个术语");
    std::set<std::string> triggered, quiet;
    for (const auto& c : cases) {
        INFO(c.rule << "\n" << c.record << "\n" << c.csv.value_or(""));
        auto r = run(c.record, c.csv);
        if (c.rule == "EXP-03") continue;
        CHECK(r.findings(c.rule) == c.expect);
        (c.expect.empty() ? quiet : triggered).insert(c.rule);
    }
    // EXP-03: a required section missing (reported at the top of the record) or empty (at its heading).
    auto missing = run("# 任务来源\n\n# 目的和意义\n\n统一方法。\n");
    auto found = missing.findings("EXP-03");
    CHECK(std::find(found.begin(), found.end(), "EXP-03 编制说明.md:1:1") != found.end());
    CHECK(found.front() == "EXP-03 编制说明.md:1:1");
    CHECK(run(complete_record()).findings("EXP-03").empty());
    CHECK(missing.diagnostics.front().message(Language::Chinese).find("任务来源") != std::string::npos);
    triggered.insert("EXP-03");
    quiet.insert("EXP-03");
    // EXP-09: a timeline item without a date.
    std::string undated = complete_record();
    undated.replace(undated.find("- 2021年8月，"), std::string("- 2021年8月，").size(), "- ");
    CHECK(run(undated).findings("EXP-09") == std::vector<std::string>{"EXP-09 编制说明.md:15:1"});
    CHECK(run(complete_record()).findings("EXP-09").empty());
    triggered.insert("EXP-09");

    // EXP-10: an adopted comment on a clause of the draft sent out that is gone today, unless
    // the comment asked for the deletion or the answer says where the text went.
    auto gone = run(complete_record(), csv_header + "1,4.3,增加评估周期,甲单位,采纳,\n", small_standard, draft_with_deleted_clause());
    CHECK(gone.findings() == std::vector<std::string>{"EXP-10 意见.csv:2:3"});
    for (std::string row : {"1,4.3,删除本条,甲单位,采纳,\n", "1,4.3,增加评估周期,甲单位,采纳,已并入4.2\n",
                                   "1,4.3,增加评估周期,甲单位,未采纳,评估由管理办法规定\n", "1,4.2,增加复审周期,甲单位,采纳,\n"})
        CHECK(run(complete_record("对未采纳的意见已说明。"), csv_header + row, small_standard, draft_with_deleted_clause()).findings().empty());
    // Without the comment draft, 4.3 is no number of the draft at all.
    CHECK(run(complete_record(), csv_header + "1,4.3,增加评估周期,甲单位,采纳,\n").findings("EXP-01").size() == 1);
    // With it, EXP-01 checks against that draft and says so.
    auto unknown = run(complete_record(), csv_header + "1,7.3,意见,甲单位,采纳,\n", small_standard, draft_with_deleted_clause());
    REQUIRE(unknown.findings() == std::vector<std::string>{"EXP-01 意见.csv:2:3"});
    CHECK(unknown.diagnostics.front().message(Language::Chinese).find("在征求意见稿（征求意见稿.md）中不存在") != std::string::npos);
    triggered.insert("EXP-10");
    quiet.insert("EXP-10");

    for (const auto& rule : RuleRegistry::instance().rules()) {
        if (rule.file != "rules/explanation.yaml") continue;
        INFO(rule.id << " needs a triggering and a quiet case here");
        CHECK(triggered.count(rule.id));
        CHECK(quiet.count(rule.id));
        CHECK(!rule.wrong_example.empty());
        CHECK(!rule.right_example.empty());
    }
}

TEST_CASE("the report follows the local structure and numbers its levels", "[explanation]") {
    auto r = run(complete_record("本标准编写过程中无重大分歧意见。", "## 编制原则\n\n### 合法合规\n\n符合法律法规。"),
                 csv_header + "1,4,意见,甲单位,采纳,\n");
    auto structure = report_structure("local");
    auto report = compose_report(r.standard.document, *structure, r.record, &r.table);
    CHECK(report.title == "《机关事务标准化工作指南》编制说明（征求意见稿）");
    std::vector<std::string> headings, items;
    for (const auto& line : report.lines) {
        if (line.kind == ReportLine::Kind::Heading) headings.push_back(line.text);
        if (line.kind == ReportLine::Kind::Subheading || line.kind == ReportLine::Kind::Item) items.push_back(line.text);
    }
    CHECK(headings == std::vector<std::string>{"一、任务来源", "二、目的和意义", "三、标准起草工作情况", "四、编制原则、依据",
                                               "五、主要内容", "六、与有关的现行法律、法规和强制性标准的关系",
                                               "七、重大分歧意见的处理经过和依据", "八、贯彻实施的建议"});
    CHECK(items[0] == "（一）编制原则");
    CHECK(items[1] == "1．合法合规");
    CHECK(items[2] == "（二）编制依据");
    CHECK(items[3].starts_with("1．标准的结构。本文件共包括5章"));
    // The plan number of the front matter, which the author's text does not name, follows the 任务来源.
    CHECK(report.lines[2].text == "2021年7月下达计划。");
    CHECK(report.lines[3].text == "本项目计划编号为2021-01。");
    CHECK(plan_sentence("2021-01", "《通知》") == "本项目列入《通知》，计划编号为2021-01。");
    CHECK(plan_sentence("", "").empty());
    CHECK(report.lines.back().kind == ReportLine::Kind::Signature);
    CHECK(report.lines.back().text == "《机关事务标准化工作指南》标准起草组");

    // The DOCX holds every line, and the same input gives the same bytes.
    std::string docx = write_report_docx(report, "仿宋");
    CHECK(docx.starts_with("PK"));
    CHECK(docx == write_report_docx(report, "仿宋"));
    std::string document = report_document_xml(report);
    for (const auto& line : report.lines) CHECK(document.find(line.text) != std::string::npos);
    std::string table = comments_table_document_xml("表", r.table);
    CHECK(table.find("w:orient=\"landscape\"") != std::string::npos);
    CHECK(table.find("合计：1个单位提出意见1条") != std::string::npos);
}

TEST_CASE("the patent statement comes from the 引言's notice, else from the 前言's sentences", "[explanation]") {
    const std::string foreword =
        "# 前言\n\n本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。\n\n"
        "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。\n\n本文件由湖南省机关事务管理局提出。\n\n";
    const std::string body = "# 范围\n\n本文件规定了机关事务标准化工作的要求。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n"
                             "# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n";
    auto none_known = bzc::test::compile_text(bzc::test::with_cover(foreword + body));
    CHECK(patent_statement(none_known.document) ==
          std::vector<std::string>{"本文件的引言中没有涉及专利的声明，起草过程中未识别出本文件涉及的专利。前言中按GB/T 1.1—2020的规定写明："
                                   "“请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。”"});

    const std::string introduction =
        "# 引言\n\n机关事务标准化是……。\n\n"
        "本文件的发布机构提请注意，声明符合本文件时，可能涉及到4.2与评价方法相关的专利的使用。\n\n"
        "该专利持有人已向本文件的发布机构承诺，他愿意同任何申请人在合理且无歧视的条款和条件下，就专利授权许可进行谈判。\n\n"
        "请注意除上述专利外，本文件的某些内容仍可能涉及专利。本文件的发布机构不承担识别专利的责任。\n\n"
        "本文件的结构如下。\n\n";
    auto known = bzc::test::compile_text(bzc::test::with_cover(foreword + introduction + body));
    auto lines = patent_statement(known.document);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "本文件涉及专利。本文件的引言中给出了以下专利声明：");
    CHECK(lines[1].starts_with("本文件的发布机构提请注意"));
    CHECK(lines[3].ends_with("本文件的发布机构不承担识别专利的责任。"));  // the notice ends there, not with the 引言

    // The national structure prints it under 涉及专利的有关说明; the author's text there is optional now.
    auto structure = report_structure("national");
    auto record = run("# 工作简况\n\n2021年7月下达计划。\n");
    auto report = compose_report(known.document, *structure, record.record, nullptr);
    auto heading = std::find_if(report.lines.begin(), report.lines.end(),
                                [](const ReportLine& l) { return l.text == "八、涉及专利的有关说明"; });
    REQUIRE(heading != report.lines.end());
    CHECK((heading + 1)->text == lines[0]);
    CHECK((heading + 2)->text == lines[1]);
    CHECK(!structure->find("涉及专利的有关说明")->requires_text());
    // Without a 前言 of the author's, the analysis writes one with the fixed sentences: the same statement.
    CHECK(patent_statement(bzc::test::compile_text(bzc::test::with_cover(body)).document) ==
          patent_statement(none_known.document));
}

TEST_CASE("the structures are data: local as the seed, national with ten sections", "[explanation]") {
    CHECK(report_structure_names() == std::vector<std::string>{"local", "national", "group"});
    CHECK(report_structure("national")->sections.size() == 10);
    CHECK(report_structure("local")->sections.front().title == "任务来源");
    CHECK(!report_structure("provincial"));
    CHECK(default_structure_name(model::DesignationFamily::Local) == "local");
    CHECK(default_structure_name(model::DesignationFamily::Industry) == "national");
    CHECK(default_structure_name(model::DesignationFamily::Enterprise) == "group");
    CHECK(normalized_clause_number("第５章") == "5");
    CHECK(normalized_clause_number("5.2条") == "5.2");
    CHECK(chinese_number(12) == "十二");
}
