// The whole of `bzc check`, `bzc xml` and `bzc fix` on one source, in memory.
// The first byte chooses how the rest is read: its lowest bit, Markdown (0,
// e.g. "0") or XML (1, e.g. "1"); its next three bits a --stage override
// (1–5: 工作组讨论稿 … 发布稿; 0, 6, 7: none). The rest is the file's bytes,
// decoded as bzc decodes them (driver::add_source), then: front end, analysis
// with the seed catalog, every check, suppression comments, severities, the
// canonical XML, the text/JSON/SARIF reports and the mechanical fixes.
#include "fuzz_target.h"

#include "analysis/analysis.h"
#include "checks/check.h"
#include "driver/compilation.h"
#include "driver/fixes.h"
#include "driver/source_loader.h"
#include "emit/canonical_xml.h"
#include "frontend/markdown/markdown_reader.h"
#include "frontend/xml/xml_reader.h"
#include "support/source_manager.h"

BZC_FUZZ_TARGET(check_pipeline_fuzzer) {
    if (input.empty()) return;
    const auto selector = static_cast<unsigned char>(input.front());
    input.remove_prefix(1);
    const bool xml = (selector & 1) != 0;
    std::optional<bzc::model::Stage> stage;
    if (unsigned s = (selector >> 1) & 7; s >= 1 && s <= 5) stage = bzc::model::all_stages[s - 1];

    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    const std::string path = xml ? "input.xml" : "input.md";
    auto file = bzc::driver::add_source(path, std::string(input), sources, sink);
    std::optional<bzc::model::Document> document;
    if (file) {
        bzc::model::Document doc = xml ? bzc::frontend::read_xml(*file, sources, sink)
                                       : bzc::frontend::read_markdown(*file, sources, sink);
        if (stage) doc.metadata.stage = stage;
        bzc::analysis::analyse(doc, sink);
        bzc::checks::run_all_checks(doc, sink);
        bzc::driver::Compiler::apply_suppressions(doc, sink);
        document = std::move(doc);
    }
    sink.finish(stage ? stage : document ? document->metadata.stage : std::nullopt);
    bzc::fuzz::write_reports(sink.diagnostics(), sources);
    if (!document) return;
    std::string canonical = bzc::emit::write_canonical_xml(*document);
    const std::string& text = sources.file(*file).text;
    bzc::driver::FixResult fixed = bzc::driver::apply_fixes(text, sink.diagnostics(), sources, *file);
    if (fixed.applied > 0) bzc::driver::line_diff(path, text, fixed.text);
}
