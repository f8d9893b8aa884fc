// pandoc's answers kept between runs: what an entry holds and when it is
// taken, which pandoc a folder belongs to, the pruning of old folders, and
// a conversion that asks pandoc only about the formulas it has not
// answered before. That a DOCX from stored answers is the DOCX from pandoc,
// byte for byte, is tested in docx_math_test.cpp.
#include "emit/docx/math_cache.h"
#include "support/limits.h"
#include "support/subprocess.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace bzc::emit::docx;
namespace fs = std::filesystem;

namespace {

using bzc::test::ScratchFolder;
using bzc::test::read_file;

std::string script(const fs::path& path, const std::string& body) {
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(path, fs::perms::owner_all);
    return path.string();
}

std::size_t entries(const fs::path& folder) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(folder)) n += e.path().extension() == ".omml";
    return n;
}

const char* omml = "<m:oMath><m:r><m:t>a b</m:t></m:r></m:oMath>";

}  // namespace

TEST_CASE("a stored answer reads back only for its own question", "[math][cache]") {
    StoredAnswer converted{true, omml};
    std::string entry = encode_stored_answer(MathStyle::Display, "\\frac{a}{b}", converted);
    auto back = decode_stored_answer(entry, MathStyle::Display, "\\frac{a}{b}");
    REQUIRE(back);
    CHECK(back->converted);
    CHECK(back->omml == omml);
    // Another style or TeX (a digest shared by two questions) is not this answer.
    CHECK_FALSE(decode_stored_answer(entry, MathStyle::Inline, "\\frac{a}{b}"));
    CHECK_FALSE(decode_stored_answer(entry, MathStyle::Display, "\\frac{a}{c}"));
    CHECK_FALSE(decode_stored_answer(entry, MathStyle::Display, "\\frac{a}{b}x"));
    // Damaged: cut anywhere before the OMML, another format, no OMML.
    for (std::size_t cut = 0; cut < entry.size() - std::string(omml).size(); ++cut) {
        CHECK_FALSE(decode_stored_answer(entry.substr(0, cut), MathStyle::Display, "\\frac{a}{b}"));
    }
    std::string other_format = entry;
    other_format.replace(other_format.find(" 1\n"), 3, " 2\n");
    CHECK_FALSE(decode_stored_answer(other_format, MathStyle::Display, "\\frac{a}{b}"));
    CHECK_FALSE(decode_stored_answer(encode_stored_answer(MathStyle::Inline, "x", {true, ""}), MathStyle::Inline, "x"));
    // pandoc could not convert it: remembered too, with nothing after the verdict.
    std::string refused = encode_stored_answer(MathStyle::Inline, "\\bad{", {});
    auto no = decode_stored_answer(refused, MathStyle::Inline, "\\bad{");
    REQUIRE(no);
    CHECK_FALSE(no->converted);
    CHECK_FALSE(decode_stored_answer(refused + "<m:oMath/>", MathStyle::Inline, "\\bad{"));
    // TeX holding line ends and the header's words is still only TeX.
    std::string tricky = "a\nconverted\n";
    auto t = decode_stored_answer(encode_stored_answer(MathStyle::Inline, tricky, converted), MathStyle::Inline, tricky);
    REQUIRE(t);
    CHECK(t->omml == omml);
}

TEST_CASE("a cache folder belongs to one pandoc program, as it is on disk", "[math][cache]") {
    ScratchFolder scratch("bzc-math-cache-identity");
    std::string pandoc = script(scratch.path / "pandoc", "exit 0");
    CHECK_FALSE(MathCache::open("", pandoc).on());
    CHECK_FALSE(MathCache::open(scratch.path / "cache", (scratch.path / "missing").string()).on());
    MathCache first = MathCache::open(scratch.path / "cache", pandoc);
    REQUIRE(first.on());
    CHECK(first.folder().parent_path() == scratch.path / "cache");
    CHECK(MathCache::open(scratch.path / "cache", pandoc).folder() == first.folder());
    // Through a link: the program's own file decides.
    fs::create_symlink(pandoc, scratch.path / "link");
    CHECK(MathCache::open(scratch.path / "cache", (scratch.path / "link").string()).folder() == first.folder());
    // An upgrade (another size or time) is another pandoc.
    fs::last_write_time(pandoc, fs::last_write_time(pandoc) - std::chrono::hours(1));
    CHECK(MathCache::open(scratch.path / "cache", pandoc).folder() != first.folder());
    script(pandoc, "exit 0 # longer");
    CHECK(MathCache::open(scratch.path / "cache", pandoc).folder() != first.folder());
}

TEST_CASE("answers are stored and found; a damaged entry is not an answer", "[math][cache]") {
    ScratchFolder scratch("bzc-math-cache-store");
    MathCache cache = MathCache::open(scratch.path / "cache", script(scratch.path / "pandoc", "exit 0"));
    CHECK_FALSE(cache.find(MathStyle::Inline, "x"));
    cache.store(MathStyle::Inline, "x", {true, omml});
    cache.store(MathStyle::Display, "x", {});
    auto inline_x = cache.find(MathStyle::Inline, "x");
    REQUIRE(inline_x);
    CHECK(inline_x->omml == omml);
    auto display_x = cache.find(MathStyle::Display, "x");
    REQUIRE(display_x);
    CHECK_FALSE(display_x->converted);
    CHECK(entries(cache.folder()) == 2);
    for (const auto& e : fs::directory_iterator(cache.folder())) std::ofstream(e.path()) << "damaged";
    CHECK_FALSE(cache.find(MathStyle::Inline, "x"));
    // A cache that cannot be written is one that finds nothing.
    MathCache blocked = MathCache::open(scratch.path / "file" / "cache", script(scratch.path / "pandoc", "exit 0"));
    std::ofstream(scratch.path / "file") << "not a folder";
    blocked.store(MathStyle::Inline, "x", {true, omml});
    CHECK_FALSE(blocked.find(MathStyle::Inline, "x"));
}

TEST_CASE("the first answer of a new pandoc removes the folders unused for a month", "[math][cache]") {
    ScratchFolder scratch("bzc-math-cache-prune");
    fs::path root = scratch.path / "cache";
    fs::create_directories(root / "old-pandoc");
    std::ofstream(root / "old-pandoc" / "x.omml") << "old";
    fs::create_directories(root / "recent-pandoc");
    fs::last_write_time(root / "old-pandoc", fs::file_time_type::clock::now() - std::chrono::hours(24 * 31));
    fs::last_write_time(root / "recent-pandoc", fs::file_time_type::clock::now() - std::chrono::hours(24 * 29));
    MathCache cache = MathCache::open(root, script(scratch.path / "pandoc", "exit 0"));
    CHECK(fs::exists(root / "old-pandoc"));  // opening alone changes nothing
    cache.store(MathStyle::Inline, "x", {true, omml});
    CHECK_FALSE(fs::exists(root / "old-pandoc"));
    CHECK(fs::exists(root / "recent-pandoc"));
    CHECK(cache.find(MathStyle::Inline, "x"));
}

TEST_CASE("pandoc is asked only about the formulas it has not answered before", "[math][cache]") {
    auto real = bzc::find_program("pandoc");
    REQUIRE(real);  // build.sh installs it
    ScratchFolder scratch("bzc-math-cache-job");
    // pandoc behind a script that counts its calls and keeps its last input.
    fs::path calls = scratch.path / "calls", last = scratch.path / "last-input";
    MathOptions options;
    options.pandoc = script(scratch.path / "pandoc", "echo call >> '" + calls.string() + "'\ntee '" + last.string() +
                                                         "' | exec '" + *real + "' \"$@\"");
    options.cache_directory = scratch.path / "cache";
    auto call_count = [&] {
        std::string text = read_file(calls);
        return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    };
    const std::string body = "# 范围\n\n本文件规定了$x_1$与$\\bad{x$，又见$\\bad{x$。\n\n```math\n\\frac{a}{b}\n```\n";
    auto c = bzc::test::compile_text(bzc::test::with_cover(body));
    auto problems_of = [](const MathConversion& m) {
        std::vector<std::string> out;
        for (const auto& p : m.problems) out.push_back(p.tex + "@" + std::to_string(p.location.line));
        std::sort(out.begin(), out.end());
        return out;
    };

    MathConversion first = convert_math(c.document, options);
    CHECK(call_count() == 1);
    CHECK(first.converted() == 2);
    REQUIRE(first.problems.size() == 2);  // at each use of the TeX pandoc refused
    for (const auto& p : first.problems) CHECK(p.tex == "\\bad{x");
    CHECK(entries(options.cache_directory) == 3);  // the refusal is an answer too

    // Again: every answer is known, pandoc is not started, the result is the same.
    MathConversionJob again_job = MathConversionJob::start(c.document, options);
    CHECK_FALSE(again_job.runs_pandoc());
    MathConversion again = again_job.finish();
    CHECK(call_count() == 1);
    CHECK(again.converted() == 2);
    CHECK(problems_of(again) == problems_of(first));
    CHECK(MathConversion::stored_form(again.find(MathStyle::Display, "\\frac{a}{b}")) ==
          MathConversion::stored_form(first.find(MathStyle::Display, "\\frac{a}{b}")));

    // One new formula: pandoc gets that one alone.
    auto more = bzc::test::compile_text(bzc::test::with_cover(body + "\n另见$y^2$。\n"));
    MathConversion extended = convert_math(more.document, options);
    CHECK(call_count() == 2);
    CHECK(read_file(last) == "bzcmath0\n\n$y^2$\n\n");
    CHECK(extended.converted() == 3);
    CHECK(extended.find(MathStyle::Inline, "y^2").child("m:sSup"));

    // A damaged entry is asked again, and replaced.
    fs::path damaged = options.cache_directory;
    for (const auto& e : fs::recursive_directory_iterator(options.cache_directory)) {
        if (e.path().extension() == ".omml" && read_file(e.path()).find("y^2") != std::string::npos) damaged = e.path();
    }
    REQUIRE(damaged != options.cache_directory);
    std::ofstream(damaged) << read_file(damaged).substr(0, 60);
    CHECK(convert_math(more.document, options).converted() == 3);
    CHECK(call_count() == 3);
    CHECK(read_file(last) == "bzcmath0\n\n$y^2$\n\n");
    CHECK(convert_math(more.document, options).converted() == 3);
    CHECK(call_count() == 3);

    // A pandoc that fails answers nothing: nothing is stored.
    MathOptions failing = options;
    failing.pandoc = script(scratch.path / "failing-pandoc", "exit 3");
    auto other = bzc::test::compile_text(bzc::test::with_cover("# 范围\n\n本文件规定了$z$。\n"));
    std::size_t before = entries(options.cache_directory);
    CHECK(convert_math(other.document, failing).problems.at(0).kind == MathProblem::Kind::NoConverter);
    CHECK(entries(options.cache_directory) == before);
}

TEST_CASE("a stored answer must be one m:oMath element", "[math][cache]") {
    TexUse use{MathStyle::Inline, "a", {{1, 1, 1}}};
    MathConversion m;
    CHECK(m.add_stored(use, omml));
    CHECK(std::string(m.find(MathStyle::Inline, "a").child("m:r").child_value("m:t")) == "a b");
    for (const char* bad : {"", "<m:oMath>", "<m:r/>", "<m:oMath/><m:oMath/>", "text<m:oMath/>", "<m:oMath/>text"}) {
        MathConversion n;
        CHECK_FALSE(n.add_stored(use, bad));
        CHECK(n.converted() == 0);
    }
    // The DOCX writer copies OMML recursively: a forged entry nested deeper than a formula
    // ever is is not an answer (and is refused without recursing itself).
    auto nested = [](std::size_t depth) {
        std::string xml = "<m:oMath>";
        for (std::size_t i = 0; i < depth; ++i) xml += "<m:e>";
        for (std::size_t i = 0; i < depth; ++i) xml += "</m:e>";
        return xml + "</m:oMath>";
    };
    TexUse deep{MathStyle::Inline, "d", {{1, 1, 1}}};
    CHECK(MathConversion().add_stored(deep, nested(bzc::limits::max_math_depth)));
    CHECK_FALSE(MathConversion().add_stored(deep, nested(bzc::limits::max_math_depth + 1)));
    CHECK_FALSE(MathConversion().add_stored(deep, nested(200000)));
    // Stored and read back, an element is the same element, single spaces included.
    CHECK(MathConversion::stored_form(m.find(MathStyle::Inline, "a")) == omml);
    TexUse spaced{MathStyle::Inline, "b", {{1, 1, 1}}};
    CHECK(m.add_stored(spaced, "<m:oMath><m:r><m:t> </m:t></m:r></m:oMath>"));
    CHECK(MathConversion::stored_form(m.find(MathStyle::Inline, "b")) == "<m:oMath><m:r><m:t> </m:t></m:r></m:oMath>");
}
