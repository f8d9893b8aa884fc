// Suppression comments in Markdown and XML sources, and the project file.
#include "driver/compilation.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace {

// Runs the pipeline with suppressions applied, as `bzc check` does.
bzc::test::Compiled check(const std::string& text, bool xml = false, std::size_t* suppressed = nullptr) {
    bzc::test::Compiled c;
    bzc::DiagnosticSink sink;
    std::uint32_t file = c.sources.add(xml ? "input.xml" : "input.md", text);
    c.document = xml ? bzc::frontend::read_xml(file, c.sources, sink) : bzc::frontend::read_markdown(file, c.sources, sink);
    bzc::analysis::analyse(c.document, sink);
    bzc::checks::run_all_checks(c.document, sink);
    std::size_t n = bzc::driver::Compiler::apply_suppressions(c.document, sink);
    if (suppressed) *suppressed = n;
    sink.finish(std::nullopt);
    c.diagnostics = sink.diagnostics();
    return c;
}

}  // namespace

TEST_CASE("a suppression comment silences its rule in the next block", "[suppression]") {
    std::size_t suppressed = 0;
    auto c = check(bzc::test::with_cover("# 范围\n<!-- bzc-ignore XREF-01 目标在配套文件中 -->\n见[](#elsewhere)。\n\n见[](#missing)。\n"),
                   false, &suppressed);
    CHECK(suppressed == 1);
    CHECK(c.findings() == std::vector<std::string>{"XREF-01 10:2"});
}

TEST_CASE("a comment at the end of a line silences that line", "[suppression]") {
    auto c = check(bzc::test::with_cover("# 范围\n见[](#elsewhere)。<!-- bzc-ignore XREF-01: 配套文件 -->\n见[](#missing)。\n"));
    CHECK(c.findings() == std::vector<std::string>{"XREF-01 8:2"});
}

TEST_CASE("bzc-ignore-file silences a rule everywhere", "[suppression]") {
    auto c = check(bzc::test::with_cover("<!-- bzc-ignore-file XREF-01 引用草案中的条 -->\n# 范围\n见[](#a)。\n\n见[](#b)。\n"));
    CHECK(c.findings().empty());
}

TEST_CASE("suppressions need a reason, a known rule and a finding", "[suppression]") {
    auto c = check(bzc::test::with_cover("# 范围\n<!-- bzc-ignore XREF-01 -->\n见[](#a)。\n\n<!-- bzc-ignore NOPE-99 理由 -->\n文本。\n\n<!-- bzc-ignore XREF-01 理由 -->\n文本。\n"));
    CHECK(c.findings() == std::vector<std::string>{"SUP-01 7:1", "SUP-02 10:1", "SUP-03 10:1", "SUP-03 13:1"});
}

TEST_CASE("XML sources take the same comments", "[suppression]") {
    auto c = check("<standard version=\"1\">\n<metadata><number>GB/T 1—2020</number><title>t</title></metadata>\n<chapter><title>范围</title>\n"
                   "<!-- bzc-ignore XREF-01 配套文件 -->\n<p>见<xref target=\"a\"/>。</p>\n<p>见<xref target=\"b\"/>。</p>\n</chapter>\n</standard>\n",
                   true);
    REQUIRE(c.findings().size() == 1);
    CHECK(c.findings()[0].rfind("XREF-01 6:", 0) == 0);
}

TEST_CASE("the project file overrides severities and suppresses by file", "[suppression]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "bzc-project-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "internal");
    std::ofstream(dir / "bzc.yaml") << "rules:\n  XREF-01: warning\n  DSL-11: off\nsuppress:\n  - rule: DSL-08\n    files: \"internal/*.md\"\n    reason: 草稿阶段\n";
    std::string body = bzc::test::with_cover("# 范围\n见[](#a)和[文字](#a)。脚注[^x]。\n");
    std::ofstream(dir / "internal" / "a.md") << body;
    std::ofstream(dir / "b.md") << body;

    bzc::driver::Compiler compiler({});
    auto a = compiler.compile((dir / "internal" / "a.md").string());
    auto b = compiler.compile((dir / "b.md").string());
    auto rules = [](const bzc::driver::CompiledDocument& d) {
        std::vector<std::string> out;
        for (const auto& x : d.diagnostics)
            if (x.rule->file == "rules/source.yaml") out.push_back(x.rule->id + ":" + std::string(bzc::severity_name(x.severity)));
        return out;
    };
    CHECK(rules(a) == std::vector<std::string>{"XREF-01:warning", "XREF-01:warning"});
    CHECK(a.suppressed == 1);
    CHECK(rules(b) == std::vector<std::string>{"XREF-01:warning", "XREF-01:warning", "DSL-08:error"});

    // A compiler reads a project file once; a new run sees the changed one.
    std::ofstream(dir / "bzc.yaml") << "rules:\n  NOPE-1: off\nsupress: []\n";
    bzc::driver::Compiler next_run({});
    auto bad = next_run.compile((dir / "b.md").string());
    std::vector<std::string> config_findings;
    for (const auto& x : bad.diagnostics)
        if (x.rule->id.rfind("CFG", 0) == 0) config_findings.push_back(x.rule->id);
    CHECK(config_findings == std::vector<std::string>{"CFG-02", "CFG-03"});
    fs::remove_all(dir);
}
