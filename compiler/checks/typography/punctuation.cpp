#include "checks/typography/common.h"
#include "support/utf8.h"

#include <array>

namespace bzc::checks {

namespace {

using typography::code_point_at;

bool is_chinese(char32_t c) { return utf8::is_han(c) || typography::is_chinese_punctuation(c); }

constexpr std::string_view full_open = "（", full_close = "）";

// 式(3), 公式(A.1): a formula number, printed with half-width parentheses.
bool is_formula_number(std::string_view text, std::size_t open, std::size_t close) {
    std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.empty()) return false;
    for (char c : inside) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.')) return false;
    }
    return utf8::decode_before(text, open) == U'式';
}

}  // namespace

namespace typography {

// Half-width , ; : ? ! ( ) in Chinese running text (TYP-04, GB/T 15834).
// Designations, math, code and cross-references are opaque to the scan;
// numbers (1,000), times (10:30) and English text have no Chinese neighbours.
void scan_punctuation(const TextRun& run, DiagnosticSink& sink) {
    static constexpr auto candidate = [] {
        std::array<bool, 256> table{};
        for (unsigned char c : {',', ';', ':', '?', '!', '(', ')', '"'}) table[c] = true;
        return table;
    }();
    const auto& data = typography_data();
    const std::string& text = run.text();

    // Parentheses are judged in pairs: （VIN） between Chinese words is Chinese
    // even though its content is not. `flag` marks the positions to report.
    std::vector<bool> flag(text.size(), false);
    std::vector<std::size_t> opens;  // offsets of ( and （
    auto full_width_at = [&](std::size_t pos, std::string_view sign) { return text.compare(pos, sign.size(), sign) == 0; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool ascii_open = text[i] == '(', ascii_close = text[i] == ')';
        bool wide_open = full_width_at(i, full_open), wide_close = full_width_at(i, full_close);
        if (ascii_open || wide_open) {
            opens.push_back(i);
        } else if ((ascii_close || wide_close) && !opens.empty()) {
            std::size_t open = opens.back();
            opens.pop_back();
            bool open_ascii = text[open] == '(';
            if (!open_ascii && !ascii_close) continue;  // （…）
            std::size_t close_end = i + (ascii_close ? 1 : full_close.size());
            bool chinese_inside = false;
            for (std::size_t p = open + (open_ascii ? 1 : full_open.size()); p < i && !chinese_inside;) {
                chinese_inside = is_chinese(utf8::decode(text, p));
            }
            bool chinese_outside = is_chinese(utf8::decode_before(text, open)) && is_chinese(code_point_at(text, close_end));
            bool mixed = open_ascii != ascii_close;  // （…) or (…）
            if ((chinese_inside || chinese_outside || mixed) && !is_formula_number(text, open, i)) {
                if (open_ascii) flag[open] = true;
                if (ascii_close) flag[i] = true;
            }
        }
    }
    // ASCII double quotes, in pairs, around or next to Chinese text: “ and ”.
    std::vector<std::size_t> quotes;
    for (std::size_t i = text.find('"'); i != std::string::npos; i = text.find('"', i + 1)) quotes.push_back(i);
    for (std::size_t k = 0; k + 1 < quotes.size() && data.quotation_marks.size() == 2; k += 2) {
        std::size_t open = quotes[k], close = quotes[k + 1];
        bool chinese_inside = false;
        for (std::size_t p = open + 1; p < close && !chinese_inside;) chinese_inside = utf8::is_han(utf8::decode(text, p));
        bool chinese_outside = is_chinese(utf8::decode_before(text, open)) || is_chinese(code_point_at(text, close + 1));
        if (!chinese_inside && !chinese_outside) continue;
        for (auto [at, mark] : {std::pair{open, &data.quotation_marks[0]}, std::pair{close, &data.quotation_marks[1]}}) {
            if (!run.editable(at, at + 1)) continue;
            sink.report("TYP-04", run.at(at), {{"char", "\""}, {"expected", *mark}}, Fix{"\"", *mark});
        }
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (!candidate[static_cast<unsigned char>(c)]) continue;
        auto mapped = data.punctuation.find(c);
        if (mapped == data.punctuation.end()) continue;
        std::size_t after = i + 1;
        while (after < text.size() && text[after] == ' ') ++after;
        char32_t previous = utf8::decode_before(text, i);
        char32_t next = code_point_at(text, after);
        if (!flag[i]) {
            if (c == '(' || c == ')') {
                flag[i] = utf8::is_han(previous) && utf8::is_han(next);  // an unpaired one, strictly between
            } else {
                bool end = after >= text.size() || next == '\n';
                flag[i] = (utf8::is_han(previous) && (is_chinese(next) || end)) ||
                          (is_chinese_punctuation(previous) && utf8::is_han(next));
            }
        }
        if (!flag[i] || !run.editable(i, after)) continue;
        // The fix quotes the following Han character too, so that it finds
        // this very sign; spaces after the sign go (Chinese punctuation has
        // its own width).
        std::string original = text.substr(i, after - i), replacement = mapped->second;
        if (utf8::is_han(next)) {
            std::size_t next_end = after;
            utf8::decode(text, next_end);
            if (run.editable(i, next_end)) {
                original = text.substr(i, next_end - i);
                replacement += text.substr(after, next_end - after);
            }
        }
        sink.report("TYP-04", run.at(i), {{"char", std::string(1, c)}, {"expected", mapped->second}},
                    Fix{original, replacement});
    }
}

}  // namespace typography

}  // namespace bzc::checks
