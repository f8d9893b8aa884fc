#include "diagnostics/report_formats.h"

#include "support/source_manager.h"
#include "support/utf8.h"

#include <pugixml.hpp>

#include <sstream>
#include <string_view>

namespace bzc {

namespace {

// XML 1.0 can carry only some characters (its production Char: tab, line
// feeds and U+0020 up, less surrogates and U+FFFE/U+FFFF), and the report is
// UTF-8. A file name is any bytes and a message may quote any source text:
// one control character or stray byte would make the whole report unreadable
// to the CI server, so each is written as U+FFFD, as the SARIF writer does
// with text that is not UTF-8.
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = utf8::decode(text, pos);
        bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                       (c >= 0x10000 && c <= 0x10FFFF);
        utf8::append(out, allowed ? c : char32_t{0xFFFD});
    }
    return out;
}

}  // namespace

// JUnit XML as CI servers read it (the Jenkins/Surefire schema): one test
// case per source, failed when it has errors, its warnings and notes in
// system-out, so a pipeline shows each standard as a test.
void write_junit_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const std::vector<ReportedFile>& files,
                        const SourceManager& sources, Language lang) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto suites = doc.append_child("testsuites");
    auto suite = suites.append_child("testsuite");
    std::size_t failures = 0;
    auto line_of = [&](const Diagnostic& d) {
        std::ostringstream s;
        write_text_report(s, {d}, sources, lang);
        return s.str();
    };
    for (const auto& f : files) {
        auto test = suite.append_child("testcase");
        std::string path = xml_text(f.path);
        test.append_attribute("classname") = "bzc";
        test.append_attribute("name") = path.c_str();
        // The file the test case is about, for the CI tools that annotate it
        // (mikepenz/action-junit-report, GitLab); junit-10.xsd allows it.
        test.append_attribute("file") = path.c_str();
        std::string errors, others;
        std::size_t error_count = 0;
        for (std::size_t i = f.first; i < f.first + f.count; ++i) {
            const Diagnostic& d = diagnostics[i];
            if (d.severity == Severity::Error) {
                errors += line_of(d);
                ++error_count;
            } else {
                others += line_of(d);
            }
        }
        if (error_count) {
            ++failures;
            auto failure = test.append_child("failure");
            std::string message = lang == Language::Chinese ? std::to_string(error_count) + " 个错误"
                                                            : std::to_string(error_count) + (error_count == 1 ? " error" : " errors");
            failure.append_attribute("message") = message.c_str();
            failure.append_attribute("type") = "error";
            failure.text() = xml_text(errors).c_str();
        }
        if (!others.empty()) test.append_child("system-out").text() = xml_text(others).c_str();
    }
    for (auto node : {suites, suite}) {
        if (node == suite) node.prepend_attribute("name") = "bzc check";
        else node.append_attribute("name") = "bzc";
        node.append_attribute("tests") = std::to_string(files.size()).c_str();
        node.append_attribute("failures") = std::to_string(failures).c_str();
        node.append_attribute("errors") = "0";
        if (node == suite) node.append_attribute("skipped") = "0";
    }
    doc.save(out, "  ", pugi::format_indent | pugi::format_no_empty_element_tags, pugi::encoding_utf8);
}

}  // namespace bzc
