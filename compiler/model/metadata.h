#pragma once

#include "model/stage.h"
#include "support/source_location.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bzc::model {

// The cover data of a standard (封面), as the author wrote it. Values are
// kept as text; analysis parses the designation and the checks validate the
// syntax of each field, so that a malformed value is reported, not lost.
struct Metadata {
    std::string number;                    // DB43/T 2345—2022
    std::vector<std::string> replaces;     // 代替
    std::string title;                     // Chinese title, elements separated by U+3000
    std::string title_en;
    std::vector<std::string> ics;          // 03.160 (a standard may carry several)
    std::string ccs;                       // A 00
    std::string filing;                    // 备案号
    std::string stage_text;                // as written
    std::optional<Stage> stage;            // parsed; empty when absent or unknown
    std::string issued;                    // YYYY-MM-DD
    std::string effective;
    std::string draft_date;                // 本草案完成时间
    std::string issuer;                    // 发布机构
    std::string proposer;                  // 提出
    std::string owner;                     // 归口
    std::vector<std::string> drafting_units;
    std::vector<std::string> drafters;
    std::string adoption;                  // consistency mark: "ISO 9001:2015, MOD"
    bool toc = false;                      // print a 目次
    std::string references;                // "auto": 第2章 and 参考文献 are built from the citations
    std::string index;                     // "auto": the 索引 is built from the term entries
    // In a standards repository (bzc.yaml `framework:`): the framework
    // category the standard belongs to, by its code ("201"), and the date of
    // its last 复审 confirmation. The 标准体系表 is built from both.
    std::string category;
    std::string reviewed;                  // YYYY-MM-DD

    // Where each field was written, keyed by its DSL name ("number", "ics" …),
    // so checks can point at the offending line. `location` is the block itself.
    std::map<std::string, SourceLocation, std::less<>> field_locations;
    SourceLocation location;
    bool present = false;  // false when the source has no front matter at all
    bool unreadable = false;  // the front matter could not be read (a YAML error was reported)

    SourceLocation where(std::string_view field) const;
};

}  // namespace bzc::model
