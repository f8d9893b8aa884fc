#include "driver/compilation.h"

#include "analysis/analysis.h"
#include "checks/check.h"
#include "driver/project_config.h"
#include "driver/source_loader.h"
#include "frontend/markdown/markdown_reader.h"
#include "frontend/xml/xml_reader.h"

#include <algorithm>

namespace bzc::driver {

bool CompiledDocument::has_errors() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

bool CompiledDocument::has_io_failure() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.rule->io_failure; });
}

bool is_xml_path(const std::string& path) {
    if (path.size() < 4) return false;
    std::string ext = path.substr(path.size() - 4);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".xml";
}

CompiledDocument Compiler::compile(const std::string& path) {
    CompiledDocument result;
    result.path = path;
    DiagnosticSink sink;
    ProjectConfig config = load_project_config(path, sources_, sink);
    if (auto file = load_source(path, sources_, sink)) {
        model::Document doc = is_xml_path(path) ? frontend::read_xml(*file, sources_, sink)
                                                : frontend::read_markdown(*file, sources_, sink);
        // --stage: the checks judge the draft as that stage, not only the severities.
        if (options_.stage) doc.metadata.stage = options_.stage;
        if (options_.after_reading) options_.after_reading(doc);
        analysis::analyse(doc, sink, catalog_for(config.catalogs, sink));
        checks::run_all_checks(doc, sink, options_.drafting_rules);
        result.suppressed = apply_suppressions(doc, sink);
        result.document = std::move(doc);
    }
    result.suppressed += sink.remove_if([&](const Diagnostic& d) { return config.suppresses(d.rule->id, path); });
    std::optional<model::Stage> stage = options_.stage;
    if (!stage && result.document) stage = result.document->metadata.stage;
    sink.finish(stage, config.severity);
    result.diagnostics = sink.diagnostics();
    return result;
}

const catalog::Catalog& Compiler::catalog_for(const std::vector<std::filesystem::path>& project_catalogs, DiagnosticSink& sink) {
    if (project_catalogs.empty() && options_.catalogs.empty()) return analysis::seed_catalog();
    auto found = catalogs_.find(project_catalogs);
    if (found != catalogs_.end()) return found->second;
    catalog::Catalog catalog = analysis::seed_catalog();
    std::vector<std::string> files;
    for (const auto& p : project_catalogs) files.push_back(p.string());
    files.insert(files.end(), options_.catalogs.begin(), options_.catalogs.end());
    for (const auto& path : files) {
        if (auto file = load_source(path, sources_, sink)) catalog.read(sources_.file(*file).text, *file, path, sink);
    }
    return catalogs_.emplace(project_catalogs, std::move(catalog)).first->second;
}

std::size_t Compiler::apply_suppressions(const model::Document& doc, DiagnosticSink& sink) {
    if (doc.suppressions.empty()) return 0;
    std::vector<bool> used(doc.suppressions.size(), false);
    auto silenced = [&](const Diagnostic& d) {
        if (d.location.file != doc.file || d.rule->io_failure) return false;
        for (std::size_t i = 0; i < doc.suppressions.size(); ++i) {
            const auto& s = doc.suppressions[i];
            bool whole_file = s.first_line == 0 && s.last_line == 0;
            if (!whole_file && (d.location.line < s.first_line || d.location.line > s.last_line)) continue;
            if (std::find(s.rules.begin(), s.rules.end(), d.rule->id) == s.rules.end()) continue;
            used[i] = true;
            return true;
        }
        return false;
    };
    std::size_t count = sink.remove_if(silenced);
    for (std::size_t i = 0; i < doc.suppressions.size(); ++i) {
        const auto& s = doc.suppressions[i];
        if (s.rules.empty()) {
            sink.report("SUP-02", s.location, {{"rule", "（空）", "(none)"}});
            continue;
        }
        for (const auto& rule : s.rules) {
            if (!RuleRegistry::instance().find(rule)) sink.report("SUP-02", s.location, {{"rule", rule}});
        }
        if (s.reason.empty()) sink.report("SUP-01", s.location, {{"rule", s.rules.front()}});
        if (!used[i]) sink.report("SUP-03", s.location, {{"rule", s.rules.front()}});
    }
    return count;
}

}  // namespace bzc::driver
