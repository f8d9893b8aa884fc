#include "driver/project_config.h"

#include "support/file_bytes.h"
#include "support/source_manager.h"
#include "support/suggestions.h"

#include <yaml-cpp/yaml.h>

#include <fnmatch.h>
#include <set>

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

namespace {

// framework: a list of {code, name, description?, children?}, nested.
// Codes are unique across the whole framework: a standard names one.
template <class At>
void read_categories(const YAML::Node& list, std::vector<repository::FrameworkCategory>& out, std::set<std::string>& codes,
                     int depth, At& at, DiagnosticSink& sink) {
    if (!list.IsSequence()) {
        sink.report("CFG-01", at(list.Mark()),
                    {{"reason", "framework是类别的列表，每项有code和name，可有children",
                      "framework is a list of categories, each with code and name, and optionally children"}});
        return;
    }
    for (const auto& item : list) {
        if (!item.IsMap() || !item["code"] || !item["name"] || !item["code"].IsScalar() || !item["name"].IsScalar() ||
            item["code"].Scalar().empty() || item["name"].Scalar().empty()) {
            sink.report("CFG-01", at(item.Mark()),
                        {{"reason", "framework的每个类别有code（体系编号）和name（名称）",
                          "each framework category has a code and a name"}});
            continue;
        }
        if (depth >= 6) {
            sink.report("CFG-01", at(item.Mark()), {{"reason", "framework最多6层", "framework has at most 6 levels"}});
            continue;
        }
        repository::FrameworkCategory c;
        c.code = item["code"].Scalar();
        c.name = item["name"].Scalar();
        if (item["description"] && item["description"].IsScalar()) c.description = item["description"].Scalar();
        c.location = at(item.Mark());
        if (!codes.insert(c.code).second) {
            sink.report("CFG-01", at(item["code"].Mark()),
                        {{"reason", "framework中的类别编号“" + c.code + "”重复", "the category code '" + c.code + "' is used twice in framework"}});
            continue;
        }
        for (const auto& field : item) {
            std::string name = field.first.as<std::string>("");
            if (name != "code" && name != "name" && name != "description" && name != "children") {
                sink.report("CFG-03", at(field.first.Mark()), {{"key", name}, {"suggestion", ""}});
            }
        }
        if (item["children"]) read_categories(item["children"], c.children, codes, depth + 1, at, sink);
        out.push_back(std::move(c));
    }
}

template <class At>
void read_framework(const YAML::Node& node, repository::Framework& framework, At& at, DiagnosticSink& sink) {
    std::set<std::string> codes;
    // framework: {name: "3+7N", categories: [...]} or the list of categories itself.
    if (node.IsMap()) {
        if (node["name"] && node["name"].IsScalar()) framework.name = node["name"].Scalar();
        if (node["categories"]) read_categories(node["categories"], framework.categories, codes, 0, at, sink);
        else sink.report("CFG-01", at(node.Mark()), {{"reason", "framework缺少categories", "framework has no categories"}});
        return;
    }
    read_categories(node, framework.categories, codes, 0, at, sink);
}

}  // namespace

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
    std::uint32_t file = sources.add(path.string(), read_file_bytes(path).value_or(""));
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
    static const std::vector<std::string> keys = {"project", "standards", "exclude", "framework", "review-period",
                                                  "output", "cache", "rules", "suppress", "catalog"};
    config.cache = config.folder() / ".bzc-cache";
    auto invalid = [&](const YAML::Node& node, const char* zh, const char* en) {
        sink.report("CFG-01", at(node.Mark()), {{"reason", zh, en}});
    };
    // A scalar or a list of scalars (globs, paths).
    auto strings = [&](const YAML::Node& node, const char* key, std::vector<std::string>& out) {
        std::vector<YAML::Node> items;
        if (node.IsScalar()) items.push_back(node);
        else if (node.IsSequence()) for (const auto& item : node) items.push_back(item);
        else invalid(node, "应为一个或一组文件模式", "expected a glob or a list of globs");
        for (const auto& item : items) {
            if (!item.IsScalar() || item.Scalar().empty()) {
                sink.report("CFG-01", at(item.Mark()),
                            {{"reason", std::string(key) + "的每一项是一个文件模式", std::string("each item of ") + key + " is a glob"}});
                continue;
            }
            out.push_back(item.Scalar());
        }
    };
    for (const auto& entry : root) {
        std::string key = entry.first.as<std::string>("");
        if (key == "project") {
            if (entry.second.IsScalar()) config.name = entry.second.Scalar();
            else invalid(entry.second, "project是标准体系的名称（一行文字）", "project is the name of the standard system (one line)");
        } else if (key == "standards") {
            strings(entry.second, "standards", config.standards);
        } else if (key == "exclude") {
            strings(entry.second, "exclude", config.exclude);
        } else if (key == "framework") {
            read_framework(entry.second, config.framework, at, sink);
        } else if (key == "review-period") {
            int years = 0;
            if (entry.second.IsScalar()) years = entry.second.as<int>(0);
            if (years < 1 || years > 50) invalid(entry.second, "review-period是复审周期的年数（1～50）", "review-period is the review cycle in years (1 to 50)");
            else config.review_period_years = years;
        } else if (key == "output" || key == "cache") {
            if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
                invalid(entry.second, "应为一个目录路径", "expected a directory path");
            } else {
                (key == "output" ? config.output : config.cache) = config.folder() / entry.second.Scalar();
            }
        } else if (key == "rules" && entry.second.IsMap()) {
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
