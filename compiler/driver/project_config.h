#pragma once

#include "diagnostics/diagnostic.h"
#include "repository/framework.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bzc {
class SourceManager;
}

namespace bzc::driver {

// The project file, bzc.yaml, found in the source's directory or the
// nearest one above it. Its folder is the root of a standards repository.
// The format is documented in the README ("The project file"); in short:
//
//   project: 重庆市机关事务标准体系      # the name of the standard system
//   standards: ["standards/**/*.md"]  # the sources (default: every .md and .xml)
//   exclude: ["standards/old/**"]
//   framework:                        # categories (GB/T 13016), codes named by `category:`
//     - code: "100"
//       name: 基础通用标准
//       children: [{code: "110", name: 标准化导则}]
//   review-period: 5                  # years in force before 复审 is due
//   output: out                       # `bzc build` and `bzc system` write here
//   cache: .bzc-cache                 # the check cache of `bzc check`
//   rules:                            # severity overrides: off | note | warning | error
//     TYP-03: off
//   suppress:                         # findings silenced in some files, with the reason
//     - rule: TRM-01
//       files: "internal/*.md"
//       reason: 内部标准不要求英文对应词
//   catalog:                          # catalog files of standards outside the repository
//     - catalog/internal.txt
struct ProjectConfig {
    std::filesystem::path path;  // empty when there is none
    std::map<std::string, std::optional<Severity>, std::less<>> severity;  // nullopt: off
    struct FileSuppression {
        std::string rule;
        std::string files;  // a glob relative to the file's directory
        std::string reason;
    };
    std::vector<FileSuppression> suppress;
    std::vector<std::filesystem::path> catalogs;  // resolved against the project file's folder

    std::string name;                    // `project:`
    std::vector<std::string> standards;  // globs relative to the project folder
    std::vector<std::string> exclude;
    repository::Framework framework;
    int review_period_years = 5;
    std::filesystem::path output;        // resolved; empty: not set
    std::filesystem::path cache;         // resolved; default <folder>/.bzc-cache

    std::filesystem::path folder() const { return path.parent_path(); }

    // Whether `rule` is suppressed for `source` by a `suppress` entry.
    bool suppresses(std::string_view rule, const std::filesystem::path& source) const;
};

// Finds and reads the project file for a source; problems with it are
// reported as CFG-* findings located in it.
ProjectConfig load_project_config(const std::filesystem::path& source, SourceManager& sources, DiagnosticSink& sink);

// The two halves of load_project_config. find_project_file: the bzc.yaml in
// the source's directory or the nearest one above it, or an empty path.
// parse_project_config: the configuration in the text of the project file
// `path`, registered in `sources` as `file`; catalog paths are resolved
// against the folder of `path`.
std::filesystem::path find_project_file(const std::filesystem::path& source);
ProjectConfig parse_project_config(const std::filesystem::path& path, std::uint32_t file, const SourceManager& sources,
                                   DiagnosticSink& sink);

}  // namespace bzc::driver
