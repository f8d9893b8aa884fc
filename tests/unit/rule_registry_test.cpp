#include "diagnostics/rule_registry.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

using bzc::RuleRegistry;

TEST_CASE("every rule file loads and every rule is complete", "[rules]") {
    const auto& registry = RuleRegistry::instance();
    REQUIRE(registry.rules().size() >= 40);
    for (const auto& rule : registry.rules()) {
        INFO(rule.id);
        CHECK(!rule.name.empty());
        CHECK(!rule.summary.zh.empty());
        CHECK(!rule.summary.en.empty());
        CHECK(!rule.message.zh.empty());
        CHECK(!rule.message.en.empty());
        // The two languages use the same placeholders.
        std::regex placeholder("\\{[a-z_]+\\}");
        std::set<std::string> zh, en;
        for (auto it = std::sregex_iterator(rule.message.zh.begin(), rule.message.zh.end(), placeholder); it != std::sregex_iterator(); ++it) zh.insert(it->str());
        for (auto it = std::sregex_iterator(rule.message.en.begin(), rule.message.en.end(), placeholder); it != std::sregex_iterator(); ++it) en.insert(it->str());
        CHECK(zh == en);
    }
}

TEST_CASE("every rule id reported in the code exists, and every rule is reported somewhere", "[rules]") {
    std::set<std::string> used;
    std::regex report("report\\(\"([A-Z]+-[0-9]+)\"");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(bzc::test::source_path("compiler"))) {
        if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
        std::string text = bzc::test::read_file(entry.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), report); it != std::sregex_iterator(); ++it) used.insert((*it)[1]);
    }
    const auto& registry = RuleRegistry::instance();
    for (const auto& id : used) {
        INFO(id);
        CHECK(registry.find(id) != nullptr);
    }
    for (const auto& rule : registry.rules()) {
        if (rule.id == "IO-02") continue;  // printed by the CLI itself when an output cannot be written
        INFO(rule.id);
        CHECK(used.count(rule.id) == 1);
    }
}

TEST_CASE("severity depends on the draft stage", "[rules]") {
    const auto& rule = RuleRegistry::instance().get("META-02");
    CHECK(rule.severity_for(bzc::model::Stage::CommentDraft) == bzc::Severity::Warning);
    CHECK(rule.severity_for(bzc::model::Stage::ApprovalDraft) == bzc::Severity::Error);
    CHECK(rule.severity_for(std::nullopt) == bzc::Severity::Warning);
}

TEST_CASE("malformed rule files are refused", "[rules]") {
    RuleRegistry r;
    CHECK_THROWS(r.load("x.yaml", "rules:\n  - id: X-01\n    name: x\n    severity: fatal\n    message: {zh: a, en: b}\n"));
    CHECK_THROWS(r.load("x.yaml", "rules:\n  - id: X-02\n    name: x\n    severity: error\n    message: {zh: a}\n"));
    CHECK_THROWS(r.load("x.yaml", "rules:\n  - id: X-03\n    name: x\n    severity: error\n    clause: '8.1'\n    message: {zh: a, en: b}\n"));
}

TEST_CASE("messages are formatted with named arguments", "[rules]") {
    CHECK(bzc::format_message("“{id}”重复（第{line}行）", {{"id", "a"}, {"line", "3"}}) == "“a”重复（第3行）");
    CHECK(bzc::format_message("{unknown} stays", {}) == "{unknown} stays");
}
