#pragma once

#include "analysis/reference_use.h"
#include "checks/text_context.h"

#include <string>
#include <vector>

// Mentions of this document's own chapters, clauses, annexes, tables,
// figures, formulas and list items in running text (GB/T 1.1—2020 9.5;
// rules catalog §E.6): cross-references, read as the text bzc prints for
// them, and the same numbers typed by hand — 见5.2, 按表1, 应符合附录A的规定,
// 公式(3), 第4章, 5.2 b), 图A.1, 表1～表3, 附录A、B和C. One scanner, so that
// the object checks (every table referred to, annex order) and the pointer
// checks (PTR) read the text alike.
namespace bzc::checks {

enum class MentionKind {
    Chapter,   // 第4章
    Clause,    // 5.2, A.2, 0.1 (also 第5.2条)
    Annex,     // 附录A
    Table,     // 表1, 表A.1
    Figure,    // 图1, 图A.1, 图1 a)
    Formula,   // 公式(3), 式(A.1)
    ListItem,  // 5.2 b), 5.2 b) 2), 第5章 b), 附录A b)
};

struct Mention {
    MentionKind kind = MentionKind::Clause;
    // The number as bzc prints the element (analysis/targets.h): 第4章, 5.2,
    // 附录A, 表A.1, 图1 a), 公式(3), 5.2 b).
    std::string number;
    std::string annex;        // the annex the element lies in: A for A.2, 表A.1, (A.3), 附录A; empty in the body
    std::size_t start = 0;    // bytes [start, end) of the flat text, the object word included (表, 附录, 第, 公式)
    std::size_t end = 0;
    SourceLocation location;  // of `start`
    bool cross_reference = false;  // a [](#id); otherwise typed by hand
    bool external = false;         // another document's: GB/T 1.1—2020的附录A, 《…》中的表1, 2009年版的5.2, 删除了附录C
    // The words around it make it a pointer: always for cross-references and
    // the words 附录, 第…章, 第…条; for 表1, 图1, 公式(1) not when part of a
    // longer noun (附表1, 汇总表1, 计算式(1)); for 5.2 and A.2 only after
    // 见, 按, 符合 … or before 的规定, 规定的 …, never in a quantity (5.2 m).
    bool pointer = false;
    // The words around admit no quantity (见, 依据, 第…条, a list item, and
    // all of 表1, 附录A, 第4章 …), so a number that does not exist is a wrong
    // pointer. "按5.2执行", "应符合5.2的规定" are pointers, not certain ones.
    bool certain = false;
    bool implied = false;       // inside a range, not written: 表2 in 表1～表3
    bool article_form = false;  // written 第5.2条 or 第5.2节
    // How the sentence uses it, from the words around the whole series
    // (按表1和表2的规定). The caller decides what the context adds.
    analysis::ReferenceUse use = analysis::ReferenceUse::Neutral;
};

// Whether runs in this context can point into the document at all: the
// lists of 规范性引用文件, 参考文献 and 索引, and a term's [来源：…], name
// other documents' parts.
bool holds_own_pointers(const TextContext& context);

// Whether a run can hold a mention at all (a cross-reference, or one of the
// characters a mention starts with); most runs cannot, and are not copied.
bool may_hold_mentions(const model::Inlines& inlines);

// Every mention in a run, in reading order. `flat` must be built with
// FlatText::Citations::AsMarker, so that another document's objects are
// recognised.
std::vector<Mention> scan_mentions(const FlatText& flat);

}  // namespace bzc::checks
