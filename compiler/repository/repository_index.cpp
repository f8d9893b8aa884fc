#include "repository/repository_index.h"

#include "driver/compilation.h"
#include "driver/project_config.h"
#include "repository/source_discovery.h"
#include "support/file_bytes.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace bzc::repository {

RepositoryIndex::RepositoryIndex(std::vector<StandardIdentity> standards) : standards_(std::move(standards)) {
    for (std::size_t i = 0; i < standards_.size(); ++i) {
        const auto& s = standards_[i];
        if (!s.designation) continue;
        by_undated_[s.designation->undated()].push_back(i);
        if (s.stage && *s.stage != model::Stage::Published) continue;
        for (const auto& replaced : s.replaces) {
            if (auto d = model::parse_designation(replaced)) replaced_by_[d->canonical()].push_back(s.designation->canonical());
        }
    }
    for (auto& [key, list] : by_undated_) {
        std::stable_sort(list.begin(), list.end(),
                         [&](std::size_t a, std::size_t b) { return standards_[a].designation->year < standards_[b].designation->year; });
    }
}

const StandardIdentity* RepositoryIndex::edition(const model::Designation& d) const {
    auto found = by_undated_.find(d.undated());
    if (found == by_undated_.end()) return nullptr;
    for (std::size_t i : found->second) {
        if (standards_[i].designation->year == d.year) return &standards_[i];
    }
    return nullptr;
}

const StandardIdentity* RepositoryIndex::latest(const model::Designation& d) const {
    auto found = by_undated_.find(d.undated());
    if (found == by_undated_.end()) return nullptr;
    return &standards_[found->second.back()];
}

std::vector<std::string> RepositoryIndex::replaced_by(const StandardIdentity& s) const {
    if (!s.designation) return {};
    auto found = replaced_by_.find(s.designation->canonical());
    return found == replaced_by_.end() ? std::vector<std::string>{} : found->second;
}

StandardStatus RepositoryIndex::status(const StandardIdentity& s, std::string_view today) const {
    return s.status(today, !replaced_by(s).empty());
}

RepositoryIndex index_repository(const driver::ProjectConfig& config) {
    std::vector<StandardIdentity> standards;
    for (const auto& relative : discover_standards(config)) {
        std::string text = read_file_bytes(config.folder() / relative).value_or("");
        standards.push_back(read_standard_identity(relative, text, driver::is_xml_path(relative)));
    }
    return RepositoryIndex(std::move(standards));
}

std::string today_iso() {
    if (const char* fixed = std::getenv("BZC_TODAY"); fixed && *fixed) return fixed;
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

}  // namespace bzc::repository
