#include "analysis/analysis.h"
#include "catalog/catalog.h"
#include "support/resources.h"

#include <catch2/catch.hpp>

using bzc::DiagnosticSink;
using bzc::catalog::Catalog;
using bzc::model::CatalogStatus;
using bzc::model::parse_designation;

namespace {

std::vector<std::string> problems(const std::string& text) {
    Catalog catalog;
    DiagnosticSink sink;
    catalog.read(text, 1, "test.txt", sink);
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) {
        out.push_back(d.rule->id + " " + std::to_string(d.location.line) + ":" + std::to_string(d.location.column));
    }
    return out;
}

}  // namespace

TEST_CASE("the seed catalog reads without a problem", "[catalog]") {
    std::size_t files = 0;
    bzc::for_each_embedded_resource("rules/catalog/", [&](const bzc::EmbeddedResource& r) {
        if (!r.name.ends_with(".txt")) return;
        ++files;
        INFO(r.name);
        Catalog catalog;
        DiagnosticSink sink;
        catalog.read(r.content, 1, r.name, sink);
        for (const auto& d : sink.diagnostics()) {
            UNSCOPED_INFO("line " << d.location.line << ": " << d.rule->id);
        }
        CHECK(sink.diagnostics().empty());
        CHECK(catalog.size() > 0);
        CHECK(catalog.versions().size() == 1);
    });
    CHECK(files >= 2);
    // Every replacement named in the seed has a record of its own.
    const Catalog& seed = bzc::analysis::seed_catalog();
    CHECK(seed.size() >= 90);
    seed.for_each([&](const bzc::model::CatalogRecord& r) {
        for (const auto& by : r.replaced_by) {
            INFO(r.designation.canonical() << " replaced by " << by);
            auto d = parse_designation(by);
            REQUIRE(d);
            CHECK(seed.edition(*d) != nullptr);
        }
    });
}

TEST_CASE("the catalog knows editions, the latest and replacements", "[catalog]") {
    const Catalog& seed = bzc::analysis::seed_catalog();
    auto gbt11 = parse_designation("GB/T 1.1");
    REQUIRE(gbt11);
    const auto* latest = seed.latest(*gbt11);
    REQUIRE(latest);
    CHECK(latest->designation.canonical() == "GB/T 1.1—2020");
    CHECK(latest->status == CatalogStatus::Current);
    CHECK(latest->title == "标准化工作导则　第1部分：标准化文件的结构和起草规则");
    auto old = parse_designation("GB/T 1.1—2009");
    const auto* e = seed.edition(*old);
    REQUIRE(e);
    CHECK(e->status == CatalogStatus::Replaced);
    REQUIRE(e->replaced_by.size() == 1);
    CHECK(e->replaced_by.front() == "GB/T 1.1—2020");
    CHECK(seed.edition(*parse_designation("GB/T 1.1—1999")) == nullptr);
    auto m = seed.match(*gbt11);
    CHECK_FALSE(m.edition);
    CHECK(m.latest);
    CHECK_FALSE(seed.match(*parse_designation("GB/T 3102（所有部分）")).known());
}

TEST_CASE("malformed catalog records are located and skipped", "[catalog]") {
    CHECK(problems("# comment\n\n@version 2026-11-22\nGB/T 1.1—2020 | 标题 | 现行 | 2020-03-31 | 2020-10-01\n").empty());
    CHECK(problems("GB/T 1.1—2020 | 标题 | 现行 | 2020-03-31\n") == std::vector<std::string>{"CAT-01 1:1"});
    CHECK(problems("GB/T 1.1 | 标题 | 现行 | - | -\n") == std::vector<std::string>{"CAT-01 1:1"});
    CHECK(problems("GB/T 1.1-2020 | 标题 | 现行 | - | -\n") == std::vector<std::string>{"CAT-01 1:1"});
    CHECK(problems("not a number | 标题 | 现行 | - | -\n") == std::vector<std::string>{"CAT-01 1:1"});
    CHECK(problems("GB/T 1.1—2020 | 《标题》 | 现行 | - | -\n") == std::vector<std::string>{"CAT-01 1:17"});
    CHECK(problems("GB/T 1.1—2020 | 标题 | 作废 | - | -\n") == std::vector<std::string>{"CAT-01 1:22"});
    CHECK(problems("GB/T 1.1—2020 | 标题 | 被代替：新版 | - | -\n") == std::vector<std::string>{"CAT-01 1:22"});
    CHECK(problems("GB/T 1.1—2020 | 标题 | 现行 | 2020-13-01 | -\n") == std::vector<std::string>{"CAT-01 1:27"});
    CHECK(problems("@version soon\n") == std::vector<std::string>{"CAT-01 1:1"});
    // A good record after a bad one is still read.
    Catalog catalog;
    DiagnosticSink sink;
    catalog.read("bad line\nGB/T 9—2020 | 标题 | 现行 | - | -\n", 1, "x.txt", sink);
    CHECK(sink.diagnostics().size() == 1);
    CHECK(catalog.size() == 1);
}

TEST_CASE("a project record replaces the seed's record of the same edition", "[catalog]") {
    Catalog catalog = bzc::analysis::seed_catalog();
    std::size_t before = catalog.size();
    DiagnosticSink sink;
    catalog.read("GB/T 13016—2018 | 新名称 | 废止 | - | -\nDB43/T 9999—2024 | 内部标准 | 现行 | - | -\n", 1, "own.txt", sink);
    CHECK(sink.diagnostics().empty());
    CHECK(catalog.size() == before + 1);
    const auto* e = catalog.edition(*parse_designation("GB/T 13016—2018"));
    REQUIRE(e);
    CHECK(e->title == "新名称");
    CHECK(e->status == CatalogStatus::Withdrawn);
    CHECK(e->origin == "own.txt:1");
}
