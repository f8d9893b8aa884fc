#include "diagnostics/rule_registry.h"


#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace bzc {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "note") return Severity::Note;
    if (text == "warning") return Severity::Warning;
    if (text == "error") return Severity::Error;
    return std::nullopt;
}

Severity Rule::severity_for(std::optional<model::Stage> stage) const {
    if (stage) {
        auto it = stage_severity.find(*stage);
        if (it != stage_severity.end()) return it->second;
    }
    return severity;
}

namespace {

LocalizedText read_text(const YAML::Node& node) {
    LocalizedText text;
    if (!node) return text;
    if (node.IsScalar()) {
        text.zh = node.as<std::string>();
        return text;
    }
    if (node["zh"]) text.zh = node["zh"].as<std::string>();
    if (node["en"]) text.en = node["en"].as<std::string>();
    return text;
}

}  // namespace

void RuleRegistry::load(std::string_view file_name, std::string_view yaml_text) {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    const YAML::Node list = root["rules"];
    if (!list || !list.IsSequence()) throw std::runtime_error(std::string(file_name) + ": no 'rules' list");
    for (const auto& node : list) {
        Rule rule;
        rule.file = std::string(file_name);
        auto fail = [&](const std::string& what) {
            throw std::runtime_error(std::string(file_name) + ": rule " + rule.id + ": " + what);
        };
        if (!node["id"]) fail("missing id");
        rule.id = node["id"].as<std::string>();
        if (node["name"]) rule.name = node["name"].as<std::string>(); else fail("missing name");
        if (node["clause"]) rule.clause = node["clause"].as<std::string>();
        if (node["confidence"]) rule.confidence = node["confidence"].as<std::string>();
        auto severity = parse_severity(node["severity"] ? node["severity"].as<std::string>() : "");
        if (!severity) fail("missing or unknown severity");
        rule.severity = *severity;
        if (const auto stages = node["stages"]) {
            for (const auto& entry : stages) {
                auto stage = model::parse_stage(entry.first.as<std::string>());
                auto sev = parse_severity(entry.second.as<std::string>());
                if (!stage || !sev) fail("bad stage severity " + entry.first.as<std::string>());
                rule.stage_severity[*stage] = *sev;
            }
        }
        if (node["kind"]) {
            if (node["kind"].as<std::string>() != "io") fail("unknown kind");
            rule.io_failure = true;
        }
        rule.summary = read_text(node["summary"]);
        rule.message = read_text(node["message"]);
        rule.hint = read_text(node["hint"]);
        if (const auto examples = node["examples"]) {
            if (examples["wrong"]) rule.wrong_example = examples["wrong"].as<std::string>();
            if (examples["right"]) rule.right_example = examples["right"].as<std::string>();
        }
        if (rule.message.zh.empty() || rule.message.en.empty()) fail("message needs zh and en");
        if (!rule.clause.empty() && rule.confidence.empty()) fail("a clause needs a confidence tag");
        if (index_.count(rule.id)) fail("duplicate id");
        add(std::move(rule));
    }
}

void RuleRegistry::add(Rule rule) {
    index_[rule.id] = rules_.size();
    rules_.push_back(std::move(rule));
}

const Rule* RuleRegistry::find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &rules_[it->second];
}

const Rule& RuleRegistry::get(std::string_view id) const {
    const Rule* rule = find(id);
    if (!rule) throw std::logic_error("unknown rule id " + std::string(id));
    return *rule;
}

std::string format_message(std::string_view pattern,
                           const std::vector<std::pair<std::string, std::string>>& args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [key, value] : args) {
                    if (key == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

}  // namespace bzc
