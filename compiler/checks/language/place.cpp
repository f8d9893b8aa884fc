#include "checks/language/language_checks.h"

namespace bzc::checks::language {

void ObjectFootnotes::collect(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::FootnoteReference) labels_.insert(in.text);
        if (!in.children.empty()) collect(in.children);
    }
}

void ObjectFootnotes::note(const model::Inlines& inlines, const TextContext& context) {
    if (context.in_table || context.in_figure) collect(inlines);
}

bool ObjectFootnotes::contains(const model::Inlines& footnote_content) {
    if (labels_.empty()) return false;
    auto it = resolved_.find(&footnote_content);
    if (it != resolved_.end()) return it->second;
    bool found = false;
    for (const auto& fn : doc_.footnotes) {
        if (&fn.content == &footnote_content) {
            found = labels_.count(fn.label) > 0;
            break;
        }
    }
    resolved_[&footnote_content] = found;
    return found;
}

Place place_of(const TextContext& context, ObjectFootnotes& footnotes, const model::Inlines& inlines) {
    footnotes.note(inlines, context);
    if (context.in_term_source) return Place::Skip;
    if (context.in_footnote) return footnotes.contains(inlines) ? Place::Provision : Place::Informative;
    switch (context.element_kind()) {
        case model::SectionKind::NormativeReferences:
        case model::SectionKind::Bibliography:
        case model::SectionKind::Index: return Place::Skip;
        case model::SectionKind::Scope: return Place::Scope;
        default: break;
    }
    if (context.in_figure && context.in_note) return Place::Provision;
    if (context.in_note || context.in_example || context.in_definition) return Place::Informative;
    if (context.element_kind() == model::SectionKind::Annex && context.informative()) return Place::InformativeAnnex;
    return context.informative() ? Place::Informative : Place::Provision;
}

DiagnosticArg element_arg(const TextContext& context) {
    if (context.in_note) {
        return context.in_table ? DiagnosticArg{"element", "表注", "a table note"} : DiagnosticArg{"element", "注", "a note"};
    }
    if (context.in_example) return {"element", "示例", "an example"};
    if (context.in_footnote) return {"element", "脚注", "a footnote"};
    if (context.in_definition) return {"element", "术语的定义", "a term's definition"};
    switch (context.element_kind()) {
        case model::SectionKind::Foreword: return {"element", "前言", "the foreword"};
        case model::SectionKind::Introduction: return {"element", "引言", "the introduction"};
        case model::SectionKind::Annex: return {"element", "资料性附录", "an informative annex"};
        default: return {"element", "资料性内容", "informative text"};
    }
}

}  // namespace bzc::checks::language
