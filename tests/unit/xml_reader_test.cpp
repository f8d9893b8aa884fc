#include "test_support.h"

#include <catch2/catch.hpp>

using bzc::test::compile_text;

TEST_CASE("a valid XML source is read like the Markdown it came from", "[xml]") {
    auto md = compile_text(bzc::test::with_cover("# 范围\n本文件规定了要求。\n\n# 要求 {#req}\n## 一般\n见[](#req)。\n"));
    auto xml = compile_text(md.xml, true);
    CHECK(xml.findings().empty());
    CHECK(xml.xml == md.xml);
    CHECK(xml.document.sections.size() == 3);  // generated 前言 + two chapters
}

TEST_CASE("XML problems are located", "[xml]") {
    auto broken = compile_text("<standard version=\"1\">\n<metadata>\n</standard>\n", true);
    CHECK(broken.findings() == std::vector<std::string>{"XML-01 3:12"});

    auto invalid = compile_text("<standard version=\"1\">\n  <metadata/>\n  <chapter>\n    <p>无标题的章</p>\n  </chapter>\n</standard>\n", true);
    REQUIRE(invalid.has("XML-02"));
    CHECK(invalid.findings()[0] == "XML-02 4:5");

    auto unknown = compile_text("<standard version=\"1\"><metadata/><script/></standard>", true);
    CHECK(unknown.has("XML-02"));
}

TEST_CASE("DOCTYPE and entities are refused before parsing", "[xml]") {
    const char* inputs[] = {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE standard [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<standard version=\"1\"><metadata><title>&x;</title></metadata></standard>",
        "<!DOCTYPE standard SYSTEM \"http://example.org/bzc.dtd\"><standard version=\"1\"><metadata/></standard>",
        "<!-- comment --><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><standard version=\"1\"><metadata><title>&lol2;</title></metadata></standard>",
    };
    for (const char* input : inputs) {
        INFO(input);
        auto c = compile_text(input, true);
        CHECK(c.has("XML-03"));
        CHECK(c.document.sections.empty());
    }
}

TEST_CASE("XML clause depth and term entries", "[xml]") {
    std::string deep = "<standard version=\"1\"><metadata><number>GB/T 1—2020</number><title>t</title></metadata><chapter><title>章</title>";
    for (int i = 0; i < 6; ++i) deep += "<clause><title>条</title>";
    for (int i = 0; i < 6; ++i) deep += "</clause>";
    deep += "</chapter></standard>";
    CHECK(compile_text(deep, true).has("DSL-03"));

    auto term = compile_text("<standard version=\"1\"><metadata/><chapter><title>术语和定义</title><term><preferred>空</preferred></term></chapter></standard>", true);
    CHECK(term.has("DSL-10"));
}
