#include "checks/wording/wording_text.h"

namespace bzc::checks::wording {

namespace {

bool has_citation(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::Citation) return true;
        if (!in.children.empty() && has_citation(in.children)) return true;
    }
    return false;
}

// Documents are listed when the chapter (or a sub-clause it should not
// have) has a list, or paragraphs after the lead-in that cite documents.
bool lists_documents(const model::Section& section, bool chapter = true) {
    if (has_list(section)) return true;
    for (std::size_t i = chapter ? 1 : 0; i < section.blocks.size(); ++i) {
        const auto& block = section.blocks[i];
        if (block.is<model::Paragraph>() && has_citation(block.as<model::Paragraph>().content)) return true;
    }
    for (const auto& child : section.children) {
        if (lists_documents(child, false)) return true;
    }
    return false;
}

}  // namespace

// The lead-in of 规范性引用文件 (8.6; rules catalog B.1): exactly the fixed
// sentence for the case at hand, not a superseded one, and consistent with
// whether documents are listed.
void check_references_lead_in(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto& section : doc.sections) {
        if (section.kind != model::SectionKind::NormativeReferences) continue;
        bool listed = lists_documents(section);
        std::string expected(listed ? fixed::references : fixed::no_references);
        const model::Paragraph* lead_in = first_paragraph(section);
        if (!lead_in) {
            SourceLocation where = section.blocks.empty() ? section.location : section.blocks.front().location;
            sink.report("FIX-01", where, {{"problem", "缺失", "is missing"}, {"expected", expected}});
            continue;
        }
        FlatText flat(lead_in->content);
        const std::string& raw = flat.text();
        Folded f = fold(raw);
        std::string_view edition = superseded_references_edition(f.text);
        if (!edition.empty()) {
            sink.report("FIX-02", flat.at(0), {{"edition", std::string(edition)}, {"expected", expected}},
                        Fix{raw, expected});
            continue;
        }
        if (listed && f.text.find("没有规范性引用文件") != std::string::npos) {
            sink.report("FIX-03", flat.at(0),
                        {{"detail", "引导语称本文件没有规范性引用文件，但本章列出了引用文件",
                          "it says there are no normative references, but the chapter lists documents"}});
            continue;
        }
        if (!listed && f.text.starts_with("下列")) {
            sink.report("FIX-03", flat.at(0),
                        {{"detail", "引导语称“下列文件……”，但本章没有列出引用文件；没有引用文件时写“本文件没有规范性引用文件。”",
                          "it announces the documents below, but the chapter lists none; without references it reads 本文件没有规范性引用文件。"}});
            continue;
        }
        std::size_t diff = first_difference(f.text, folded(expected));
        if (diff == std::string_view::npos) continue;
        std::size_t at = f.original(diff, raw.size());
        std::string found = excerpt(raw, at);
        sink.report("FIX-01", flat.at(at),
                    {{"problem", "与规定的表述不一致（自“" + found + "”起）",
                      "departs from the fixed wording (from “" + found + "”)"},
                     {"expected", expected}});
    }
}

}  // namespace bzc::checks::wording
