#include "repository/cross_standard_checks.h"

#include "support/suggestions.h"
#include "support/text_similarity.h"
#include "support/utf8.h"
#include "system/review_schedule.h"

#include <algorithm>
#include <map>

namespace bzc::repository {

namespace {

// With scopes to compare, the mean of title and scope similarity decides;
// without, the title alone. Calibrated on repository_test.cpp's titles
// (公务用车使用管理规范 / 公务用车管理使用规范 0.70, / 公务用车维修保养规范 0.37,
// 会议服务管理规范 / 办公用房维修管理规范 0.20) and samples/jgsw-system.
constexpr double threshold = 0.70;

SourceLocation at_line(const LinkedSource& s, std::uint32_t line) { return {s.file, line ? line : 1, 1}; }

void duplicate_numbers(const std::vector<LinkedSource>& sources, std::vector<DiagnosticSink>& sinks) {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto& id = *sources[i].identity;
        if (!id.designation || id.designation->year.empty()) continue;
        auto [it, added] = first.emplace(id.designation->canonical(), i);
        if (added) continue;
        sinks[i].report("REPO-05", at_line(sources[i], id.number_line), {{"number", id.number}, {"other", sources[it->second].identity->path}});
    }
}

void categories(const Framework& framework, const std::vector<LinkedSource>& sources, std::vector<DiagnosticSink>& sinks) {
    if (framework.empty()) return;
    std::vector<std::string> codes;
    framework.for_each([&](const FrameworkCategory& c, int) { codes.push_back(c.code); });
    std::string example = codes.empty() ? "" : codes.front();
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto& id = *sources[i].identity;
        if (id.category.empty()) {
            sinks[i].report("REPO-07", at_line(sources[i], id.number_line), {{"example", example}});
        } else if (!framework.find(id.category)) {
            std::string guess = closest_match(id.category, codes);
            sinks[i].report("REPO-06", at_line(sources[i], id.category_line),
                            {{"category", id.category},
                             {"suggestion", guess.empty() ? "" : "（是否应为“" + guess + "”？）", guess.empty() ? "" : " (did you mean '" + guess + "'?)"}});
        }
    }
}

// Two editions of one document, or a standard and the one it replaces, are
// alike by design.
bool related(const StandardIdentity& a, const StandardIdentity& b) {
    if (a.designation && b.designation && a.designation->undated() == b.designation->undated()) return true;
    auto replaces = [](const StandardIdentity& x, const StandardIdentity& y) {
        if (!y.designation) return false;
        return std::any_of(x.replaces.begin(), x.replaces.end(), [&](const std::string& r) {
            auto d = model::parse_designation(r);
            return d && d->undated() == y.designation->undated();
        });
    };
    return replaces(a, b) || replaces(b, a);
}

void near_duplicates(const std::vector<LinkedSource>& sources, std::vector<DiagnosticSink>& sinks) {
    std::vector<std::string> titles, scopes;
    for (const auto& s : sources) {
        titles.push_back(s.identity->title);
        scopes.push_back(s.scope);
    }
    TextSimilarity title_similarity(titles);
    TextSimilarity scope_similarity(scopes);
    // Titles less alike than this are not duplicates whatever their scopes:
    // two standards of one subject share most of the words that name it.
    constexpr double least_title_similarity = 0.45;
    auto candidates = title_similarity.pairs_at_least(least_title_similarity);
    std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
        return std::pair(std::get<1>(x), std::get<0>(x)) < std::pair(std::get<1>(y), std::get<0>(y));
    });
    for (const auto& [a, b, title] : candidates) {
        {
            bool scopes_known = !scopes[a].empty() && !scopes[b].empty();
            double combined = scopes_known ? (title + scope_similarity(a, b)) / 2 : title;
            if (combined < threshold) continue;
            const auto& x = *sources[a].identity;
            const auto& y = *sources[b].identity;
            if (related(x, y)) continue;
            char similarity[8];
            std::snprintf(similarity, sizeof similarity, "%.2f", combined);
            sinks[b].report("REPO-04", at_line(sources[b], y.title_line),
                            {{"other", x.number.empty() ? x.path : x.number + "（" + x.path + "）", x.number.empty() ? x.path : x.number + " (" + x.path + ")"},
                             {"other_title", x.title},
                             {"similarity", similarity}});
        }
    }
}

void reviews(const RepositoryIndex& index, const std::vector<LinkedSource>& sources, const RepositorySettings& settings,
             std::vector<DiagnosticSink>& sinks) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto& id = *sources[i].identity;
        auto schedule = standard_system::review_schedule(id, index.status(id, settings.today), settings.today, settings.review_period_years);
        if (!schedule || schedule->state == standard_system::ReviewState::NotDue) continue;
        sinks[i].report("REPO-08", at_line(sources[i], id.number_line),
                        {{"since", schedule->since}, {"years", std::to_string(settings.review_period_years)}, {"due", schedule->due}});
    }
}

}  // namespace

void check_between_standards(const RepositoryIndex& index, const std::vector<LinkedSource>& sources,
                             const RepositorySettings& settings, std::vector<DiagnosticSink>& sinks) {
    duplicate_numbers(sources, sinks);
    if (settings.framework) categories(*settings.framework, sources, sinks);
    near_duplicates(sources, sinks);
    reviews(index, sources, settings, sinks);
}

bool is_between_standards_rule(std::string_view rule_id) {
    static constexpr std::string_view rules[] = {"REPO-04", "REPO-05", "REPO-06", "REPO-07", "REPO-08"};
    return std::find(std::begin(rules), std::end(rules), rule_id) != std::end(rules);
}

}  // namespace bzc::repository
