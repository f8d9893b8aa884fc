#pragma once

#include "diagnostics/diagnostic.h"
#include "repository/framework.h"
#include "repository/repository_index.h"

#include <string>
#include <string_view>
#include <vector>

namespace bzc::repository {

// One source as the checks between standards see it.
struct LinkedSource {
    const StandardIdentity* identity = nullptr;
    std::string scope;        // the text of its 范围
    std::uint32_t file = 0;   // its id in the run's SourceManager
};

struct RepositorySettings {
    const Framework* framework = nullptr;
    int review_period_years = 5;
    std::string today;
};

// The checks that need all the standards at once: the same number twice
// (REPO-05), categories against the framework (REPO-06, REPO-07), near
// duplicates by title and scope (REPO-04) and reviews due (REPO-08). The
// findings of source i go to sinks[i].
void check_between_standards(const RepositoryIndex& index, const std::vector<LinkedSource>& sources,
                             const RepositorySettings& settings, std::vector<DiagnosticSink>& sinks);

// Whether check_between_standards reports this rule: such findings are made
// over the whole repository, never by compiling one source, so a compile
// cannot tell whether a suppression comment naming one is used.
bool is_between_standards_rule(std::string_view rule_id);

}  // namespace bzc::repository
