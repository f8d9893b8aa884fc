#include "checks/language/language_checks.h"

namespace bzc::checks::language {

// Legal and contract wording in provisions (5.4; rules catalog D.1): a
// standard does not set liability, penalties or contract terms. Titles
// count: a chapter called 罚则 is the clearest case.
void legal_wording(const Run& run, const Token& t, DiagnosticSink& sink) {
    if (t.word_class != WordClass::Legal || t.quoted || run.place != Place::Provision) return;
    sink.report("LNG-01", run.flat.at(t.offset), {{"word", std::string(t.form(run.text()))}});
}

}  // namespace bzc::checks::language
