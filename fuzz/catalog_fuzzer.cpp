// A catalog file of standards (rules/catalog/README.md): decoded as bzc
// decodes every file it reads (driver::add_source), read on top of the seed
// catalog as Compiler::catalog_for does, then looked up: every edition of the
// documents the file adds records to, their replacements, and the
// designations its text names.
#include "fuzz_target.h"

#include "analysis/analysis.h"
#include "catalog/catalog.h"
#include "driver/source_loader.h"
#include "model/designation.h"
#include "support/source_manager.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {
// Catalog::read marks each record with its file's name and line ("own.txt:3").
constexpr std::string_view own_file_prefix = "own.txt:";
}  // namespace

BZC_FUZZ_TARGET(catalog_fuzzer) {
    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    if (auto file = bzc::driver::add_source("catalog/own.txt", std::string(input), sources, sink)) {
        bzc::catalog::Catalog catalog = bzc::analysis::seed_catalog();
        std::string_view text = sources.file(*file).text;
        catalog.read(text, *file, "catalog/own.txt", sink);
        // Every edition of each document the file adds a record to, as the
        // merged catalog has them. The documents it does not touch are the
        // seed's, whose lookups give the same answers on every input: looking
        // them all up again (some 200 records) was most of each execution.
        std::vector<bzc::model::Designation> touched;
        catalog.for_each([&](const bzc::model::CatalogRecord& r) {
            if (r.origin.starts_with(own_file_prefix)) touched.push_back(r.designation);
        });
        std::vector<bzc::model::Designation> wanted;
        std::set<std::string> documents_seen;
        for (const auto& designation : touched) {
            if (!documents_seen.insert(designation.undated()).second) continue;
            catalog.for_each_edition(designation, [&](const bzc::model::CatalogRecord& r) {
                if (r.designation.canonical().empty()) return;
                wanted.push_back(r.designation);
                for (const auto& replacement : r.replaced_by)
                    if (auto d = bzc::model::parse_designation(replacement)) wanted.push_back(*d);
            });
        }
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
