#pragma once

#include "diagnostics/diagnostic.h"
#include "support/source_location.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bzc {
class SourceManager;
}

// The project record: what the drafting group writes for the 编制说明 and
// the draft cannot tell (任务来源, 目的和意义, the dated course of the work,
// principles, relation to laws, disagreements …). A Markdown file next to
// the standard, 编制说明.md, with YAML front matter for the plan data and a
// `# heading` per section of the report.
namespace bzc::explanation {

// One piece of the author's text, in order.
struct RecordBlock {
    enum class Kind { Subheading, Subsubheading, Paragraph, ListItem };
    Kind kind = Kind::Paragraph;
    std::string text;  // plain text; soft line breaks joined without a space (Chinese text)
    SourceLocation location;
};

struct RecordSection {
    std::string heading;  // as written
    std::vector<RecordBlock> blocks;
    SourceLocation location;

    bool empty() const { return blocks.empty(); }
};

struct ProjectRecord {
    std::string plan_number;                  // 计划编号
    std::string plan_document;                // the document that issued the plan: 《关于下达…的通知》（湘市监函〔2021〕…号）
    std::vector<std::string> consulted_units; // units the draft for comment was sent to
    std::string structure;                    // local | national | group; empty: by the family of the designation
    std::string drafting_group;               // the signature; empty: 《title》标准起草组
    std::string date;                         // the date under the signature, YYYY-MM-DD
    // The draft the comment round was run on, when the draft has changed
    // since: a path relative to the record, or git:REVISION:PATH (PATH
    // relative to the record, read with `git show`). Empty: the comments
    // cite the current draft.
    std::string comment_draft;
    std::vector<RecordSection> sections;
    std::map<std::string, SourceLocation, std::less<>> field_locations;
    SourceLocation location;
    std::uint32_t file = 0;

    const RecordSection* find(std::string_view heading) const;
};

// The front matter fields of a project record.
const std::vector<std::string>& record_field_names();

// Reads a project record already loaded into `sources`. YAML problems are
// reported as for a standard's front matter (FM-03, FM-04, FM-05).
ProjectRecord read_project_record(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink);

}  // namespace bzc::explanation
