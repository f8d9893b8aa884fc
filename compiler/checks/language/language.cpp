#include "checks/language/language_checks.h"

namespace bzc::checks::language {

void check_language(const model::Document& doc, DiagnosticSink& sink) {
    const Lexicon& lexicon = Lexicon::language();
    ObjectFootnotes footnotes(doc);
    Verifiability verifiability(sink);
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) {
        Place place = place_of(context, footnotes, inlines);
        if (place == Place::Skip) return;
        FlatText flat(inlines);
        Run run{flat, context, place};
        lexicon.scan(flat.text(), [&](const Token& t) {
            if (t.word_class == WordClass::Neutral) return;
            verbal_forms(run, t, sink);
            legal_wording(run, t, sink);
            pointers(run, t, sink);
            verifiability.token(run, t);
        });
        verifiability.end_run(run);
    });
}

}  // namespace bzc::checks::language
