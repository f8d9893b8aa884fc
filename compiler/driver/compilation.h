#pragma once

#include "catalog/catalog.h"
#include "diagnostics/diagnostic.h"
#include "model/document.h"
#include "support/source_manager.h"

#include <filesystem>
#include <functional>
#include <map>
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
};

// One source through the pipeline: load → front end → analysis → checks.
struct CompiledDocument {
    std::string path;
    std::optional<model::Document> document;  // empty when the source could not be read at all
    std::vector<Diagnostic> diagnostics;      // severities resolved for the document's stage
    std::size_t suppressed = 0;               // findings silenced by comments or the project file
    bool has_errors() const;
    bool has_io_failure() const;
};

class Compiler {
public:
    explicit Compiler(CompileOptions options) : options_(options) {}

    CompiledDocument compile(const std::string& path);

    // Silences findings the source's suppression comments name, and reports
    // suppressions without a reason (SUP-01), with unknown rules (SUP-02) or
    // that silenced nothing (SUP-03). Returns how many were silenced.
    static std::size_t apply_suppressions(const model::Document& doc, DiagnosticSink& sink);

    // The catalog for sources under a project file: the seed, the project's
    // catalog files and --catalog, read once per project. Problems with a
    // catalog file (IO-01, CAT-01) go to `sink` the first time.
    const catalog::Catalog& catalog_for(const std::vector<std::filesystem::path>& project_catalogs, DiagnosticSink& sink);
    const SourceManager& sources() const { return sources_; }
    SourceManager& sources() { return sources_; }

private:
    CompileOptions options_;
    SourceManager sources_;
    std::map<std::vector<std::filesystem::path>, catalog::Catalog> catalogs_;
};

// Markdown unless the name ends in .xml.
bool is_xml_path(const std::string& path);

}  // namespace bzc::driver
