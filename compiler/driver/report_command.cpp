#include "driver/report_command.h"

#include "diagnostics/report_formats.h"
#include "driver/cli.h"
#include "driver/comments_input.h"
#include "driver/compilation.h"
#include "driver/source_loader.h"
#include "emit/docx/docx_writer.h"
#include "emit/pdf/pdf_converter.h"
#include "explanation/comments_table.h"
#include "explanation/project_record.h"
#include "explanation/report_checks.h"
#include "explanation/report_content.h"
#include "explanation/report_docx.h"
#include "explanation/report_structure.h"
#include "model/designation.h"
#include "explanation/clause_mapping.h"
#include "support/atomic_file.h"
#include "support/limits.h"
#include "support/subprocess.h"
#include "support/system_errors.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace bzc::driver {
namespace {

namespace fs = std::filesystem;

bool is_io_failure(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.rule->io_failure && d.severity == Severity::Error) return true;
    return false;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return true;
    return false;
}

// The bytes of PATH at git revision REV, PATH relative to `base_dir`
// (`git -C base_dir show REV:./PATH`). A missing git, revision or file is
// IO-01 at `display`, with what git said.
std::optional<std::string> read_git_revision(const std::string& display, const std::string& revision, const std::string& path,
                                             const fs::path& base_dir, SourceManager& sources, DiagnosticSink& sink) {
    auto fail = [&](const std::string& zh, const std::string& en) -> std::optional<std::string> {
        sink.report("IO-01", {sources.add(display, ""), 0, 0}, {{"reason", zh, en}});
        return std::nullopt;
    };
    if (revision.empty() || path.empty()) return fail("应写为git:版本:路径", "expected git:REVISION:PATH");
    auto git = find_program("git");
    if (!git) return fail("未找到git程序", "git is not installed");
    // git's own message names what is missing (the revision, the path); it goes to a file, read back below.
    std::error_code ec;
    fs::path errors = fs::temp_directory_path(ec) / ("bzc-git-" + std::to_string(::getpid()) + ".txt");
    ProcessOptions options;
    options.argv = {*git, "-C", base_dir.empty() ? "." : base_dir.string(), "show", revision + ":./" + path};
    options.stderr_path = errors.string();
    ProgramResult result = run_program(options, "", std::chrono::seconds(60));
    std::string said;
    if (std::FILE* f = std::fopen(errors.c_str(), "rb")) {
        char line[512];
        if (std::fgets(line, sizeof line, f)) said = line;
        std::fclose(f);
    }
    fs::remove(errors, ec);
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
    if (result.timed_out) return fail("git show超时", "git show timed out");
    if (!result.ok())
        return fail("git show " + revision + ":" + path + "失败" + (said.empty() ? "" : "：" + said),
                    "git show " + revision + ":" + path + " failed" + (said.empty() ? "" : ": " + said));
    if (result.output.size() > limits::max_source_bytes) return fail("文件过大", "the file is too large");
    return std::move(result.output);
}

// The draft the comments were made on, compiled as the standard is: a file,
// or git:REV:PATH. Relative paths are taken from `base_dir` (the record's
// folder for its comment-draft, the current directory for --comment-draft).
CompiledDocument compile_comment_draft(Compiler& compiler, const std::string& spec, const fs::path& base_dir) {
    constexpr std::string_view git_prefix = "git:";
    if (spec.rfind(git_prefix, 0) != 0) {
        fs::path path = fs::path(spec).is_absolute() ? fs::path(spec) : base_dir / spec;
        return compiler.compile(path.lexically_normal().string());
    }
    std::string rest = spec.substr(git_prefix.size());
    auto colon = rest.find(':');
    std::string revision = colon == std::string::npos ? rest : rest.substr(0, colon);
    std::string path = colon == std::string::npos ? "" : rest.substr(colon + 1);
    DiagnosticSink sink;
    auto bytes = read_git_revision(spec, revision, path, base_dir, compiler.sources(), sink);
    if (!bytes) {
        CompiledDocument failed;
        failed.path = spec;
        sink.finish(std::nullopt);
        failed.diagnostics = sink.diagnostics();
        return failed;
    }
    return compiler.compile_bytes(spec, std::move(*bytes), base_dir / path);
}

}  // namespace

int run_report(const ReportOptions& options) {
    bool zh = options.language == Language::Chinese;
    bool docx = options.docx, pdf = options.pdf;
    if (!docx && !pdf) docx = pdf = true;
    emit::pdf::PdfSettings pdf_settings;
    pdf_settings.timeout = std::chrono::seconds(options.pdf_timeout);
    if (pdf) {
        if (auto missing = emit::pdf::check_pdf_tools(pdf_settings)) {
            std::cerr << "bzc: " << (zh ? missing->zh : missing->en) << '\n';
            return exit_usage;
        }
    }

    // The standard is read with the checks of the source only: its drafting
    // findings are `bzc check`'s business, the report needs its model.
    CompileOptions compile_options;
    compile_options.drafting_rules = false;
    compile_options.catalogs = options.catalogs;
    Compiler compiler(compile_options);
    CompiledDocument standard = compiler.compile(options.standard);
    std::vector<Diagnostic> all = standard.diagnostics;
    write_text_report(std::cerr, standard.diagnostics, compiler.sources(), options.language);
    if (!standard.document || standard.has_io_failure()) {
        std::cerr << summary_line(all, options.language) << '\n';
        return exit_usage;
    }
    const model::Document& doc = *standard.document;

    const fs::path dir = fs::path(options.standard).parent_path();
    std::string record_path = options.record.empty() ? (dir / default_record_name).string() : options.record;
    std::string comments_path = options.comments;
    if (comments_path.empty()) {
        // The CSV first: a committee that exports its workbook to CSV keeps both.
        for (std::string_view name : {default_comments_name, default_comments_workbook_name}) {
            std::error_code ec;
            fs::path candidate = dir / name;
            if (fs::exists(candidate, ec)) {
                comments_path = candidate.string();
                break;
            }
        }
    }

    DiagnosticSink sink;
    auto record_file = load_source(record_path, compiler.sources(), sink);
    std::optional<std::uint32_t> comments_file;
    explanation::CommentsTable comments;
    if (!comments_path.empty()) {
        if (auto table = load_comments_table(comments_path, compiler.sources(), sink)) {
            comments = std::move(*table);
            comments_file = comments.file;
        }
    }
    explanation::ProjectRecord record;
    std::optional<explanation::ReportStructure> structure;
    if (record_file) {
        record = explanation::read_project_record(*record_file, compiler.sources(), sink);
        std::string name = record.structure;
        if (name.empty()) {
            auto designation = model::parse_designation(doc.metadata.number);
            name = explanation::default_structure_name(designation ? std::optional(designation->family) : std::nullopt);
        }
        structure = explanation::report_structure(name);
        if (!structure) {
            auto it = record.field_locations.find("structure");
            sink.report("FM-05", it == record.field_locations.end() ? record.location : it->second,
                        {{"field", "structure"}, {"expected", "local、national或group", "local, national or group"}});
        }
    }

    // A comment round run on an older draft: its numbers are resolved there and followed to today's.
    std::optional<CompiledDocument> comment_draft;
    std::optional<explanation::ClauseMapping> mapping;
    explanation::CommentDraft commented;
    std::string comment_draft_spec = options.comment_draft.empty() ? record.comment_draft : options.comment_draft;
    if (!comment_draft_spec.empty() && comments_file) {
        fs::path base = options.comment_draft.empty() ? fs::path(record_path).parent_path() : fs::path();
        comment_draft = compile_comment_draft(compiler, comment_draft_spec, base);
        write_text_report(std::cerr, comment_draft->diagnostics, compiler.sources(), options.language);
        all.insert(all.end(), comment_draft->diagnostics.begin(), comment_draft->diagnostics.end());
        commented.name = comment_draft->path;
        if (comment_draft->document) {
            mapping = explanation::map_clauses(*comment_draft->document, doc);
            commented.document = &*comment_draft->document;
            commented.mapping = &*mapping;
        }
    }
    if (structure)
        explanation::check_report(doc, *structure, record, comments_file ? &comments : nullptr, sink,
                                  comment_draft ? &commented : nullptr);
    sink.finish(doc.metadata.stage);
    write_text_report(std::cerr, sink.diagnostics(), compiler.sources(), options.language);
    all.insert(all.end(), sink.diagnostics().begin(), sink.diagnostics().end());

    auto finish = [&](int status) {
        std::string line = summary_line(all, options.language);
        if (!line.empty()) std::cerr << line << '\n';
        std::cout.flush();
        return status;
    };
    if (is_io_failure(all) || !structure || (comment_draft && !comment_draft->document))
        return finish(is_io_failure(all) ? exit_usage : exit_errors);
    bool errors = has_errors(all);
    if (errors && !options.force) return finish(exit_errors);

    explanation::ExplanatoryReport report = explanation::compose_report(doc, *structure, record, comments_file ? &comments : nullptr);
    const fs::path out_dir = options.out_dir.empty() ? fs::path(".") : fs::path(options.out_dir);
    std::string stem = emit::docx::docx_file_name(doc, fs::path(options.standard).stem().string());
    stem = stem.substr(0, stem.size() - std::string_view(".docx").size());
    std::vector<std::pair<fs::path, std::string>> outputs;
    outputs.push_back({out_dir / (stem + "编制说明.docx"), explanation::write_report_docx(report, options.font)});
    if (comments_file) {
        std::string title = "《" + explanation::report_document_title(doc) + "》征求意见汇总处理表";
        // The numbers as commented, with today's where the draft has moved on: 5.2（现5.3）.
        explanation::CommentsTable shown = comments;
        if (mapping)
            for (auto& c : shown.comments) c.clause = explanation::clause_with_current_number(c.clause, *mapping);
        outputs.push_back({out_dir / (stem + "征求意见汇总处理表.docx"),
                           explanation::write_comments_table_docx(title, shown, options.font)});
    }

    int status = errors ? exit_errors : exit_ok;
    auto write_failure = [&](const fs::path& target, int error) {
        DiagnosticSink failure;
        auto [reason_zh, reason_en] = describe_system_error(error);
        failure.report("IO-02", {compiler.sources().add(target.string(), ""), 0, 0}, {{"reason", reason_zh, reason_en}});
        write_text_report(std::cerr, failure.diagnostics(), compiler.sources(), options.language);
        all.insert(all.end(), failure.diagnostics().begin(), failure.diagnostics().end());
        status = exit_usage;
    };
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) {
        write_failure(out_dir, ec.value());
        return finish(status);
    }
    std::vector<emit::pdf::PdfJob> jobs;
    for (auto& [path, bytes] : outputs) {
        if (docx) {
            if (int error = write_file_atomically(path, bytes)) {
                write_failure(path, error);
                continue;
            }
            std::cout << path.string() << '\n';
        }
        if (pdf) jobs.push_back({std::move(bytes), fs::path(path).replace_extension(".pdf")});
    }
    if (!jobs.empty()) {
        emit::pdf::PdfConverter converter(pdf_settings);
        auto results = converter.convert(jobs);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            if (results[i].ok) {
                std::cout << jobs[i].pdf.string() << '\n';
                continue;
            }
            DiagnosticSink failure;
            failure.report("IO-03", {compiler.sources().add(jobs[i].pdf.string(), ""), 0, 0},
                           {{"source", options.standard}, {"reason", results[i].error_zh, results[i].error_en}});
            write_text_report(std::cerr, failure.diagnostics(), compiler.sources(), options.language);
            all.insert(all.end(), failure.diagnostics().begin(), failure.diagnostics().end());
            status = exit_usage;
        }
    }
    return finish(status);
}

}  // namespace bzc::driver
