#include "diagnostics/report_formats.h"

#include "support/source_manager.h"

namespace bzc {

void write_text_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                       Language lang) {
    for (const auto& d : diagnostics) {
        if (d.location.known()) {
            out << sources.file(d.location.file).path << ':';
            if (d.location.line > 0) out << d.location.line << ':' << d.location.column << ':';
        } else {
            out << "bzc:";
        }
        out << ' ' << severity_name(d.severity) << ": " << d.message(lang) << " [" << d.rule->id << "]\n";
        std::string hint = d.hint(lang);
        if (!hint.empty()) out << "    " << (lang == Language::Chinese ? "提示：" : "hint: ") << hint << '\n';
    }
}

std::string summary_line(const std::vector<Diagnostic>& diagnostics, Language lang, std::size_t suppressed) {
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::Error) ++errors;
        else if (d.severity == Severity::Warning) ++warnings;
        else ++notes;
    }
    if (errors + warnings + notes + suppressed == 0) return {};
    if (lang == Language::Chinese) {
        std::string s = std::to_string(errors) + " 个错误，" + std::to_string(warnings) + " 个警告";
        if (notes) s += "，" + std::to_string(notes) + " 个提示";
        if (suppressed) s += "（另有 " + std::to_string(suppressed) + " 个已抑制）";
        return s;
    }
    auto plural = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    std::string s = plural(errors, "error") + ", " + plural(warnings, "warning");
    if (notes) s += ", " + plural(notes, "note");
    if (suppressed) s += " (" + std::to_string(suppressed) + " suppressed)";
    return s;
}

}  // namespace bzc
