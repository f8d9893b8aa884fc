#pragma once

#include "diagnostics/diagnostic.h"
#include "repository/framework.h"
#include "repository/repository_index.h"

#include <string>
#include <tuple>
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

// How alike two texts are, from 0 to 1: the cosine of their Han character
// and character-pair counts, weighted by how rare each is in `corpus`
// (inverse document frequency), so that 管理, 规范 and the fixed wording of
// scopes weigh little and what names the subject weighs much.
class TextSimilarity {
public:
    explicit TextSimilarity(const std::vector<std::string>& corpus);
    double operator()(std::size_t a, std::size_t b) const;
    // Every pair (a < b) at least `minimum` alike, with its similarity: all
    // pairs at once through an index of the texts by feature, so that the
    // cost follows the pairs that share something, not the square of the count.
    std::vector<std::tuple<std::size_t, std::size_t, double>> pairs_at_least(double minimum) const;

private:
    struct Vector {
        std::vector<std::pair<std::uint64_t, double>> weights;  // by feature, sorted
        double norm = 0;
    };
    std::vector<Vector> vectors_;
};

}  // namespace bzc::repository
