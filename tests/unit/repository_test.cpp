// The checks between the standards of a repository (rules/repository.yaml)
// and the repository check itself: discovery, the cache and its
// invalidation, JUnit output. Each test builds a small repository of its own.
#include "diagnostics/report_formats.h"
#include "repository/cross_standard_checks.h"
#include "repository/repository_check.h"
#include "repository/source_discovery.h"
#include "repository/standard_identity.h"
#include "support/text_similarity.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using bzc::repository::RepositoryCheckOptions;
using bzc::repository::RepositoryCheckResult;

namespace {

const char* project_file = R"(project: 测试标准体系
standards: ["standards/**/*.md"]
framework:
  - code: "100"
    name: 基础通用标准
    children: [{code: "110", name: 术语}]
  - code: "200"
    name: 运行保障标准
    children: [{code: "210", name: 服务接待}, {code: "230", name: 公务用车}]
review-period: 5
)";

std::string standard(const std::string& number, const std::string& title, const std::string& extra_cover,
                     const std::string& scope, const std::string& references = "") {
    std::string text = "---\nnumber: " + number + "\ntitle: " + title + "\nissuer: 重庆市机关事务管理局\n" + extra_cover +
                       "---\n# 范围\n\n" + scope + "\n\n# 规范性引用文件\n\n";
    text += references.empty() ? "本文件没有规范性引用文件。\n" : "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。\n\n" + references;
    text += "\n# 要求\n\n服务人员应按规定着装。\n";
    return text;
}

struct Repository {
    fs::path root;
    explicit Repository(const std::string& name) {
        root = fs::temp_directory_path() / ("bzc-repo-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root / "standards");
        write("bzc.yaml", project_file);
    }
    ~Repository() { fs::remove_all(root); }
    void write(const std::string& path, const std::string& text) {
        fs::create_directories((root / path).parent_path());
        std::ofstream(root / path, std::ios::binary | std::ios::trunc) << text;
    }
    RepositoryCheckResult check(bool cache = true, bool drafting_rules = true) const {
        RepositoryCheckOptions options;
        options.drafting_rules = drafting_rules;
        options.project_file = root / "bzc.yaml";
        options.use_cache = cache;
        options.jobs = 2;
        return bzc::repository::check_repository(options);
    }
};

// "REPO-01 standards/b.md:12" for each finding of the REPO rules.
std::vector<std::string> repo_findings(const RepositoryCheckResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) {
        if (d.rule->id.rfind("REPO-", 0) != 0) continue;
        out.push_back(d.rule->id + " " + r.sources.file(d.location.file).path + ":" + std::to_string(d.location.line));
    }
    return out;
}

const std::string published = "stage: 发布稿\nissued: 2024-01-10\neffective: 2024-03-01\n";

}  // namespace

TEST_CASE("globs match whole path segments, ** any number of them", "[repository]") {
    using bzc::repository::glob_matches;
    CHECK(glob_matches("standards/**/*.md", "standards/a.md"));
    CHECK(glob_matches("standards/**/*.md", "standards/x/y/a.md"));
    CHECK_FALSE(glob_matches("standards/**/*.md", "other/a.md"));
    CHECK_FALSE(glob_matches("standards/*.md", "standards/x/a.md"));
    CHECK(glob_matches("**/*.xml", "a/b.xml"));
    CHECK_FALSE(glob_matches("*.md", ".hidden.md"));
}

TEST_CASE("a repository standard cited with another title, an old edition or as a draft is an error", "[repository]") {
    ::setenv("BZC_TODAY", "2026-11-22", 1);
    Repository repo("citations");
    repo.write("standards/terms.md", standard("Q/JGSW 101—2023", "机关事务术语", published + "category: \"110\"\n", "本文件界定了机关事务工作中的术语。"));
    repo.write("standards/guide-2016.md", standard("Q/JGSW 102—2016", "机关事务标准化工作指南", "stage: 发布稿\nissued: 2016-01-10\neffective: 2016-03-01\nreviewed: 2024-01-01\ncategory: \"110\"\n", "本文件提供了机关事务标准化工作的指导。"));
    repo.write("standards/guide-2024.md", standard("Q/JGSW 102—2024", "机关事务标准化工作指南", published + "replaces: Q/JGSW 102—2016\ncategory: \"110\"\n", "本文件提供了机关事务标准化工作的指导。"));
    repo.write("standards/meeting.md", standard("Q/JGSW 211—2026", "会议服务规范", "stage: 征求意见稿\ncategory: \"210\"\n", "本文件规定了会议服务的要求。"));
    // Wrong title (REPO-01), the replaced edition (REPO-02), a draft (REPO-03), lines 18 to 20.
    repo.write("standards/reception.md",
               standard("Q/JGSW 212—2024", "公务接待服务规范", published + "category: \"210\"\n", "本文件规定了公务接待服务的要求。",
                        "- Q/JGSW 101—2023　机关事务基本术语\n- Q/JGSW 102—2016　机关事务标准化工作指南\n- Q/JGSW 211　会议服务规范\n"));
    auto r = repo.check(false);
    std::string reception = "standards/reception.md";
    CHECK(repo_findings(r) == std::vector<std::string>{"REPO-01 " + reception + ":18", "REPO-02 " + reception + ":19",
                                                       "REPO-03 " + reception + ":20"});
    // The right title, the current edition and a published standard: quiet.
    repo.write("standards/meeting.md", standard("Q/JGSW 211—2026", "会议服务规范", published + "category: \"210\"\n", "本文件规定了会议服务的要求。"));
    repo.write("standards/reception.md",
               standard("Q/JGSW 212—2024", "公务接待服务规范", published + "category: \"210\"\n", "本文件规定了公务接待服务的要求。",
                        "- Q/JGSW 101—2023　机关事务术语\n- Q/JGSW 102—2024　机关事务标准化工作指南\n- Q/JGSW 211　会议服务规范\n"));
    CHECK(repo_findings(repo.check(false)).empty());
}

TEST_CASE("the framework, duplicates, near duplicates and reviews are checked over all standards", "[repository]") {
    ::setenv("BZC_TODAY", "2026-11-22", 1);
    Repository repo("between");
    repo.write("standards/a.md", standard("Q/JGSW 231—2024", "公务用车使用管理规范", published + "category: \"230\"\n",
                                          "本文件规定了公务用车配备、使用、调度和管理的要求。"));
    repo.write("standards/b.md", standard("Q/JGSW 232—2024", "公务用车管理使用规范", published + "category: \"230\"\n",
                                          "本文件规定了公务用车配备、调度、使用和管理的要求。"));
    repo.write("standards/c.md", standard("Q/JGSW 233—2024", "公务用车维修保养规范", published + "category: \"239\"\n",
                                          "本文件规定了公务用车维修、保养和检测的要求。"));
    repo.write("standards/d.md", standard("Q/JGSW 233—2024", "会议室布置规范", published, "本文件规定了会议室布置的要求。"));
    repo.write("standards/e.md", standard("Q/JGSW 213—2018", "接待用餐服务规范", "stage: 发布稿\nissued: 2018-01-10\neffective: 2018-03-01\ncategory: \"210\"\n",
                                          "本文件规定了接待用餐服务的要求。"));
    auto r = repo.check(false);
    auto at = [&](const char* file, int line) { return std::string("standards/") + file + ":" + std::to_string(line); };
    CHECK(repo_findings(r) == std::vector<std::string>{"REPO-04 " + at("b.md", 3), "REPO-06 " + at("c.md", 8),
                                                       "REPO-05 " + at("d.md", 2), "REPO-07 " + at("d.md", 2),
                                                       "REPO-08 " + at("e.md", 2)});
    // Reviewed since, a category, another number: quiet (a and b stay alike).
    repo.write("standards/c.md", standard("Q/JGSW 233—2024", "公务用车维修保养规范", published + "category: \"230\"\n",
                                          "本文件规定了公务用车维修、保养和检测的要求。"));
    repo.write("standards/d.md", standard("Q/JGSW 214—2024", "会议室布置规范", published + "category: \"210\"\n", "本文件规定了会议室布置的要求。"));
    repo.write("standards/e.md", standard("Q/JGSW 213—2018", "接待用餐服务规范",
                                          "stage: 发布稿\nissued: 2018-01-10\neffective: 2018-03-01\nreviewed: 2023-05-01\ncategory: \"210\"\n",
                                          "本文件规定了接待用餐服务的要求。"));
    CHECK(repo_findings(repo.check(false)) == std::vector<std::string>{"REPO-04 " + at("b.md", 3)});
}

TEST_CASE("near duplicates are told apart by the words that name the subject", "[repository]") {
    bzc::TextSimilarity similarity(
        {"公务用车使用管理规范", "公务用车管理使用规范", "公务用车维修保养规范", "会议服务管理规范", "办公用房维修管理规范"});
    INFO(similarity(0, 1) << " " << similarity(0, 2) << " " << similarity(3, 4));
    CHECK(similarity(0, 1) > 0.65);
    CHECK(similarity(0, 2) < 0.6);
    CHECK(similarity(3, 4) < 0.5);
    CHECK(similarity(0, 0) == Approx(1.0));
}

TEST_CASE("the pairs found through the feature index are the pairs of comparing all of them", "[repository]") {
    // Titles built from a few subjects and kinds, so that many share features and some none.
    const std::vector<std::string> subjects{"公务用车", "办公用房", "会议服务", "公共机构节能", "接待用餐", "物业管理", "资产清查"};
    const std::vector<std::string> kinds{"使用管理规范", "服务规范", "维修保养规范", "评价指南", "管理规范", "ABC 12"};
    std::vector<std::string> titles;
    for (std::size_t i = 0; i < 120; ++i) {
        titles.push_back(subjects[i % subjects.size()] + kinds[(i / 3) % kinds.size()] + (i % 4 == 0 ? subjects[(i / 5) % subjects.size()] : ""));
    }
    titles.push_back("");
    bzc::TextSimilarity similarity(titles);
    for (double minimum : {0.3, 0.45, 0.7, 0.95}) {
        std::vector<std::tuple<std::size_t, std::size_t, double>> expected;
        for (std::size_t a = 0; a < titles.size(); ++a) {
            for (std::size_t b = a + 1; b < titles.size(); ++b) {
                double s = similarity(a, b);
                if (s >= minimum) expected.emplace_back(a, b, s);
            }
        }
        auto found = similarity.pairs_at_least(minimum);
        INFO("minimum " << minimum);
        REQUIRE(found.size() == expected.size());
        for (std::size_t k = 0; k < found.size(); ++k) {
            CHECK(std::get<0>(found[k]) == std::get<0>(expected[k]));
            CHECK(std::get<1>(found[k]) == std::get<1>(expected[k]));
            CHECK(std::get<2>(found[k]) == Approx(std::get<2>(expected[k])));
        }
    }
}

TEST_CASE("the cache keeps unchanged standards and re-checks those citing a changed one", "[repository]") {
    ::setenv("BZC_TODAY", "2026-11-22", 1);
    Repository repo("cache");
    repo.write("standards/terms.md", standard("Q/JGSW 101—2023", "机关事务术语", published + "category: \"110\"\n", "本文件界定了机关事务工作中的术语。"));
    repo.write("standards/reception.md",
               standard("Q/JGSW 212—2024", "公务接待服务规范", published + "category: \"210\"\n", "本文件规定了公务接待服务的要求。",
                        "- Q/JGSW 101—2023　机关事务术语\n"));
    repo.write("standards/vehicle.md", standard("Q/JGSW 231—2024", "公务用车使用管理规范", published + "category: \"230\"\n",
                                                "本文件规定了公务用车使用的要求。"));
    auto first = repo.check();
    CHECK(first.checked == 3);
    CHECK(first.cached == 0);
    CHECK(fs::exists(repo.root / ".bzc-cache" / "check-v2.bin"));
    auto second = repo.check();
    CHECK(second.checked == 0);
    CHECK(second.cached == 3);
    auto messages = [](const RepositoryCheckResult& r) {
        std::ostringstream out;
        bzc::write_text_report(out, r.diagnostics, r.sources, bzc::Language::English);
        return out.str();
    };
    CHECK(messages(first) == messages(second));
    // The cited standard is renamed: it and the standard citing it are checked again, the third is not.
    repo.write("standards/terms.md", standard("Q/JGSW 101—2023", "机关事务基本术语", published + "category: \"110\"\n", "本文件界定了机关事务工作中的术语。"));
    auto third = repo.check();
    CHECK(third.checked == 2);
    CHECK(third.cached == 1);
    std::string reception = "standards/reception.md";
    CHECK(repo_findings(third) == std::vector<std::string>{"REPO-01 " + reception + ":18"});
    // A damaged cache is no cache.
    std::ofstream(repo.root / ".bzc-cache" / "check-v2.bin", std::ios::trunc) << "not a cache";
    auto fourth = repo.check();
    CHECK(fourth.checked == 3);
    CHECK(messages(fourth) == messages(third));
}

TEST_CASE("a re-check reads only sources whose file stamps changed and keeps the findings between standards", "[repository]") {
    ::setenv("BZC_TODAY", "2026-11-22", 1);
    Repository repo("stamps");
    repo.write("standards/a.md", standard("Q/JGSW 212—2024", "公务接待服务规范", published + "category: \"210\"\n", "本文件规定了公务接待服务的要求。"));
    repo.write("standards/b.md", standard("Q/JGSW 212—2024", "公务用车使用管理规范", published + "category: \"230\"\n", "本文件规定了公务用车使用的要求。"));
    repo.write("standards/c.md", standard("Q/JGSW 101—2023", "机关事务术语", published + "category: \"110\"\n", "本文件界定了机关事务工作中的术语。"));
    // Stamps are kept only for files that had settled (two seconds) when read.
    ::sleep(3);
    auto first = repo.check();
    CHECK(first.read == 3);
    auto duplicate = std::vector<std::string>{"REPO-05 standards/b.md:2"};
    CHECK(repo_findings(first) == duplicate);
    auto second = repo.check();
    CHECK(second.read == 0);
    CHECK(second.cached == 3);
    CHECK(repo_findings(second) == duplicate);  // the checks between standards, from the cache
    // An edit of the body: that file is read and checked again; the findings between standards hold.
    repo.write("standards/c.md", standard("Q/JGSW 101—2023", "机关事务术语", published + "category: \"110\"\n", "本文件界定了机关事务工作中的术语。") + "\n服务人员应佩戴工作牌。\n");
    auto third = repo.check();
    CHECK(third.read == 1);
    CHECK(third.checked == 1);
    CHECK(repo_findings(third) == duplicate);
    // The duplicate number corrected (the same size): read again, REPO-05 gone. c.md is read
    // again too: it was read within two seconds of its edit, so its stamp was not kept.
    repo.write("standards/b.md", standard("Q/JGSW 232—2024", "公务用车使用管理规范", published + "category: \"230\"\n", "本文件规定了公务用车使用的要求。"));
    auto fourth = repo.check();
    CHECK(fourth.read == 2);
    CHECK(repo_findings(fourth).empty());
}

TEST_CASE("a suppression comment in a standard silences a finding between standards", "[repository]") {
    ::setenv("BZC_TODAY", "2026-11-22", 1);
    Repository repo("suppress");
    repo.write("standards/a.md", standard("Q/JGSW 231—2024", "公务用车使用管理规范", published + "category: \"230\"\n",
                                          "本文件规定了公务用车配备、使用、调度和管理的要求。"));
    const std::string b = standard("Q/JGSW 232—2024", "公务用车管理使用规范", published + "category: \"230\"\n",
                                   "本文件规定了公务用车配备、调度、使用和管理的要求。");
    repo.write("standards/b.md", b);
    CHECK(repo_findings(repo.check()) == std::vector<std::string>{"REPO-04 standards/b.md:3"});
    repo.write("standards/b.md", b + "\n<!-- bzc-ignore-file REPO-04 本标准只适用于市级机关，与a.md划清了界限 -->\n");
    auto sup_findings = [](const RepositoryCheckResult& r) {
        std::vector<std::string> out;
        for (const auto& d : r.diagnostics)
            if (d.rule->id.rfind("SUP-", 0) == 0) out.push_back(d.rule->id);
        return out;
    };
    for (int run = 0; run < 2; ++run) {  // analysed, then from the cache
        INFO("run " << run);
        auto r = repo.check();
        CHECK(repo_findings(r).empty());
        CHECK(sup_findings(r).empty());  // not "unused": the compile of b.md alone cannot tell
        CHECK(r.suppressed == 1);
    }
    // A line-scoped comment elsewhere does not reach the title's line.
    repo.write("standards/b.md", b + "\n<!-- bzc-ignore REPO-04 只针对这一段 -->\n服务人员应佩戴工作牌。\n");
    CHECK(repo_findings(repo.check()) == std::vector<std::string>{"REPO-04 standards/b.md:3"});
}

TEST_CASE("JUnit output has a test case per source, failed when it has errors", "[repository]") {
    ::setenv("BZC_TODAY", "2026-11-22", 1);
    Repository repo("junit");
    repo.write("standards/terms.md", standard("Q/JGSW 101—2023", "机关事务术语", published + "category: \"110\"\n", "本文件界定了机关事务工作中的术语。"));
    repo.write("standards/bad.md", standard("Q/JGSW 102—2023", "机关事务标准化工作指南", published + "category: \"999\"\n", "本文件提供了指导。"));
    auto r = repo.check(false, false);  // the source checks only: terms.md is clean
    std::ostringstream out;
    bzc::write_junit_report(out, r.diagnostics, r.outcomes, r.sources, bzc::Language::English);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(out.str().c_str()));
    auto suite = doc.child("testsuites").child("testsuite");
    CHECK(std::string(suite.attribute("tests").value()) == "2");
    CHECK(std::string(suite.attribute("failures").value()) == "1");
    auto bad = suite.find_child_by_attribute("testcase", "name", "standards/bad.md");
    REQUIRE(bad);
    CHECK(std::string(bad.child("failure").text().get()).find("[REPO-06]") != std::string::npos);
    auto good = suite.find_child_by_attribute("testcase", "name", "standards/terms.md");
    REQUIRE(good);
    CHECK_FALSE(good.child("failure"));
}

TEST_CASE("the cover data of an XML standard is read with the XML front end's fields and lines", "[repository]") {
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<standard version="1">
  <metadata>
    <number>DB50/T 1001—2021</number>
    <replaces>DB50/T 1001—2015</replaces>
    <title>机关办公用房维修管理规范</title>
    <title-en>Specification for maintenance of government office buildings</title-en>
    <stage>征求意见稿</stage>
    <issued>2021-03-01</issued>
    <effective>2021-06-01</effective>
    <reviewed>2024-05-01</reviewed>
    <category>230</category>
    <issuer>重庆市市场监督管理局</issuer>
    <owner>重庆市机关事务管理局</owner>
  </metadata>
</standard>
)";
    auto id = bzc::repository::read_standard_identity("standards/a.xml", xml, true);
    CHECK(id.number == "DB50/T 1001—2021");
    CHECK(id.replaces == std::vector<std::string>{"DB50/T 1001—2015"});
    CHECK(id.title == "机关办公用房维修管理规范");
    CHECK(id.title_en == "Specification for maintenance of government office buildings");
    CHECK(id.stage == bzc::model::Stage::CommentDraft);
    CHECK(id.issued == "2021-03-01");
    CHECK(id.effective == "2021-06-01");
    CHECK(id.reviewed == "2024-05-01");
    CHECK(id.category == "230");
    CHECK(id.issuer == "重庆市市场监督管理局");
    CHECK(id.owner == "重庆市机关事务管理局");
    // The lines REPO findings on an XML standard point at.
    CHECK(id.number_line == 4);
    CHECK(id.title_line == 6);
    CHECK(id.category_line == 12);
    // Not XML at all: nothing, and no crash.
    CHECK(bzc::repository::read_standard_identity("b.xml", "<standard><metadata>", true).number.empty());
}
