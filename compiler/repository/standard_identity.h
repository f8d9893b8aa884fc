#pragma once

#include "model/designation.h"
#include "model/stage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::repository {

// Where a standard of the repository stands on a given day.
enum class StandardStatus {
    Drafting,   // not a 发布稿 yet (制定中)
    Upcoming,   // issued, implementation date still ahead (即将实施)
    Current,    // in force (现行)
    Replaced,   // a newer standard of the repository replaces it (被代替)
};

// What the repository knows about one of its standards from its cover data
// alone: enough to resolve citations between standards before any of them
// is checked, and to write the 标准体系表. Read from the front matter (or the
// <metadata> of an XML source) without parsing the body.
struct StandardIdentity {
    std::string path;  // the source, relative to the project file's folder, '/'-separated
    std::string number;                      // as written: DB50/T 1016—2020
    std::optional<model::Designation> designation;  // parsed; empty for a placeholder or a typo
    std::string title;
    std::string title_en;
    std::vector<std::string> replaces;       // 代替, as written
    std::optional<model::Stage> stage;
    std::string issued;                      // YYYY-MM-DD or empty
    std::string effective;
    std::string reviewed;                    // last 复审 confirmation
    std::string category;                    // framework category code
    std::string issuer;
    std::string owner;                       // 归口
    std::uint32_t number_line = 0;           // line of `number:` in the source, for messages (0: unknown)
    std::uint32_t title_line = 0;
    std::uint32_t category_line = 0;

    // 制定中 before the 发布稿 (no stage: published); otherwise by the effective date against
    // `today` (YYYY-MM-DD); Replaced is decided by the repository, which
    // knows who replaces whom, and passed in.
    StandardStatus status(std::string_view today, bool replaced) const;
};

// Reads the identity from the text of a source (Markdown front matter, or
// the <metadata> of an XML source when `xml`). Malformed cover data gives an
// identity with what could be read; the full check reports the problems.
StandardIdentity read_standard_identity(std::string path, std::string_view text, bool xml);

// 国家标准 / 行业标准 / 地方标准 / 团体标准 / 企业标准 / 国际标准 (the 层级 column of a 标准明细表).
std::string_view level_name_zh(model::DesignationFamily family);
std::string_view level_name_en(model::DesignationFamily family);
std::string_view status_name_zh(StandardStatus status);
std::string_view status_name_en(StandardStatus status);

}  // namespace bzc::repository
