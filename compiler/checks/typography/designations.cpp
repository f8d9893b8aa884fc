#include "checks/check.h"
#include "checks/text_context.h"
#include "checks/typography/common.h"
#include "model/designation.h"
#include "support/utf8.h"

namespace bzc::checks {

namespace {

// The separator written before the year, or 0 when the designation has no
// year: the code point before the last four digits (ASCII or full-width),
// after any （所有部分）.
char32_t written_year_separator(std::string_view text) {
    for (std::string_view suffix : {"（所有部分）", "(所有部分)"}) {
        if (text.ends_with(suffix)) text.remove_suffix(suffix.size());
    }
    std::size_t pos = text.size();
    for (int digits = 0; digits < 4; ++digits) {
        if (pos == 0) return 0;
        char32_t c = utf8::decode_before(text, pos);
        if (!utf8::is_ascii_digit(typography::to_half_width(c))) return 0;
        pos -= c < 0x80 ? 1 : 3;
    }
    return utf8::decode_before(text, pos);
}

bool has_full_width(std::string_view text) {
    // Any full-width form or ideographic space, except the parentheses of
    // （所有部分） and the full-width hyphen, which is a year separator (TYP-01).
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = utf8::decode(text, pos);
        if (c == 0x3000) return true;
        if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF08 && c != 0xFF09 && c != 0xFF0D) return true;
    }
    return false;
}

// "GB/T  13016", "GB/T\u00A013016": the code and number are not separated by exactly one space.
bool has_odd_space(std::string_view text) {
    return text.find("  ") != std::string_view::npos || text.find("\u00A0") != std::string_view::npos;
}

void check_one(std::string_view text, SourceLocation location, DiagnosticSink& sink) {
    auto d = model::parse_designation(text);
    if (!d || !location.known()) return;
    std::string expected = d->canonical();
    if (expected == text) return;
    bool year_separator = d->has(model::DesignationDeviation::YearSeparator);
    if (!year_separator && !d->year.empty()) {
        char32_t written = written_year_separator(text);
        char32_t wanted = d->family == model::DesignationFamily::International ? U':' : U'\u2014';
        year_separator = written != 0 && written != wanted && typography::to_half_width(written) != wanted;
    }
    bool full_width = d->has(model::DesignationDeviation::FullWidth) || has_full_width(text);
    bool space = d->has(model::DesignationDeviation::MissingSpace) || has_odd_space(text);
    // One fix for the whole designation, on the first finding: the fixes of
    // one text overlap, and the canonical form mends every deviation at once.
    bool fixed = false;
    auto report = [&](const char* rule) {
        std::optional<Fix> fix;
        if (!fixed) fix = Fix{std::string(text), expected};
        fixed = true;
        sink.report(rule, location, {{"text", std::string(text)}, {"expected", expected}}, fix);
    };
    if (year_separator) report("TYP-01");
    if (full_width) report("TYP-02");
    if (space) report("TYP-03");
    if (text.find("(所有部分)") != std::string_view::npos) {  // half-width parentheses around Chinese
        std::optional<Fix> fix;
        if (!fixed) fix = Fix{std::string(text), expected};
        sink.report("TYP-04", location, {{"char", "("}, {"expected", "（"}}, fix);
    }
}

void check_inlines(const model::Inlines& inlines, DiagnosticSink& sink) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::Citation) check_one(in.text, in.location, sink);
        else if (!in.children.empty()) check_inlines(in.children, sink);
    }
}

}  // namespace

// Document designations as written in the text and on the cover's 代替 line
// (the cover's own number is META-02's): year separator, full-width
// characters, the space after the code.
void check_designation_typography(const model::Document& doc, DiagnosticSink& sink) {
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) {
        if (!typography::generated(doc, context.element)) check_inlines(inlines, sink);
    });
    const auto& m = doc.metadata;
    if (m.present && !m.unreadable) {
        for (const auto& replaced : m.replaces) check_one(replaced, m.where("replaces"), sink);
    }
}

}  // namespace bzc::checks
