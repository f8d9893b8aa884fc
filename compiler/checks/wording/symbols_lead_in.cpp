#include "checks/wording/wording_text.h"

#include "support/utf8.h"

namespace bzc::checks::wording {

namespace {

void check_one(const model::Section& section, const std::string& title, DiagnosticSink& sink) {
    std::string expected = "下列" + title + "适用于本文件。";
    const model::Paragraph* lead_in = first_paragraph(section);
    if (!lead_in) {
        SourceLocation where = section.blocks.empty() ? section.location : section.blocks.front().location;
        sink.report("FIX-07", where, {{"title", title}, {"problem", "缺失", "is missing"}, {"expected", expected}});
        return;
    }
    FlatText flat(lead_in->content);
    const std::string& raw = flat.text();
    Folded f = fold(raw);
    std::size_t diff = first_difference(f.text, folded(expected));
    if (diff == std::string_view::npos) return;
    std::size_t at = f.original(diff, raw.size());
    std::string found = excerpt(raw, at);
    sink.report("FIX-07", flat.at(at),
                {{"title", title},
                 {"problem", "与规定的表述不一致（自“" + found + "”起）", "departs from the fixed wording (from “" + found + "”)"},
                 {"expected", expected}});
}

}  // namespace

// The lead-in of 符号和缩略语, 符号 or 缩略语 (8.8; rules catalog B.3):
// "下列<title>适用于本文件。", for the chapter or, when the chapter is
// divided into 符号 and 缩略语, for each of them.
void check_symbols_lead_in(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto& section : doc.sections) {
        if (section.kind != model::SectionKind::SymbolsAndAbbreviations) continue;
        if (section.blocks.empty() && !section.children.empty()) {
            for (const auto& child : section.children) {
                std::string title(utf8::trim(model::plain_text(child.title)));
                if (model::chapter_kind_for_title(title) == model::SectionKind::SymbolsAndAbbreviations) {
                    check_one(child, title, sink);
                }
            }
            continue;
        }
        check_one(section, std::string(utf8::trim(model::plain_text(section.title))), sink);
    }
}

}  // namespace bzc::checks::wording
