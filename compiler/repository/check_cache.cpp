#include "repository/check_cache.h"

#include "support/atomic_file.h"
#include "support/source_manager.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <set>

namespace bzc::repository {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr const char* cache_file_name = "check-v1.cbor";

json optional_stage(const std::optional<model::Stage>& stage) {
    return stage ? json(static_cast<int>(*stage)) : json();
}

std::optional<model::Stage> stage_from(const json& j) {
    if (!j.is_number_integer()) return std::nullopt;
    int value = j.get<int>();
    for (auto stage : model::all_stages) {
        if (static_cast<int>(stage) == value) return stage;
    }
    return std::nullopt;
}

json to_json(const StandardIdentity& s) {
    return json{{"number", s.number},   {"title", s.title},       {"title_en", s.title_en},   {"replaces", s.replaces},
                {"stage", optional_stage(s.stage)}, {"issued", s.issued}, {"effective", s.effective},
                {"reviewed", s.reviewed}, {"category", s.category}, {"issuer", s.issuer}, {"owner", s.owner},
                {"number_line", s.number_line}, {"title_line", s.title_line}, {"category_line", s.category_line}};
}

StandardIdentity identity_from(const json& j) {
    StandardIdentity s;
    s.number = j.at("number").get<std::string>();
    s.designation = model::parse_designation(s.number);
    s.title = j.at("title").get<std::string>();
    s.title_en = j.at("title_en").get<std::string>();
    s.replaces = j.at("replaces").get<std::vector<std::string>>();
    s.stage = stage_from(j.at("stage"));
    s.issued = j.at("issued").get<std::string>();
    s.effective = j.at("effective").get<std::string>();
    s.reviewed = j.at("reviewed").get<std::string>();
    s.category = j.at("category").get<std::string>();
    s.issuer = j.at("issuer").get<std::string>();
    s.owner = j.at("owner").get<std::string>();
    s.number_line = j.at("number_line").get<std::uint32_t>();
    s.title_line = j.at("title_line").get<std::uint32_t>();
    s.category_line = j.at("category_line").get<std::uint32_t>();
    return s;
}

json to_json(const StoredFinding& f) {
    json j{{"rule", f.rule}, {"path", f.path}, {"line", f.line}, {"column", f.column},
           {"severity", static_cast<int>(f.severity)}, {"args", f.args}};
    if (f.fix) j["fix"] = {f.fix->original, f.fix->replacement};
    return j;
}

StoredFinding finding_from(const json& j) {
    StoredFinding f;
    f.rule = j.at("rule").get<std::string>();
    f.path = j.at("path").get<std::string>();
    f.line = j.at("line").get<std::uint32_t>();
    f.column = j.at("column").get<std::uint32_t>();
    int severity = j.at("severity").get<int>();
    f.severity = severity == 0 ? Severity::Note : severity == 1 ? Severity::Warning : Severity::Error;
    f.args = j.at("args").get<std::vector<std::array<std::string, 3>>>();
    if (j.contains("fix")) f.fix = Fix{j["fix"].at(0).get<std::string>(), j["fix"].at(1).get<std::string>()};
    return f;
}

json to_json(const CheckRecord& r) {
    json findings = json::array();
    for (const auto& f : r.findings) findings.push_back(to_json(f));
    return json{{"content", r.content}, {"dependencies", r.dependencies}, {"findings", std::move(findings)},
                {"suppressed", r.suppressed}, {"read", r.read}, {"stage", optional_stage(r.stage)},
                {"cited", r.cited}, {"scope", r.scope}};
}

CheckRecord record_from(const json& j) {
    CheckRecord r;
    r.content = j.at("content").get<std::string>();
    r.dependencies = j.at("dependencies").get<std::vector<std::pair<std::string, std::string>>>();
    for (const auto& f : j.at("findings")) r.findings.push_back(finding_from(f));
    r.suppressed = j.at("suppressed").get<std::size_t>();
    r.read = j.at("read").get<bool>();
    r.stage = stage_from(j.at("stage"));
    r.cited = j.at("cited").get<std::vector<std::string>>();
    r.scope = j.at("scope").get<std::string>();
    return r;
}

}  // namespace

std::vector<StoredFinding> store_findings(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                                          std::uint32_t source_file) {
    std::vector<StoredFinding> out;
    out.reserve(diagnostics.size());
    for (const auto& d : diagnostics) {
        StoredFinding f;
        f.rule = d.rule->id;
        if (d.location.known() && d.location.file != source_file) f.path = sources.file(d.location.file).path;
        if (!d.location.known()) f.path = "\x01";  // no file at all
        f.line = d.location.line;
        f.column = d.location.column;
        f.severity = d.severity;
        for (const auto& a : d.args) f.args.push_back({a.name, a.value, a.english});
        f.fix = d.fix;
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<Diagnostic> restore_findings(const std::vector<StoredFinding>& stored, SourceManager& sources,
                                         std::uint32_t source_file) {
    std::vector<Diagnostic> out;
    out.reserve(stored.size());
    std::map<std::string, std::uint32_t> files;
    for (const auto& f : stored) {
        Diagnostic d;
        d.rule = RuleRegistry::instance().find(f.rule);
        if (!d.rule) continue;
        std::uint32_t file = source_file;
        if (f.path == "\x01") {
            file = 0;
        } else if (!f.path.empty()) {
            auto [it, added] = files.emplace(f.path, 0);
            if (added) it->second = sources.add(f.path, "");
            file = it->second;
        }
        d.location = {file, f.line, f.column};
        d.severity = f.severity;
        for (const auto& a : f.args) d.args.emplace_back(a[0], a[1], a[2]);
        d.fix = f.fix;
        out.push_back(std::move(d));
    }
    return out;
}

CheckCache CheckCache::load(const fs::path& folder, const std::string& configuration) {
    CheckCache cache;
    cache.file_ = folder / cache_file_name;
    cache.configuration_ = configuration;
    std::ifstream in(cache.file_, std::ios::binary);
    if (!in) return cache;
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        json root = json::from_cbor(bytes);
        if (root.at("configuration").get<std::string>() != configuration) return cache;
        for (const auto& [content, identity] : root.at("identities").items()) cache.identities_.emplace(content, identity_from(identity));
        for (const auto& [path, record] : root.at("records").items()) cache.records_.emplace(path, record_from(record));
    } catch (const json::exception&) {
        // A damaged or foreign cache is no cache: everything is checked again.
        cache.identities_.clear();
        cache.records_.clear();
    }
    return cache;
}

int CheckCache::save() const {
    if (!changed_) return 0;
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);
    if (ec) return ec.value();
    json identities = json::object();
    for (const auto& [content, identity] : identities_) identities[content] = to_json(identity);
    json records = json::object();
    for (const auto& [path, record] : records_) records[path] = to_json(record);
    json root{{"configuration", configuration_}, {"identities", std::move(identities)}, {"records", std::move(records)}};
    std::vector<std::uint8_t> bytes = json::to_cbor(root);
    // A cache folder of its own is ignored by git without a .gitignore entry.
    if (!fs::exists(file_.parent_path() / ".gitignore", ec)) write_file_atomically(file_.parent_path() / ".gitignore", "*\n");
    return write_file_atomically(file_, std::string(bytes.begin(), bytes.end()));
}

const StandardIdentity* CheckCache::identity(const std::string& content) const {
    auto found = identities_.find(content);
    return found == identities_.end() ? nullptr : &found->second;
}

void CheckCache::put_identity(const std::string& content, const StandardIdentity& identity) {
    identities_[content] = identity;
    changed_ = true;
}

const CheckRecord* CheckCache::record(const std::string& path) const {
    auto found = records_.find(path);
    return found == records_.end() ? nullptr : &found->second;
}

void CheckCache::put_record(const std::string& path, CheckRecord record) {
    records_[path] = std::move(record);
    changed_ = true;
}

void CheckCache::retain(const std::map<std::string, std::string>& content_by_path) {
    std::set<std::string> contents;
    for (const auto& [path, content] : content_by_path) contents.insert(content);
    for (auto it = records_.begin(); it != records_.end();) {
        auto current = content_by_path.find(it->first);
        if (current == content_by_path.end() || current->second != it->second.content) {
            it = records_.erase(it);
            changed_ = true;
        } else {
            ++it;
        }
    }
    for (auto it = identities_.begin(); it != identities_.end();) {
        if (!contents.count(it->first)) {
            it = identities_.erase(it);
            changed_ = true;
        } else {
            ++it;
        }
    }
}

}  // namespace bzc::repository
