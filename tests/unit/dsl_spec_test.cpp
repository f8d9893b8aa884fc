// Runs the examples of tests/spec/dsl.md: each Markdown source must give
// the canonical XML and the diagnostics written below it, and its XML must
// read back into the same XML.
#include "test_support.h"

#include <catch2/catch.hpp>

namespace {

struct Example {
    int line = 0;
    std::string markdown;
    std::string xml;
    std::vector<std::string> diagnostics;
};

std::vector<Example> load_examples() {
    std::istringstream in(bzc::test::read_file(bzc::test::source_path("tests/spec/dsl.md")));
    const std::string fence(32, '`');
    std::vector<Example> examples;
    std::string line;
    int number = 0;
    bool inside = false;
    int part = 0;
    Example current;
    while (std::getline(in, line)) {
        ++number;
        if (!inside && line == fence + " example") {
            inside = true;
            part = 0;
            current = Example{};
            current.line = number;
            continue;
        }
        if (!inside) continue;
        if (line == fence) {
            inside = false;
            examples.push_back(current);
            continue;
        }
        if (line == ".") {
            ++part;
            continue;
        }
        if (part == 0) current.markdown += line + "\n";
        else if (part == 1) current.xml += line + "\n";
        else if (!line.empty()) current.diagnostics.push_back(line);
    }
    return examples;
}

// The elements after </metadata>, de-indented by one level.
std::string body_of(const std::string& xml) {
    std::istringstream in(xml);
    std::string line, out;
    bool after_metadata = false;
    while (std::getline(in, line)) {
        if (line == "  </metadata>") {
            after_metadata = true;
            continue;
        }
        if (!after_metadata || line == "</standard>") continue;
        out += (line.rfind("  ", 0) == 0 ? line.substr(2) : line) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("DSL spec examples", "[spec]") {
    auto examples = load_examples();
    REQUIRE(examples.size() >= 30);
    for (const auto& example : examples) {
        INFO("tests/spec/dsl.md example at line " << example.line << ":\n" << example.markdown);
        auto compiled = bzc::test::compile_text(example.markdown);
        CHECK(body_of(compiled.xml) == example.xml);
        CHECK(compiled.findings("FM-01") == example.diagnostics);

        auto again = bzc::test::compile_text(compiled.xml, true);
        CHECK(again.xml == compiled.xml);
    }
}
