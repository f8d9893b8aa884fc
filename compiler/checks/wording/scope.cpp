#include "checks/wording/wording_text.h"

namespace bzc::checks::wording {

namespace {

bool starts_with_any(std::string_view text, const std::vector<std::string>& words, std::size_t& length) {
    for (const auto& w : words) {
        if (text.starts_with(w)) {
            length = w.size();
            return true;
        }
    }
    return false;
}

}  // namespace

// The 范围 (8.5; rules catalog B.6): statements only. Each sentence of its
// paragraphs is "本文件规定了/确立了/界定了/描述了/给出了……" or "本文件
// (不)适用于……", one of them states the content, and no verbal form of a
// requirement, recommendation or permission appears.
void check_scope(const model::Document& doc, DiagnosticSink& sink) {
    const WordingData& data = WordingData::instance();
    const language::Lexicon& lexicon = language::Lexicon::language();
    for (const auto& section : doc.sections) {
        if (section.kind != model::SectionKind::Scope) continue;
        bool content = false;
        // Its paragraphs, also those of any (wrongly made) sub-clauses.
        auto paragraphs = [&](const model::Section& part, auto& self) -> void {
            for (const auto& block : part.blocks) {
                if (!block.is<model::Paragraph>()) continue;
                FlatText flat(block.as<model::Paragraph>().content);
                const std::string& raw = flat.text();
                for (const Span& span : sentences(raw)) {
                    std::string f = folded(std::string_view(raw).substr(span.begin, span.end - span.begin));
                    std::string_view rest = f;
                    bool stated = false;
                    if (rest.starts_with("本文件")) {
                        rest.remove_prefix(std::string_view("本文件").size());
                        std::size_t n = 0;
                        for (int i = 0; i < 3 && starts_with_any(rest, data.scope_adverbs, n); ++i) rest.remove_prefix(n);
                        if (starts_with_any(rest, data.scope_content, n)) {
                            stated = content = true;
                        } else {
                            stated = starts_with_any(rest, data.scope_applicability, n);
                        }
                    }
                    if (!stated) sink.report("SCP-01", flat.at(span.begin), {{"sentence", excerpt(raw, span.begin, 20)}});
                }
            }
            for (const auto& child : part.children) self(child, self);
        };
        paragraphs(section, paragraphs);
        if (!content) sink.report("SCP-03", section.location);

        // Verbal forms anywhere in the 范围, its notes and lists included.
        auto visit = [&](const model::Inlines& inlines, const TextContext&) {
            FlatText flat(inlines);
            const std::string& text = flat.text();
            lexicon.scan(text, [&](const language::Token& t) {
                if (t.quoted) return;
                std::string word(t.form(text));
                using language::WordClass;
                if (language::is_requirement(t.word_class) || t.word_class == WordClass::Cannot) {
                    sink.report("SCP-04", flat.at(t.offset), {{"word", word}});
                } else if (t.word_class == WordClass::Recommendation || t.word_class == WordClass::Permission) {
                    sink.report("SCP-05", flat.at(t.offset),
                                {t.word_class == WordClass::Recommendation ? DiagnosticArg{"kind", "推荐", "recommendation"}
                                                                           : DiagnosticArg{"kind", "允许", "permission"},
                                 {"word", word}});
                }
            });
        };
        model::detail::walk_section(section, TextContext{}, visit);
    }
}

}  // namespace bzc::checks::wording
