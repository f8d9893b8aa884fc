#include "checks/language/language_checks.h"

namespace bzc::checks::language {

// Pointers inside the document (9.5): 见 with a number, never 见上文,
// 如下表, 详见, 参见 or a page number, anywhere in the text.
void pointers(const Run& run, const Token& t, DiagnosticSink& sink) {
    if (t.quoted) return;
    switch (t.word_class) {
        case WordClass::VaguePointer:
            sink.report("LNG-02", run.flat.at(t.offset), {{"word", std::string(t.form(run.text()))}});
            break;
        case WordClass::SeeAlso: {
            std::string word(t.form(run.text()));
            sink.report("LNG-02", run.flat.at(t.offset), {{"word", word}}, Fix{word, "见"});
            break;
        }
        case WordClass::PagePointer:
            // A table cell may hold a form's page line (第1页　共3页), not a pointer.
            if (!run.context.in_table) sink.report("LNG-03", run.flat.at(t.offset), {{"word", std::string(t.form(run.text()))}});
            break;
        default: break;
    }
}

}  // namespace bzc::checks::language
