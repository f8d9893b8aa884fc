// Document designations. parse_designation sees raw bytes (`bzc catalog
// DESIGNATION` passes its arguments as they come); find_designations sees
// running text, which bzc has decoded to UTF-8 (driver::add_source) first.
#include "fuzz_target.h"

#include "driver/source_loader.h"
#include "model/designation.h"
#include "support/source_manager.h"

#include <cstdlib>

namespace {

// Everything a caller may ask of a designation.
void use(const bzc::model::Designation& d) {
    std::string all = d.sequence() + d.part() + d.undated() + d.canonical();
    // The canonical form is a designation too, and it is its own canonical form.
    auto again = bzc::model::parse_designation(d.canonical());
    if (!again || again->canonical() != d.canonical()) std::abort();
}

}  // namespace

BZC_FUZZ_TARGET(designation_fuzzer) {
    if (auto d = bzc::model::parse_designation(input)) use(*d);

    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    auto file = bzc::driver::add_source("input.md", std::string(input), sources, sink);
    if (!file) return;
    std::string_view text = sources.file(*file).text;
    for (const auto& match : bzc::model::find_designations(text)) {
        if (match.offset > text.size() || match.length > text.size() - match.offset || match.length == 0) std::abort();
        use(match.designation);
    }
}
