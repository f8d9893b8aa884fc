#pragma once

#include "explanation/comments_table.h"
#include "explanation/project_record.h"
#include "explanation/report_structure.h"
#include "model/document.h"

#include <string>
#include <vector>

// The 编制说明 as a sequence of typeset lines: the sections of the chosen
// structure in order, each with the author's text from the project record
// and the parts derived from the draft, numbered as Chinese official
// reports are (一、 （一） 1．).
namespace bzc::explanation {

struct ReportLine {
    enum class Kind { Title, Heading, Subheading, Item, Paragraph, Signature, Date };
    Kind kind = Kind::Paragraph;
    std::string text;
};

struct ExplanatoryReport {
    std::string title;  // 《…》编制说明（征求意见稿）
    std::vector<ReportLine> lines;
};

// 一 … 十九, for heading numbers.
std::string chinese_number(std::size_t n);

// The document title without the element separators: 标准化工作导则　第1部分：… → 标准化工作导则 第1部分：…
std::string report_document_title(const model::Document& doc);

ExplanatoryReport compose_report(const model::Document& doc, const ReportStructure& structure, const ProjectRecord& record,
                                 const CommentsTable* comments);

}  // namespace bzc::explanation
