#include "diagnostics/rule_registry.h"

namespace bzc {

// The registry of the running program, from the table the build compiles
// out of rules/*.yaml (kept apart from rule_registry.cpp, which the table
// generator itself is built from).
const RuleRegistry& RuleRegistry::instance() {
    static const RuleRegistry registry = [] {
        RuleRegistry r;
        for (auto& rule : compiled_rules()) r.add(std::move(rule));
        return r;
    }();
    return registry;
}

}  // namespace bzc
