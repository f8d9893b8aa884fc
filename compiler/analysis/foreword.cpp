#include "analysis/analysis.h"
#include "support/text_join.h"
#include "model/fixed_wording.h"

namespace bzc::analysis {

namespace {

void add_paragraph(model::Section& section, std::string text, SourceLocation where) {
    model::Inline in;
    in.kind = model::InlineKind::Text;
    in.text = std::move(text);
    in.location = where;
    model::Block block;
    block.location = where;
    block.value = model::Paragraph{{std::move(in)}};
    section.blocks.push_back(std::move(block));
}

}  // namespace

// The statements of a 前言 that follow from the cover data, in the order of
// the rules catalog §B.4. Statements that need the author's words (the list
// of technical changes, the edition history) are not invented: the checks
// report them as missing.
void generate_foreword(model::Document& doc) {
    // Nothing to write it from without the cover data (an XML source may carry an empty <metadata/>).
    if (!doc.metadata.present || (doc.metadata.number.empty() && doc.metadata.title.empty())) return;
    for (const auto& s : doc.sections) {
        if (s.kind == model::SectionKind::Foreword) return;
    }
    const auto& m = doc.metadata;
    SourceLocation where = m.location;
    model::Section foreword;
    foreword.kind = model::SectionKind::Foreword;
    foreword.location = where;
    add_paragraph(foreword,
                  std::string(model::fixed::drafting_basis), where);
    if (!m.replaces.empty()) add_paragraph(foreword, "本文件代替" + join(m.replaces, "、") + "。", where);
    if (!m.adoption.empty()) {
        // The mark may be written as printed on the cover: "(ISO 9001:2015, IDT)".
        std::string mark = m.adoption;
        if (mark.starts_with("(")) mark.erase(0, 1);
        else if (mark.starts_with("（")) mark.erase(0, 3);
        if (mark.ends_with(")")) mark.pop_back();
        else if (mark.ends_with("）")) mark.erase(mark.size() - 3);
        auto comma = mark.rfind(',');
        std::string degree = comma == std::string::npos ? "" : mark.substr(comma + 1);
        degree.erase(0, degree.find_first_not_of(' '));
        std::string document = comma == std::string::npos ? mark : mark.substr(0, comma);
        if (degree == "IDT") add_paragraph(foreword, "本文件等同采用" + document + "。", where);
        else if (degree == "MOD") add_paragraph(foreword, "本文件修改采用" + document + "。", where);
        else if (degree == "NEQ") add_paragraph(foreword, "本文件参考" + document + "起草，与其一致性程度为非等效。", where);
    }
    add_paragraph(foreword, std::string(model::fixed::patent_notice), where);
    if (!m.proposer.empty() && m.proposer == m.owner) {
        add_paragraph(foreword, "本文件由" + m.proposer + "提出并归口。", where);
    } else {
        if (!m.proposer.empty()) add_paragraph(foreword, "本文件由" + m.proposer + "提出。", where);
        if (!m.owner.empty()) add_paragraph(foreword, "本文件由" + m.owner + "归口。", where);
    }
    if (!m.drafting_units.empty()) add_paragraph(foreword, "本文件起草单位：" + join(m.drafting_units, "、") + "。", where);
    if (!m.drafters.empty()) add_paragraph(foreword, "本文件主要起草人：" + join(m.drafters, "、") + "。", where);
    doc.sections.insert(doc.sections.begin(), std::move(foreword));
}

}  // namespace bzc::analysis
