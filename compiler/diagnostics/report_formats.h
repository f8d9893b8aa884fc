#pragma once

#include "diagnostics/diagnostic.h"

#include <ostream>
#include <string>
#include <vector>

namespace bzc {

class SourceManager;

enum class ReportFormat { Text, Json, Sarif, Junit };

// The findings of one source within a report's list: diagnostics[first, first + count).
struct ReportedFile {
    std::string path;
    std::size_t first = 0;
    std::size_t count = 0;
};

// file:line:col: severity: message [RULE-ID], with the rule's hint on an
// indented line below, as compilers print notes.
void write_text_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                       Language lang);

// {"diagnostics":[{"file","line","column","severity","rule","message"}], "errors", "warnings", "notes"}
void write_json_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                       Language lang, std::size_t suppressed = 0);

// SARIF 2.1.0, one run, the rules that fired in tool.driver.rules, columns in code points.
void write_sarif_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        Language lang);

// JUnit XML: a test case per source, failed when it has errors.
void write_junit_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const std::vector<ReportedFile>& files,
                        const SourceManager& sources, Language lang);

// "2 个错误，1 个警告（另有 3 个已抑制）" / "2 errors, 1 warning (3 suppressed)";
// empty when there is nothing to say.
std::string summary_line(const std::vector<Diagnostic>& diagnostics, Language lang, std::size_t suppressed = 0);

}  // namespace bzc
