#pragma once

#include "repository/standard_identity.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::driver {
struct ProjectConfig;
}

namespace bzc::repository {

// The standards of a repository by their cover data: who is who, who
// replaces whom. Built before any standard is checked, so that citations
// between them resolve, and read by the 标准体系表.
class RepositoryIndex {
public:
    RepositoryIndex() = default;
    explicit RepositoryIndex(std::vector<StandardIdentity> standards);

    const std::vector<StandardIdentity>& standards() const { return standards_; }
    // The standard with this dated designation ("DB50/T 1016—2020"), or null.
    const StandardIdentity* edition(const model::Designation& d) const;
    // The newest edition the repository holds of the document (undated match).
    const StandardIdentity* latest(const model::Designation& d) const;
    // The published standards of the repository that replace this edition
    // (their `replaces:` names it), as their designations.
    std::vector<std::string> replaced_by(const StandardIdentity& s) const;
    StandardStatus status(const StandardIdentity& s, std::string_view today) const;

private:
    std::vector<StandardIdentity> standards_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_undated_;   // oldest first
    std::map<std::string, std::vector<std::string>, std::less<>> replaced_by_;   // canonical → replacing
};

// Discovers the sources of the project and reads their cover data.
RepositoryIndex index_repository(const driver::ProjectConfig& config);

// Today's date as YYYY-MM-DD; BZC_TODAY overrides it, so that tests and
// reproducible builds see a fixed day.
std::string today_iso();

}  // namespace bzc::repository
