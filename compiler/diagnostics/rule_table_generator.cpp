// Build-time tool: reads rules/*.yaml with the registry's own loader (so a
// malformed rule fails the build) and writes them as a C++ table. Parsing
// the whole catalog with yaml-cpp at run time costs more than parsing a
// large standard; the table costs microseconds.
//   bzc_rule_table_generator OUTPUT.cpp ROOT rules/a.yaml rules/b.yaml …
#include "diagnostics/rule_registry.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

std::string literal(const std::string& text) {
    // A raw string with a delimiter no rule text contains.
    if (text.find(")rule\"") != std::string::npos) throw std::runtime_error("rule text contains )rule\"");
    return "R\"rule(" + text + ")rule\"";
}

std::string localized(const bzc::LocalizedText& t) { return "{" + literal(t.zh) + ", " + literal(t.en) + "}"; }

const char* severity(bzc::Severity s) {
    switch (s) {
        case bzc::Severity::Note: return "Severity::Note";
        case bzc::Severity::Warning: return "Severity::Warning";
        case bzc::Severity::Error: return "Severity::Error";
    }
    return "Severity::Error";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: bzc_rule_table_generator OUTPUT ROOT FILE...\n";
        return 2;
    }
    try {
        bzc::RuleRegistry registry;
        for (int i = 3; i < argc; ++i) {
            std::ifstream in(std::string(argv[2]) + "/" + argv[i], std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            if (text.str().find("\nrules:") == std::string::npos && text.str().rfind("rules:", 0) != 0) continue;
            registry.load(argv[i], text.str());
        }
        std::ostringstream out;
        out << "// Generated from rules/*.yaml by bzc_rule_table_generator; do not edit.\n"
               "#include \"diagnostics/rule_registry.h\"\n\nnamespace bzc {\n\n"
               "std::vector<Rule> compiled_rules() {\n    using model::Stage;\n    std::vector<Rule> rules;\n"
            << "    rules.reserve(" << registry.rules().size() << ");\n";
        for (const auto& r : registry.rules()) {
            out << "    {\n        Rule r;\n"
                << "        r.id = " << literal(r.id) << ";\n"
                << "        r.name = " << literal(r.name) << ";\n"
                << "        r.clause = " << literal(r.clause) << ";\n"
                << "        r.confidence = " << literal(r.confidence) << ";\n"
                << "        r.severity = " << severity(r.severity) << ";\n";
            for (const auto& [stage, sev] : r.stage_severity) {
                out << "        r.stage_severity[static_cast<Stage>(" << static_cast<int>(stage) << ")] = " << severity(sev) << ";\n";
            }
            out << "        r.io_failure = " << (r.io_failure ? "true" : "false") << ";\n"
                << "        r.summary = " << localized(r.summary) << ";\n"
                << "        r.message = " << localized(r.message) << ";\n"
                << "        r.hint = " << localized(r.hint) << ";\n"
                << "        r.wrong_example = " << literal(r.wrong_example) << ";\n"
                << "        r.right_example = " << literal(r.right_example) << ";\n"
                << "        r.file = " << literal(r.file) << ";\n"
                << "        rules.push_back(std::move(r));\n    }\n";
        }
        out << "    return rules;\n}\n\n}  // namespace bzc\n";
        std::ofstream file(argv[1], std::ios::binary);
        file << out.str();
        return file ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "rules: " << e.what() << '\n';
        return 1;
    }
}
