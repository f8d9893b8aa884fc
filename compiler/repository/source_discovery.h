#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::driver {
struct ProjectConfig;
}

namespace bzc::repository {

// Whether a '/'-separated relative path matches a glob: `*`, `?` and `[…]`
// within one path segment, `**` for any number of whole segments
// ("standards/**/*.md" matches "standards/a.md" and "standards/x/y/a.md").
bool glob_matches(std::string_view glob, std::string_view path);

// The sources of a repository: the files under the project folder that a
// `standards:` glob names (every .md and .xml when there is none) and no
// `exclude:` glob does, relative to the folder and '/'-separated, sorted.
// Hidden folders, build* folders, the output and cache folders and the
// project records (编制说明.md) are never sources.
std::vector<std::string> discover_standards(const driver::ProjectConfig& config);

}  // namespace bzc::repository
