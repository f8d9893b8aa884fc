// The XML front end: the bytes of a .xml file, decoded as bzc decodes them
// (driver::add_source), then schema validation (libxml2, grammar/bzc.xsd) and
// the model built by frontend::read_xml.
#include "fuzz_target.h"

#include "driver/source_loader.h"
#include "frontend/xml/xml_reader.h"
#include "support/source_manager.h"

BZC_FUZZ_TARGET(xml_reader_fuzzer) {
    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    if (auto file = bzc::driver::add_source("input.xml", std::string(input), sources, sink)) {
        bzc::model::Document doc = bzc::frontend::read_xml(*file, sources, sink);
        sink.finish(doc.metadata.stage);
    } else {
        sink.finish(std::nullopt);
    }
    bzc::fuzz::write_reports(sink.diagnostics(), sources);
}
