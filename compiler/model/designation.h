#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::model {

// The family of a document designation (§G of the rules catalog).
enum class DesignationFamily {
    National,       // GB, GB/T, GB/Z
    Industry,       // JB/T, YY …
    Local,          // DB43/T, DB4403/T
    Group,          // T/CAS
    Enterprise,     // Q/CUP
    International,  // ISO, IEC, ISO/IEC, ITU-T and other bodies
};

// A deviation from the printed form that was tolerated while parsing; checks
// decide how to report each one.
enum class DesignationDeviation {
    YearSeparator,  // -, –, －, ─ instead of — (U+2014)
    FullWidth,      // ＧＢ／Ｔ or full-width digits
    MissingSpace,   // GB/T1.1
};

struct Designation {
    DesignationFamily family = DesignationFamily::National;
    std::string code;    // GB/T, DB43/T, T/CAS, ISO/IEC, ITU-T
    std::string number;  // 1.1, 20001.10, X.509
    std::string year;    // 2020, or empty when undated
    std::string amendment;   // XG1—2017 (修改单), Amd 1:2024; only after a year
    bool all_parts = false;  // （所有部分）
    std::vector<DesignationDeviation> deviations;

    std::string sequence() const;  // number without the part: 20001
    std::string part() const;      // 10, or empty
    std::string undated() const;   // GB/T 1.1
    std::string canonical() const; // GB/T 1.1—2020, ISO 9001:2015, GB/T 3102（所有部分）, GB/T 1—2014/XG1—2017
    bool has(DesignationDeviation d) const;
};

// Parses a whole string as one designation (surrounding white space allowed).
std::optional<Designation> parse_designation(std::string_view text);

struct DesignationMatch {
    std::size_t offset = 0;  // byte offset in the scanned text
    std::size_t length = 0;  // bytes
    Designation designation;
};

// Finds every designation in running text, e.g. the GB/T 13016 in
// "应符合GB/T 13016的规定". Recognises only known codes, so ordinary capitals
// ("CPU 2") are not taken for standards.
std::vector<DesignationMatch> find_designations(std::string_view text);

}  // namespace bzc::model
