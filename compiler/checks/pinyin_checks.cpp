#include "analysis/pinyin_reading.h"
#include "checks/check.h"
#include "model/walk.h"
#include "support/utf8.h"

namespace bzc::checks {

// The `pinyin=` override of a term entry is a reading of its preferred term
// (DSL-17): one known syllable per Han character. A malformed one would put
// the term in the wrong place of the 索引 without a word, so it is reported
// whether or not the document has an index yet.
void check_pinyin_overrides(const model::Document& doc, DiagnosticSink& sink) {
    using Problem = analysis::PinyinOverride::Problem;
    model::for_each_section(doc, [&](const model::Section& s, const model::Section*) {
        if (s.kind != model::SectionKind::TermEntry || s.term.pinyin.empty()) return;
        std::string term(utf8::trim(s.term.preferred));
        analysis::PinyinOverride reading = analysis::read_pinyin_override(term, s.term.pinyin);
        if (reading.ok()) return;
        DiagnosticArg reason("reason", "", "");
        switch (reading.problem) {
            case Problem::Empty: reason = {"reason", "没有音节", "it has no syllable"}; break;
            case Problem::BadCharacter:
                reason = {"reason", "“" + reading.detail + "”不是拼音字母或声调数字",
                          "'" + reading.detail + "' is neither a pinyin letter nor a tone digit"};
                break;
            case Problem::UnknownSyllable:
                reason = {"reason", "“" + reading.detail + "”不是汉语拼音音节（音节以声调数字或空格分开）",
                          "'" + reading.detail + "' is not a pinyin syllable (syllables end with their tone digit or a space)"};
                break;
            case Problem::Count: {
                std::string han = std::to_string(reading.han_characters), given = std::to_string(reading.syllables.size());
                reason = {"reason", "术语有" + han + "个汉字，读音有" + given + "个音节",
                          "the term has " + han + " Han characters, the reading " + given + " syllables"};
                break;
            }
            case Problem::None: break;
        }
        sink.report("DSL-17", s.location, {{"pinyin", s.term.pinyin}, {"term", term}, std::move(reason)});
    });
}

}  // namespace bzc::checks
