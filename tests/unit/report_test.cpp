#include "diagnostics/report_formats.h"
#include "support/atomic_file.h"

#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace {
bzc::test::Compiled with_problems() {
    return bzc::test::compile_text(bzc::test::with_cover("# 范围\n见[](#missing)。\n"), false, "样例/标准.md");
}
}  // namespace

TEST_CASE("text report: file:line:col: severity: message [RULE]", "[report]") {
    auto c = with_problems();
    std::ostringstream zh, en;
    bzc::write_text_report(zh, c.source_diagnostics(), c.sources, bzc::Language::Chinese);
    bzc::write_text_report(en, c.source_diagnostics(), c.sources, bzc::Language::English);
    CHECK(zh.str() == "样例/标准.md:7:2: error: 交叉引用的目标“#missing”不存在 [XREF-01]\n");
    CHECK(en.str() == "样例/标准.md:7:2: error: the cross-reference target '#missing' does not exist [XREF-01]\n");
}

TEST_CASE("JSON report has the documented keys", "[report]") {
    auto c = with_problems();
    std::ostringstream out;
    bzc::write_json_report(out, c.source_diagnostics(), c.sources, bzc::Language::English);
    auto json = nlohmann::json::parse(out.str());
    REQUIRE(json["diagnostics"].size() == 1);
    auto d = json["diagnostics"][0];
    CHECK(d["file"] == "样例/标准.md");
    CHECK(d["line"] == 7);
    CHECK(d["column"] == 2);
    CHECK(d["severity"] == "error");
    CHECK(d["rule"] == "XREF-01");
    CHECK(d["clause"] == "GB/T 1.1—2020 9.5");
    CHECK(json["errors"] == 1);
}

TEST_CASE("SARIF report is SARIF 2.1.0", "[report]") {
    auto c = with_problems();
    std::ostringstream out;
    bzc::write_sarif_report(out, c.source_diagnostics(), c.sources, bzc::Language::Chinese);
    auto json = nlohmann::json::parse(out.str());
    CHECK(json["version"] == "2.1.0");
    auto run = json["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "bzc");
    CHECK(run["tool"]["driver"]["rules"][0]["id"] == "XREF-01");
    CHECK(run["tool"]["driver"]["rules"][0]["properties"]["clause"] == "GB/T 1.1—2020 9.5");
    auto result = run["results"][0];
    CHECK(result["ruleId"] == "XREF-01");
    CHECK(result["ruleIndex"] == 0);
    CHECK(result["level"] == "error");
    auto location = result["locations"][0]["physicalLocation"];
    CHECK(location["artifactLocation"]["uri"] == "%E6%A0%B7%E4%BE%8B/%E6%A0%87%E5%87%86.md");
    CHECK(location["region"]["startLine"] == 7);
    CHECK(location["region"]["startColumn"] == 2);
    CHECK(run["columnKind"] == "unicodeCodePoints");
}

TEST_CASE("outputs are written atomically", "[report]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "bzc-atomic-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path target = dir / "out.xml";
    CHECK(bzc::write_file_atomically(target, "first") == 0);
    CHECK(bzc::write_file_atomically(target, "second") == 0);
    CHECK(bzc::test::read_file(target.string()) == "second");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    CHECK(files == 1);  // no temporary left behind
    CHECK(bzc::write_file_atomically(dir / "missing" / "out.xml", "x") == ENOENT);
    CHECK(bzc::write_file_atomically(dir, "x") == EISDIR);
    fs::remove_all(dir);
}
