#include "checks/cover/cover_common.h"

#include "checks/typography/common.h"
#include "support/code_list.h"
#include "support/resources.h"

namespace bzc::checks::cover {

bool is_placeholder(std::string_view value) {
    return value.find("×") != std::string_view::npos || value.find("XXXX") != std::string_view::npos ||
           value.find("xxxx") != std::string_view::npos;
}

std::optional<model::Designation> read_number(std::string_view text) {
    if (auto d = model::parse_designation(text)) return d;
    if (!is_placeholder(text)) return std::nullopt;
    // Cut the placeholder year: GB/T 20001.10—××××
    for (std::string_view dash : {"—", "-"}) {
        std::size_t at = text.rfind(dash);
        if (at == std::string_view::npos) continue;
        std::string_view rest = text.substr(at + dash.size());
        if (!is_placeholder(rest)) continue;
        if (auto d = model::parse_designation(text.substr(0, at))) return d;
    }
    // Keep only the code: DB43/T ××××—××××
    std::size_t space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    if (auto d = model::parse_designation(std::string(text.substr(0, space)) + " 1")) {
        d->number.clear();
        return d;
    }
    return std::nullopt;
}

const std::vector<Province>& provinces() {
    static const std::vector<Province> list = [] {
        std::vector<Province> out;
        for_each_code(embedded_resource("rules/codes/provinces.txt"), [&](std::string_view code, std::string_view name) {
            if (!name.empty()) out.push_back({std::string(code), std::string(name)});
        });
        return out;
    }();
    return list;
}

const Province* find_province(std::string_view code) {
    for (const auto& p : provinces())
        if (p.code == code) return &p;
    return nullptr;
}

const CoverData& cover_data() {
    static const CoverData data = [] {
        CoverData d;
        auto section = typography::read_data_section(embedded_resource("rules/cover.yaml"));
        for (const auto& [ending, _] : section["title-forbidden-endings"]) d.title_forbidden_endings.push_back(ending);
        for (const auto& [issuer, _] : section["national-issuers"]) d.national_issuers.push_back(issuer);
        return d;
    }();
    return data;
}

}  // namespace bzc::checks::cover
