#pragma once

#include "explanation/clause_mapping.h"
#include "explanation/comments_table.h"
#include "explanation/project_record.h"
#include "explanation/report_structure.h"
#include "model/document.h"

// Holds the author-written parts of the 编制说明 and the comment table
// against the draft and the chosen structure (rules/explanation.yaml).
namespace bzc::explanation {

// The draft a comment round was run on, when the draft has moved on since
// (the record's comment-draft, --comment-draft): the 章条编号 of the comments
// are its numbers.
struct CommentDraft {
    const model::Document* document = nullptr;  // null: named but unreadable; the numbers are then not checked
    const ClauseMapping* mapping = nullptr;  // its numbers onto today's
    std::string name;                        // as findings name it: drafts/征求意见稿.md
};

// With `comment_draft`, a comment's 章条编号 is resolved against that draft
// (EXP-01) and followed to today's (EXP-10); without, against `doc`.
void check_report(const model::Document& doc, const ReportStructure& structure, const ProjectRecord& record,
                  const CommentsTable* comments, DiagnosticSink& sink, const CommentDraft* comment_draft = nullptr);

}  // namespace bzc::explanation
