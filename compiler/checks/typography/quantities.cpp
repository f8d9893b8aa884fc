#include "checks/typography/common.h"
#include "support/utf8.h"

#include <array>

namespace bzc::checks {

namespace {


bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

struct Number {
    std::size_t begin = 0, end = 0;
    std::size_t integer_digits = 0, fraction_digits = 0;
    bool grouped = false;  // written with spaces between groups of three
};

// The digits of a group of three after a space: "23 456".
bool space_group_at(const std::string& text, std::size_t pos) {
    return pos + 4 <= text.size() && text[pos] == ' ' && is_digit(text[pos + 1]) && is_digit(text[pos + 2]) &&
           is_digit(text[pos + 3]) && (pos + 4 == text.size() || !is_digit(text[pos + 4]));
}

// A decimal number starting at `pos` (a digit): 20, 0.5, 23 456, 0.123 45.
Number read_number(const std::string& text, std::size_t pos) {
    Number n;
    n.begin = pos;
    while (pos < text.size() && is_digit(text[pos])) { ++pos; ++n.integer_digits; }
    while (space_group_at(text, pos)) { pos += 4; n.integer_digits += 3; n.grouped = true; }
    if (pos + 1 < text.size() && text[pos] == '.' && is_digit(text[pos + 1])) {
        ++pos;
        while (pos < text.size() && is_digit(text[pos])) { ++pos; ++n.fraction_digits; }
        while (space_group_at(text, pos)) { pos += 4; n.fraction_digits += 3; n.grouped = true; }
    }
    n.end = pos;
    return n;
}

// A number starts here: a digit not continuing a word, a number, a clause
// number (5.2.3) or a sub- or superscript (m^2^).
bool number_starts(const std::string& text, std::size_t pos) {
    if (!is_digit(text[pos])) return false;
    if (pos == 0) return true;
    char before = text[pos - 1];
    if (is_digit(before) || is_alpha(before) || before == '.' || before == '_' || before == typography::fence) return false;
    char32_t wide = utf8::decode_before(text, pos);
    return !typography::is_full_width_alnum(wide);
}

// The unit symbol at `pos`, or empty: one of the listed units, not followed
// by more letters or digits (5s but not 5sets, m but not m2).
std::string_view unit_at(const std::string& text, std::size_t pos) {
    if (pos >= text.size()) return {};
    // The units by their first byte, longest first; most numbers are
    // followed by a Chinese character and are rejected at once.
    static const auto by_first_byte = [] {
        std::array<std::vector<std::string_view>, 256> table;
        for (const auto& unit : typography::typography_data().units) table[static_cast<unsigned char>(unit[0])].push_back(unit);
        return table;
    }();
    for (std::string_view unit : by_first_byte[static_cast<unsigned char>(text[pos])]) {
        if (text.compare(pos, unit.size(), unit) != 0) continue;
        std::size_t after = pos + unit.size();
        if (after < text.size() && (is_alpha(text[after]) || is_digit(text[after]))) continue;
        // μ, Ω and ² continue a unit too: 5mΩ is not "5 m" followed by Ω.
        if (after < text.size() && static_cast<unsigned char>(text[after]) >= 0x80) {
            std::size_t p = after;
            char32_t c = utf8::decode(text, p);
            if (c == U'μ' || c == U'Ω' || c == U'²' || c == U'³') continue;
        }
        return std::string_view(text).substr(pos, unit.size());
    }
    return {};
}

std::size_t skip_spaces(const std::string& text, std::size_t pos) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    return pos;
}

// A range sign at `pos`: its length, and whether it is wrong only before a unit.
std::size_t range_sign_at(const std::string& text, std::size_t pos, bool& needs_unit) {
    const auto& data = typography::typography_data();
    for (const auto& sign : data.range_signs_always) {
        if (text.compare(pos, sign.size(), sign) == 0) { needs_unit = false; return sign.size(); }
    }
    for (const auto& sign : data.range_signs_with_unit) {
        if (text.compare(pos, sign.size(), sign) == 0) { needs_unit = true; return sign.size(); }
    }
    return 0;
}

// 12500 → 12 500, 0.12345 → 0.123 45
std::string grouped(std::string_view number) {
    std::size_t dot = number.find('.');
    std::string_view integer = number.substr(0, dot), fraction = dot == std::string_view::npos ? "" : number.substr(dot + 1);
    std::string out;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && integer.size() > 4 && (integer.size() - i) % 3 == 0) out += ' ';
        out += integer[i];
    }
    if (dot != std::string_view::npos) {
        out += '.';
        for (std::size_t i = 0; i < fraction.size(); ++i) {
            if (i > 0 && fraction.size() > 4 && i % 3 == 0) out += ' ';
            out += fraction[i];
        }
    }
    return out;
}

class Scanner {
public:
    Scanner(const typography::TextRun& run, DiagnosticSink& sink) : run_(run), text_(run.text()), sink_(sink) {}

    void scan() {
        std::size_t pos = 0;
        while (pos < text_.size()) {
            if (!is_digit(text_[pos]) || !number_starts(text_, pos)) { ++pos; continue; }
            pos = at_number(read_number(text_, pos));
        }
        scan_look_alikes();
    }

private:
    std::string_view slice(std::size_t from, std::size_t to) const { return std::string_view(text_).substr(from, to - from); }

    void report(const char* rule, std::size_t from, std::size_t to, std::string expected, bool with_fix = true) {
        if (!run_.editable(from, to)) return;
        std::string written(slice(from, to));
        std::optional<Fix> fix;
        if (with_fix) fix = Fix{written, expected};
        sink_.report(rule, run_.at(from), {{"text", written}, {"expected", std::move(expected)}}, fix);
    }

    // Looks at what follows a number; returns where scanning goes on.
    std::size_t at_number(const Number& n) {
        std::size_t after = skip_spaces(text_, n.end);
        // 20 ± 2 ℃ (TYP-07)
        if (text_.compare(after, std::string_view("±").size(), "±") == 0) {
            std::size_t second = skip_spaces(text_, after + std::string_view("±").size());
            if (second < text_.size() && is_digit(text_[second])) {
                Number tolerance = read_number(text_, second);
                std::size_t unit_pos = skip_spaces(text_, tolerance.end);
                std::string_view unit = unit_at(text_, unit_pos);
                if (!unit.empty()) {
                    std::size_t before = n.begin;
                    while (before > 0 && text_[before - 1] == ' ') --before;
                    bool bracketed = (before > 0 && text_[before - 1] == '(') || utf8::decode_before(text_, before) == U'（';
                    if (!bracketed) {
                        report("TYP-07", n.begin, unit_pos + unit.size(),
                               "(" + std::string(slice(n.begin, n.end)) + " ± " + std::string(slice(tolerance.begin, tolerance.end)) +
                                   ") " + std::string(unit));
                    }
                    return unit_pos + unit.size();
                }
                return tolerance.end;
            }
        }
        // The unit of the first value, if any: 10 ℃～20 ℃ or 10～20 ℃.
        std::string_view first_unit = unit_at(text_, after);
        std::size_t sign_pos = skip_spaces(text_, first_unit.empty() ? after : after + first_unit.size());
        bool needs_unit = false;
        if (std::size_t sign_length = range_sign_at(text_, sign_pos, needs_unit)) {
            std::size_t second = skip_spaces(text_, sign_pos + sign_length);
            if (second < text_.size() && number_starts(text_, second) && !continues_a_code(n)) {
                Number upper = read_number(text_, second);
                std::size_t unit_pos = skip_spaces(text_, upper.end);
                std::string_view unit = unit_at(text_, unit_pos);
                if (!needs_unit || !unit.empty()) {
                    std::size_t end = unit.empty() ? upper.end : unit_pos + unit.size();
                    std::string expected(slice(n.begin, n.end));
                    std::string_view lower_unit = first_unit.empty() ? unit : first_unit;
                    if (!lower_unit.empty()) expected += " " + std::string(lower_unit);
                    expected += "～" + std::string(slice(upper.begin, upper.end));
                    if (!unit.empty()) expected += " " + std::string(unit);
                    report("TYP-08", n.begin, end, expected);
                    return end;
                }
            }
        }
        if (first_unit.empty()) return n.end;
        // 20℃ (TYP-06) and 12500 m (TYP-09)
        bool attached = after == n.end;
        bool needs_grouping = !n.grouped && (n.integer_digits > 4 || n.fraction_digits > 4);
        std::string number(slice(n.begin, n.end));
        if (attached) {
            std::string expected = (needs_grouping ? grouped(number) : number) + " " + std::string(first_unit);
            report("TYP-06", n.begin, n.end + first_unit.size(), expected);
        }
        if (needs_grouping) report("TYP-09", n.begin, n.end, grouped(number), !attached);
        return after + first_unit.size();
    }

    // 2022-06-01 or 101-01: a number joined to the one before by a hyphen is
    // part of a date or code, not the start of a range.
    bool continues_a_code(const Number& n) const {
        if (n.begin < 2) return false;
        char before = text_[n.begin - 1];
        return (before == '-' || before == '/') && is_digit(text_[n.begin - 2]);
    }

    // 2O20: a run of digits with look-alike letters between them (TYP-10).
    void scan_look_alikes() {
        const auto& letters = typography::typography_data().look_alike_digits;
        bool any = false;
        for (const auto& [letter, _] : letters) any = any || text_.find(letter) != std::string::npos;
        if (!any) return;
        std::size_t pos = 0;
        while (pos < text_.size()) {
            if (!is_digit(text_[pos]) && !is_alpha(text_[pos])) { ++pos; continue; }
            std::size_t begin = pos;
            while (pos < text_.size() && (is_digit(text_[pos]) || is_alpha(text_[pos]))) ++pos;
            std::string_view word = slice(begin, pos);
            if (!is_digit(word.front()) || !is_digit(word.back())) continue;
            if (begin > 0 && (text_[begin - 1] == '.' || text_[begin - 1] == typography::fence)) continue;
            if (pos < text_.size() && text_[pos] == typography::fence) continue;
            bool letter = false, only_look_alikes = true;
            std::string expected;
            for (char c : word) {
                if (is_digit(c)) { expected += c; continue; }
                auto it = letters.find(c);
                if (it == letters.end()) { only_look_alikes = false; break; }
                letter = true;
                expected += it->second;
            }
            if (letter && only_look_alikes) report("TYP-10", begin, pos, expected);
        }
    }

    const typography::TextRun& run_;
    const std::string& text_;
    DiagnosticSink& sink_;
};

}  // namespace

namespace typography {

// Numbers in running text: the space between a value and its unit (TYP-06),
// tolerances (TYP-07), ranges (TYP-08), digit grouping (TYP-09) and
// look-alike letters (TYP-10); GB 3101, GB/T 15835, rules catalog §D.3, §D.4.
// Math, code and designations are opaque to the scan.
void scan_quantities(const TextRun& run, DiagnosticSink& sink) { Scanner(run, sink).scan(); }

}  // namespace typography

}  // namespace bzc::checks
