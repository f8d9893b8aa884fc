#include "checks/check.h"
#include "checks/structure/structure_support.h"

// What the fixed elements may hold (rules catalog §A.1, §C.2): the 前言 is
// not divided into 条 and has no tables, figures or formulas (8.3); the
// 规范性引用文件 is never subdivided (8.6); the 术语和定义 holds term entries,
// grouped at most by titled 条 (8.7).
namespace bzc::checks {

namespace {

using model::Section;
using model::SectionKind;
using structure::title_text;

void foreword_objects(const model::Blocks& blocks, DiagnosticSink& sink) {
    for (const auto& block : blocks) {
        if (block.is<model::Table>()) {
            sink.report("STR-03", block.location, {{"object", "表", "a table"}});
        } else if (block.is<model::Figure>()) {
            sink.report("STR-03", block.location, {{"object", "图", "a figure"}});
        } else if (block.is<model::Formula>()) {
            sink.report("STR-03", block.location, {{"object", "公式", "a formula"}});
        } else if (block.is<model::List>()) {
            for (const auto& item : block.as<model::List>().items) foreword_objects(item.blocks, sink);
        } else if (block.is<model::Note>()) {
            foreword_objects(block.as<model::Note>().blocks, sink);
        } else if (block.is<model::Example>()) {
            foreword_objects(block.as<model::Example>().blocks, sink);
        }
    }
}

DiagnosticArg clause_name(const Section& s) {
    std::string title = title_text(s);
    if (title.empty()) return {"object", "无标题条", "an untitled clause"};
    return {"object", "条“" + title + "”", "a clause '" + title + "'"};
}

void terms_structure(const Section& group, DiagnosticSink& sink) {
    for (const auto& child : group.children) {
        if (child.kind != SectionKind::Clause) continue;  // term entries
        if (!child.titled || title_text(child).empty()) {
            sink.report("STR-10", child.location,
                        {{"problem", child.number + "是无标题条", child.number + " is an untitled clause"}});
            continue;
        }
        if (child.children.empty()) {
            sink.report("STR-10", child.location,
                        {{"problem", child.number + "“" + title_text(child) + "”中没有术语条目",
                          "clause " + child.number + " '" + title_text(child) + "' holds no term entry"}});
            continue;
        }
        terms_structure(child, sink);
    }
}

}  // namespace

void check_element_content(const model::Document& doc, DiagnosticSink& sink) {
    if (!structure::applies(doc)) return;
    for (const auto& section : doc.sections) {
        switch (section.kind) {
            case SectionKind::Foreword:
                for (const auto& child : section.children) sink.report("STR-03", child.location, {clause_name(child)});
                foreword_objects(section.blocks, sink);
                break;
            case SectionKind::NormativeReferences:
                for (const auto& child : section.children) {
                    std::string title = title_text(child);
                    sink.report("STR-09", child.location,
                                {{"clause", child.number + (title.empty() ? "" : "“" + title + "”"),
                                  child.number + (title.empty() ? "" : " '" + title + "'")}});
                }
                break;
            case SectionKind::TermsAndDefinitions: terms_structure(section, sink); break;
            default: break;
        }
    }
}

}  // namespace bzc::checks
