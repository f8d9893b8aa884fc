#include "diagnostics/report_formats.h"

#include "support/source_manager.h"

#include <nlohmann/json.hpp>

namespace bzc {

void write_json_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                       Language lang, std::size_t suppressed) {
    using json = nlohmann::ordered_json;
    json list = json::array();
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& d : diagnostics) {
        json item;
        item["file"] = d.location.known() ? sources.file(d.location.file).path : std::string();
        item["line"] = d.location.line;
        item["column"] = d.location.column;
        item["severity"] = severity_name(d.severity);
        item["rule"] = d.rule->id;
        item["message"] = d.message(lang);
        if (!d.rule->clause.empty()) item["clause"] = "GB/T 1.1—2020 " + d.rule->clause;
        list.push_back(std::move(item));
        ++counts[static_cast<int>(d.severity)];
    }
    json root;
    root["diagnostics"] = std::move(list);
    root["errors"] = counts[static_cast<int>(Severity::Error)];
    root["warnings"] = counts[static_cast<int>(Severity::Warning)];
    root["notes"] = counts[static_cast<int>(Severity::Note)];
    root["suppressed"] = suppressed;
    // Paths and quoted source text are not always valid UTF-8 (a file name is
    // any bytes; yaml-cpp cuts a character in half in some messages): replace
    // what is not with U+FFFD rather than throw.
    out << root.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace bzc
