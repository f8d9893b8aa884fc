#pragma once

#include "model/designation.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The sections of a 编制说明 by family (rules catalog §H). The lists are data,
// rules/codes/explanation-structures.txt, compiled into bzc.
namespace bzc::explanation {

enum class ContentKind { Text, OptionalText, Plan, Statistics, Basis, Structure, Contents, Terms, Changes, Adoption, Patent };

struct ReportSectionSpec {
    std::string key;    // the heading the author writes in the project record
    std::string title;  // the heading printed in the report
    std::vector<ContentKind> contents;

    bool requires_text() const;
    bool takes_text() const;
};

struct ReportStructure {
    std::string family;  // local, national, group
    std::vector<ReportSectionSpec> sections;

    const ReportSectionSpec* find(std::string_view key) const;
};

// The structure named `family` ("local", "national", "group"); empty for an unknown name.
std::optional<ReportStructure> report_structure(std::string_view family);
// The structure a designation's family calls for: industry standards follow
// the national one, enterprise standards the group one.
std::string default_structure_name(std::optional<model::DesignationFamily> family);
// The names of all structures, for messages.
std::vector<std::string> report_structure_names();

}  // namespace bzc::explanation
