#include "driver/compilation.h"

#include "analysis/analysis.h"
#include "checks/check.h"
#include "driver/source_loader.h"
#include "frontend/markdown/markdown_reader.h"
#include "frontend/xml/xml_reader.h"
#include "repository/cross_standard_checks.h"
#include "support/content_hash.h"

#include <algorithm>
#include <set>

namespace bzc::driver {

namespace fs = std::filesystem;

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

std::string ProjectContext::fingerprint_of(std::string_view document_key) const {
    auto found = repository_fingerprints.find(document_key);
    return found == repository_fingerprints.end() ? std::string() : found->second;
}

namespace {

// A standard of the repository as the catalog holds it: its cover data is
// the record, its status follows from the stage, the dates and who replaces it.
std::optional<model::CatalogRecord> repository_record(const repository::RepositoryIndex& index,
                                                      const repository::StandardIdentity& s, std::string_view today) {
    if (!s.designation || s.designation->year.empty()) return std::nullopt;  // a placeholder number names no edition
    model::CatalogRecord r;
    r.designation = *s.designation;
    r.title = s.title;
    r.issued = s.issued;
    r.implemented = s.effective;
    r.repository = true;
    r.origin = s.path + (s.number_line ? ":" + std::to_string(s.number_line) : "");
    switch (index.status(s, today)) {
        case repository::StandardStatus::Drafting:
            r.status = model::CatalogStatus::Drafting;
            r.stage = s.stage ? std::string(model::stage_name_zh(*s.stage)) : "";
            break;
        case repository::StandardStatus::Upcoming: r.status = model::CatalogStatus::Upcoming; break;
        case repository::StandardStatus::Current: r.status = model::CatalogStatus::Current; break;
        case repository::StandardStatus::Replaced:
            r.status = model::CatalogStatus::Replaced;
            r.replaced_by = index.replaced_by(s);
            break;
    }
    return r;
}

std::string record_fingerprint(const model::CatalogRecord& r) {
    std::string replaced;
    for (const auto& x : r.replaced_by) replaced += x + ",";
    return r.designation.canonical() + '\x1f' + r.title + '\x1f' + std::to_string(static_cast<int>(r.status)) + '\x1f' +
           r.stage + '\x1f' + replaced + '\x1f' + r.issued + '\x1f' + r.implemented + '\x1f' + r.origin + '\x1e';
}

}  // namespace

std::shared_ptr<const ProjectContext> make_project_context(const fs::path& project_file,
                                                           const std::vector<std::string>& extra_catalogs,
                                                           SourceManager& sources) {
    DiagnosticSink sink;
    ProjectConfig config;
    if (!project_file.empty()) {
        if (auto file = load_source(project_file.string(), sources, sink)) config = parse_project_config(project_file, *file, sources, sink);
    }
    repository::RepositoryIndex index;
    if (!config.path.empty()) index = repository::index_repository(config);
    auto context = make_project_context(std::move(config), std::move(index), extra_catalogs, sources, sink);
    sink.finish(std::nullopt, context->config.severity);
    context->diagnostics = sink.diagnostics();
    return context;
}

std::shared_ptr<ProjectContext> make_project_context(ProjectConfig config, repository::RepositoryIndex index,
                                                     const std::vector<std::string>& extra_catalogs, SourceManager& sources,
                                                     DiagnosticSink& sink) {
    auto context = std::make_shared<ProjectContext>();
    context->config = std::move(config);
    context->index = std::move(index);
    context->today = repository::today_iso();
    std::vector<std::string> files;
    for (const auto& p : context->config.catalogs) files.push_back(p.string());
    files.insert(files.end(), extra_catalogs.begin(), extra_catalogs.end());
    context->catalog = analysis::seed_catalog();
    for (const auto& path : files) {
        if (auto file = load_source(path, sources, sink)) context->catalog.read(sources.file(*file).text, *file, path, sink);
    }
    if (!context->config.path.empty()) {
        for (const auto& s : context->index.standards()) {
            if (auto record = repository_record(context->index, s, context->today)) context->catalog.add(std::move(*record));
        }
        // After all are added: a later source may have replaced an earlier one's record.
        for (const auto& s : context->index.standards()) {
            if (!s.designation) continue;
            std::string key = model::document_key(*s.designation);
            if (context->repository_fingerprints.count(key)) continue;
            std::string fingerprint;
            context->catalog.for_each_edition(*s.designation, [&](const model::CatalogRecord& r) { fingerprint += record_fingerprint(r); });
            context->repository_fingerprints.emplace(std::move(key), content_hash(fingerprint));
        }
    }
    return context;
}

std::shared_ptr<const ProjectContext> Compiler::project_for(const fs::path& source, DiagnosticSink& sink) {
    fs::path project_file = find_project_file(source);
    auto found = projects_.find(project_file);
    if (found != projects_.end()) return found->second;
    auto context = make_project_context(project_file, options_.catalogs, sources_);
    for (const auto& d : context->diagnostics) sink.report(d.rule->id, d.location, d.args, d.fix);
    projects_.emplace(project_file, context);
    return context;
}

void Compiler::adopt_project(std::shared_ptr<const ProjectContext> context) {
    projects_[context->config.path] = std::move(context);
}

CompiledDocument Compiler::compile(const std::string& path) {
    return compile_source(path, path, [&](DiagnosticSink& sink) { return load_source(path, sources_, sink); });
}

CompiledDocument Compiler::compile_bytes(const std::string& path, std::string bytes, const fs::path& project_anchor) {
    return compile_source(path, project_anchor,
                          [&](DiagnosticSink& sink) { return add_source(path, std::move(bytes), sources_, sink); });
}

CompiledDocument Compiler::compile_source(const std::string& path, const fs::path& project_anchor,
                                          const std::function<std::optional<std::uint32_t>(DiagnosticSink&)>& load) {
    CompiledDocument result;
    result.path = path;
    DiagnosticSink sink;
    std::shared_ptr<const ProjectContext> project = project_for(project_anchor, sink);
    const ProjectConfig& config = project->config;
    if (auto file = load(sink)) {
        model::Document doc = is_xml_path(path) ? frontend::read_xml(*file, sources_, sink)
                                                : frontend::read_markdown(*file, sources_, sink);
        // --stage: the checks judge the draft as that stage, not only the severities.
        if (options_.stage) doc.metadata.stage = options_.stage;
        if (options_.after_reading) options_.after_reading(doc);
        analysis::analyse(doc, sink, project->catalog);
        auto run_checks = [&] { checks::run_all_checks(doc, sink, options_.drafting_rules); };
        if (options_.around_checks) {
            options_.around_checks(doc, run_checks);
        } else {
            run_checks();
        }
        result.suppressed = apply_suppressions(doc, sink);
        result.cited_documents = cited_document_keys(doc);
        result.scope = scope_text(doc);
        result.document = std::move(doc);
    }
    result.suppressed += sink.remove_if([&](const Diagnostic& d) { return config.suppresses(d.rule->id, path); });
    std::optional<model::Stage> stage = options_.stage;
    if (!stage && result.document) stage = result.document->metadata.stage;
    sink.finish(stage, config.severity);
    result.diagnostics = sink.diagnostics();
    return result;
}

std::string scope_text(const model::Document& doc) {
    std::string text;
    for (const auto& section : doc.sections) {
        if (section.kind != model::SectionKind::Scope) continue;
        for (const auto& block : section.blocks) {
            if (!block.is<model::Paragraph>()) continue;
            if (!text.empty()) text += '\n';
            text += model::plain_text(block.as<model::Paragraph>().content);
        }
    }
    return text;
}

std::vector<std::string> cited_document_keys(const model::Document& doc) {
    std::set<std::string> keys;
    for (const auto* list : {&doc.references.normative, &doc.references.bibliography}) {
        for (const auto& e : *list) {
            if (e.designation) keys.insert(model::document_key(*e.designation));
        }
    }
    for (const auto& c : doc.references.citations) {
        if (c.designation) keys.insert(model::document_key(*c.designation));
    }
    return {keys.begin(), keys.end()};
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
        // A suppression of a rule between standards is used, or not, in `bzc check` of the repository.
        bool decided_here = std::none_of(s.rules.begin(), s.rules.end(), repository::is_between_standards_rule);
        if (!used[i] && decided_here) sink.report("SUP-03", s.location, {{"rule", s.rules.front()}});
    }
    return count;
}

}  // namespace bzc::driver
