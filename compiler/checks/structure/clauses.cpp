#include "checks/check.h"
#include "checks/structure/structure_support.h"

// The hierarchy of chapters and 条 (7.2, 7.3, 7.4 of GB/T 1.1—2020; rules
// catalog §C.2): every chapter and annex has a title; a chapter or 条 is
// divided into at least two 条; sibling 条 are all titled or all untitled;
// no text stands between a title and the first sub-条 (悬置段); 范围 and
// 符号和缩略语 have no untitled 条.
namespace bzc::checks {

namespace {

using model::Section;
using model::SectionKind;
using structure::describe;
using structure::title_text;

bool has_title(const Section& s) { return s.titled && !title_text(s).empty(); }

void visit(const Section& section, const Section& element, DiagnosticSink& sink) {
    // Below the fifth level of 条 the reader has reported the depth (DSL-03);
    // the rules of the hierarchy have nothing useful to add there.
    if (section.depth >= 5) return;
    const auto& children = section.children;

    // NUM-02: a lone sub-条. Term entries are not 条 in this sense: a
    // 术语和定义 with one entry is common and right.
    if (children.size() == 1 && children.front().kind == SectionKind::Clause) {
        sink.report("NUM-02", children.front().location, {describe("parent", section), describe("child", children.front())});
    }

    // NUM-04: siblings all titled or all untitled. Under 术语和定义 an
    // untitled 条 is reported by STR-10.
    if (element.kind != SectionKind::TermsAndDefinitions) {
        const Section* first = nullptr;
        for (const auto& child : children) {
            if (child.kind != SectionKind::Clause) continue;
            if (!first) {
                first = &child;
                continue;
            }
            if (has_title(child) != has_title(*first)) {
                bool titled = has_title(child);
                sink.report("NUM-04", child.location,
                            {describe("clause", child),
                             {"this", titled ? "有标题" : "无标题", titled ? "is titled" : "is untitled"},
                             describe("other", *first),
                             {"that", titled ? "无标题" : "有标题", titled ? "is untitled" : "is titled"}});
            }
        }
    }

    // NUM-05: 悬置段. The 术语和定义 opens with its fixed sentence before the
    // entries; that is its form, not a hanging paragraph.
    if (!children.empty() && !section.blocks.empty() && section.kind != SectionKind::TermsAndDefinitions) {
        sink.report("NUM-05", section.blocks.front().location,
                    {describe("section", section), describe("first", children.front()),
                     {"number", section.kind == SectionKind::Introduction ? "0" : section.number}});
    }

    for (const auto& child : children) {
        if (child.kind != SectionKind::Clause) continue;
        // NUM-07: untitled 条 in 范围 and 符号和缩略语 (规范性引用文件 and
        // 术语和定义 have their own rules, STR-09 and STR-10).
        if ((element.kind == SectionKind::Scope || element.kind == SectionKind::SymbolsAndAbbreviations) &&
            !has_title(child)) {
            sink.report("NUM-07", child.location, {describe("chapter", element), describe("clause", child)});
        }
        visit(child, element, sink);
    }
}

}  // namespace

void check_clauses(const model::Document& doc, DiagnosticSink& sink) {
    if (!structure::applies(doc)) return;
    for (const auto& section : doc.sections) {
        switch (section.kind) {
            case SectionKind::Foreword:             // not divided at all: STR-03
            case SectionKind::NormativeReferences:  // STR-09
            case SectionKind::Bibliography:
            case SectionKind::Index: continue;
            default: break;
        }
        // NUM-03: a chapter or an annex without a title.
        if ((model::is_chapter(section.kind) || section.kind == SectionKind::Annex) && title_text(section).empty()) {
            sink.report("NUM-03", section.location, {describe("element", section)});
        }
        visit(section, section, sink);
    }
}

}  // namespace bzc::checks
