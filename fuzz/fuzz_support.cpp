#include "fuzz_target.h"

#include "diagnostics/report_formats.h"
#include "support/source_manager.h"

#include <libxml/parser.h>

#include <map>
#include <ostream>
#include <streambuf>

namespace bzc::fuzz {

namespace {

class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c == traits_type::eof() ? 0 : c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::map<std::string, Target, std::less<>>& registry() {
    static std::map<std::string, Target, std::less<>> targets;
    return targets;
}

}  // namespace

void initialise() {
    static const bool done = (xmlInitParser(), true);
    (void)done;
}

void write_reports(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
    static NullBuffer buffer;
    static std::ostream null(&buffer);
    write_text_report(null, diagnostics, sources, Language::Chinese);
    write_text_report(null, diagnostics, sources, Language::English);
    write_json_report(null, diagnostics, sources, Language::Chinese, 1);
    write_sarif_report(null, diagnostics, sources, Language::English);
    null << summary_line(diagnostics, Language::Chinese, 1);
}

Registration::Registration(const char* name, Target target) { registry().emplace(name, target); }

Target find_target(std::string_view name) {
    auto found = registry().find(name);
    return found == registry().end() ? nullptr : found->second;
}

}  // namespace bzc::fuzz
