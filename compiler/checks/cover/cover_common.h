#pragma once

#include "model/designation.h"
#include "model/metadata.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Shared pieces of the cover checks.
namespace bzc::checks::cover {

// Drafts carry placeholders before a number or date is assigned: ××××, XXXX.
bool is_placeholder(std::string_view value);

// The designation of a document number, tolerating a placeholder year or
// sequence number (GB/T 20001.10—××××, DB43/T ××××—××××): the code is always
// read; `number` is empty when it is a placeholder.
std::optional<model::Designation> read_number(std::string_view text);

struct Province {
    std::string code;  // 43
    std::string name;  // 湖南省
};
const std::vector<Province>& provinces();  // rules/codes/provinces.txt
const Province* find_province(std::string_view code);

struct CoverData {
    std::vector<std::string> title_forbidden_endings;
    std::vector<std::string> national_issuers;
};
const CoverData& cover_data();

}  // namespace bzc::checks::cover
