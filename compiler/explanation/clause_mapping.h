#pragma once

#include "model/document.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Committees answer a comment round after the draft has moved on: a chapter
// inserted renumbers everything after it, a clause is split, retitled or
// dropped. The 章条编号 of a comment is the number in the draft that was sent
// out (征求意见稿); the 征求意见汇总处理表 must show where that text is today.
// This maps the numbered elements of the draft sent out onto those of the
// current draft by what they say, not where they stand.
//
// The algorithm, in passes, each taking only what the earlier ones left:
//  1. Title under the same parent: an element of the old draft and one of
//     the new with the same kind (section, table, figure) and title (a term
//     entry's title is its preferred term), whose parents are matched to each
//     other (or that both stand at the top). Sections are visited parents
//     first, so a chapter that kept its title carries its 条 along. Equal
//     titles under one parent (two 总则) pair in document order.
//  2. Title anywhere: a title that is left once in each draft, whatever the
//     parents: a clause moved to another chapter, an annex become a chapter.
//  3. Content: the rest — untitled clauses, retitled ones — by the
//     similarity of their title and text (support/text_similarity.h: Han
//     characters and pairs, IDF-weighted cosine over both drafts), best pairs
//     first, at least `similarity_threshold`; of equally similar pairs, the
//     one whose parents are matched wins, then the earlier.
// What is left of the old draft is deleted. Since elements are matched by
// identity, a move shows however far it went; a clause whose title and text
// were both rewritten reads as deleted (and its successor as new).
namespace bzc::explanation {

// Below this, two untitled clauses are taken for different ones: calibrated
// on tests/unit/clause_mapping_test.cpp (a sentence reworded ≈0.6–0.8; two
// clauses of one chapter on different subjects < 0.35).
inline constexpr double similarity_threshold = 0.5;

// One numbered element of a draft as the mapping compares it.
struct DraftElement {
    enum class Kind { Section, Table, Figure };
    Kind kind = Kind::Section;
    std::string number;   // 5, 5.2, A, A.1, 0.1, 表1, 图A.1
    bool annex = false;   // a top-level annex: cited as 附录A
    std::string title;    // plain text without spaces; empty for an untitled 条
    std::string text;     // the text it holds (its 条 included), for the similarity
    int parent = -1;      // the enclosing element, an index into the same list
};

// The numbered elements of a draft in document order, parents before children.
std::vector<DraftElement> draft_elements(const model::Document& doc);

class ClauseMapping {
public:
    enum class Fate {
        Same,       // the same number today
        Moved,      // another number today
        Deleted,    // no longer in the draft
        Unknown,    // not a number of the draft sent out
    };
    struct Result {
        Fate fate = Fate::Unknown;
        std::string current;  // today's number in the form written (附录B, 第6章, 5.3); Same/Moved only
    };

    // A 章条编号 of the draft sent out, in the form of normalized_clause_number
    // (5, 5.2, 附录A, 表1, 前言).
    Result find(std::string_view number) const;

    // The matched pairs (old number → new number) and what was deleted, for
    // tests and for explaining a surprising result.
    const std::map<std::string, std::string>& matched() const { return current_by_old_; }
    const std::set<std::string>& deleted() const { return deleted_; }

private:
    friend ClauseMapping map_clauses(const model::Document& comment_draft, const model::Document& current);
    // Where an element of the draft sent out is today.
    struct Target {
        std::string number;
        bool annex = false;    // a top-level annex today: cited as 附录B
        bool chapter = false;  // a chapter today: cited as 第6章 where it was an annex
        bool was_annex = false;
    };
    std::map<std::string, Target> targets_;              // by the old number (5.2, A, 表1)
    std::map<std::string, std::string> current_by_old_;  // the same, numbers only
    std::set<std::string> deleted_;
    std::set<std::string> names_before_, names_today_;   // 前言, 范围, 全文 …: named, never numbered
};

ClauseMapping map_clauses(const model::Document& comment_draft, const model::Document& current);

// A 章条编号 cell as the 征求意见汇总处理表 prints it: each number of a list
// (4.2、附录A) with today's number when it moved — 5.2（现5.3）, 附录A（现附录B）
// — or 5.2（已删除）; unchanged and unknown numbers as written.
std::string clause_with_current_number(std::string_view written, const ClauseMapping& mapping);

// The pieces of a 章条编号 cell: 4.2、附录A → 4.2, 附录A (also split at ，,；;).
std::vector<std::string> split_clause_list(std::string_view text);

}  // namespace bzc::explanation
