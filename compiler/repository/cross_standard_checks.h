#pragma once

#include "diagnostics/diagnostic.h"
#include "repository/framework.h"
#include "repository/repository_index.h"

#include <string>
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

}  // namespace bzc::repository
