#pragma once

#include "explanation/comments_table.h"
#include "model/document.h"

#include <set>
#include <string>
#include <vector>

// The parts of the 编制说明 that follow from the draft itself (rules catalog
// §H.4). They are computed from the analysed model every time, so the report
// can never disagree with the draft it goes out with.
namespace bzc::explanation {

// A chapter or annex of the draft as the report names it.
struct ElementSummary {
    std::string number;  // 5, A
    std::string title;   // 范围, 标准明细表
    const model::Section* section = nullptr;
};

std::vector<ElementSummary> chapters_of(const model::Document& doc);
std::vector<ElementSummary> annexes_of(const model::Document& doc);

// 本文件共包括N章，分别为范围、规范性引用文件、……；另有附录A（规范性）标准明细表、……。
std::string structure_sentence(const model::Document& doc);

// One line per chapter: "基本原则。本章包括依法依规、科学严谨、……。"
std::vector<std::string> chapter_contents(const model::Document& doc);

// The documents the draft rests on: its normative references, then its
// 参考文献, each "designation　title".
std::vector<std::string> basis_documents(const model::Document& doc);

// The preferred terms of the term entries, in order.
std::vector<std::string> introduced_terms(const model::Document& doc);

// For a revision: the technical changes the 前言 lists; empty for a first edition.
std::vector<std::string> technical_changes(const model::Document& doc);

// 本文件修改采用ISO …。 / 本文件未采用国际标准。
std::string adoption_sentence(const model::Document& doc);

// 涉及专利的有关说明 as the draft states it (GB/T 1.1—2020 8.3, 8.4): with
// known patents, a sentence saying so and the 引言's notice from 本文件的发布
// 机构提请注意 on, paragraph by paragraph; without, a sentence saying that
// none were identified and the 前言's patent sentences quoted. Empty when the
// draft has neither (FIX-11 reports the missing 前言 sentences).
std::vector<std::string> patent_statement(const model::Document& doc);

// 本项目列入《…》，计划编号为…。 from the record's plan data; empty when there is none.
std::string plan_sentence(const std::string& plan_number, const std::string& plan_document);

// 征求意见稿发送N个单位，收到M个单位的K条意见，其中采纳a条、部分采纳b条、未采纳c条。
std::string statistics_sentence(const CommentStatistics& stats, std::size_t consulted_units);

// Every number a comment may name: chapters and 条 (5, 5.2), annexes (A and
// 附录A), tables and figures (表1, 图A.1), and the unnumbered elements by name.
std::set<std::string> citable_numbers(const model::Document& doc);

// A 章条编号 as committees write it, in the form of citable_numbers: full-width
// digits and letters made ASCII, "第5章"/"5.2条" stripped to the number.
std::string normalized_clause_number(std::string_view written);

}  // namespace bzc::explanation
