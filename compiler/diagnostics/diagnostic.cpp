#include "diagnostics/diagnostic.h"

#include <algorithm>

namespace bzc {

std::string Diagnostic::message(Language lang) const {
    std::vector<std::pair<std::string, std::string>> values;
    values.reserve(args.size());
    for (const auto& a : args) {
        values.emplace_back(a.name, lang == Language::English && !a.english.empty() ? a.english : a.value);
    }
    return format_message(rule->message.in(lang), values);
}

void DiagnosticSink::report(std::string_view rule_id, SourceLocation location, DiagnosticArgs args) {
    Diagnostic d;
    d.rule = &RuleRegistry::instance().get(rule_id);
    d.location = location;
    d.args = std::move(args);
    d.severity = d.rule->severity;
    diagnostics_.push_back(std::move(d));
}

void DiagnosticSink::finish(std::optional<model::Stage> stage) {
    for (auto& d : diagnostics_) d.severity = d.rule->severity_for(stage);
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.location.file, a.location.line, a.location.column) <
               std::tie(b.location.file, b.location.line, b.location.column);
    });
}

std::size_t DiagnosticSink::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics_.begin(), diagnostics_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

bool DiagnosticSink::has_io_failure() const {
    return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.rule->io_failure; });
}

std::size_t DiagnosticSink::reported_errors_in(std::uint32_t file) const {
    return static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(), [file](const Diagnostic& d) {
        return d.location.file == file && d.rule->severity == Severity::Error;
    }));
}

}  // namespace bzc
