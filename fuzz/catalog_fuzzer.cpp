// A catalog file of standards (rules/catalog/README.md): decoded as bzc
// decodes every file it reads (driver::add_source), read on top of the seed
// catalog as Compiler::catalog_for does, then looked up.
#include "fuzz_target.h"

#include "analysis/analysis.h"
#include "catalog/catalog.h"
#include "driver/source_loader.h"
#include "model/designation.h"
#include "support/source_manager.h"

BZC_FUZZ_TARGET(catalog_fuzzer) {
    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    if (auto file = bzc::driver::add_source("catalog/own.txt", std::string(input), sources, sink)) {
        bzc::catalog::Catalog catalog = bzc::analysis::seed_catalog();
        std::string_view text = sources.file(*file).text;
        catalog.read(text, *file, "catalog/own.txt", sink);
        std::vector<bzc::model::Designation> wanted;
        catalog.for_each([&](const bzc::model::CatalogRecord& r) {
            if (r.designation.canonical().empty()) return;
            wanted.push_back(r.designation);
            for (const auto& replacement : r.replaced_by)
                if (auto d = bzc::model::parse_designation(replacement)) wanted.push_back(*d);
        });
        for (const auto& m : bzc::model::find_designations(text)) wanted.push_back(m.designation);
        for (const auto& d : wanted) {
            catalog.edition(d);
            catalog.latest(d);
            catalog.match(d);
        }
    }
    sink.finish(std::nullopt);
    bzc::fuzz::write_reports(sink.diagnostics(), sources);
}
