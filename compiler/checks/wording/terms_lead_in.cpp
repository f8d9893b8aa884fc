#include "checks/wording/wording_text.h"

namespace bzc::checks::wording {

namespace {

bool has_entries(const model::Section& section) {
    for (const auto& child : section.children) {
        if (child.kind == model::SectionKind::TermEntry || has_entries(child)) return true;
    }
    return false;
}

enum class Variant { Unknown, Own, Others, Both, None };

// The variants of rules catalog B.2, on a folded sentence.
Variant variant_of(std::string_view f) {
    if (f == folded(fixed::own_terms)) return Variant::Own;
    if (f == folded(fixed::no_terms)) return Variant::None;
    static const std::string both = folded("界定的以及下列术语和定义适用于本文件。");
    static const std::string others = folded("界定的术语和定义适用于本文件。");
    if (f.size() > both.size() && f.ends_with(both)) return Variant::Both;
    if (f.size() > others.size() && f.ends_with(others)) return Variant::Others;
    return Variant::Unknown;
}

// 为了便于使用，以下重复列出了GB/T ××××中的某些术语和定义。
bool is_repetition_sentence(std::string_view f) {
    static const std::string head = folded("为了便于使用，以下重复列出了");
    static const std::string tail = folded("中的某些术语和定义。");
    return f.size() > head.size() + tail.size() && f.starts_with(head) && f.ends_with(tail);
}

}  // namespace

// The lead-in of 术语和定义 (8.7; rules catalog B.2): one of the four fixed
// sentences (own terms, other documents' terms, both, none), optionally the
// sentence on repeated entries, and consistent with the entries that follow.
void check_terms_lead_in(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto& section : doc.sections) {
        if (section.kind != model::SectionKind::TermsAndDefinitions) continue;
        bool entries = has_entries(section);
        const model::Paragraph* lead_in = first_paragraph(section);
        if (!lead_in) {
            SourceLocation where = !section.blocks.empty() ? section.blocks.front().location
                                   : !section.children.empty() ? section.children.front().location
                                                               : section.location;
            sink.report("FIX-04", where, {{"problem", "缺失", "is missing"}});
            continue;
        }
        FlatText flat(lead_in->content);
        const std::string& raw = flat.text();
        auto spans = sentences(raw);
        if (spans.empty()) continue;
        std::string first = folded(std::string_view(raw).substr(spans[0].begin, spans[0].end - spans[0].begin));
        Variant variant = variant_of(first);
        bool repetition = false;
        const Span* unknown = variant == Variant::Unknown ? &spans[0] : nullptr;
        for (std::size_t i = 1; i < spans.size() && !unknown; ++i) {
            std::string f = folded(std::string_view(raw).substr(spans[i].begin, spans[i].end - spans[i].begin));
            if (i == 1 && is_repetition_sentence(f) && (variant == Variant::Others || variant == Variant::Both)) {
                repetition = true;
            } else {
                unknown = &spans[i];
            }
        }
        if (unknown) {
            std::string text = excerpt(raw, unknown->begin, 24);
            sink.report("FIX-04", flat.at(unknown->begin),
                        {{"problem", "“" + text + "”不是规定的表述", "“" + text + "” is not one of the fixed sentences"}});
            continue;
        }
        std::string sentence(raw.substr(spans[0].begin, spans[0].end - spans[0].begin));
        if (entries && variant == Variant::None) {
            sink.report("FIX-05", flat.at(0),
                        {{"detail", "引导语称本文件没有需要界定的术语和定义，但本章有术语条目",
                          "it says the document defines no terms, but the chapter has term entries"}});
        } else if (entries && variant == Variant::Others && !repetition) {
            std::string documents = sentence.substr(0, sentence.rfind("界定的"));
            sink.report("FIX-05", flat.at(0),
                        {{"detail",
                          "引导语只说" + documents + "界定的术语和定义适用，但本章有术语条目；本文件也界定术语时写“" + documents +
                              "界定的以及下列术语和定义适用于本文件。”，重复列出时加“为了便于使用，以下重复列出了" + documents +
                              "中的某些术语和定义。”",
                          "it applies only the terms of " + documents + ", but the chapter has term entries; write " + documents +
                              "界定的以及下列术语和定义适用于本文件。 when the document defines terms too, or add 为了便于使用，以下重复列出了" +
                              documents + "中的某些术语和定义。 when it repeats them"}});
        } else if (!entries && (variant == Variant::Own || variant == Variant::Both)) {
            sink.report("FIX-06", flat.at(0), {{"text", sentence}});
        }
    }
}

}  // namespace bzc::checks::wording
