#include "driver/compilation.h"

#include "analysis/analysis.h"
#include "checks/check.h"
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
    if (auto file = load_source(path, sources_, sink)) {
        model::Document doc = is_xml_path(path) ? frontend::read_xml(*file, sources_, sink)
                                                : frontend::read_markdown(*file, sources_, sink);
        analysis::analyse(doc, sink);
        checks::run_all_checks(doc, sink);
        result.document = std::move(doc);
    }
    std::optional<model::Stage> stage = options_.stage;
    if (!stage && result.document) stage = result.document->metadata.stage;
    sink.finish(stage);
    result.diagnostics = sink.diagnostics();
    return result;
}

}  // namespace bzc::driver
