// The project file, bzc.yaml: its bytes as bzc reads them (unconverted)
// through driver::parse_project_config, then the suppressions it declares
// asked about a source file, and its findings reported.
#include "fuzz_target.h"

#include "driver/project_config.h"
#include "support/source_manager.h"

BZC_FUZZ_TARGET(project_file_fuzzer) {
    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    const std::filesystem::path path = "/project/bzc.yaml";
    std::uint32_t file = sources.add(path.string(), std::string(input));
    bzc::driver::ProjectConfig config = bzc::driver::parse_project_config(path, file, sources, sink);
    for (const auto& s : config.suppress) {
        config.suppresses(s.rule, "/project/internal/a.md");
        config.suppresses(s.rule, "/elsewhere/b.md");
    }
    sink.finish(std::nullopt, config.severity);
    bzc::fuzz::write_reports(sink.diagnostics(), sources);
}
