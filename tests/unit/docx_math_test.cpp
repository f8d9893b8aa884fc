// Formulas in the DOCX: display formulas as OMML between the tabs of the
// formula styles with their numbers (1)/(A.1), 式中 lines with the dashes on
// one tab stop and the explanations hanging after them, inline math in
// paragraphs, tables, notes, term entries and footnotes; the TeX source
// where pandoc is missing or cannot convert. Needs pandoc (build.sh installs it).
#include "emit/docx/docx_writer.h"
#include "support/subprocess.h"
#include "support/zip_archive.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <map>

using namespace bzc::emit::docx;

namespace {

const char* formulas_document = R"(# 范围

本文件规定了速度$v$的计算。

# 规范性引用文件

本文件没有规范性引用文件。

# 术语和定义

## 速度 {#t-v}
velocity
符号：$v$
单位时间内的位移。

# 计算 {#calc}

速度按[](#eq-v)计算，限值见[](#tab-limit)[^a]：

```math {#eq-v}
v = \frac{s}{t}
```

式中：

- $v$——速度，单位为米每秒（m/s）；
- $s$——距离，单位为米（m），取两个标志之间沿道路中心线量得的长度，量至厘米，计算时换算为米；
- $t_{\mathrm{total}}$——时间，单位为秒（s）。

表：限值 {#tab-limit}

| 量 | 限值 |
|---|---|
| $v_{\max}$ | 10 |

表注：$v_{\max}$为最大速度。

能量按[](#eq-e)计算。

[^a]: 脚注中的$\alpha$。

# 附录（规范性） 计算示例 {#annex-a}

```math {#eq-e}
E = mc^2
```
)";

struct Docx {
    std::string bytes;
    std::map<std::string, std::string> parts;
    std::vector<MathProblem> problems;
};

Docx build(const std::string& body, const std::string& pandoc = "pandoc", const std::filesystem::path& math_cache = {}) {
    auto c = bzc::test::compile_text(bzc::test::with_cover(body));
    DocxOptions options;
    options.math.pandoc = pandoc;
    options.math.cache_directory = math_cache;
    DocxResult result = write_docx(c.document, options);
    Docx d;
    d.bytes = result.bytes;
    d.problems = result.math_problems;
    bzc::ZipArchive zip(d.bytes);
    REQUIRE(zip.problem() == bzc::ZipArchive::Problem::None);
    for (const auto& name : zip.names()) d.parts[name] = zip.read(name, std::size_t(64) << 20).value();
    return d;
}

std::vector<pugi::xml_node> styled(const pugi::xml_document& doc, const std::string& style) {
    std::vector<pugi::xml_node> out;
    for (auto p : doc.select_nodes(("//w:p[w:pPr/w:pStyle/@w:val='" + style + "']").c_str())) out.push_back(p.node());
    return out;
}

// The names of a paragraph's children after its properties: "w:r:tab",
// "w:r:<text>", "m:oMath".
std::vector<std::string> content(pugi::xml_node p) {
    std::vector<std::string> out;
    for (auto child : p.children()) {
        std::string name = child.name();
        if (name == "w:pPr") continue;
        if (name == "w:r") {
            if (child.child("w:tab")) out.push_back("w:r:tab");
            else out.push_back("w:r:" + std::string(child.child_value("w:t")));
        } else {
            out.push_back(name);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("display formulas are Word math between the tabs, with their numbers", "[docx][math]") {
    REQUIRE(bzc::find_program("pandoc"));
    Docx d = build(formulas_document);
    CHECK(d.problems.empty());
    pugi::xml_document doc;
    REQUIRE(doc.load_string(d.parts["word/document.xml"].c_str()));
    CHECK(std::string(doc.document_element().attribute("xmlns:m").value()) ==
          "http://schemas.openxmlformats.org/officeDocument/2006/math");

    auto body = styled(doc, "BZFormula");
    REQUIRE(body.size() == 1);
    // The number in the bookmark that the references to the formula name (REF \h).
    CHECK(content(body[0]) ==
          std::vector<std::string>{"w:r:tab", "m:oMath", "w:r:tab", "w:bookmarkStart", "w:r:(1)", "w:bookmarkEnd"});
    CHECK(body[0].child("m:oMath").child("m:f"));  // \frac, as OMML
    auto annex = styled(doc, "BZAnnexFormula");
    REQUIRE(annex.size() == 1);
    CHECK(content(annex[0]) ==
          std::vector<std::string>{"w:r:tab", "m:oMath", "w:r:tab", "w:bookmarkStart", "w:r:(A.1)", "w:bookmarkEnd"});
    CHECK(annex[0].child("m:oMath").child("m:sSup"));  // c^2

    // No TeX source is left, and no mark of the writer's.
    CHECK(d.parts["word/document.xml"].find("Courier New") == std::string::npos);
    CHECK(d.parts["word/document.xml"].find('\x01') == std::string::npos);
    // Word's math font and defaults, named in the settings and the font table.
    CHECK(d.parts["word/settings.xml"].find("<m:mathFont m:val=\"Cambria Math\"/>") != std::string::npos);
    CHECK(d.parts["word/fontTable.xml"].find("w:name=\"Cambria Math\"") != std::string::npos);
}

TEST_CASE("式中 lines: the dashes on one tab stop, the explanations hanging after them", "[docx][math]") {
    REQUIRE(bzc::find_program("pandoc"));
    Docx d = build(formulas_document);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(d.parts["word/document.xml"].c_str()));
    pugi::xml_node where = doc.select_node("//w:p[w:r/w:t='式中：']").node();
    REQUIRE(where);
    CHECK(where.child("w:pPr").child("w:keepNext"));
    std::vector<pugi::xml_node> lines;
    for (pugi::xml_node p = where.next_sibling("w:p"); lines.size() < 3; p = p.next_sibling("w:p")) lines.push_back(p);
    const int em = 210;  // one character of 五号 in twips
    int tab = -1;
    for (auto p : lines) {
        auto c = content(p);
        REQUIRE(c.size() >= 4);
        CHECK(c[0] == "m:oMath");  // the symbol, as math
        CHECK(c[1] == "w:r:tab");
        CHECK(c[2] == "w:r:——");
        pugi::xml_node ppr = p.child("w:pPr");
        int left = ppr.child("w:ind").attribute("w:left").as_int();
        int hanging = ppr.child("w:ind").attribute("w:hanging").as_int();
        int stop = ppr.child("w:tabs").child("w:tab").attribute("w:pos").as_int();
        CHECK(left - hanging == 2 * em);  // the symbol two characters in
        CHECK(left - stop == 2 * em);     // the explanation right after the dash: wrapped lines align with it
        if (tab < 0) tab = stop;
        CHECK(stop == tab);  // one stop for all the lines: the dashes align
        // Lines with math grow as their math needs, not by whole grid lines.
        CHECK(ppr.child("w:snapToGrid").attribute("w:val").as_int(1) == 0);
        CHECK(std::string(ppr.child("w:spacing").attribute("w:lineRule").value()) == "atLeast");
    }
    // The widest symbol, t with a subscript "total", sets the stop past the
    // room one character would give.
    CHECK(tab > 2 * em + em);
    CHECK(std::string(lines[2].child("m:oMath").first_child().name()) == "m:sSub");
}

TEST_CASE("inline math is Word math in paragraphs, tables, notes, term entries and footnotes", "[docx][math]") {
    REQUIRE(bzc::find_program("pandoc"));
    Docx d = build(formulas_document);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(d.parts["word/document.xml"].c_str()));
    CHECK(doc.select_node("//w:p[w:r/w:t='本文件规定了速度']/m:oMath"));
    CHECK(doc.select_node("//w:tc/w:p[w:pPr/w:pStyle/@w:val='BZTableText']/m:oMath/m:sSub"));
    CHECK(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='BZTerm1']/m:oMath"));
    // A table note is small print: its math runs say so, since math takes its
    // size from its runs.
    pugi::xml_node note = doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='BZNote'][m:oMath]").node();
    REQUIRE(note);
    for (auto r : note.select_nodes(".//m:r")) CHECK(r.node().child("w:rPr").child("w:sz").attribute("w:val").as_int() == 18);
    pugi::xml_document footnotes;
    REQUIRE(footnotes.load_string(d.parts["word/footnotes.xml"].c_str()));
    CHECK(std::string(footnotes.document_element().attribute("xmlns:m").value()) ==
          "http://schemas.openxmlformats.org/officeDocument/2006/math");
    CHECK(footnotes.select_node("//w:footnote/w:p/m:oMath"));
    // The same source gives the same bytes, pandoc's output included.
    CHECK(build(formulas_document).bytes == d.bytes);
}

TEST_CASE("without pandoc the formulas show their TeX source, and the DOCX is written", "[docx][math]") {
    Docx d = build(formulas_document, "/nonexistent/pandoc");
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].kind == MathProblem::Kind::NoConverter);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(d.parts["word/document.xml"].c_str()));
    CHECK_FALSE(doc.select_node("//m:oMath"));
    auto body = styled(doc, "BZFormula");
    REQUIRE(body.size() == 1);
    CHECK(content(body[0]) == std::vector<std::string>{"w:r:tab", "w:r:v = \\frac{s}{t}", "w:r:tab", "w:bookmarkStart",
                                                       "w:r:(1)", "w:bookmarkEnd"});
    CHECK(std::string(body[0].select_node("w:r/w:rPr/w:rFonts").node().attribute("w:ascii").value()) == "Courier New");
}

TEST_CASE("a formula pandoc cannot convert keeps its TeX; the others are converted", "[docx][math]") {
    REQUIRE(bzc::find_program("pandoc"));
    Docx d = build("# 范围\n\n本文件规定了$x$。\n\n```math\n\\frac{a}{b\n```\n\n```math\na+b\n```\n");
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].kind == MathProblem::Kind::NotConverted);
    CHECK(d.problems[0].tex == "\\frac{a}{b");
    CHECK(d.problems[0].location.line == 10);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(d.parts["word/document.xml"].c_str()));
    auto formulas = styled(doc, "BZFormula");
    REQUIRE(formulas.size() == 2);
    CHECK(content(formulas[0]) == std::vector<std::string>{"w:r:tab", "w:r:\\frac{a}{b", "w:r:tab", "w:r:(1)"});
    CHECK(content(formulas[1]) == std::vector<std::string>{"w:r:tab", "m:oMath", "w:r:tab", "w:r:(2)"});
}

TEST_CASE("a DOCX built from the formula cache is byte for byte the DOCX built from pandoc's answers", "[docx][math][cache]") {
    REQUIRE(bzc::find_program("pandoc"));
    // Spaces kept in \text, matrices, cases, scripts, sums, accents, a refused formula.
    const std::string body = std::string(formulas_document) +
                             "\n式中的$\\text{a b}$与$\\hat{x}_{i}^{2}$、$\\sum_{i=1}^{n} \\sqrt[3]{x_i}$。\n\n```math\n\\frac{a}{b\n```\n\n"
                             "```math\n\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} = "
                             "\\begin{cases} 1, & x > 0 \\\\ 0, & \\text{其他} \\end{cases}\n```\n";
    bzc::test::ScratchFolder cache("bzc-docx-math-cache");
    Docx without = build(body);
    Docx first = build(body, "pandoc", cache.path);   // asks pandoc, stores the answers
    Docx second = build(body, "pandoc", cache.path);  // from the answers stored
    std::size_t stored = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(cache.path)) stored += e.is_regular_file();
    CHECK(stored >= 8);
    CHECK(first.bytes == without.bytes);
    CHECK(second.bytes == without.bytes);
    REQUIRE(second.problems.size() == 1);
    CHECK(second.problems[0].tex == "\\frac{a}{b");
    CHECK(second.parts["word/document.xml"].find("a b</m:t>") != std::string::npos);
}
