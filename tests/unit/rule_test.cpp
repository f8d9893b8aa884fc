// Runs tests/rules/*.test (format in tests/rules/README.md): every GB/T
// 1.1—2020 rule triggers on its trigger sources and stays quiet on its quiet
// ones, and every such rule has a test.
#include "driver/fixes.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

namespace {

struct RuleCase {
    std::string name;      // trigger, quiet 2 …
    std::string source;
    std::vector<std::string> expect;
    bool has_fixed = false;
    std::string fixed;
};

struct RuleTest {
    std::string path;
    std::string rule;
    std::vector<RuleCase> triggers;
    std::vector<RuleCase> quiets;
};

RuleTest load(const std::filesystem::path& path) {
    RuleTest test;
    test.path = path.string();
    test.rule = path.stem().string();
    std::istringstream in(bzc::test::read_file(path.string()));
    std::string line, section;
    RuleCase* current = nullptr;
    while (std::getline(in, line)) {
        if (line.rfind("==> ", 0) == 0 && line.size() > 8 && line.compare(line.size() - 4, 4, " <==") == 0) {
            section = line.substr(4, line.size() - 8);
            if (section.rfind("trigger", 0) == 0) {
                test.triggers.push_back({section, {}, {}, false, {}});
                current = &test.triggers.back();
            } else if (section.rfind("quiet", 0) == 0) {
                test.quiets.push_back({section, {}, {}, false, {}});
                current = &test.quiets.back();
            } else if (section == "fixed" && current) {
                current->has_fixed = true;
            }
            continue;
        }
        if (!current) continue;  // comments before the first section
        if (section == "expect") {
            if (!line.empty()) current->expect.push_back(line);
        } else if (section == "fixed") {
            current->fixed += line + "\n";
        } else {
            current->source += line + "\n";
        }
    }
    return test;
}

std::vector<std::string> findings_of(const bzc::test::Compiled& c, const std::string& rule) {
    std::vector<std::string> out;
    for (const auto& f : c.findings("", true)) {
        if (f.rfind(rule + " ", 0) == 0) out.push_back(f);
    }
    return out;
}

std::map<std::string, RuleTest> load_all() {
    std::map<std::string, RuleTest> tests;
    for (const auto& entry : std::filesystem::directory_iterator(bzc::test::source_path("tests/rules"))) {
        if (entry.path().extension() == ".test") {
            auto test = load(entry.path());
            tests.emplace(test.rule, std::move(test));
        }
    }
    return tests;
}

}  // namespace

TEST_CASE("every rule triggers on its wrong texts and stays quiet on the right ones", "[rules]") {
    for (const auto& [rule, test] : load_all()) {
        REQUIRE(bzc::RuleRegistry::instance().find(rule) != nullptr);
        for (const auto& c : test.triggers) {
            INFO(test.path << ": " << c.name << "\n" << c.source);
            auto compiled = bzc::test::compile_text(c.source);
            CHECK(findings_of(compiled, rule) == c.expect);
            if (c.has_fixed) {
                auto result = bzc::driver::apply_fixes(c.source, compiled.diagnostics, compiled.sources, 1);
                CHECK(result.text == c.fixed);
            }
        }
        for (const auto& c : test.quiets) {
            INFO(test.path << ": " << c.name << "\n" << c.source);
            auto compiled = bzc::test::compile_text(c.source);
            CHECK(findings_of(compiled, rule).empty());
        }
    }
}

TEST_CASE("every GB/T 1.1 rule has a triggering and a quiet test", "[rules]") {
    auto tests = load_all();
    for (const auto& rule : bzc::RuleRegistry::instance().rules()) {
        if (rule.file == "rules/source.yaml") continue;  // covered by the unit, spec and CLI tests
        // The 编制说明 rules judge a record and a comment table beside the standard: explanation_test.cpp.
        if (rule.file == "rules/explanation.yaml") continue;
        // The rules between standards need a repository of them: repository_test.cpp.
        if (rule.file == "rules/repository.yaml") continue;
        INFO(rule.id << " (" << rule.file << ") needs tests/rules/" << rule.id << ".test");
        auto it = tests.find(rule.id);
        REQUIRE(it != tests.end());
        CHECK(!it->second.triggers.empty());
        CHECK(!it->second.quiets.empty());
        CHECK(!rule.wrong_example.empty());
        CHECK(!rule.right_example.empty());
    }
}
