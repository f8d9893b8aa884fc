#include "repository/repository_check.h"

#include "driver/compilation.h"
#include "driver/project_config.h"
#include "driver/source_loader.h"
#include "repository/check_cache.h"
#include "repository/cross_standard_checks.h"
#include "repository/source_discovery.h"
#include "support/content_hash.h"
#include "support/file_bytes.h"

#include <libxml/parser.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#ifndef BZC_VERSION
#define BZC_VERSION "0"
#endif

namespace bzc::repository {

namespace fs = std::filesystem;

namespace {

struct Source {
    std::string relative;  // in the repository
    std::string display;   // as printed
    std::string full;      // as read: the project folder joined with `relative`
    std::string content;   // digest of the text
    bool readable = true;
    StandardIdentity identity;
    CheckRecord record;
    bool from_cache = false;
};

// Everything the findings of a source depend on besides its own text and
// the standards it cites: bzc itself (its version and its executable, so a
// rebuilt bzc starts afresh), the project file, the catalog files, options.
std::string configuration_digest(const RepositoryCheckOptions& options, const driver::ProjectConfig& config,
                                 std::string_view project_text) {
    ContentHasher h;
    h.add(BZC_VERSION);
    struct stat self {};
    if (::stat("/proc/self/exe", &self) == 0) {
        h.add(std::to_string(self.st_size)).add(std::to_string(self.st_mtim.tv_sec)).add(std::to_string(self.st_mtim.tv_nsec));
    }
    h.add(project_text);
    for (const auto& c : config.catalogs) h.add(c.string()).add(read_file_bytes(c).value_or(""));
    for (const auto& c : options.catalogs) h.add(c).add(read_file_bytes(c).value_or(""));
    h.add(options.stage ? std::string(model::stage_key(*options.stage)) : "-");
    h.add(options.drafting_rules ? "rules" : "syntax-only");
    return h.digest();
}

std::string display_path(const fs::path& root, const std::string& relative) {
    if (root.empty() || root == ".") return relative;
    return (root / relative).lexically_normal().generic_string();
}

// Whether the stored findings of a source still hold: the same text, and
// the repository says the same about every document it cites.
bool still_valid(const CheckRecord* record, const std::string& content, const driver::ProjectContext& project) {
    if (!record || record->content != content) return false;
    return std::all_of(record->dependencies.begin(), record->dependencies.end(),
                       [&](const auto& d) { return project.fingerprint_of(d.first) == d.second; });
}

std::int64_t wall_clock_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A digest of everything check_between_standards reads besides the project
// file (in the configuration digest): each source's path, cover data and scope,
// and the day that decides which reviews are due.
std::string between_standards_inputs(const std::vector<LinkedSource>& sources, const RepositorySettings& settings) {
    ContentHasher h;
    h.add(settings.today).add(std::to_string(settings.review_period_years));
    for (const auto& s : sources) h.add(s.identity->path).add(identity_bytes(*s.identity)).add(s.scope);
    return h.digest();
}

class Progress {
public:
    Progress(bool enabled, std::size_t total) : enabled_(enabled), total_(total) {}
    void show(std::size_t done, Language lang) {
        if (!enabled_) return;
        std::cerr << '\r' << (lang == Language::Chinese ? "检查中 " : "checking ") << done << '/' << total_ << std::flush;
        shown_ = true;
    }
    void clear() {
        if (shown_) std::cerr << "\r\033[K" << std::flush;
    }

private:
    bool enabled_;
    std::size_t total_;
    bool shown_ = false;
};

}  // namespace

RepositoryCheckResult check_repository(const RepositoryCheckOptions& options) {
    RepositoryCheckResult result;
    DiagnosticSink project_sink;
    driver::ProjectConfig config;
    // The form find_project_file gives, so that the compilers find the shared context by it.
    std::error_code ec;
    const fs::path project_file = fs::absolute(options.project_file, ec).lexically_normal();
    std::string project_text;
    if (auto file = driver::load_source(project_file.string(), result.sources, project_sink)) {
        config = driver::parse_project_config(project_file, *file, result.sources, project_sink);
        project_text = result.sources.file(*file).text;
    }
    config.path = project_file;
    result.standard_globs = config.standards;

    CheckCache cache = options.use_cache ? CheckCache::load(config.cache, configuration_digest(options, config, project_text)) : CheckCache();

    // The cover data of every source, from the cache where the text is known.
    std::vector<Source> sources;
    std::vector<StandardIdentity> identities;
    for (auto& relative : discover_standards(config)) {
        Source s;
        s.relative = relative;
        s.display = display_path(options.display_root, relative);
        s.full = (config.folder() / relative).string();
        // Unchanged since the last run by its stamp: neither read nor digested.
        std::optional<FileStamp> stamp = options.use_cache ? stamp_of(s.full) : std::nullopt;
        const std::string* unchanged = stamp ? cache.unchanged_content(relative, *stamp) : nullptr;
        const StandardIdentity* known = unchanged ? cache.identity(*unchanged) : nullptr;
        if (known) {
            s.content = *unchanged;
        } else {
            std::int64_t read_at = wall_clock_ns();
            std::optional<std::string> bytes = read_file_bytes(s.full);
            s.readable = bytes.has_value();
            std::string text = std::move(bytes).value_or("");
            ++result.read;
            s.content = content_hash(text);
            if (stamp && s.readable) cache.put_stamp(relative, *stamp, s.content, read_at);
            known = cache.identity(s.content);
            if (!known) {
                s.identity = read_standard_identity(relative, text, driver::is_xml_path(relative));
                if (options.use_cache) cache.put_identity(s.content, s.identity);
            }
        }
        if (known) {
            s.identity = *known;
            s.identity.path = relative;
        }
        identities.push_back(s.identity);
        sources.push_back(std::move(s));
    }
    std::shared_ptr<driver::ProjectContext> project =
        driver::make_project_context(config, RepositoryIndex(std::move(identities)), options.catalogs, result.sources, project_sink);
    project_sink.finish(std::nullopt, config.severity);
    result.diagnostics = project_sink.diagnostics();
    result.io_failure = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) { return d.rule->io_failure; });

    std::vector<std::size_t> to_check;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const CheckRecord* stored = options.use_cache ? cache.record(sources[i].relative) : nullptr;
        if (still_valid(stored, sources[i].content, *project)) {
            sources[i].record = *stored;
            sources[i].from_cache = true;
        } else {
            to_check.push_back(i);
        }
    }

    // Each thread compiles with a compiler of its own (its own sources) and
    // the shared, read-only project context.
    xmlInitParser();  // libxml2 sets itself up once, before threads use it
    driver::CompileOptions compile_options;
    compile_options.stage = options.stage;
    compile_options.drafting_rules = options.drafting_rules;
    compile_options.catalogs = options.catalogs;
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, to_check.size()));
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex mutex;
    std::condition_variable progressed;
    auto work = [&] {
        driver::Compiler compiler(compile_options);
        compiler.adopt_project(project);
        for (std::size_t k; (k = next++) < to_check.size();) {
            Source& s = sources[to_check[k]];
            driver::CompiledDocument compiled = compiler.compile(s.full);
            std::uint32_t file = compiled.document ? compiled.document->file : 0;
            if (!file) {
                for (std::uint32_t id = static_cast<std::uint32_t>(compiler.sources().size()); id > 0; --id) {
                    if (compiler.sources().file(id).path == s.full) { file = id; break; }
                }
            }
            CheckRecord& r = s.record;
            r.content = s.content;
            for (const auto& key : compiled.cited_documents) r.dependencies.emplace_back(key, project->fingerprint_of(key));
            r.findings = store_findings(compiled.diagnostics, compiler.sources(), file);
            r.suppressed = compiled.suppressed;
            r.read = compiled.document.has_value();
            r.stage = options.stage ? options.stage : compiled.document ? compiled.document->metadata.stage : std::nullopt;
            r.cited = std::move(compiled.cited_documents);
            r.scope = std::move(compiled.scope);
            if (compiled.document) {
                for (const auto& sup : compiled.document->suppressions) {
                    if (std::any_of(sup.rules.begin(), sup.rules.end(), is_between_standards_rule))
                        r.between_suppressions.push_back({sup.rules, sup.first_line, sup.last_line});
                }
            }
            ++done;
            progressed.notify_one();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    Progress progress(options.progress && to_check.size() > 1, to_check.size());
    if (jobs > 0) {
        if (options.progress) {
            // The main thread reports; one more worker would compete for the cores.
            threads.emplace_back(work);
            std::unique_lock lock(mutex);
            while (done < to_check.size()) {
                progressed.wait_for(lock, std::chrono::milliseconds(100));
                progress.show(done, options.language);
            }
        } else {
            work();
        }
    }
    for (auto& t : threads) t.join();
    progress.clear();

    // Checks between the standards, over all sources, then the findings source by source.
    std::vector<std::uint32_t> files;
    std::vector<LinkedSource> linked;
    for (const auto& s : sources) {
        std::uint32_t file = result.sources.add(s.display, "");
        files.push_back(file);
        linked.push_back({&project->index.standards()[&s - sources.data()], s.record.scope, file});
    }
    std::vector<DiagnosticSink> between(sources.size());
    RepositorySettings settings{&config.framework, config.review_period_years, project->today};
    // These checks read every standard's cover data and scope, so the edit of
    // one standard's body leaves their findings as they were; comparing all
    // pairs for near duplicates again would cost more than the rest of such a run.
    const std::string between_inputs = options.use_cache ? between_standards_inputs(linked, settings) : std::string();
    if (const auto* stored = cache.between_findings(between_inputs)) {
        for (std::size_t i = 0; i < sources.size(); ++i) {
            auto found = stored->find(sources[i].relative);
            if (found == stored->end()) continue;
            for (auto& d : restore_findings(found->second, result.sources, files[i])) {
                between[i].report(d.rule->id, d.location, std::move(d.args), std::move(d.fix));
            }
        }
    } else {
        check_between_standards(project->index, linked, settings, between);
        if (options.use_cache) {
            std::map<std::string, std::vector<StoredFinding>> to_store;
            for (std::size_t i = 0; i < sources.size(); ++i) {
                if (!between[i].diagnostics().empty()) to_store[sources[i].relative] = store_findings(between[i].diagnostics(), result.sources, files[i]);
            }
            cache.put_between_findings(between_inputs, std::move(to_store));
        }
    }
    std::map<std::string, std::string> content_by_path;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        Source& s = sources[i];
        DiagnosticSink& sink = between[i];
        sink.remove_if([&](const Diagnostic& d) {
            bool silenced = config.suppresses(d.rule->id, s.full) || s.record.suppresses(d.rule->id, d.location.line);
            if (silenced) ++result.suppressed;
            return silenced;
        });
        sink.finish(s.record.stage, config.severity);
        std::vector<Diagnostic> findings = restore_findings(s.record.findings, result.sources, files[i]);
        findings.insert(findings.end(), sink.diagnostics().begin(), sink.diagnostics().end());
        std::stable_sort(findings.begin(), findings.end(), [&](const Diagnostic& a, const Diagnostic& b) {
            bool a_here = a.location.file == files[i], b_here = b.location.file == files[i];
            if (a_here != b_here) return !a_here;  // findings in other files (a catalog) first, as a compile orders them
            return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
        });
        result.outcomes.push_back({s.display, result.diagnostics.size(), findings.size()});
        result.diagnostics.insert(result.diagnostics.end(), findings.begin(), findings.end());
        result.suppressed += s.record.suppressed;
        result.io_failure = result.io_failure || std::any_of(findings.begin(), findings.end(), [](const Diagnostic& d) { return d.rule->io_failure; });
        (s.from_cache ? result.cached : result.checked) += 1;
        if (options.use_cache && !s.from_cache) cache.put_record(s.relative, std::move(s.record));
        content_by_path[s.relative] = s.content;
    }
    if (options.use_cache && !sources.empty()) {  // a project without standards leaves no cache behind
        cache.retain(content_by_path);
        result.cache_error = cache.save();
        result.cache_file = cache.file();
    }
    return result;
}

}  // namespace bzc::repository
