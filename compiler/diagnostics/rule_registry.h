#pragma once

#include "model/stage.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc {

enum class Severity { Note, Warning, Error };
std::string_view severity_name(Severity s);  // note / warning / error
std::optional<Severity> parse_severity(std::string_view text);

enum class Language { Chinese, English };

struct LocalizedText {
    std::string zh;
    std::string en;
    const std::string& in(Language lang) const { return lang == Language::English && !en.empty() ? en : zh; }
};

// One rule of the catalog, as data from rules/*.yaml.
struct Rule {
    std::string id;
    std::string name;
    std::string clause;      // GB/T 1.1—2020 clause, empty for DSL rules
    std::string confidence;  // V, T, K or ?
    Severity severity = Severity::Error;
    std::map<model::Stage, Severity> stage_severity;
    bool io_failure = false;  // a failure to read or write files: exit status 2
    LocalizedText summary;
    LocalizedText message;
    LocalizedText hint;
    std::string wrong_example;  // text that breaks the rule, for `bzc explain`
    std::string right_example;  // the nearest correct text
    std::string file;           // rules/source.yaml

    Severity severity_for(std::optional<model::Stage> stage) const;
};

// All rules, loaded once from the rule files compiled into the binary.
class RuleRegistry {
public:
    static const RuleRegistry& instance();

    // Loads rules from YAML text; throws std::runtime_error naming the file
    // and rule on any malformed entry. The build runs it on rules/*.yaml
    // (rule_table_generator.cpp), so a bad rule file fails the build.
    void load(std::string_view file_name, std::string_view yaml_text);
    void add(Rule rule);

    const Rule* find(std::string_view id) const;
    const Rule& get(std::string_view id) const;  // throws std::logic_error for an unknown id
    const std::vector<Rule>& rules() const { return rules_; }

private:
    std::vector<Rule> rules_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

// The rules of rules/*.yaml, compiled into the binary as a table (generated).
std::vector<Rule> compiled_rules();

// Replaces {name} placeholders with argument values.
std::string format_message(std::string_view pattern,
                           const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace bzc
