// TeX → OMML through one pandoc call: what is collected from a document,
// the Markdown pandoc gets, how its DOCX is matched back to the TeX, and
// what happens when pandoc is missing, fails, hangs or cannot convert.
// The placing of the OMML in bzc's DOCX is tested in docx_math_test.cpp.
#include "emit/docx/math_conversion.h"
#include "support/subprocess.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>

using namespace bzc::emit::docx;
namespace fs = std::filesystem;

namespace {

const char* math_document = R"(# 范围

本文件规定了$x$的计算，$x$与$ x $相同，$x_1$见表。

```math {#eq-a}
E = mc^2
```

式中：

- $E$——能量；
- *$m$*——质量。

| 量 | 值 |
|---|---|
| $t_{\max}$ | 1 |

注：$n$为次数[^a]。

[^a]: 脚注中的$\alpha$。

# 术语和定义

## 速度 {#t-v}
velocity
符号：$v$
单位时间内的位移。

```math
x
```
)";

std::string document_xml(const std::string& body) {
    return "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"><w:body>" +
           body + "<w:sectPr/></w:body></w:document>";
}
std::string marker(int i) { return "<w:p><w:r><w:t>bzcmath" + std::to_string(i) + "</w:t></w:r></w:p>"; }

// A script standing in for pandoc, in a temporary folder.
std::string fake_pandoc(const std::string& name, const std::string& body) {
    fs::path dir = fs::temp_directory_path() / ("bzc-math-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path script = dir / name;
    std::ofstream(script) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(script, fs::perms::owner_all);
    return script.string();
}

}  // namespace

TEST_CASE("TeX goes to pandoc on one line, as TeX reads it", "[math]") {
    CHECK(tex_for_pandoc("a % a comment\n + b") == "a  + b");
    CHECK(tex_for_pandoc("50\\% \\\\ x") == "50\\% \\\\ x");           // escaped percent, line break
    CHECK(tex_for_pandoc("\\\\% comment\nd") == "\\\\d");              // \\ then a comment
    CHECK(tex_for_pandoc("  x\r\ny  \n") == "x  y");
    CHECK(tex_for_pandoc("% only a comment") == "");
    CHECK(tex_for_pandoc("x\\") == "x\\");
    CHECK(tex_excerpt("\\frac{a}{b}") == "\\frac{a}{b}");
    CHECK(tex_excerpt(std::string(70, 'x')) == std::string(60, 'x') + "…");
    CHECK(tex_excerpt("甲\n乙") == "甲 乙");
}

TEST_CASE("every TeX string of a document is collected once per style, with each use", "[math]") {
    auto c = bzc::test::compile_text(bzc::test::with_cover(math_document));
    std::vector<TexUse> uses = collect_tex(c.document);
    std::map<std::pair<MathStyle, std::string>, std::size_t> found;
    for (const auto& u : uses) found[{u.style, tex_for_pandoc(u.tex)}] = u.locations.size();
    CHECK(found.size() == uses.size());  // no duplicates
    // Display formulas, in the body and in a term entry.
    CHECK(found[{MathStyle::Display, "E = mc^2"}] == 1);
    CHECK(found[{MathStyle::Display, "x"}] == 1);
    // Inline math in paragraphs ($ x $ is $x$), 式中 symbols (also under
    // emphasis), table cells, notes, footnotes and the term's symbol.
    CHECK(found[{MathStyle::Inline, "x"}] == 3);
    CHECK(found[{MathStyle::Inline, "x_1"}] == 1);
    CHECK(found[{MathStyle::Inline, "E"}] == 1);
    CHECK(found[{MathStyle::Inline, "m"}] == 1);
    CHECK(found[{MathStyle::Inline, "t_{\\max}"}] == 1);
    CHECK(found[{MathStyle::Inline, "n"}] == 1);
    CHECK(found[{MathStyle::Inline, "\\alpha"}] == 1);
    CHECK(found[{MathStyle::Inline, "v"}] == 1);
    CHECK(uses.size() == 10);
    for (const auto& u : uses) {
        for (const auto& where : u.locations) CHECK(where.line > 0);
    }
    // A document without math has nothing to convert.
    auto plain = bzc::test::compile_text(bzc::test::with_cover("# 范围\n\n本文件规定了要求。\n"));
    CHECK(collect_tex(plain.document).empty());
}

TEST_CASE("the pandoc input puts each formula after a marker, in a paragraph of its own", "[math]") {
    std::vector<TexUse> uses{{MathStyle::Display, "a %c\n+ b", {}}, {MathStyle::Inline, " x_1 ", {}}};
    CHECK(pandoc_markdown(uses) == "bzcmath0\n\n$$a + b$$\n\nbzcmath1\n\n$x_1$\n\n");
}

TEST_CASE("pandoc's document is matched back to the TeX by its markers", "[math]") {
    bzc::SourceLocation at{1, 5, 1}, whole{1, 0, 0};
    std::vector<TexUse> uses{
        {MathStyle::Display, "a", {at}},                   // oMathPara → oMath
        {MathStyle::Inline, "\\bad", {at, {1, 9, 3}}},     // left as text by pandoc
        {MathStyle::Inline, "b", {at}},                    // a lone oMath
        {MathStyle::Inline, "c", {at}},                    // two formulas in one paragraph
        {MathStyle::Inline, "d", {at}},                    // no paragraph at all
        {MathStyle::Inline, "e", {at}},                    // two paragraphs
        {MathStyle::Inline, "f", {at}},                    // math and text
    };
    std::string xml = document_xml(
        marker(0) +
        "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><m:oMathPara><m:oMathParaPr><m:jc m:val=\"center\"/></m:oMathParaPr>"
        "<m:oMath><m:r><m:t>a</m:t></m:r></m:oMath></m:oMathPara></w:p>" +
        marker(1) + "<w:p><w:r><w:t>$\\bad$</w:t></w:r></w:p>" +
        marker(2) + "<w:p><m:oMath><m:r><m:t>b</m:t></m:r></m:oMath></w:p>" +
        marker(3) + "<w:p><m:oMath><m:r><m:t>c</m:t></m:r></m:oMath><m:oMath><m:r><m:t>c</m:t></m:r></m:oMath></w:p>" +
        marker(4) +
        marker(5) + "<w:p><m:oMath><m:r><m:t>e</m:t></m:r></m:oMath></w:p><w:p><m:oMath/></w:p>" +
        marker(6) + "<w:p><m:oMath><m:r><m:t>f</m:t></m:r></m:oMath><w:r><w:t>f</w:t></w:r></w:p>");
    MathConversion conversion;
    REQUIRE(conversion.read_pandoc_document(xml, uses, whole));
    CHECK(conversion.converted() == 2);
    pugi::xml_node a = conversion.find(MathStyle::Display, " a ");
    REQUIRE(a);
    CHECK(std::string(a.name()) == "m:oMath");
    CHECK(std::string(a.child("m:r").child_value("m:t")) == "a");
    CHECK_FALSE(conversion.find(MathStyle::Inline, "a"));  // the inline style of the same TeX was not asked for
    CHECK(std::string(conversion.find(MathStyle::Inline, "b").child("m:r").child_value("m:t")) == "b");
    for (const char* tex : {"\\bad", "c", "d", "e", "f"}) CHECK_FALSE(conversion.find(MathStyle::Inline, tex));
    // Each use of a TeX pandoc did not convert is reported where it is.
    std::vector<std::string> reported;
    for (const auto& p : conversion.problems) {
        CHECK(p.kind == MathProblem::Kind::NotConverted);
        reported.push_back(p.tex + "@" + std::to_string(p.location.line));
    }
    CHECK(reported == std::vector<std::string>{"\\bad@5", "\\bad@9", "c@5", "d@5", "e@5", "f@5"});
}

TEST_CASE("a document that is not pandoc's gives one problem and no math", "[math]") {
    std::vector<TexUse> uses{{MathStyle::Inline, "b", {{1, 2, 3}}}};
    bzc::SourceLocation whole{1, 0, 0};
    MathConversion broken;
    CHECK_FALSE(broken.read_pandoc_document("<w:document><w:body>", uses, whole));
    REQUIRE(broken.problems.size() == 1);
    CHECK(broken.problems[0].kind == MathProblem::Kind::NoConverter);
    CHECK(broken.problems[0].location == whole);
    // Other prefixes for the namespaces: the OMML could not be copied as it is.
    MathConversion prefixes;
    std::string xml = "<x:document xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><x:body>" + marker(0) +
                      "</x:body></x:document>";
    CHECK_FALSE(prefixes.read_pandoc_document(xml, uses, whole));
    REQUIRE(prefixes.problems.size() == 1);
    CHECK(prefixes.problems[0].reason_en.find("prefixes") != std::string::npos);
    CHECK(prefixes.converted() == 0);
}

TEST_CASE("without pandoc every formula stays TeX, with one problem for the document", "[math]") {
    auto c = bzc::test::compile_text(bzc::test::with_cover(math_document));
    MathOptions options;
    options.pandoc = "/nonexistent/pandoc";
    MathConversion conversion = convert_math(c.document, options);
    CHECK(conversion.converted() == 0);
    REQUIRE(conversion.problems.size() == 1);
    CHECK(conversion.problems[0].kind == MathProblem::Kind::NoConverter);
    CHECK(conversion.problems[0].reason_en == "pandoc (/nonexistent/pandoc) was not found");
    CHECK(conversion.problems[0].location == bzc::SourceLocation{c.document.file, 0, 0});
    // A document without math does not need pandoc: nothing runs, nothing is reported.
    auto plain = bzc::test::compile_text(bzc::test::with_cover("# 范围\n\n本文件规定了要求。\n"));
    CHECK(convert_math(plain.document, options).problems.empty());
}

TEST_CASE("a pandoc that fails, hangs or writes no DOCX is reported, and bzc goes on", "[math]") {
    auto c = bzc::test::compile_text(bzc::test::with_cover(math_document));
    MathOptions options;
    auto reason = [&](const std::string& script) {
        options.pandoc = fake_pandoc("pandoc-" + std::to_string(std::hash<std::string>()(script)), script);
        MathConversion conversion = convert_math(c.document, options);
        CHECK(conversion.converted() == 0);
        REQUIRE(conversion.problems.size() == 1);
        CHECK(conversion.problems[0].kind == MathProblem::Kind::NoConverter);
        return conversion.problems[0].reason_en;
    };
    CHECK(reason("exit 3") == "pandoc exited with status 3");
    CHECK(reason("cat") == "pandoc's output is not a readable DOCX: no readable zip directory: not a zip archive, or a truncated or damaged one");
    options.timeout = std::chrono::milliseconds(300);
    auto start = std::chrono::steady_clock::now();
    CHECK(reason("sleep 20") == "pandoc did not finish within 1 s and was stopped");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("pandoc converts the TeX it knows and leaves the rest to the TeX source", "[math]") {
    REQUIRE(bzc::find_program("pandoc"));  // build.sh installs it
    auto c = bzc::test::compile_text(bzc::test::with_cover(
        "# 范围\n\n本文件规定了$x_1$与$\\badcommand{x$。\n\n```math\n\\frac{a}{b} % the ratio\n+ \\sum_{i=1}^{n} w_i\n```\n"));
    // pandoc's reference document is a temporary file, removed afterwards. The tests run in
    // parallel and others convert formulas too, so this one counts in a TMPDIR of its own.
    MathConversion conversion;
    {
        bzc::test::ScratchFolder own_tmp("bzc-math-tmp");
        bzc::test::EnvironmentVariable tmpdir("TMPDIR", own_tmp.path.c_str());
        auto references = [&] {
            std::size_t count = 0;
            for (const auto& e : fs::directory_iterator(own_tmp.path))
                if (e.path().filename().string().rfind("bzc-pandoc-reference-", 0) == 0) ++count;
            return count;
        };
        conversion = convert_math(c.document, MathOptions());
        CHECK(references() == 0);
    }
    pugi::xml_node fraction = conversion.find(MathStyle::Display, "\\frac{a}{b} % the ratio\n+ \\sum_{i=1}^{n} w_i");
    REQUIRE(fraction);
    CHECK(fraction.child("m:f"));
    CHECK(fraction.child("m:nary"));
    pugi::xml_node script = conversion.find(MathStyle::Inline, "x_1");
    REQUIRE(script);
    CHECK(script.child("m:sSub"));
    CHECK_FALSE(conversion.find(MathStyle::Inline, "\\badcommand{x"));
    REQUIRE(conversion.problems.size() == 1);
    CHECK(conversion.problems[0].kind == MathProblem::Kind::NotConverted);
    CHECK(conversion.problems[0].tex == "\\badcommand{x");
    CHECK(conversion.problems[0].location.line == 8);
}
