#pragma once

#include "analysis/analysis.h"
#include "checks/check.h"
#include "diagnostics/diagnostic.h"
#include "emit/canonical_xml.h"
#include "frontend/markdown/markdown_reader.h"
#include "frontend/xml/xml_reader.h"
#include "support/file_bytes.h"
#include "support/source_manager.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace bzc::test {

// A source run through the whole pipeline in memory.
struct Compiled {
    SourceManager sources;
    model::Document document;
    std::vector<Diagnostic> diagnostics;
    std::string xml;

    // "RULE line:column" for each finding, in order, leaving out `skip`.
    // Only the checks of the source itself unless `drafting_rules`: the
    // unit tests of the front ends and analysis use minimal documents that
    // the GB/T 1.1 rules (tested in tests/rules) rightly find incomplete.
    std::vector<std::string> findings(const std::string& skip = "", bool drafting_rules = false) const {
        std::vector<std::string> out;
        for (const auto& d : diagnostics) {
            if (d.rule->id == skip) continue;
            if (!drafting_rules && d.rule->file != "rules/source.yaml") continue;
            out.push_back(d.rule->id + " " + std::to_string(d.location.line) + ":" + std::to_string(d.location.column));
        }
        return out;
    }
    // The findings of the checks of the source itself (see findings()).
    std::vector<Diagnostic> source_diagnostics() const {
        std::vector<Diagnostic> out;
        for (const auto& d : diagnostics)
            if (d.rule->file == "rules/source.yaml") out.push_back(d);
        return out;
    }
    bool has(const std::string& rule) const {
        for (const auto& d : diagnostics)
            if (d.rule->id == rule) return true;
        return false;
    }
};

inline Compiled compile_text(const std::string& text, bool xml = false, const std::string& name = "") {
    Compiled c;
    DiagnosticSink sink;
    std::uint32_t file = c.sources.add(name.empty() ? (xml ? "input.xml" : "input.md") : name, text);
    c.document = xml ? frontend::read_xml(file, c.sources, sink) : frontend::read_markdown(file, c.sources, sink);
    analysis::analyse(c.document, sink);
    checks::run_all_checks(c.document, sink);
    sink.finish(c.document.metadata.stage);
    c.diagnostics = sink.diagnostics();
    c.xml = emit::write_canonical_xml(c.document);
    return c;
}

// A file's bytes, or "" when it cannot be read.
inline std::string read_file(const std::string& path) { return read_file_bytes(path).value_or(""); }

// Sets (or, with nullptr, removes) an environment variable for a scope.
class EnvironmentVariable {
public:
    EnvironmentVariable(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    EnvironmentVariable(const EnvironmentVariable&) = delete;
    EnvironmentVariable& operator=(const EnvironmentVariable&) = delete;
    ~EnvironmentVariable() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

// A folder of a test's own under the system's temporary folder (named
// after the test and the process, as test cases run in parallel
// processes), emptied first and removed with its files afterwards.
struct ScratchFolder {
    std::filesystem::path path;
    explicit ScratchFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    ~ScratchFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    // Writes a file under the folder, making the folders on its way.
    void write(const std::string& name, const std::string& content) const {
        std::filesystem::create_directories((path / name).parent_path());
        std::ofstream(path / name, std::ios::binary) << content;
    }
};

inline std::string source_path(const std::string& relative) { return std::string(BZC_SOURCE_DIR) + "/" + relative; }

// Front matter that makes a minimal, clean standard around a body.
inline std::string with_cover(const std::string& body) {
    return "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nstage: 征求意见稿\n---\n" + body;
}

}  // namespace bzc::test
