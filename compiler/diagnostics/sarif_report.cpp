#include "diagnostics/report_formats.h"

#include "support/source_manager.h"

#include <nlohmann/json.hpp>

#include <map>

#ifndef BZC_VERSION
#define BZC_VERSION "0"
#endif

namespace bzc {

namespace {

// SARIF artifact locations are URIs (RFC 3986): keep unreserved characters
// and '/', percent-encode the rest, including every byte of a Chinese name.
std::string to_uri_reference(const std::string& path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

const char* sarif_level(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

}  // namespace

void write_sarif_report(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        Language lang) {
    using json = nlohmann::ordered_json;
    // Rules in id order so the output does not depend on finding order.
    std::map<std::string, const Rule*> fired;
    for (const auto& d : diagnostics) fired.emplace(d.rule->id, d.rule);
    std::map<std::string, std::size_t> rule_index;
    json rules = json::array();
    for (const auto& [id, rule] : fired) {
        rule_index[id] = rule_index.size();
        json r;
        r["id"] = id;
        r["name"] = rule->name;
        r["shortDescription"] = {{"text", rule->summary.in(lang)}};
        if (!rule->hint.in(lang).empty()) r["help"] = {{"text", rule->hint.in(lang)}};
        r["defaultConfiguration"] = {{"level", sarif_level(rule->severity)}};
        json props;
        if (!rule->clause.empty()) {
            props["clause"] = "GB/T 1.1—2020 " + rule->clause;
            props["confidence"] = rule->confidence;
        }
        if (!props.empty()) r["properties"] = std::move(props);
        rules.push_back(std::move(r));
    }
    json results = json::array();
    for (const auto& d : diagnostics) {
        json r;
        r["ruleId"] = d.rule->id;
        r["ruleIndex"] = rule_index[d.rule->id];
        r["level"] = sarif_level(d.severity);
        r["message"] = {{"text", d.message(lang)}};
        if (d.location.known()) {
            json physical;
            physical["artifactLocation"] = {{"uri", to_uri_reference(sources.file(d.location.file).path)}};
            if (d.location.line > 0) {
                physical["region"] = {{"startLine", d.location.line}, {"startColumn", d.location.column}};
            }
            r["locations"] = json::array({json{{"physicalLocation", std::move(physical)}}});
        }
        results.push_back(std::move(r));
    }
    json driver;
    driver["name"] = "bzc";
    driver["version"] = BZC_VERSION;
    driver["rules"] = std::move(rules);
    json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);
    json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = json::array({std::move(run)});
    // Paths and quoted source text are not always valid UTF-8 (a file name is
    // any bytes; yaml-cpp cuts a character in half in some messages): replace
    // what is not with U+FFFD rather than throw.
    out << root.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace bzc
