// The Markdown front end: the bytes of a .md file, decoded as bzc decodes
// them (driver::add_source: UTF-8, UTF-16, GB18030; invalid UTF-8 and NUL
// bytes stop there), then front matter and body through frontend::read_markdown.
#include "fuzz_target.h"

#include "driver/source_loader.h"
#include "frontend/markdown/markdown_reader.h"
#include "support/source_manager.h"

BZC_FUZZ_TARGET(markdown_reader_fuzzer) {
    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    if (auto file = bzc::driver::add_source("input.md", std::string(input), sources, sink)) {
        bzc::model::Document doc = bzc::frontend::read_markdown(*file, sources, sink);
        sink.finish(doc.metadata.stage);
    } else {
        sink.finish(std::nullopt);
    }
    bzc::fuzz::write_reports(sink.diagnostics(), sources);
}
