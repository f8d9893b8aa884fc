#include "checks/language/language_checks.h"

namespace bzc::checks::language {

// Requirements are verifiable (5.4; rules catalog D.5): a vague word
// (尽可能, 适当, 及时 …) in a sentence of a provision that states a requirement.
void Verifiability::token(const Run& run, const Token& t) {
    if (run.place != Place::Provision || run.context.in_title) return;
    if (t.word_class == WordClass::Boundary) {
        // 。！？ end a sentence; a 应 before ；governs the clauses after it too.
        if (!t.quoted && run.text().compare(t.offset, t.length, "；") != 0) end_sentence(run);
        return;
    }
    if (t.quoted) return;
    if (is_requirement(t.word_class)) requirement_ = true;
    else if (t.word_class == WordClass::Unverifiable) vague_.push_back(t);
}

void Verifiability::end_run(const Run& run) { end_sentence(run); }

void Verifiability::end_sentence(const Run& run) {
    if (requirement_) {
        for (const auto& t : vague_) sink_.report("LNG-04", run.flat.at(t.offset), {{"word", std::string(t.form(run.text()))}});
    }
    requirement_ = false;
    vague_.clear();
}

}  // namespace bzc::checks::language
