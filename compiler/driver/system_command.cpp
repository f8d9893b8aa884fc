#include "driver/system_command.h"

#include "diagnostics/report_formats.h"
#include "driver/cli.h"
#include "driver/project_config.h"
#include "emit/pdf/pdf_converter.h"
#include "repository/repository_index.h"
#include "support/atomic_file.h"
#include "support/calendar_date.h"
#include "support/source_manager.h"
#include "support/svg_rendering.h"
#include "support/system_errors.h"
#include "system/structure_diagram.h"
#include "system/system_csv.h"
#include "system/system_docx.h"
#include "system/system_table.h"
#include "system/table_columns.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace bzc::driver {

namespace {

namespace fs = std::filesystem;
using standard_system::SystemTable;

std::string summary(const SystemTable& t, bool zh) {
    using repository::StandardStatus;
    const auto& all = t.totals;
    std::string n = std::to_string(all.total), current = std::to_string(all.count(StandardStatus::Current)),
                drafting = std::to_string(all.count(StandardStatus::Drafting)), due = std::to_string(t.review_due),
                overdue = std::to_string(t.review_overdue), unclassified = std::to_string(t.unclassified.total);
    if (zh) {
        std::string line = "标准数 " + n + "，现行 " + current + "，制定中 " + drafting + "，覆盖率 " + t.coverage_text() + "，复审到期 " +
                           due + " 项，其中逾期 " + overdue + " 项";
        if (t.unclassified.total > 0) line += "，未归类 " + unclassified + " 项";
        return line;
    }
    std::string line = n + " standards, " + current + " in force, " + drafting + " in drafting, coverage " + t.coverage_text() +
                       ", " + due + " due for review, " + overdue + " of them overdue";
    if (t.unclassified.total > 0) line += ", " + unclassified + " without a category";
    return line;
}

// The account of --format json: what was written and the tables themselves.
nlohmann::ordered_json json_account(const SystemTable& t, const std::vector<std::string>& written) {
    using json = nlohmann::ordered_json;
    auto table = [](const standard_system::TableRow& header, const std::vector<standard_system::TableRow>& rows) {
        json out = json::array();
        for (const auto& row : rows) {
            json object = json::object();
            for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) object[header[i]] = row[i];
            out.push_back(std::move(object));
        }
        return out;
    };
    std::vector<standard_system::TableRow> details, statistics, review;
    for (const auto& group : t.groups)
        for (const auto& row : group.rows) details.push_back(standard_system::details_cells(row));
    for (const auto& c : t.categories) statistics.push_back(standard_system::statistics_cells(t, c));
    if (t.unclassified.total > 0) statistics.push_back(standard_system::statistics_cells(t, t.unclassified));
    statistics.push_back(standard_system::statistics_cells(t, t.totals));
    for (std::size_t i = 0; i < t.review_list.size(); ++i) review.push_back(standard_system::review_cells(t.review_list[i], i + 1));
    using repository::StandardStatus;
    return {{"project", t.name},
            {"today", t.today},
            {"written", written},
            {"summary",
             {{"standards", t.totals.total},
              {"current", t.totals.count(StandardStatus::Current)},
              {"upcoming", t.totals.count(StandardStatus::Upcoming)},
              {"drafting", t.totals.count(StandardStatus::Drafting)},
              {"replaced", t.totals.count(StandardStatus::Replaced)},
              {"unclassified", t.unclassified.total},
              {"leaf_categories", t.leaf_categories},
              {"covered_leaf_categories", t.covered_leaf_categories},
              {"coverage", t.coverage_text()},
              {"review_due", t.review_due},
              {"review_overdue", t.review_overdue}}},
            {"details", table(standard_system::details_header(), details)},
            {"statistics", table(standard_system::statistics_header(t), statistics)},
            {"review", table(standard_system::review_header(), review)}};
}

}  // namespace

CLI::App* add_system_command(CLI::App& app, SystemOptions& options) {
    auto* system = app.add_subcommand("system", "Write the 标准体系表 of a standards repository (DOCX, PDF, SVG diagram, CSV tables)");
    system->add_option("directory", options.directory, "The repository, or a folder in it (default: the current directory)");
    system->add_option("-o,--output", options.out_dir,
                       "Directory for the output files (default: the project's output, else the current directory)");
    system->add_flag("--docx", options.docx, "Write 标准体系表.docx and the diagram's SVG (no format flag: everything)");
    system->add_flag("--pdf", options.pdf, "Write 标准体系表.pdf through headless LibreOffice (no format flag: everything)");
    system->add_flag("--csv", options.csv, "Write the 明细表, 统计表 and 复审 list as CSV (no format flag: everything)");
    system->add_option("--today", options.today, "The day the table describes, YYYY-MM-DD (default: today, or BZC_TODAY)");
    system->add_option("--format", options.format, "Standard output: text (the paths written, default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    system->add_option("--pdf-timeout", options.pdf_timeout, "Seconds LibreOffice may take (default 180)")->check(CLI::Range(1, 86400));
    system->fallthrough();
    return system;
}

int run_system(const SystemOptions& options) {
    const bool zh = options.language == Language::Chinese;
    auto usage_error = [&](const std::string& message_zh, const std::string& message_en) {
        std::cerr << "bzc: " << (zh ? message_zh : message_en) << '\n';
        return exit_usage;
    };
    bool docx = options.docx, pdf = options.pdf, csv = options.csv;
    if (!docx && !pdf && !csv) docx = pdf = csv = true;

    std::string today = options.today.empty() ? repository::today_iso() : options.today;
    if (!parse_iso_date(today)) {
        return usage_error("日期“" + today + "”无效，应为YYYY-MM-DD（--today或BZC_TODAY）",
                           "'" + today + "' is not a date YYYY-MM-DD (--today or BZC_TODAY)");
    }

    std::error_code ec;
    const fs::path directory = options.directory.empty() ? fs::path(".") : fs::path(options.directory);
    if (!fs::exists(directory, ec)) {
        return usage_error("找不到目录“" + directory.string() + "”", "no such directory: " + directory.string());
    }
    // find_project_file looks in the folder of a file: name one inside the directory.
    fs::path project_file = find_project_file(fs::is_directory(directory, ec) ? directory / "bzc.yaml" : directory);
    if (project_file.empty()) {
        return usage_error("“" + directory.string() + "”及其上级目录中没有项目文件bzc.yaml：标准体系表由项目文件的project和framework及其下的标准生成",
                           "no project file bzc.yaml in '" + directory.string() +
                               "' or above it: the 标准体系表 is made from the project file's project and framework and the standards below it");
    }

    SourceManager sources;
    DiagnosticSink sink;
    ProjectConfig config = load_project_config(project_file, sources, sink);
    sink.finish(std::nullopt);
    write_text_report(std::cerr, sink.diagnostics(), sources, options.language);
    for (const auto& d : sink.diagnostics()) {
        if (d.severity == Severity::Error) {
            std::cerr << summary_line(sink.diagnostics(), options.language) << '\n';
            return exit_errors;
        }
    }
    if (config.framework.empty()) {
        std::cerr << "bzc: "
                  << (zh ? "项目文件没有framework（体系框架）：所有标准列为未归类，体系结构图只有体系名称"
                         : "the project file has no framework: every standard is listed as unclassified, and the diagram shows only the system's name")
                  << '\n';
    }

    // Everything the outputs need is checked before anything is written.
    emit::pdf::PdfSettings pdf_settings;
    pdf_settings.timeout = std::chrono::seconds(options.pdf_timeout);
    if (pdf) {
        if (auto missing = emit::pdf::check_pdf_tools(pdf_settings)) return usage_error(missing->zh, missing->en);
    }

    repository::RepositoryIndex index = repository::index_repository(config);
    SystemTable table = standard_system::build_system_table(config, index, today);
    standard_system::StructureDiagram diagram = standard_system::draw_structure_diagram(table, config.framework);
    std::string docx_bytes;
    if (docx || pdf) {
        SvgRenderRequest twice_the_size;  // sharp on paper and on high-density screens
        twice_the_size.purpose_zh = "体系结构图的PNG";
        twice_the_size.purpose_en = "the PNG of the structure diagram";
        RenderedPng png = render_svg_to_png(diagram.svg, twice_the_size);
        if (!png.ok()) return usage_error(png.error_zh, png.error_en);
        docx_bytes = standard_system::write_system_docx(table, diagram, png.png);
    }

    fs::path out_dir = !options.out_dir.empty() ? fs::path(options.out_dir) : !config.output.empty() ? config.output : fs::path(".");
    std::vector<std::pair<fs::path, std::string>> files;
    if (docx) {
        files.push_back({out_dir / system_docx_name, docx_bytes});
        files.push_back({out_dir / system_svg_name, diagram.svg});
    }
    if (csv) {
        files.push_back({out_dir / system_details_csv_name, standard_system::details_csv(table)});
        files.push_back({out_dir / system_statistics_csv_name, standard_system::statistics_csv(table)});
        files.push_back({out_dir / system_review_csv_name, standard_system::review_csv(table)});
    }

    int status = exit_ok;
    std::vector<std::string> written;
    auto report_failure = [&](std::string_view rule, const fs::path& target, DiagnosticArgs args) {
        DiagnosticSink failure;
        failure.report(rule, {sources.add(target.string(), ""), 0, 0}, std::move(args));
        write_text_report(std::cerr, failure.diagnostics(), sources, options.language);
        status = exit_usage;
    };
    auto write_failure = [&](const fs::path& target, int error) {
        auto [reason_zh, reason_en] = describe_system_error(error);
        report_failure("IO-02", target, {{"reason", reason_zh, reason_en}});
    };
    fs::create_directories(out_dir, ec);
    if (ec) {
        write_failure(out_dir, ec.value());
        return status;
    }
    for (const auto& [path, bytes] : files) {
        if (int error = write_file_atomically(path, bytes)) {
            write_failure(path, error);
            continue;
        }
        written.push_back(path.string());
        if (options.format == "text") std::cout << path.string() << '\n';
    }
    if (pdf) {
        emit::pdf::PdfConverter converter(pdf_settings);
        fs::path pdf_path = out_dir / system_pdf_name;
        auto results = converter.convert({emit::pdf::PdfJob{docx_bytes, pdf_path}});
        if (results.front().ok) {
            written.push_back(pdf_path.string());
            if (options.format == "text") std::cout << pdf_path.string() << '\n';
        } else {
            report_failure("IO-03", pdf_path,
                           {{"source", project_file.string()}, {"reason", results.front().error_zh, results.front().error_en}});
        }
    }
    if (options.format == "json") std::cout << json_account(table, written).dump(2) << '\n';
    std::cout.flush();
    std::cerr << summary(table, zh) << '\n';
    return status;
}

}  // namespace bzc::driver
