#include "diagnostics/diagnostic.h"

#include <algorithm>

namespace bzc {

namespace {

std::vector<std::pair<std::string, std::string>> argument_values(const DiagnosticArgs& args, Language lang) {
    std::vector<std::pair<std::string, std::string>> values;
    values.reserve(args.size());
    for (const auto& a : args) {
        values.emplace_back(a.name, lang == Language::English && !a.english.empty() ? a.english : a.value);
    }
    return values;
}

}  // namespace

std::string Diagnostic::message(Language lang) const {
    return format_message(rule->message.in(lang), argument_values(args, lang));
}

// Hints may name the finding's values too ("应符合{document}的规定").
std::string Diagnostic::hint(Language lang) const {
    return format_message(rule->hint.in(lang), argument_values(args, lang));
}

void DiagnosticSink::report(std::string_view rule_id, SourceLocation location, DiagnosticArgs args, std::optional<Fix> fix) {
    Diagnostic d;
    d.rule = &RuleRegistry::instance().get(rule_id);
    d.location = location;
    d.args = std::move(args);
    d.fix = std::move(fix);
    d.severity = d.rule->severity;
    diagnostics_.push_back(std::move(d));
}

void DiagnosticSink::finish(std::optional<model::Stage> stage,
                            const std::map<std::string, std::optional<Severity>, std::less<>>& overrides) {
    for (auto& d : diagnostics_) {
        d.severity = d.rule->severity_for(stage);
        auto it = overrides.find(d.rule->id);
        if (it != overrides.end() && it->second) d.severity = *it->second;
    }
    std::erase_if(diagnostics_, [&](const Diagnostic& d) {
        auto it = overrides.find(d.rule->id);
        return it != overrides.end() && !it->second;
    });
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.location.file, a.location.line, a.location.column) <
               std::tie(b.location.file, b.location.line, b.location.column);
    });
}

}  // namespace bzc
