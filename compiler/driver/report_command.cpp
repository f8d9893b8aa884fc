#include "driver/report_command.h"

#include "diagnostics/report_formats.h"
#include "driver/cli.h"
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
#include "support/atomic_file.h"
#include "support/system_errors.h"

#include <filesystem>
#include <iostream>

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
        std::error_code ec;
        fs::path candidate = dir / default_comments_name;
        if (fs::exists(candidate, ec)) comments_path = candidate.string();
    }

    DiagnosticSink sink;
    auto record_file = load_source(record_path, compiler.sources(), sink);
    std::optional<std::uint32_t> comments_file;
    if (!comments_path.empty()) comments_file = load_source(comments_path, compiler.sources(), sink);
    explanation::ProjectRecord record;
    explanation::CommentsTable comments;
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
    if (comments_file) comments = explanation::read_comments_table(*comments_file, compiler.sources(), sink);
    if (structure) explanation::check_report(doc, *structure, record, comments_file ? &comments : nullptr, sink);
    sink.finish(doc.metadata.stage);
    write_text_report(std::cerr, sink.diagnostics(), compiler.sources(), options.language);
    all.insert(all.end(), sink.diagnostics().begin(), sink.diagnostics().end());

    auto finish = [&](int status) {
        std::string line = summary_line(all, options.language);
        if (!line.empty()) std::cerr << line << '\n';
        std::cout.flush();
        return status;
    };
    if (is_io_failure(all) || !structure) return finish(is_io_failure(all) ? exit_usage : exit_errors);
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
        outputs.push_back({out_dir / (stem + "征求意见汇总处理表.docx"),
                           explanation::write_comments_table_docx(title, comments, options.font)});
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
