#include "driver/cli.h"

#include "diagnostics/report_formats.h"
#include "driver/compilation.h"
#include "driver/depfile.h"
#include "driver/fixes.h"
#include "driver/init_command.h"
#include "driver/project_config.h"
#include "driver/report_command.h"
#include "driver/system_command.h"
#include "emit/canonical_xml.h"
#include "emit/docx/docx_writer.h"
#include "emit/pdf/pdf_converter.h"
#include "repository/repository_check.h"
#include "support/atomic_file.h"
#include "support/system_errors.h"
#include "support/user_cache.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

#ifndef BZC_VERSION
#define BZC_VERSION "0"
#endif

namespace bzc::driver {

namespace {

namespace fs = std::filesystem;

struct GlobalOptions {
    std::string lang = "zh";
    std::vector<std::string> catalogs;  // --catalog: more catalog files
    Language language() const { return lang == "en" ? Language::English : Language::Chinese; }
};

// Directories given to `bzc check` are searched for .md and .xml sources,
// skipping hidden and build directories, in a stable order.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            std::string name = it->path().filename().string();
            if (it->is_directory(ec) && (name.starts_with(".") || name.starts_with("build"))) {
                it.disable_recursion_pending();
                continue;
            }
            std::string ext = it->path().extension().string();
            // A project record (编制说明.md, read by `bzc report`) lies next to its standard but is not one.
            if (name == default_record_name) continue;
            if (it->is_regular_file(ec) && (ext == ".md" || ext == ".xml")) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::optional<model::Stage> parse_stage_option(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto stage = model::parse_stage(text);
    if (!stage) throw CLI::ValidationError("--stage", "unknown stage '" + text + "' (工作组讨论稿, 征求意见稿, 送审稿, 报批稿, 发布稿)");
    return stage;
}

// IO-02 for an output that could not be written, named by its path ("-"
// for standard output), with the reason in the user's language.
Diagnostic output_failure(SourceManager& sources, const std::string& path, int error) {
    DiagnosticSink sink;
    auto [zh, en] = describe_system_error(error);
    sink.report("IO-02", {sources.add(path == "-" ? "<stdout>" : path, ""), 0, 0}, {{"reason", zh, en}});
    return sink.diagnostics().front();
}

// Standard output can fail too (a full disk, a closed pipe): check it.
int stdout_error() {
    std::cout.flush();
    return std::cout ? 0 : (errno != 0 ? errno : EIO);
}

void print_summary(const std::vector<Diagnostic>& all, Language lang, std::size_t suppressed = 0) {
    std::string line = summary_line(all, lang, suppressed);
    if (!line.empty()) std::cerr << line << '\n';
}

struct CheckOptions {
    std::vector<std::string> paths;
    std::string stage;
    std::string format = "text";
    bool syntax_only = false;
    unsigned jobs = 0;
    bool no_cache = false;
    std::string progress = "auto";
};

void write_report(const std::string& format, const std::vector<Diagnostic>& all, const std::vector<ReportedFile>& files,
                  const SourceManager& sources, Language lang, std::size_t suppressed) {
    if (format == "json") write_json_report(std::cout, all, sources, lang, suppressed);
    else if (format == "sarif") write_sarif_report(std::cout, all, sources, lang);
    else if (format == "junit") write_junit_report(std::cout, all, files, sources, lang);
    else {
        write_text_report(std::cout, all, sources, lang);
        print_summary(all, lang, suppressed);
    }
}

// The project file of a repository check: `bzc check` with no path looks
// from the current directory up; `bzc check DIR` when DIR holds bzc.yaml.
fs::path repository_project_file(const std::vector<std::string>& paths) {
    std::error_code ec;
    if (paths.empty()) return find_project_file(fs::current_path(ec) / "bzc.yaml");
    if (paths.size() == 1 && fs::is_directory(paths.front(), ec) && fs::is_regular_file(fs::path(paths.front()) / "bzc.yaml", ec)) {
        return fs::absolute(fs::path(paths.front()) / "bzc.yaml", ec).lexically_normal();
    }
    return {};
}

int run_repository_check(const fs::path& project_file, const CheckOptions& check, const GlobalOptions& global) {
    repository::RepositoryCheckOptions options;
    options.project_file = project_file;
    std::error_code ec;
    // Paths print relative to where bzc was started, as a compiler's do.
    fs::path relative = project_file.parent_path().lexically_relative(fs::current_path(ec));
    options.display_root = relative.empty() || relative.string().starts_with("..") ? project_file.parent_path() : relative;
    options.stage = parse_stage_option(check.stage);
    options.drafting_rules = !check.syntax_only;
    options.catalogs = global.catalogs;
    options.jobs = check.jobs;
    options.use_cache = !check.no_cache;
    options.progress = check.progress == "always" || (check.progress == "auto" && check.format == "text" && ::isatty(STDERR_FILENO));
    options.language = global.language();
    repository::RepositoryCheckResult result = repository::check_repository(options);
    bool zh = global.language() == Language::Chinese;
    if (result.outcomes.empty()) {
        fs::path shown = project_file.lexically_relative(fs::current_path(ec));
        std::string globs;
        for (const auto& g : result.standard_globs) globs += (globs.empty() ? "\"" : zh ? "\"、\"" : "\", \"") + g;
        if (!globs.empty()) globs += "\"";
        std::cerr << "bzc: " << (shown.empty() ? project_file : shown).string();
        if (globs.empty()) {
            std::cerr << (zh ? "：项目文件夹中没有标准（.md 或 .xml）" : ": the project's folder holds no standard (.md or .xml)") << '\n';
        } else {
            std::cerr << (zh ? "：standards（" + globs + "）没有匹配到任何标准（.md 或 .xml）" : ": no standard (.md or .xml) matches standards: " + globs) << '\n';
        }
        write_text_report(std::cerr, result.diagnostics, result.sources, global.language());
        return exit_usage;
    }
    write_report(check.format, result.diagnostics, result.outcomes, result.sources, global.language(), result.suppressed);
    if (check.format == "text") {
        std::cerr << (zh ? "检查了 " : "checked ") << result.outcomes.size() << (zh ? " 项标准（" : " standards (") << result.checked
                  << (zh ? " 项重新分析，" : " analysed, ") << result.cached << (zh ? " 项来自缓存）" : " from the cache)") << '\n';
    }
    if (result.cache_error) {
        auto [reason_zh, reason_en] = describe_system_error(result.cache_error);
        std::cerr << "bzc: " << (zh ? "无法写入检查缓存 " : "cannot write the check cache ") << result.cache_file.string() << (zh ? "：" : ": ")
                  << (zh ? reason_zh : reason_en) << '\n';
    }
    if (int error = stdout_error()) {
        write_text_report(std::cerr, {output_failure(result.sources, "-", error)}, result.sources, global.language());
        return exit_usage;
    }
    if (result.io_failure) return exit_usage;
    bool errors = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
    return errors ? exit_errors : exit_ok;
}

int run_check(const CheckOptions& check, const GlobalOptions& global) {
    if (fs::path project = repository_project_file(check.paths); !project.empty()) return run_repository_check(project, check, global);
    if (check.paths.empty()) {
        std::cerr << "bzc: " << (global.language() == Language::Chinese ? "没有给出要检查的文件，当前目录及其上级目录中也没有项目文件bzc.yaml（可用bzc init创建）"
                                                                         : "no files given, and no project file bzc.yaml in this directory or above (bzc init writes one)") << '\n';
        return exit_usage;
    }
    CompileOptions options;
    options.stage = parse_stage_option(check.stage);
    options.drafting_rules = !check.syntax_only;
    options.catalogs = global.catalogs;
    Compiler compiler(options);
    std::vector<Diagnostic> all;
    std::vector<ReportedFile> reported;
    bool errors = false, io_failure = false;
    std::size_t suppressed = 0;
    std::vector<std::string> files = expand_paths(check.paths);
    if (files.empty()) {
        std::cerr << "bzc: " << (global.language() == Language::Chinese ? "没有找到要检查的文件（.md 或 .xml）" : "no files to check (.md or .xml)") << '\n';
        return exit_usage;
    }
    for (const auto& file : files) {
        CompiledDocument result = compiler.compile(file);
        errors = errors || result.has_errors();
        io_failure = io_failure || result.has_io_failure();
        suppressed += result.suppressed;
        reported.push_back({file, all.size(), result.diagnostics.size()});
        all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    }
    write_report(check.format, all, reported, compiler.sources(), global.language(), suppressed);
    if (int error = stdout_error()) {
        write_text_report(std::cerr, {output_failure(compiler.sources(), "-", error)}, compiler.sources(), global.language());
        return exit_usage;
    }
    if (io_failure) return exit_usage;
    return errors ? exit_errors : exit_ok;
}

int run_xml(const std::string& input, const std::string& output, bool force, const GlobalOptions& global) {
    // The XML is the source in another form: only problems of the source
    // itself stop it; `bzc check` judges the drafting.
    CompileOptions options;
    options.drafting_rules = false;
    options.catalogs = global.catalogs;
    Compiler compiler(options);
    CompiledDocument result = compiler.compile(input);
    write_text_report(std::cerr, result.diagnostics, compiler.sources(), global.language());
    if (result.has_io_failure()) return exit_usage;
    if (!result.document || (result.has_errors() && !force)) {
        print_summary(result.diagnostics, global.language());
        return exit_errors;
    }
    std::string xml = emit::write_canonical_xml(*result.document);
    int error = 0;
    if (output.empty() || output == "-") {
        std::cout << xml;
        error = stdout_error();
    } else {
        error = write_file_atomically(output, xml);
    }
    if (error) {
        std::string target = output.empty() ? "-" : output;
        write_text_report(std::cerr, {output_failure(compiler.sources(), target, error)}, compiler.sources(), global.language());
        return exit_usage;
    }
    return result.has_errors() ? exit_errors : exit_ok;
}

struct BuildOptions {
    std::string out_dir;
    std::string stage;
    bool docx = false;  // neither format named: both
    bool pdf = false;
    bool pdfa = false;
    int pdf_timeout = 180;
    unsigned pdf_workers = 0;  // 0: one per core, at most 4
    bool force = false;
    bool no_cache = false;  // --no-cache: pandoc converts every formula again
    // --page-layout: print (published: the cover counted as I, each front
    // element and the body on a right-hand page) or draft (SET's: 目次 is I);
    // empty: print for a published standard, draft for a draft.
    std::string page_layout;
    std::string depfile;  // --depfile: where to write each output's inputs (Make syntax); empty: nowhere
};

// IO-03 for a PDF that LibreOffice could not produce, on the PDF's path,
// with LibreOffice's last words after the message.
void report_pdf_failure(SourceManager& sources, const std::string& source, const fs::path& pdf,
                        const emit::pdf::PdfResult& r, std::vector<Diagnostic>& all, Language lang) {
    DiagnosticSink sink;
    sink.report("IO-03", {sources.add(pdf.string(), ""), 0, 0}, {{"source", source}, {"reason", r.error_zh, r.error_en}});
    write_text_report(std::cerr, sink.diagnostics(), sources, lang);
    all.insert(all.end(), sink.diagnostics().begin(), sink.diagnostics().end());
    std::istringstream tail(r.log_tail);
    for (std::string line; std::getline(tail, line);) std::cerr << "    | " << line << '\n';
}

// `bzc build`: the full check, then the DOCX and the PDF of each source in
// OUT_DIR, named after its designation. Nothing is written for a source
// with errors (drafting or an image that cannot be embedded) unless
// --force. One LibreOffice serves all the PDFs of the run.
int run_build(const std::vector<std::string>& inputs, BuildOptions build, const GlobalOptions& global) {
    bool zh = global.language() == Language::Chinese;
    if (build.pdfa) build.pdf = true;
    if (!build.docx && !build.pdf) build.docx = build.pdf = true;
    emit::pdf::PdfSettings pdf_settings;
    pdf_settings.pdfa = build.pdfa;
    pdf_settings.timeout = std::chrono::seconds(build.pdf_timeout);
    pdf_settings.workers = build.pdf_workers;
    if (build.pdf) {
        // Before anything is compiled or written: a missing LibreOffice is
        // a set-up problem, said once.
        if (auto missing = emit::pdf::check_pdf_tools(pdf_settings)) {
            std::cerr << "bzc: " << (zh ? missing->zh : missing->en) << '\n';
            return exit_usage;
        }
    }
    CompileOptions options;
    options.stage = parse_stage_option(build.stage);
    options.catalogs = global.catalogs;
    // pandoc converts the formulas of a source (one call, when it has any
    // it has not answered in an earlier run) while bzc checks it; BZC_PANDOC
    // names another pandoc.
    emit::docx::MathOptions math_options;
    if (const char* pandoc = std::getenv("BZC_PANDOC"); pandoc && *pandoc) math_options.pandoc = pandoc;
    if (!build.no_cache) math_options.cache_directory = user_cache_directory() / "math";
    emit::docx::MathConversionJob math_job;
    options.after_reading = [&](const model::Document& doc) {
        math_job = emit::docx::MathConversionJob::start(doc, math_options);
    };
    // The DOCX is written while the source is checked, then kept or dropped
    // by what the check found.
    struct EarlyDocx {
        emit::docx::DocxOptions options;
        std::vector<emit::docx::ImageProblem> image_problems;
        std::optional<emit::docx::DocxResult> docx;  // none when an SVG figure cannot be drawn
    };
    std::optional<EarlyDocx> early;
    std::string compiling;       // the source compile() is at
    Compiler* compiler_of_build = nullptr;
    auto write_early_docx = [&](const model::Document& doc) {
        EarlyDocx e;
        e.options.base_dir = fs::path(compiling).parent_path();
        DiagnosticSink already_reported;  // the project's own findings came with the compile
        e.options.image_root = compiler_of_build->project_for(compiling, already_reported)->config.folder();
        e.options.math = math_options;
        const std::optional<model::Stage> stage = doc.metadata.stage;  // --stage already applied
        e.options.print_layout = build.page_layout.empty() ? (!stage || *stage == model::Stage::Published)
                                                           : build.page_layout == "print";
        e.image_problems = emit::docx::find_image_problems(doc, e.options, &e.options.read_images);
        if (std::none_of(e.image_problems.begin(), e.image_problems.end(), [](const auto& p) { return p.renderer_missing; })) {
            e.docx = emit::docx::write_docx(doc, e.options, std::move(math_job));
        }
        early = std::move(e);
    };
    // The checks on a thread of their own, beside the DOCX, when there is a
    // core for each: pandoc converting the formulas takes one, and on two
    // cores a third runner would slow pandoc, whose answer the DOCX waits for.
    const bool cores_for_three = std::thread::hardware_concurrency() >= 3;
    options.around_checks = [&](const model::Document& doc, const std::function<void()>& run_checks) {
        if (math_job.runs_pandoc() && !cores_for_three) {
            run_checks();
            write_early_docx(doc);
            return;
        }
        // The future's destructor waits for the checks even when the DOCX
        // step throws, so `doc` outlives them.
        auto checked = std::async(std::launch::async, run_checks);
        write_early_docx(doc);
        checked.get();
    };
    Compiler compiler(options);
    compiler_of_build = &compiler;
    std::vector<std::string> files = expand_paths(inputs);
    if (files.empty()) {
        std::cerr << "bzc: " << (zh ? "没有找到要生成的文件（.md 或 .xml）" : "no files to build (.md or .xml)") << '\n';
        return exit_usage;
    }
    // LibreOffice starts while the sources are checked and the DOCX written.
    std::optional<emit::pdf::PdfConverter> converter;
    if (build.pdf) {
        converter.emplace(pdf_settings);
        converter->start_early(files.size());
    }
    const fs::path out_dir = build.out_dir.empty() ? fs::path(".") : fs::path(build.out_dir);
    std::vector<fs::path> pdf_targets;  // of the jobs submitted to the converter, in their order
    std::vector<std::string> pdf_sources;
    Depfile depfile;
    std::vector<std::vector<fs::path>> pdf_inputs;  // of each PDF job, for the depfile
    std::vector<Diagnostic> all;
    std::set<fs::path> written;
    int status = exit_ok;
    auto worse = [&](int s) { status = std::max(status, s); };
    auto write_failure = [&](const fs::path& target, int error) {
        Diagnostic d = output_failure(compiler.sources(), target.string(), error);
        write_text_report(std::cerr, {d}, compiler.sources(), global.language());
        all.push_back(d);
        worse(exit_usage);
    };
    for (const auto& file : files) {
        compiling = file;
        early.reset();
        CompiledDocument result = compiler.compile(file);
        all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
        write_text_report(std::cerr, result.diagnostics, compiler.sources(), global.language());
        if (result.has_io_failure() || !result.document || !early) {
            worse(exit_usage);
            continue;
        }
        // Images that cannot be embedded are errors of the build, reported
        // with the findings of the check.
        const emit::docx::DocxOptions& docx_options = early->options;
        const auto& image_problems = early->image_problems;
        DiagnosticSink images;
        for (const auto& p : image_problems) {
            // No rsvg-convert for its SVG figures: a set-up problem, said
            // once, and this document is not written.
            if (p.renderer_missing) {
                std::cerr << "bzc: " << (zh ? p.reason_zh : p.reason_en) << '\n';
                return exit_usage;
            }
        }
        for (const auto& p : image_problems) {
            images.report("IMG-01", p.location, {{"path", p.path}, {"reason", p.reason_zh, p.reason_en}});
        }
        images.finish(result.document->metadata.stage);
        write_text_report(std::cerr, images.diagnostics(), compiler.sources(), global.language());
        all.insert(all.end(), images.diagnostics().begin(), images.diagnostics().end());
        bool errors = result.has_errors() || !images.diagnostics().empty();
        if (errors) worse(exit_errors);
        if (errors && !build.force) continue;
        emit::docx::DocxResult docx = std::move(*early->docx);
        // Formulas the DOCX shows as TeX source are warnings: the file is written.
        DiagnosticSink math;
        for (const auto& p : docx.math_problems) {
            if (p.kind == emit::docx::MathProblem::Kind::NoConverter) {
                math.report("MATH-02", p.location, {{"reason", p.reason_zh, p.reason_en}});
            } else {
                math.report("MATH-01", p.location, {{"tex", emit::docx::tex_excerpt(p.tex)}});
            }
        }
        math.finish(result.document->metadata.stage);
        write_text_report(std::cerr, math.diagnostics(), compiler.sources(), global.language());
        all.insert(all.end(), math.diagnostics().begin(), math.diagnostics().end());
        const fs::path docx_target = out_dir / emit::docx::docx_file_name(*result.document, fs::path(file).stem().string());
        std::vector<fs::path> inputs;
        if (!build.depfile.empty()) inputs = depfile.inputs_of(file, *result.document, global.catalogs);
        if (!written.insert(docx_target.lexically_normal()).second) {
            std::cerr << "bzc: " << file << (zh ? "：与前一个源文件生成同名的输出文件 " : ": gives the same output file as an earlier source, ")
                      << docx_target.string() << (zh ? "，未写入" : "; not written") << '\n';
            worse(exit_usage);
            continue;
        }
        std::error_code ec;
        fs::create_directories(out_dir, ec);
        if (ec) {
            write_failure(docx_target, ec.value());
            continue;
        }
        if (build.docx) {
            if (int error = write_file_atomically(docx_target, docx.bytes)) {
                write_failure(docx_target, error);
                continue;
            }
            std::cout << docx_target.string() << '\n';
            if (!build.depfile.empty()) depfile.add(docx_target, inputs);
        }
        if (!build.pdf) continue;
        fs::path pdf_target = docx_target;
        pdf_target.replace_extension(".pdf");
        // Converted while bzc goes on with the next source, as soon as a
        // LibreOffice is free.
        converter->submit({std::move(docx.bytes), pdf_target, docx_options.print_layout});
        pdf_targets.push_back(pdf_target);
        pdf_sources.push_back(file);
        pdf_inputs.push_back(std::move(inputs));
    }
    // The PDFs are reported in the order of the sources, whichever
    // LibreOffice finished first.
    if (!pdf_targets.empty()) {
        std::vector<emit::pdf::PdfResult> converted = converter->finish();
        for (std::size_t i = 0; i < pdf_targets.size(); ++i) {
            if (!converted[i].ok) {
                report_pdf_failure(compiler.sources(), pdf_sources[i], pdf_targets[i], converted[i], all, global.language());
                worse(exit_usage);
                continue;
            }
            std::cout << pdf_targets[i].string() << '\n';
            if (!build.depfile.empty()) depfile.add(pdf_targets[i], std::move(pdf_inputs[i]));
        }
    }
    // The depfile names the outputs this run wrote; with none written there
    // is nothing to record, and the last run's depfile still describes the
    // files on disk.
    if (!build.depfile.empty() && !depfile.empty()) {
        std::string unwritable;
        if (auto text = depfile.text(unwritable)) {
            if (int error = write_file_atomically(build.depfile, *text)) write_failure(build.depfile, error);
        } else {
            std::cerr << "bzc: " << build.depfile
                      << (zh ? "：路径含换行符，无法写入依赖文件，未写入：" : ": a path holds a line break, which a depfile cannot spell; not written: ")
                      << unwritable << '\n';
            worse(exit_usage);
        }
    }
    print_summary(all, global.language());
    if (int error = stdout_error()) {
        write_text_report(std::cerr, {output_failure(compiler.sources(), "-", error)}, compiler.sources(), global.language());
        return exit_usage;
    }
    return status;
}

// Applies the mechanical fixes of each file's findings: written back
// atomically, or shown as a diff with --dry-run.
int run_fix(const std::vector<std::string>& inputs, bool dry_run, const GlobalOptions& global) {
    CompileOptions options;
    options.catalogs = global.catalogs;
    Compiler compiler(options);
    bool zh = global.language() == Language::Chinese;
    int status = exit_ok;
    for (const auto& path : expand_paths(inputs)) {
        CompiledDocument result = compiler.compile(path);
        if (!result.document) {
            write_text_report(std::cerr, result.diagnostics, compiler.sources(), global.language());
            status = exit_usage;
            continue;
        }
        const std::uint32_t file = result.document->file;
        const std::string& source = compiler.sources().file(file).text;
        FixResult fixed = apply_fixes(source, result.diagnostics, compiler.sources(), file);
        if (fixed.applied > 0) {
            if (dry_run) {
                std::cout << line_diff(path, source, fixed.text);
            } else if (int error = write_file_atomically(path, fixed.text)) {
                write_text_report(std::cerr, {output_failure(compiler.sources(), path, error)}, compiler.sources(),
                                  global.language());
                status = exit_usage;
                continue;
            }
        }
        std::cerr << path << ": ";
        if (zh) std::cerr << (dry_run ? "可修复 " : "已修复 ") << fixed.applied << " 处";
        else std::cerr << fixed.applied << (dry_run ? " fixes to apply" : " fixes applied");
        if (fixed.skipped) std::cerr << (zh ? "，跳过 " : ", skipped ") << fixed.skipped << (zh ? " 处（原文已改变）" : " (the text there has changed)");
        std::cerr << '\n';
    }
    if (int error = stdout_error()) {
        write_text_report(std::cerr, {output_failure(compiler.sources(), "-", error)}, compiler.sources(), global.language());
        return exit_usage;
    }
    return status;
}

int run_rules(const std::string& format, const GlobalOptions& global) {
    const auto& rules = RuleRegistry::instance().rules();
    Language lang = global.language();
    if (format == "json") {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& r : rules) {
            nlohmann::ordered_json item;
            item["id"] = r.id;
            item["name"] = r.name;
            item["clause"] = r.clause.empty() ? "" : "GB/T 1.1—2020 " + r.clause;
            item["confidence"] = r.confidence;
            item["severity"] = severity_name(r.severity);
            nlohmann::ordered_json stages = nlohmann::ordered_json::object();
            for (auto stage : model::all_stages) stages[std::string(model::stage_key(stage))] = severity_name(r.severity_for(stage));
            item["stages"] = std::move(stages);
            item["summary"] = r.summary.in(lang);
            list.push_back(std::move(item));
        }
        std::cout << nlohmann::ordered_json{{"rules", std::move(list)}}.dump(2) << '\n';
        return exit_ok;
    }
    for (const auto& r : rules) {
        std::string clause = r.clause.empty() ? "-" : r.clause + (r.confidence.empty() ? "" : " [" + r.confidence + "]");
        std::cout << r.id << '\t' << severity_name(r.severity) << '\t' << clause << '\t' << r.summary.in(lang) << '\n';
    }
    return exit_ok;
}

const char* status_text(model::CatalogStatus status, bool zh) {
    switch (status) {
        case model::CatalogStatus::Current: return zh ? "现行" : "in force";
        case model::CatalogStatus::Upcoming: return zh ? "即将实施" : "issued, not yet in force";
        case model::CatalogStatus::Drafting: return zh ? "制定中" : "in drafting";
        case model::CatalogStatus::Withdrawn: return zh ? "废止" : "withdrawn";
        case model::CatalogStatus::Replaced: return zh ? "被代替" : "replaced";
    }
    return "";
}

// `bzc catalog`: what the catalog knows, so a drafter can check a document
// before citing it (and see why REF-17…REF-21 said what they said).
int run_catalog(const std::vector<std::string>& queries, const GlobalOptions& global) {
    bool zh = global.language() == Language::Chinese;
    CompileOptions options;
    options.catalogs = global.catalogs;
    Compiler compiler(options);
    DiagnosticSink sink;
    // The project of the current directory: its catalog files and its own standards.
    auto project = compiler.project_for(std::filesystem::current_path() / "bzc.yaml", sink);
    const catalog::Catalog& catalog = project->catalog;
    sink.finish(std::nullopt, project->config.severity);
    write_text_report(std::cerr, sink.diagnostics(), compiler.sources(), global.language());
    if (queries.empty()) {
        std::cout << (zh ? "标准目录：" : "Standards catalog: ") << catalog.size() << (zh ? " 个版本" : " editions") << '\n';
        for (const auto& v : catalog.versions()) std::cout << "  " << v << '\n';
        return sink.diagnostics().empty() ? exit_ok : exit_errors;
    }
    int status = exit_ok;
    for (const auto& query : queries) {
        auto d = model::parse_designation(query);
        if (!d) {
            std::cerr << "bzc: " << (zh ? "不是标准编号：" : "not a designation: ") << query << '\n';
            status = exit_usage;
            continue;
        }
        bool any = false;
        catalog.for_each([&](const model::CatalogRecord& r) {
            if (r.designation.undated() != d->undated() || (!d->year.empty() && r.designation.year != d->year)) return;
            any = true;
            std::cout << r.designation.canonical() << "\t" << r.title << "\t" << status_text(r.status, zh);
            if (!r.replaced_by.empty()) {
                std::cout << (zh ? "：" : ": ");
                for (std::size_t i = 0; i < r.replaced_by.size(); ++i) std::cout << (i ? "、" : "") << r.replaced_by[i];
            }
            std::cout << "\t" << (r.issued.empty() ? "-" : r.issued) << "\t" << (r.implemented.empty() ? "-" : r.implemented) << "\t"
                      << r.origin << '\n';
        });
        if (!any) {
            std::cout << d->canonical() << "\t" << (zh ? "（目录中没有）" : "(not in the catalog)") << '\n';
            status = exit_errors;
        }
    }
    return status;
}

int run_explain(const std::string& id, const GlobalOptions& global) {
    const Rule* r = RuleRegistry::instance().find(id);
    Language lang = global.language();
    bool zh = lang == Language::Chinese;
    if (!r) {
        std::cerr << "bzc: " << (zh ? "没有规则 " : "no rule ") << id << (zh ? "；用 bzc rules 列出全部规则" : "; run bzc rules to list them") << '\n';
        return exit_usage;
    }
    std::cout << r->id << "  " << r->name << '\n' << r->summary.in(lang) << "\n\n";
    if (!r->clause.empty()) {
        std::cout << (zh ? "依据：GB/T 1.1—2020 " : "Clause: GB/T 1.1—2020 ") << r->clause << " [" << r->confidence << "]\n";
    }
    std::cout << (zh ? "默认级别：" : "Default severity: ") << severity_name(r->severity) << '\n';
    for (auto stage : model::all_stages) {
        if (r->severity_for(stage) != r->severity) {
            std::cout << "  " << model::stage_name_zh(stage) << ": " << severity_name(r->severity_for(stage)) << '\n';
        }
    }
    std::cout << (zh ? "消息：" : "Message: ") << r->message.in(lang) << '\n';
    if (!r->hint.in(lang).empty()) std::cout << (zh ? "提示：" : "Hint: ") << r->hint.in(lang) << '\n';
    if (!r->wrong_example.empty()) std::cout << '\n' << (zh ? "错误示例：" : "Wrong: ") << '\n' << r->wrong_example << '\n';
    if (!r->right_example.empty()) std::cout << '\n' << (zh ? "正确示例：" : "Right: ") << '\n' << r->right_example << '\n';
    std::cout << (zh ? "规则文件：" : "Defined in: ") << r->file << '\n';
    return exit_ok;
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"bzc — 标准编译器 (standards compiler): checks and builds standards drafted under GB/T 1.1—2020"};
    app.name("bzc");
    app.set_version_flag("--version", std::string("bzc ") + BZC_VERSION);
    app.require_subcommand(0, 1);
    GlobalOptions global;
    app.add_option("--lang", global.lang, "Language of messages: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_option("--catalog", global.catalogs,
                   "A catalog file of standards (rules/catalog/README.md), added to the built-in one; repeatable")
        ->allow_extra_args(false);

    CheckOptions check_options;
    auto* check = app.add_subcommand("check", "Check standards (files or directories) and report problems; with no path, the whole repository of the bzc.yaml here or above");
    check->add_option("paths", check_options.paths,
                      "Markdown (.md) or XML (.xml) sources, or directories (a directory with bzc.yaml is checked as a repository)");
    check->add_option("--stage", check_options.stage, "Draft stage to check for, overriding the cover data: 工作组讨论稿 | 征求意见稿 | 送审稿 | 报批稿 | 发布稿");
    check->add_option("--format", check_options.format, "Output: text (default), json, sarif (SARIF 2.1.0) or junit (JUnit XML)")
        ->check(CLI::IsMember({"text", "json", "sarif", "junit"}));
    check->add_flag("--syntax-only", check_options.syntax_only,
                    "Check only the source itself (cover data, DSL, ids and cross-references), not the GB/T 1.1 drafting rules");
    check->add_option("-j,--jobs", check_options.jobs, "Repository check: standards checked at once (default: one per core)")->check(CLI::Range(1, 256));
    check->add_flag("--no-cache", check_options.no_cache, "Repository check: analyse every standard again, neither reading nor writing the cache");
    check->add_option("--progress", check_options.progress, "Repository check: a progress line on standard error: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    check->fallthrough();

    std::string xml_input, xml_output;
    bool xml_force = false;
    auto* xml = app.add_subcommand("xml", "Write the canonical XML of a source");
    xml->add_option("file", xml_input, "Markdown or XML source")->required();
    xml->add_option("-o,--output", xml_output, "Output file (default: standard output)");
    xml->add_flag("--force", xml_force, "Write the XML even when the source has errors");
    xml->fallthrough();

    std::vector<std::string> build_paths;
    BuildOptions build_options;
    auto* build = app.add_subcommand("build", "Check standards and write them as Word files (DOCX) in the GB/T 1.1—2020 layout");
    build->add_option("paths", build_paths, "Markdown (.md) or XML (.xml) sources, or directories")->required();
    build->add_option("-o,--output", build_options.out_dir, "Directory for the output files (default: the current directory)");
    build->add_flag("--docx", build_options.docx, "Write DOCX (with neither --docx nor --pdf: both)");
    build->add_flag("--pdf", build_options.pdf, "Write PDF through headless LibreOffice (with neither --docx nor --pdf: both)");
    build->add_flag("--pdfa", build_options.pdfa, "Write the PDF as PDF/A-2b, tagged (implies --pdf)");
    build->add_option("--pdf-timeout", build_options.pdf_timeout, "Seconds LibreOffice may take for one document (default 180)")
        ->check(CLI::Range(1, 86400));
    build->add_option("--pdf-workers", build_options.pdf_workers,
                      "LibreOffice instances converting at once (default: one per core, at most 4)")
        ->check(CLI::Range(1, 16));
    build->add_option("--stage", build_options.stage, "Draft stage to check and print, overriding the cover data: 工作组讨论稿 | 征求意见稿 | 送审稿 | 报批稿 | 发布稿");
    build->add_option("--page-layout", build_options.page_layout,
                      "Page numbering: print (the cover counts as I; 目次, 前言, 引言 and the body start on right-hand pages; "
                      "the PDF keeps the blank pages) or draft (目次 is I, as SET's drafts); default: print for 发布稿, draft for drafts")
        ->check(CLI::IsMember({"print", "draft"}));
    build->add_flag("--force", build_options.force, "Write the files even when the sources have errors");
    build->add_flag("--no-cache", build_options.no_cache,
                    "Have pandoc convert every formula again, neither reading nor writing the formula cache (~/.cache/bzc/math)");
    build->add_option("--depfile", build_options.depfile,
                      "Write a Make-syntax depfile: each output with the files it was made from (source, bzc.yaml, catalogs, images, cited repository standards), for make and ninja");
    build->fallthrough();

    ReportOptions report_options;
    auto* report = app.add_subcommand("report", "Write the 编制说明 of a standard and its 征求意见汇总处理表 (DOCX and PDF)");
    report->add_option("standard", report_options.standard, "The standard (Markdown or XML)")->required();
    report->add_option("--record", report_options.record, "The project record (default: 编制说明.md next to the standard)");
    report->add_option("--comments", report_options.comments,
                       "The comment table, XLSX or CSV (default: 征求意见汇总处理表.csv or .xlsx next to the standard, if there is one)");
    report->add_option("--comment-draft", report_options.comment_draft,
                       "The draft the comments were made on, a file or git:REV:PATH (default: the record's comment-draft)");
    report->add_option("-o,--output", report_options.out_dir, "Directory for the output files (default: the current directory)");
    report->add_option("--font", report_options.font, "Body font of the report (default 仿宋)");
    report->add_flag("--docx", report_options.docx, "Write DOCX (with neither --docx nor --pdf: both)");
    report->add_flag("--pdf", report_options.pdf, "Write PDF through headless LibreOffice (with neither --docx nor --pdf: both)");
    report->add_option("--pdf-timeout", report_options.pdf_timeout, "Seconds LibreOffice may take for one document (default 180)")
        ->check(CLI::Range(1, 86400));
    report->add_flag("--force", report_options.force, "Write the files even when the inputs have errors");
    report->fallthrough();

    SystemOptions system_options;
    auto* system = add_system_command(app, system_options);

    std::string init_directory;
    bool init_force = false;
    auto* init = app.add_subcommand("init", "Write a commented starter project file bzc.yaml for a standards repository");
    init->add_option("directory", init_directory, "The repository's root folder (default: the current directory)");
    init->add_flag("--force", init_force, "Replace an existing bzc.yaml");
    init->fallthrough();

    std::vector<std::string> fix_paths;
    bool fix_dry_run = false;
    auto* fix = app.add_subcommand("fix", "Apply the mechanical fixes of the findings (year separators, 2009 wordings, punctuation …)");
    fix->add_option("paths", fix_paths, "Sources or directories to fix in place")->required();
    fix->add_flag("--dry-run", fix_dry_run, "Show the changes as a diff instead of writing them");
    fix->fallthrough();

    std::string rules_format = "text";
    auto* rules = app.add_subcommand("rules", "List the rule catalog");
    rules->add_option("--format", rules_format, "Output: text (default) or json")->check(CLI::IsMember({"text", "json"}));
    rules->fallthrough();

    std::vector<std::string> catalog_queries;
    auto* catalog = app.add_subcommand("catalog", "Look documents up in the standards catalog, or show its size and versions");
    catalog->add_option("designations", catalog_queries, "Designations to look up, e.g. \"GB/T 1.1\" (all editions) or \"GB/T 13016—2018\"");
    catalog->fallthrough();

    std::string explain_id;
    auto* explain = app.add_subcommand("explain", "Explain what a rule demands");
    explain->add_option("rule", explain_id, "Rule id, e.g. META-01")->required();
    explain->fallthrough();

    std::vector<std::string> help_topic;
    auto* help = app.add_subcommand("help", "Show help for bzc or a command");
    help->add_option("command", help_topic, "Command to explain");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        // app.help() describes the subcommand given, if any: bzc check --help.
        std::cout << app.help();
        return exit_ok;
    } catch (const CLI::CallForVersion&) {
        std::cout << "bzc " << BZC_VERSION << '\n';
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        std::cerr << "bzc: " << e.what() << "\n";
        std::cerr << (global.lang == "en" ? "Run 'bzc help' for usage.\n" : "用法见 bzc help。\n");
        return exit_usage;
    }
    try {
        if (*check) return run_check(check_options, global);
        if (*xml) return run_xml(xml_input, xml_output, xml_force, global);
        if (*build) return run_build(build_paths, build_options, global);
        if (*init) return run_init(init_directory, init_force, global.language());
        if (*fix) return run_fix(fix_paths, fix_dry_run, global);
        if (*report) {
            report_options.catalogs = global.catalogs;
            report_options.language = global.language();
            return run_report(report_options);
        }
        if (*system) {
            system_options.language = global.language();
            return run_system(system_options);
        }
        if (*rules) return run_rules(rules_format, global);
        if (*explain) return run_explain(explain_id, global);
        if (*catalog) return run_catalog(catalog_queries, global);
        if (*help) {
            if (!help_topic.empty()) {
                for (auto* sub : app.get_subcommands({})) {
                    if (sub->get_name() == help_topic.front()) {
                        std::cout << sub->help("bzc");
                        return exit_ok;
                    }
                }
                std::cerr << "bzc: no command '" << help_topic.front() << "'\n";
                return exit_usage;
            }
            // Not app.help(): with the help command selected it would describe that command.
            std::cout << app.get_formatter()->make_help(&app, "bzc", CLI::AppFormatMode::Normal);
            return exit_ok;
        }
    } catch (const CLI::ValidationError& e) {
        std::cerr << "bzc: " << e.what() << '\n';
        return exit_usage;
    }
    std::cerr << app.help();
    return exit_usage;
}

}  // namespace bzc::driver
