#include "checks/check.h"
#include "checks/text_context.h"
#include "checks/typography/common.h"

#include <array>

namespace bzc::checks {

namespace {

enum Wanted : unsigned { Punctuation = 1, FullWidth = 2, Digits = 4 };

// What the scanners look for, by byte: half-width punctuation, the lead byte
// of full-width forms, ASCII digits.
constexpr auto wanted_by_byte = [] {
    std::array<unsigned char, 256> table{};
    for (unsigned char c : {',', ';', ':', '?', '!', '(', ')', '"'}) table[c] = Punctuation;
    table[0xEF] = FullWidth;
    for (unsigned char c = '0'; c <= '9'; ++c) table[c] = Digits;
    return table;
}();

unsigned wanted(const model::Inlines& inlines) {
    unsigned found = 0;
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::Text) {
            for (char c : in.text) found |= wanted_by_byte[static_cast<unsigned char>(c)];
        } else if (!in.children.empty()) {
            found |= wanted(in.children);
        }
    }
    return found;
}

}  // namespace

// Character-level typography of running text (TYP-04 … TYP-10), in one pass:
// each run of text is flattened once and handed to the scanners that have
// something to look at in it.
void check_running_text(const model::Document& doc, DiagnosticSink& sink) {
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) {
        if (typography::generated(doc, context.element)) return;
        unsigned w = wanted(inlines);
        // Entries of the 参考文献 follow GB/T 7714, whose separators (". ", ": ",
        // ", ") are half-width even between Chinese words.
        if (context.element_kind() == model::SectionKind::Bibliography) w &= ~unsigned(Punctuation);
        if (w == 0) return;
        typography::TextRun run(inlines);
        if (w & Punctuation) typography::scan_punctuation(run, sink);
        if (w & FullWidth) typography::scan_full_width(run, sink);
        if (w & Digits) typography::scan_quantities(run, sink);
    });
}

}  // namespace bzc::checks
