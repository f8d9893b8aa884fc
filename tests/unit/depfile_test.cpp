#include "driver/depfile.h"

#include <catch2/catch.hpp>

using bzc::driver::Depfile;
using bzc::driver::escape_for_make;

TEST_CASE("paths are escaped as make and ninja read depfiles", "[depfile]") {
    CHECK(escape_for_make("standards/base.md") == "standards/base.md");
    CHECK(escape_for_make("out/DB50-T 1016—2020.docx") == "out/DB50-T\\ 1016—2020.docx");
    CHECK(escape_for_make("a#1.md") == "a\\#1.md");
    CHECK(escape_for_make("price$1.png") == "price$$1.png");
    CHECK(escape_for_make("a:b.md") == "a\\:b.md");
    CHECK(escape_for_make("tab\there") == "tab\\\there");
    // A backslash before an escaped character is doubled, one elsewhere kept.
    CHECK(escape_for_make("a\\ b") == "a\\\\\\ b");
    CHECK(escape_for_make("a\\b") == "a\\b");
    CHECK(escape_for_make("dir\\") == "dir\\\\");
    CHECK_FALSE(escape_for_make("line\nbreak.md"));
    CHECK_FALSE(escape_for_make("cr\rhere.md"));
}

TEST_CASE("the depfile has one rule per output and -MP targets for the other inputs", "[depfile]") {
    Depfile depfile;
    depfile.add("out/A 1.docx", {"a.md", "bzc.yaml", "b.md"});
    depfile.add("out/B.docx", {"b.md", "bzc.yaml"});
    std::string unwritable;
    auto text = depfile.text(unwritable);
    REQUIRE(text);
    CHECK(*text ==
          "out/A\\ 1.docx: \\\n  a.md \\\n  bzc.yaml \\\n  b.md\n"
          "out/B.docx: \\\n  b.md \\\n  bzc.yaml\n"
          "\nbzc.yaml:\n");  // b.md is a source of this run: its deletion must fail the build
}

TEST_CASE("a path with a line break makes no depfile", "[depfile]") {
    Depfile depfile;
    depfile.add("out/A.docx", {"a.md", "fig/x\ny.png"});
    std::string unwritable;
    CHECK_FALSE(depfile.text(unwritable));
    CHECK(unwritable == "fig/x\ny.png");
}
