#pragma once

#include "catalog/catalog.h"
#include "diagnostics/diagnostic.h"
#include "driver/project_config.h"
#include "model/document.h"
#include "repository/repository_index.h"
#include "support/source_manager.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bzc::driver {

struct CompileOptions {
    std::optional<model::Stage> stage;  // overrides the stage in the cover data
    bool drafting_rules = true;         // run the GB/T 1.1—2020 rules, not only the source checks
    std::vector<std::string> catalogs;  // --catalog files, added to the seed and the project's
    // Called with the model as the front end made it, before the analysis
    // and the checks: `bzc build` starts the conversion of the formulas
    // there, so that pandoc runs while the document is checked.
    std::function<void(const model::Document&)> after_reading;
    // Called with the analysed model and the function that runs the checks
    // on it, in place of running them: `bzc build` writes the DOCX beside
    // them (the emitter and the checks both only read the model, and neither
    // needs the other), on another thread when there are cores for it. It
    // must call run_checks once, and not change the model.
    std::function<void(const model::Document&, const std::function<void()>& run_checks)> around_checks;
};

// What the sources of one project (one bzc.yaml) share: its configuration,
// the index of its standards, and the catalog its citations are judged
// against — the seed, the project's catalog files, --catalog, and over them
// the repository's own standards. Built once, then only read: the threads of
// a repository check share it.
struct ProjectContext {
    ProjectConfig config;  // config.path is empty outside a project
    repository::RepositoryIndex index;
    catalog::Catalog catalog;
    std::string today;     // YYYY-MM-DD, for the status of the repository's standards
    // What the catalog says about each document of the repository, by
    // document key ("Q/JGSW 101"): a check that cited it is valid as long as
    // this stays the same.
    std::map<std::string, std::string, std::less<>> repository_fingerprints;
    // The findings about the project file and the catalog files, reported
    // once with the first source of the project.
    std::vector<Diagnostic> diagnostics;

    std::string fingerprint_of(std::string_view document_key) const;
};

// Builds the context of the project whose project file is `project_file`
// (empty: no project), adding the files it reads to `sources`.
std::shared_ptr<const ProjectContext> make_project_context(const std::filesystem::path& project_file,
                                                           const std::vector<std::string>& extra_catalogs,
                                                           SourceManager& sources);
// The same from a configuration already read and an index already built
// (a repository check reads the cover data through its cache); findings
// about the catalog files go to `sink`.
std::shared_ptr<ProjectContext> make_project_context(ProjectConfig config, repository::RepositoryIndex index,
                                                     const std::vector<std::string>& extra_catalogs, SourceManager& sources,
                                                     DiagnosticSink& sink);

// One source through the pipeline: load → front end → analysis → checks.
struct CompiledDocument {
    std::string path;
    std::optional<model::Document> document;  // empty when the source could not be read at all
    std::vector<Diagnostic> diagnostics;      // severities resolved for the document's stage
    std::size_t suppressed = 0;               // findings silenced by comments or the project file
    // The documents the source cites, by document key, and the text of its
    // 范围: what the checks between the standards of a repository need.
    std::vector<std::string> cited_documents;
    std::string scope;
    bool has_errors() const;
    bool has_io_failure() const;
};

class Compiler {
public:
    explicit Compiler(CompileOptions options) : options_(options) {}

    CompiledDocument compile(const std::string& path);
    // The same for a source whose bytes come from elsewhere than a file of
    // its name (a draft at a git revision, read by `bzc report`): registered
    // as `path` for the findings, its project found from `project_anchor`.
    CompiledDocument compile_bytes(const std::string& path, std::string bytes, const std::filesystem::path& project_anchor);

    // Makes this compiler use a context built elsewhere for the sources of
    // its project, so that threads share one; its findings are not reported
    // again.
    void adopt_project(std::shared_ptr<const ProjectContext> context);

    // The context of the project a source belongs to, built on first use.
    // Findings about the project and catalog files go to `sink` the first time.
    std::shared_ptr<const ProjectContext> project_for(const std::filesystem::path& source, DiagnosticSink& sink);

    // Silences findings the source's suppression comments name, and reports
    // suppressions without a reason (SUP-01), with unknown rules (SUP-02) or
    // that silenced nothing (SUP-03). Returns how many were silenced.
    static std::size_t apply_suppressions(const model::Document& doc, DiagnosticSink& sink);

    const SourceManager& sources() const { return sources_; }
    SourceManager& sources() { return sources_; }

private:
    CompiledDocument compile_source(const std::string& path, const std::filesystem::path& project_anchor,
                                    const std::function<std::optional<std::uint32_t>(DiagnosticSink&)>& load);

    CompileOptions options_;
    SourceManager sources_;
    std::map<std::filesystem::path, std::shared_ptr<const ProjectContext>> projects_;  // by project file
};

// Markdown unless the name ends in .xml.
bool is_xml_path(const std::string& path);

// The text of a document's 范围, paragraphs joined by newlines.
std::string scope_text(const model::Document& doc);

// The key of every document a source cites (list entries and citations in the text).
std::vector<std::string> cited_document_keys(const model::Document& doc);

}  // namespace bzc::driver
