#pragma once

#include "explanation/comments_table.h"
#include "explanation/project_record.h"
#include "explanation/report_structure.h"
#include "model/document.h"

// Holds the author-written parts of the 编制说明 and the comment table
// against the draft and the chosen structure (rules/explanation.yaml).
namespace bzc::explanation {

void check_report(const model::Document& doc, const ReportStructure& structure, const ProjectRecord& record,
                  const CommentsTable* comments, DiagnosticSink& sink);

}  // namespace bzc::explanation
