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
std::string percent_encode_path(const std::string& path) {
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

// The base of relative artifact URIs: the directory bzc was run in, which
// in CI is the checkout (GitHub's upload-sarif resolves relative URIs against
// its checkout_path; %SRCROOT% is the name CodeQL gives that base).
constexpr const char* source_root_base_id = "%SRCROOT%";

// Where a finding's file is, as code scanning reads it: a path relative to
// where bzc ran becomes a relative URI against %SRCROOT%; an absolute path a
// file: URI (a bare "/home/…" reference would be read against the checkout
// and name nothing there).
nlohmann::ordered_json artifact_location(const std::string& path) {
    if (!path.empty() && path.front() == '/') return {{"uri", "file://" + percent_encode_path(path)}};
    return {{"uri", percent_encode_path(path)}, {"uriBaseId", source_root_base_id}};
}

const char* sarif_level(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

// A rule's hint as the rule's help, outside any finding: its placeholders
// ({replacement}) have no values there and read as "…".
std::string help_outside_findings(std::string_view hint) {
    std::string out;
    for (std::size_t i = 0; i < hint.size();) {
        std::size_t close = hint[i] == '{' ? hint.find('}', i) : std::string_view::npos;
        if (close != std::string_view::npos) {
            out += "…";
            i = close + 1;
        } else {
            out += hint[i++];
        }
    }
    return out;
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
        if (!rule->hint.in(lang).empty()) r["help"] = {{"text", help_outside_findings(rule->hint.in(lang))}};
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
            physical["artifactLocation"] = artifact_location(sources.file(d.location.file).path);
            // Code scanning places an alert only by region.startLine: a
            // finding about the whole file (line 0 in text and JSON) points at
            // its first line. Columns are 1-based; an unknown one is left out
            // rather than written as 0, which the schema forbids.
            json region{{"startLine", d.location.line > 0 ? d.location.line : 1}};
            if (d.location.line > 0 && d.location.column > 0) region["startColumn"] = d.location.column;
            physical["region"] = std::move(region);
            r["locations"] = json::array({json{{"physicalLocation", std::move(physical)}}});
        }
        results.push_back(std::move(r));
    }
    json driver;
    driver["name"] = "bzc";
    driver["version"] = BZC_VERSION;
    driver["semanticVersion"] = BZC_VERSION;
    driver["rules"] = std::move(rules);
    json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);
    json root;
    // The OASIS schema the log is validated against (tests/schemas).
    root["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = json::array({std::move(run)});
    // Paths and quoted source text are not always valid UTF-8 (a file name is
    // any bytes; yaml-cpp cuts a character in half in some messages): replace
    // what is not with U+FFFD rather than throw.
    out << root.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace bzc
