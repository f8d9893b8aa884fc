#include "checks/check.h"
#include "checks/terms/term_data.h"
#include "checks/text_context.h"
#include "support/utf8.h"

namespace bzc::checks {

namespace {

// The code point before byte offset `pos`, and where it starts.
char32_t last_code_point(std::string_view text, std::size_t& start) {
    if (text.empty()) return 0;
    start = utf8::previous_start(text, text.size());
    std::size_t p = start;
    return utf8::decode(text, p);
}

// The first Text inline of a definition, where a lead word stands.
const model::Inline* first_text(const model::Inlines& inlines) {
    if (inlines.empty()) return nullptr;
    return inlines.front().kind == model::InlineKind::Text ? &inlines.front() : nullptr;
}

// 是指…, 指…, 是… (TRM-03) and 术语是…, 术语：… (TRM-04).
void check_start(const model::Section& entry, DiagnosticSink& sink) {
    const auto& term = entry.term;
    const model::Inline* first = first_text(term.definition);
    if (!first) return;
    std::string name(terms::bare_term(term.preferred));
    std::string_view text = utf8::trim(first->text);
    if (!name.empty() && text.starts_with(name)) {
        std::string_view rest = text.substr(name.size());
        for (std::string_view joint : {"是指", "系指", "就是", "是", "指", "为", "即", "：", ":", "，", ","}) {
            if (rest.starts_with(joint)) {
                sink.report("TRM-04", first->location, {{"term", name}, {"start", name + std::string(joint)}});
                return;
            }
        }
    }
    std::string_view word;
    for (std::string_view lead : {"是指", "系指", "指的是", "指", "是"}) {
        if (text.starts_with(lead)) {
            word = lead;
            break;
        }
    }
    if (word.empty()) return;
    for (const auto& exception : terms::term_data().lead_exceptions) {
        if (text.starts_with(exception)) return;
    }
    // The reader trims the definition, so its first inline starts with the word.
    std::optional<Fix> fix;
    if (first->text.starts_with(word) && first->text.size() > word.size()) fix = Fix{std::string(word), ""};
    sink.report("TRM-03", first->location, {{"term", name}, {"word", std::string(word)}}, fix);
}

// The definition ends with 。 (TRM-05).
void check_end(const model::Section& entry, DiagnosticSink& sink) {
    const auto& definition = entry.term.definition;
    std::string plain(utf8::trim(model::plain_text(definition)));
    if (plain.empty()) return;
    std::size_t start = 0;
    char32_t last = last_code_point(plain, start);
    if (last == U'。') return;
    // The wrong sign that stands in place of the full stop, if any.
    static constexpr std::u32string_view wrong_signs = U".;；，,、：:";
    bool wrong = wrong_signs.find(last) != std::u32string_view::npos;
    std::string sign = wrong ? plain.substr(start) : "";
    DiagnosticArgs args = {{"term", std::string(terms::bare_term(entry.term.preferred))},
                           {"ending", wrong ? "，而不是“" + sign + "”" : "", wrong ? ", not '" + sign + "'" : ""}};
    // The fix quotes the last few characters of the last Text inline.
    const model::Inline* tail = definition.back().kind == model::InlineKind::Text ? &definition.back() : nullptr;
    std::string_view tail_text = tail ? std::string_view(tail->text) : std::string_view();
    while (!tail_text.empty() && (tail_text.back() == ' ' || tail_text.back() == '\n')) tail_text.remove_suffix(1);
    if (tail_text.empty() || !tail->location.known()) {
        sink.report("TRM-05", entry.location, args);
        return;
    }
    std::size_t quote_start = tail_text.size();
    for (int n = 0; n < 4 && quote_start > 0; ++n) {
        std::size_t s = 0;
        char32_t c = last_code_point(tail_text.substr(0, quote_start), s);
        if (c == ' ') break;  // perhaps a line break in the source
        quote_start = s;
    }
    std::string original(tail_text.substr(quote_start));
    std::string replacement = original;
    if (wrong) replacement.erase(replacement.size() - sign.size());
    replacement += "。";
    SourceLocation at = tail->location;
    at.column += static_cast<std::uint32_t>(utf8::count_code_points(tail_text.substr(0, quote_start)));
    sink.report("TRM-05", at, args, original.empty() ? std::nullopt : std::optional<Fix>(Fix{original, replacement}));
}

// One sentence: no 。 before the end, outside brackets and quotes (TRM-06).
void check_sentences(const model::Section& entry, DiagnosticSink& sink) {
    FlatText flat(entry.term.definition);
    std::string_view text = flat.text();
    int depth = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t at = pos;
        char32_t c = utf8::decode(text, pos);
        if (c == U'（' || c == U'(' || c == U'“' || c == U'《' || c == U'「') ++depth;
        else if ((c == U'）' || c == U')' || c == U'”' || c == U'》' || c == U'」') && depth > 0) --depth;
        else if (c == U'。' && depth == 0) {
            std::string_view rest = utf8::trim(text.substr(pos));
            // Closing signs after the last full stop are still the one sentence.
            while (!rest.empty() && (rest.starts_with("”") || rest.starts_with("）"))) rest.remove_prefix(3);
            if (rest.empty()) return;
            std::string shown;
            std::size_t p = 0;
            for (int n = 0; n < 12 && p < rest.size(); ++n) utf8::decode(rest, p);
            shown = std::string(rest.substr(0, p));
            if (p < rest.size()) shown += "……";
            sink.report("TRM-06", flat.at(at), {{"term", std::string(terms::bare_term(entry.term.preferred))}, {"rest", shown}});
            return;
        }
    }
}

}  // namespace

// The wording of each definition: how it starts, ends, and that it is one
// sentence. Provisions (应, 宜, 可) in definitions are the language family's.
void check_term_definitions(const model::Document& doc, DiagnosticSink& sink) {
    for (const auto* entry : terms::term_entries(doc)) {
        if (entry->term.definition.empty()) continue;  // DSL-10
        check_start(*entry, sink);
        check_end(*entry, sink);
        check_sentences(*entry, sink);
    }
}

}  // namespace bzc::checks
