#include "driver/project_config.h"

#include "support/source_manager.h"
#include "support/suggestions.h"

#include <yaml-cpp/yaml.h>

#include <fnmatch.h>
#include <fstream>
#include <sstream>

namespace bzc::driver {

namespace fs = std::filesystem;

bool ProjectConfig::suppresses(std::string_view rule, const fs::path& source) const {
    if (suppress.empty()) return false;
    std::error_code ec;
    fs::path relative = fs::relative(fs::absolute(source, ec), path.parent_path(), ec);
    for (const auto& s : suppress) {
        if (s.rule != rule) continue;
        if (s.files.empty() || fnmatch(s.files.c_str(), relative.generic_string().c_str(), FNM_PATHNAME) == 0) return true;
    }
    return false;
}

fs::path find_project_file(const fs::path& source) {
    std::error_code ec;
    fs::path dir = fs::absolute(source, ec).parent_path();
    while (!dir.empty()) {
        if (fs::is_regular_file(dir / "bzc.yaml", ec)) return dir / "bzc.yaml";
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return {};
}

ProjectConfig load_project_config(const fs::path& source, SourceManager& sources, DiagnosticSink& sink) {
    fs::path path = find_project_file(source);
    if (path.empty()) return {};
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::uint32_t file = sources.add(path.string(), text.str());
    return parse_project_config(path, file, sources, sink);
}

ProjectConfig parse_project_config(const fs::path& path, std::uint32_t file, const SourceManager& sources,
                                   DiagnosticSink& sink) {
    ProjectConfig config;
    config.path = path;
    auto at = [&](const YAML::Mark& mark) {
        return mark.line < 0 ? SourceLocation{file, 1, 1}
                             : sources.location_at_byte_column(file, static_cast<std::uint32_t>(mark.line + 1),
                                                               static_cast<std::uint32_t>(mark.column + 1));
    };
    YAML::Node root;
    try {
        root = YAML::Load(sources.file(file).text);
    } catch (const YAML::Exception& e) {
        sink.report("CFG-01", at(e.mark), {{"reason", e.msg}});
        return config;
    }
    if (!root || root.IsNull()) return config;
    if (!root.IsMap()) {
        sink.report("CFG-01", {file, 1, 1}, {{"reason", "项目文件应由“键: 值”行组成", "the project file should be a mapping"}});
        return config;
    }
    static const std::vector<std::string> keys = {"rules", "suppress", "catalog"};
    for (const auto& entry : root) {
        std::string key = entry.first.as<std::string>("");
        if (key == "rules" && entry.second.IsMap()) {
            for (const auto& rule : entry.second) {
                std::string id = rule.first.as<std::string>("");
                std::string level = rule.second.IsScalar() ? rule.second.Scalar() : "";
                // A key is a rule id or a pattern such as "TYP-*" for a family.
                std::vector<std::string> ids;
                for (const auto& r : RuleRegistry::instance().rules()) {
                    if (r.id == id || (id.find_first_of("*?[") != std::string::npos && fnmatch(id.c_str(), r.id.c_str(), 0) == 0)) {
                        ids.push_back(r.id);
                    }
                }
                if (ids.empty()) {
                    sink.report("CFG-02", at(rule.first.Mark()), {{"rule", id}});
                } else if (level == "off") {
                    for (const auto& x : ids) config.severity[x] = std::nullopt;
                } else if (auto severity = parse_severity(level)) {
                    for (const auto& x : ids) config.severity[x] = *severity;
                } else {
                    sink.report("CFG-01", at(rule.second.Mark()),
                                {{"reason", "规则级别应为off、note、warning或error", "a rule level is off, note, warning or error"}});
                }
            }
        } else if (key == "suppress" && entry.second.IsSequence()) {
            for (const auto& item : entry.second) {
                // item["rule"] throws on anything but a mapping (and null).
                if (!item.IsMap()) {
                    sink.report("CFG-01", at(item.Mark()),
                                {{"reason", "suppress的每一项由rule、files和reason组成",
                                  "each item of suppress is a mapping of rule, files and reason"}});
                    continue;
                }
                ProjectConfig::FileSuppression s;
                s.rule = item["rule"] ? item["rule"].as<std::string>("") : "";
                s.files = item["files"] ? item["files"].as<std::string>("") : "";
                s.reason = item["reason"] ? item["reason"].as<std::string>("") : "";
                if (!RuleRegistry::instance().find(s.rule)) {
                    sink.report("CFG-02", at(item.Mark()), {{"rule", s.rule}});
                    continue;
                }
                if (s.reason.empty()) sink.report("SUP-01", at(item.Mark()), {{"rule", s.rule}});
                config.suppress.push_back(std::move(s));
            }
        } else if (key == "catalog" && (entry.second.IsScalar() || entry.second.IsSequence())) {
            std::vector<YAML::Node> items;
            if (entry.second.IsScalar()) items.push_back(entry.second);
            else for (const auto& item : entry.second) items.push_back(item);
            for (const auto& item : items) {
                if (!item.IsScalar() || item.Scalar().empty()) {
                    sink.report("CFG-01", at(item.Mark()), {{"reason", "catalog的每一项是一个文件路径", "each item of catalog is a file path"}});
                    continue;
                }
                config.catalogs.push_back(config.path.parent_path() / item.Scalar());
            }
        } else {
            std::string guess = closest_match(key, keys);
            sink.report("CFG-03", at(entry.first.Mark()),
                        {{"key", key},
                         {"suggestion", guess.empty() ? "" : "（是否应为“" + guess + "”？）",
                          guess.empty() ? "" : " (did you mean '" + guess + "'?)"}});
        }
    }
    return config;
}

}  // namespace bzc::driver
