#pragma once

#include "diagnostics/rule_registry.h"
#include "support/source_location.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bzc {

// A value for a {name} placeholder. Most values (an id, a number) read the
// same in every language; `english` is set where the wording differs.
struct DiagnosticArg {
    std::string name;
    std::string value;
    std::string english;

    DiagnosticArg(std::string n, std::string v) : name(std::move(n)), value(std::move(v)) {}
    DiagnosticArg(std::string n, std::string zh, std::string en)
        : name(std::move(n)), value(std::move(zh)), english(std::move(en)) {}
};
using DiagnosticArgs = std::vector<DiagnosticArg>;

// A mechanical fix: `original` as it stands in the source at the finding's
// location becomes `replacement`. `bzc fix` applies it only where the source
// still reads `original`, so a stale or imprecise location never corrupts text.
struct Fix {
    std::string original;
    std::string replacement;
};

// One finding. The message is rendered only when printed, in the language
// the user asked for, from the rule's message and these arguments.
struct Diagnostic {
    const Rule* rule = nullptr;
    SourceLocation location;
    DiagnosticArgs args;
    Severity severity = Severity::Error;  // resolved for the draft stage
    std::optional<Fix> fix;

    std::string message(Language lang) const;
    std::string hint(Language lang) const;  // empty when the rule has none
};

// Collects findings of one run. Stages report through it; nobody prints
// directly, so every output format sees the same findings.
class DiagnosticSink {
public:
    void report(std::string_view rule_id, SourceLocation location, DiagnosticArgs args = {}, std::optional<Fix> fix = {});

    // Resolves severities for the draft stage, applying project overrides
    // (an override of nullopt turns the rule off), and sorts by position
    // (stable, so findings at one position keep their order).
    void finish(std::optional<model::Stage> stage,
                const std::map<std::string, std::optional<Severity>, std::less<>>& overrides = {});

    // Removes the findings `silenced` says yes to; returns how many.
    template <class F> std::size_t remove_if(F&& silenced) {
        auto before = diagnostics_.size();
        std::erase_if(diagnostics_, silenced);
        return before - diagnostics_.size();
    }

    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace bzc
