// The readers of the comment table (征求意见汇总处理表): XLSX workbooks,
// built here with bzc's own zip writer or saved by LibreOffice
// (tests/unit/data/README.md), and CSV through the same checks; hostile
// workbooks (damaged, a zip bomb, an .xls) give EXP-06, never a crash.
#include "driver/comments_input.h"
#include "emit/docx/zip_writer.h"
#include "explanation/comments_grid.h"
#include "explanation/comments_table.h"
#include "support/limits.h"
#include "support/source_manager.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <optional>

namespace {

using namespace bzc;
using namespace bzc::explanation;

// A workbook of one or more sheets, each given as the inside of its
// <sheetData>, with optional shared strings (the inside of <sst>).
struct SheetSpec {
    std::string name;
    std::string rows;
    std::string state = "visible";
};

std::string workbook_bytes(const std::vector<SheetSpec>& sheets, const std::string& shared_strings = "",
                           const std::string& prefix = "") {
    const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const std::string p = prefix.empty() ? "" : prefix + ":";
    const std::string xmlns = prefix.empty() ? "xmlns=\"" + main_ns + "\"" : "xmlns:" + prefix + "=\"" + main_ns + "\"";
    emit::docx::ZipWriter zip;
    zip.add("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
    zip.add("_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"" + rel_ns + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    std::string workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + "workbook " + xmlns + " xmlns:r=\"" + rel_ns + "\"><" + p + "sheets>";
    std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        std::string n = std::to_string(i + 1);
        workbook += "<" + p + "sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" state=\"" + sheets[i].state + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        zip.add("xl/worksheets/sheet" + n + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + "worksheet " + xmlns + "><" + p +
                                                         "sheetData>" + sheets[i].rows + "</" + p + "sheetData></" + p + "worksheet>");
    }
    workbook += "</" + p + "sheets></" + p + "workbook>";
    if (!shared_strings.empty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + rel_ns + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        zip.add("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + "sst " + xmlns + ">" + shared_strings + "</" + p + "sst>");
    }
    rels += "</Relationships>";
    zip.add("xl/workbook.xml", workbook);
    zip.add("xl/_rels/workbook.xml.rels", rels);
    return zip.finish();
}

std::string inline_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// A header row of inline strings in columns A–F of row `row`.
std::string header_row(int row) {
    std::string r = std::to_string(row);
    return "<row r=\"" + r + "\">" + inline_cell("A" + r, "序号") + inline_cell("B" + r, "章条编号") + inline_cell("C" + r, "意见内容") +
           inline_cell("D" + r, "提出单位") + inline_cell("E" + r, "处理意见") + inline_cell("F" + r, "理由") + "</row>";
}

struct Read {
    SourceManager sources;
    std::optional<CommentsTable> table;
    std::vector<Diagnostic> diagnostics;

    // "RULE path:line:column" of every finding.
    std::vector<std::string> findings() const {
        std::vector<std::string> out;
        for (const auto& d : diagnostics)
            out.push_back(d.rule->id + " " + sources.file(d.location.file).path + ":" + std::to_string(d.location.line) + ":" +
                          std::to_string(d.location.column));
        return out;
    }
    std::string messages(Language lang = Language::Chinese) const {
        std::string out;
        for (const auto& d : diagnostics) out += d.message(lang) + "\n";
        return out;
    }
};

// Through the driver's entry, as `bzc report --comments PATH` reads the file.
Read read(const std::string& path, const std::string& bytes) {
    Read r;
    DiagnosticSink sink;
    r.table = driver::read_comments_bytes(path, bytes, r.sources, sink);
    sink.finish(std::nullopt);
    r.diagnostics = sink.diagnostics();
    return r;
}

}  // namespace

TEST_CASE("cells are named as a spreadsheet names them", "[comments]") {
    CHECK(cell_name(0, 1) == "A1");
    CHECK(cell_name(2, 7) == "C7");
    CHECK(cell_name(25, 3) == "Z3");
    CHECK(cell_name(26, 3) == "AA3");
    CHECK(cell_name(16383, 1048576) == "XFD1048576");
}

TEST_CASE("a workbook saved by LibreOffice is read below its title row", "[comments]") {
    // tests/unit/data/comments-libreoffice.xlsx: the sample's table under a
    // title row, converted by LibreOffice Calc (shared strings, numbers,
    // empty 理由 cells left out, data descriptors in the zip).
    auto r = read("comments-libreoffice.xlsx",
                  bzc::test::read_file(bzc::test::source_path("tests/unit/data/comments-libreoffice.xlsx")));
    CHECK(r.findings().empty());
    REQUIRE(r.table);
    REQUIRE(r.table->comments.size() == 7);
    const Comment& first = r.table->comments[0];
    CHECK(first.serial == "1");  // a number cell
    CHECK(first.clause == "1");
    CHECK(first.unit == "长沙市机关事务管理局");
    CHECK(first.reason.empty());  // the cell is not in the file
    CHECK(first.location == SourceLocation{r.table->file, 3, 1});
    const Comment& second = r.table->comments[1];
    CHECK(second.clause == "4.2");  // stored as the number 4.2
    CHECK(second.content == "“统筹规划、有效实施”原则宜补充与年度工作计划衔接的要求");
    CHECK(second.clause_location == SourceLocation{r.table->file, 4, 2});
    CHECK(second.decision_location == SourceLocation{r.table->file, 4, 5});
    CHECK(r.table->comments[2].clause == "6.2.3");
    CHECK(r.table->comments[2].decision == Decision::PartlyAdopted);
    CHECK(r.table->comments[3].decision == Decision::Rejected);
    CHECK(r.table->comments[6].clause == "附录A");
    auto stats = comment_statistics(*r.table);
    CHECK(stats.units == 6);
    CHECK(stats.adopted == 4);
}

TEST_CASE("the workbook reader takes shared strings, rich text, inline strings, numbers and sparse rows", "[comments]") {
    // Shared strings: 0 a plain one, 1 rich text in runs with a phonetic
    // reading that is no part of the text, 2 a line break Excel escaped.
    std::string strings = "<si><t>采纳</t></si>"
                          "<si><r><rPr><b/></rPr><t>建议</t></r><r><t xml:space=\"preserve\"> </t></r><r><t>补充依据</t></r>"
                          "<rPh sb=\"0\" eb=\"2\"><t>jianyi</t></rPh></si>"
                          "<si><t>第一行_x000D_\n第二行</t></si>";
    std::string rows =
        // A title row merged across the table, then a blank row.
        "<row r=\"1\">" + inline_cell("A1", "《机关事务标准化工作指南》征求意见汇总处理表") + "</row>"
        "<row r=\"2\"><c r=\"A2\" s=\"3\"/></row>" +
        header_row(3) +
        // Numeric 序号 and 章条编号, a rich shared string, a decision by shared string, no 理由 cell.
        "<row r=\"4\"><c r=\"A4\"><v>1</v></c><c r=\"B4\" t=\"n\"><v>4.2000000000000002</v></c><c r=\"C4\" t=\"s\"><v>1</v></c>" +
        inline_cell("D4", "甲单位") + "<c r=\"E4\" t=\"s\"><v>0</v></c></row>"
        // Cells without references follow each other; C7-style references skip columns (no 提出单位).
        "<row r=\"6\"><c><f>ROW()-4</f><v>2</v></c><c t=\"str\"><v>5</v></c><c r=\"C6\" t=\"s\"><v>2</v></c>" +
        inline_cell("E6", "未采纳") + inline_cell("F6", "与上位文件一致") + "</row>"
        // A row without r follows the one before it; the stray note in H is outside the table.
        "<row>" + inline_cell("A7", "3") + inline_cell("E7", "部分采纳") + inline_cell("F7", "已修改") + inline_cell("H7", "备注") + "</row>"
        "<mergeCells count=\"1\"><mergeCell ref=\"A1:F1\"/></mergeCells>";
    auto r = read("意见.xlsx", workbook_bytes({{"Sheet1", rows}}, strings));
    CHECK(r.findings().empty());
    REQUIRE(r.table);
    REQUIRE(r.table->comments.size() == 3);
    const auto& c = r.table->comments;
    CHECK(c[0].serial == "1");
    CHECK(c[0].clause == "4.2");
    CHECK(c[0].content == "建议 补充依据");
    CHECK(c[0].unit == "甲单位");
    CHECK(c[0].decision == Decision::Adopted);
    CHECK(c[0].reason.empty());
    CHECK(c[1].serial == "2");  // the cached result of a formula
    CHECK(c[1].clause == "5");
    CHECK(c[1].content == "第一行\n第二行");
    CHECK(c[1].unit.empty());
    CHECK(c[1].decision == Decision::Rejected);
    CHECK(c[1].location == SourceLocation{r.table->file, 6, 1});
    CHECK(c[2].serial == "3");
    CHECK(c[2].decision == Decision::PartlyAdopted);
    CHECK(c[2].location.line == 7);
    CHECK(c[2].clause_location == SourceLocation{r.table->file, 7, 2});  // B7, left out of the file
}

TEST_CASE("the workbook reader names the cell of a bad decision and a missing column", "[comments]") {
    auto bad = read("意见.xlsx", workbook_bytes({{"Sheet1", header_row(1) + "<row r=\"2\">" + inline_cell("A2", "1") + inline_cell("B2", "4") +
                                                                 inline_cell("E2", "同意") + "</row>"}}));
    CHECK(bad.findings() == std::vector<std::string>{"EXP-07 意见.xlsx:2:5"});
    CHECK(bad.messages() == "意见1的处理意见“同意”（单元格E2）不是采纳、部分采纳或未采纳\n");
    CHECK(bad.messages(Language::English) == "the decision '同意' of comment 1 (cell E2) is not 采纳, 部分采纳 or 未采纳\n");

    auto lacking = read("意见.xlsx", workbook_bytes({{"Sheet1", "<row r=\"2\">" + inline_cell("A2", "序 号") + inline_cell("B2", "章条\n编号") +
                                                                     inline_cell("C2", "意见内容") + inline_cell("D2", "提出单位") +
                                                                     inline_cell("E2", "处理意见") + "</row>"}}));
    CHECK(lacking.findings() == std::vector<std::string>{"EXP-06 意见.xlsx:2:1"});
    CHECK(lacking.messages() == "征求意见汇总处理表格式错误：表头缺少“理由”列\n");

    auto empty = read("意见.xlsx", workbook_bytes({{"Sheet1", ""}}));
    CHECK(empty.findings() == std::vector<std::string>{"EXP-06 意见.xlsx:1:1"});
}

TEST_CASE("the workbook reader picks the comment sheet", "[comments]") {
    std::string table = header_row(1) + "<row r=\"2\">" + inline_cell("A2", "1") + inline_cell("B2", "4") + inline_cell("E2", "采纳") + "</row>";
    auto named = read("意见.xlsx", workbook_bytes({{"说明", "<row r=\"1\">" + inline_cell("A1", "填表说明") + "</row>"}, {"征求意见汇总处理表", table}}));
    CHECK(named.findings().empty());
    CHECK(named.table->comments.size() == 1);
    auto hidden = read("意见.xlsx", workbook_bytes({{"旧表", "", "hidden"}, {"Sheet2", table}}));
    CHECK(hidden.table->comments.size() == 1);
    // The .NET Open XML SDK writes the main namespace with a prefix.
    auto prefixed = read("意见.xlsx", workbook_bytes({{"Sheet1", table}}, "", "x"));
    CHECK(prefixed.findings().empty());
    CHECK(prefixed.table->comments.size() == 1);
}

TEST_CASE("a workbook that cannot be read is EXP-06 for the file, never a crash", "[comments]") {
    std::string good = workbook_bytes({{"Sheet1", header_row(1)}});
    auto problem = [](const Read& r) {
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule->id == "EXP-06");
        CHECK(r.diagnostics[0].location.line == 0);  // the file, not a cell
        REQUIRE(r.table);
        CHECK(r.table->comments.empty());
        return r.diagnostics[0].message(Language::Chinese);
    };
    CHECK(problem(read("意见.xlsx", good.substr(0, good.size() / 2))).find("zip结构损坏") != std::string::npos);
    CHECK(problem(read("意见.xlsx", "PK\3\4 not really a zip")).find("zip结构损坏") != std::string::npos);
    CHECK(problem(read("意见.xlsx", "序号,章条编号\n")).find("zip结构损坏") != std::string::npos);  // by its name

    // A byte of the sheet's compressed data changed: inflating fails or the CRC does not match.
    std::string damaged = good;
    std::size_t sheet = damaged.find("xl/worksheets/sheet1.xml");
    REQUIRE(sheet != std::string::npos);
    damaged[sheet + std::string("xl/worksheets/sheet1.xml").size() + 10] ^= 0x55;
    CHECK(problem(read("意见.xlsx", damaged)).find("xl/worksheets/sheet1.xml已损坏") != std::string::npos);

    // An .xls, or a workbook Excel encrypted with a password: an OLE compound file.
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    CHECK(problem(read("意见.xls", ole + std::string(504, '\0'))).find("旧版Excel（.xls）") != std::string::npos);
    CHECK(problem(read("意见.csv", ole)).find("设有密码") != std::string::npos);  // by content, whatever the name

    CHECK(problem(read("意见.xlsx", workbook_bytes({}))) == "征求意见汇总处理表格式错误：工作簿中没有工作表");
    emit::docx::ZipWriter no_workbook;
    no_workbook.add("[Content_Types].xml", "<Types/>");
    CHECK(problem(read("意见.xlsx", no_workbook.finish())) == "征求意见汇总处理表格式错误：工作簿缺少部件xl/workbook.xml");
    std::string broken_xml = workbook_bytes({{"Sheet1", "<row r=\"1\"><c r=\"A1\">"}});
    CHECK(problem(read("意见.xlsx", broken_xml)).find("不是格式正确的XML") != std::string::npos);
}

TEST_CASE("a zip bomb stops at the part limit", "[comments]") {
    // 17 MiB of blanks inflate from a few KiB of deflate.
    std::string bomb = workbook_bytes({{"Sheet1", header_row(1) + std::string(limits::max_workbook_part_bytes + (1u << 20), ' ')}});
    CHECK(bomb.size() < 100 * 1024);
    auto r = read("意见.xlsx", bomb);
    REQUIRE(r.findings() == std::vector<std::string>{"EXP-06 意见.xlsx:0:0"});
    CHECK(r.messages() == "征求意见汇总处理表格式错误：工作簿的部件xl/worksheets/sheet1.xml解压后超过16 MiB（疑为zip炸弹）\n");
}

TEST_CASE("bad cell references and shared string indexes are located, the rest is read", "[comments]") {
    std::string rows = header_row(1) + "<row r=\"2\"><c r=\"1A\"><v>9</v></c>" + inline_cell("A2", "1") + inline_cell("B2", "4") +
                       "<c r=\"C2\" t=\"s\"><v>7</v></c>" + inline_cell("E2", "采纳") + "</row>";
    auto r = read("意见.xlsx", workbook_bytes({{"Sheet1", rows}}, "<si><t>采纳</t></si>"));
    CHECK(r.findings() == std::vector<std::string>{"EXP-06 意见.xlsx:2:1", "EXP-06 意见.xlsx:2:3"});
    CHECK(r.messages() == "征求意见汇总处理表格式错误：单元格引用“1A”无效\n征求意见汇总处理表格式错误：单元格C2引用的共享字符串“7”不存在\n");
    REQUIRE(r.table->comments.size() == 1);
    CHECK(r.table->comments[0].content.empty());
}

TEST_CASE("the CSV reader finds its header below a title row too, through the same checks", "[comments]") {
    auto r = read("意见.csv", "《机关事务标准化工作指南》征求意见汇总处理表,,,,,\n"
                              "序 号,章条编号,意见内容,提出单位,处理意见,理由\n"
                              "1,4,意见,甲单位,同意,\n"
                              "2,5,意见,乙单位,采纳,\n");
    CHECK(r.findings() == std::vector<std::string>{"EXP-07 意见.csv:3:12"});
    CHECK(r.messages() == "意见1的处理意见“同意”不是采纳、部分采纳或未采纳\n");  // no cell name in CSV
    REQUIRE(r.table);
    REQUIRE(r.table->comments.size() == 1);
    CHECK(r.table->comments[0].serial == "2");
    // Without a recognisable header the first row is taken, and what it lacks reported there.
    auto headless = read("意见.csv", "\n1,4,意见,甲单位,采纳,\n");
    CHECK(headless.findings().size() == 6);
    CHECK(headless.findings().front() == "EXP-06 意见.csv:2:1");
}

TEST_CASE("the reader is chosen by content, then by name", "[comments]") {
    std::string zip = workbook_bytes({{"Sheet1", header_row(1)}});
    CHECK(is_workbook(zip, "意见.csv"));
    CHECK(is_workbook("序号", "意见.XLSX"));
    CHECK(is_workbook("序号", "dir.v2/意见.xlsm"));
    CHECK_FALSE(is_workbook("序号,章条编号", "意见.csv"));
    CHECK_FALSE(is_workbook("序号,章条编号", "意见"));
    // A workbook named .csv is read as a workbook; its file holds no text.
    auto r = read("意见.csv", zip);
    CHECK(r.findings().empty());
    CHECK(r.sources.file(r.table->file).text.empty());
}
