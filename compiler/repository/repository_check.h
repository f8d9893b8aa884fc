#pragma once

#include "diagnostics/diagnostic.h"
#include "diagnostics/report_formats.h"
#include "model/stage.h"
#include "support/source_manager.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bzc::repository {

struct RepositoryCheckOptions {
    std::filesystem::path project_file;  // the bzc.yaml at the repository's root
    // Printed paths are this folder joined with the path in the repository
    // ("" prints them relative to the root, as `bzc check` run there does).
    std::filesystem::path display_root;
    std::optional<model::Stage> stage;
    bool drafting_rules = true;
    std::vector<std::string> catalogs;  // --catalog
    unsigned jobs = 0;                  // 0: one per core
    bool use_cache = true;
    bool progress = false;              // a progress line on standard error (a terminal)
    Language language = Language::Chinese;
};

struct RepositoryCheckResult {
    SourceManager sources;
    std::vector<Diagnostic> diagnostics;  // findings about the project first, then source by source
    std::vector<ReportedFile> outcomes;  // the findings of each source, for JUnit
    std::size_t suppressed = 0;
    std::size_t checked = 0;  // sources analysed in this run
    std::size_t cached = 0;   // sources whose stored findings were still valid
    std::size_t read = 0;     // sources whose text was read (the others' stamps matched the cache)
    bool io_failure = false;
    std::vector<std::string> standard_globs;  // the project's `standards:` (for the message when none matched)
    // The cache could not be written (an errno value; the check itself is complete).
    int cache_error = 0;
    std::filesystem::path cache_file;
};

// `bzc check` over a whole repository: every source of the project, in
// parallel, each judged against the catalog and the cover data of all the
// others; findings of unchanged sources (same text, same data of the
// standards they cite, same configuration) come from the cache, and a source
// whose file stamp is the cached one is not even read; the checks between
// standards (REPO-04 … REPO-08) run over all of them whenever the cover data
// or a scope of any changed.
RepositoryCheckResult check_repository(const RepositoryCheckOptions& options);

}  // namespace bzc::repository
