#include "model/designation.h"

#include "support/code_list.h"
#include "support/limits.h"
#include "support/resources.h"
#include "support/utf8.h"

#include <array>
#include <set>

namespace bzc::model {

namespace {

struct DesignationCodes {
    std::set<std::string, std::less<>> industry;
    std::set<std::string, std::less<>> international;
};

const DesignationCodes& codes() {
    static const DesignationCodes loaded = [] {
        DesignationCodes c;
        for_each_code(embedded_resource("rules/codes/industry.txt"), [&](std::string_view code, std::string_view) { c.industry.emplace(code); });
        for_each_code(embedded_resource("rules/codes/international.txt"),
                      [&](std::string_view code, std::string_view) { c.international.emplace(code); });
        return c;
    }();
    return loaded;
}

bool is_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Reads code points from the text and folds full-width ASCII forms and the
// ideographic space to their ASCII counterparts, remembering that it did.
class Cursor {
public:
    Cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

    std::size_t pos() const { return pos_; }
    void reset(std::size_t pos) { pos_ = pos; }
    bool at_end() const { return pos_ >= text_.size(); }
    bool folded() const { return folded_; }

    char32_t peek() const {
        if (at_end()) return 0;
        std::size_t p = pos_;
        return fold(utf8::decode(text_, p));
    }
    char32_t raw_peek() const {
        if (at_end()) return 0;
        std::size_t p = pos_;
        return utf8::decode(text_, p);
    }
    char32_t next() {
        char32_t raw = utf8::decode(text_, pos_);
        char32_t c = fold(raw);
        // Full-width letters, digits and slashes are deviations; full-width
        // parentheses and spaces are how Chinese text is written.
        if (c != raw && (is_upper(c) || is_digit(c) || c == '/' || c == '.')) folded_ = true;
        return c;
    }
    bool accept(char32_t c) {
        if (peek() != c) return false;
        next();
        return true;
    }
    bool accept(std::string_view ascii) {
        std::size_t save = pos_;
        bool save_folded = folded_;
        for (char ch : ascii) {
            if (!accept(static_cast<char32_t>(ch))) {
                pos_ = save;
                folded_ = save_folded;
                return false;
            }
        }
        return true;
    }

private:
    static char32_t fold(char32_t c) {
        if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
        if (c == 0x3000) return ' ';
        return c;
    }
    std::string_view text_;
    std::size_t pos_;
    bool folded_ = false;
};


std::string read_while(Cursor& cur, bool (*pred)(char32_t), std::size_t max_len) {
    std::string out;
    while (!cur.at_end() && pred(cur.peek()) && out.size() <= max_len) out += static_cast<char>(cur.next());
    return out;
}

bool is_org_char(char32_t c) { return is_upper(c) || is_digit(c); }

// The code part: GB/T, DB43/T, T/CAS, ISO/IEC TR, JB/T …
std::optional<std::pair<DesignationFamily, std::string>> read_code(Cursor& cur) {
    std::string letters = read_while(cur, is_upper, 8);
    if (letters.empty() || letters.size() > 6) return std::nullopt;
    auto suffix_t_or_z = [&](std::string& code) {
        std::size_t save = cur.pos();
        if (cur.accept('/')) {
            char32_t c = cur.peek();
            if ((c == 'T' || c == 'Z')) {
                cur.next();
                if (!is_upper(cur.peek())) {
                    code += '/';
                    code += static_cast<char>(c);
                    return;
                }
            }
            cur.reset(save);
        }
    };
    if (letters == "GB") {
        std::string code = "GB";
        suffix_t_or_z(code);
        return std::pair{DesignationFamily::National, code};
    }
    if ((letters == "DB" || letters == "DBS") && is_digit(cur.peek())) {
        std::string digits = read_while(cur, is_digit, 6);
        if (digits.size() != 2 && digits.size() != 4 && digits.size() != 6) return std::nullopt;
        std::string code = letters + digits;
        suffix_t_or_z(code);
        return std::pair{DesignationFamily::Local, code};
    }
    if ((letters == "T" || letters == "Q") && cur.accept('/')) {
        std::string org = read_while(cur, is_org_char, 16);
        if (org.empty() || !is_upper(static_cast<char32_t>(org[0])) || org.size() > 16) return std::nullopt;
        return std::pair{letters == "T" ? DesignationFamily::Group : DesignationFamily::Enterprise, letters + "/" + org};
    }
    if (letters == "ITU") {
        if (cur.accept("-T")) return std::pair{DesignationFamily::International, std::string("ITU-T")};
        if (cur.accept("-R")) return std::pair{DesignationFamily::International, std::string("ITU-R")};
        return std::nullopt;
    }
    const auto& c = codes();
    if (c.international.count(letters)) {
        std::string code = letters;
        // ISO/IEC, ISO/TS, IEC/TR, ISO/IEC TR, ISO/IEC Guide …
        while (true) {
            std::size_t save = cur.pos();
            if (cur.accept('/')) {
                std::string more = read_while(cur, is_upper, 5);
                if (!more.empty()) { code += "/" + more; continue; }
            }
            cur.reset(save);
            break;
        }
        for (std::string_view kind : {"TR", "TS", "PAS", "Guide"}) {
            std::size_t save = cur.pos();
            if (cur.accept(' ') && cur.accept(kind) && cur.peek() == ' ') {
                code += " ";
                code += kind;
                break;
            }
            cur.reset(save);
        }
        return std::pair{DesignationFamily::International, code};
    }
    if (c.industry.count(letters)) {
        std::string code = letters;
        suffix_t_or_z(code);
        return std::pair{DesignationFamily::Industry, code};
    }
    return std::nullopt;
}

bool is_year_dash(char32_t c, bool& deviant) {
    if (c == U'\u2014') { deviant = false; return true; }
    // hyphen-minus, en dash, full-width hyphen-minus (folded to '-'), box-drawing line, minus sign
    if (c == '-' || c == U'\u2013' || c == U'\u2500' || c == U'\u2212' || c == U'\u2012') { deviant = true; return true; }
    return false;
}

std::optional<std::pair<Designation, std::size_t>> parse_at(std::string_view text, std::size_t start) {
    Cursor cur(text, start);
    auto code = read_code(cur);
    if (!code) return std::nullopt;
    Designation d;
    d.family = code->first;
    d.code = code->second;

    bool spaced = false;
    while (cur.peek() == ' ' || cur.peek() == U'\u00A0') { cur.next(); spaced = true; }
    if (d.family == DesignationFamily::International && d.code.starts_with("ITU")) {
        // ITU-T X.509, ITU-R BT.709
        std::string series = read_while(cur, is_upper, 3);
        if (series.empty() || !cur.accept('.')) return std::nullopt;
        std::string num = read_while(cur, is_digit, 6);
        if (num.empty()) return std::nullopt;
        d.number = series + "." + num;
    } else {
        std::string num = read_while(cur, is_digit, 12);
        if (num.empty() || num.size() > 12) return std::nullopt;
        while (cur.peek() == '.') {
            std::size_t save = cur.pos();
            cur.next();
            std::string part = read_while(cur, is_digit, 6);
            if (part.empty()) { cur.reset(save); break; }
            num += "." + part;
        }
        // ISO and IEC number parts with a hyphen: ISO 80000-1, IEC 60050-191.
        // Four digits after a hyphen are a year (ISO 9001-2015, a deviation).
        while (d.family == DesignationFamily::International && cur.peek() == '-') {
            std::size_t save = cur.pos();
            cur.next();
            std::string part = read_while(cur, is_digit, 6);
            if (part.empty() || part.size() > 3) { cur.reset(save); break; }
            num += "-" + part;
        }
        d.number = num;
    }
    if (!spaced) d.deviations.push_back(DesignationDeviation::MissingSpace);

    // Year: —2020 for Chinese documents, :2015 for ISO/IEC style.
    std::size_t before_year = cur.pos();
    bool deviant = false;
    char32_t sep = cur.raw_peek();
    if (is_year_dash(sep, deviant) || cur.peek() == '-') {
        if (cur.peek() == '-' && sep != '-') deviant = true;  // full-width hyphen
        cur.next();
        std::string year = read_while(cur, is_digit, 5);
        if (year.size() == 4) {
            d.year = year;
            if (deviant) d.deviations.push_back(DesignationDeviation::YearSeparator);
        } else {
            cur.reset(before_year);
        }
    } else if (cur.peek() == ':') {
        cur.next();
        std::string year = read_while(cur, is_digit, 5);
        if (year.size() == 4) d.year = year; else cur.reset(before_year);
    }
    // An amendment of a dated edition: GB/T 20001.10—2014/XG1—2017 (修改单),
    // ISO 9001:2015/Amd 1:2024, IEC 60204-1:2016/Cor 1:2020.
    if (!d.year.empty()) {
        std::size_t before_amendment = cur.pos();
        bool international = d.family == DesignationFamily::International;
        if (cur.accept('/')) {
            std::string amendment;
            if (!international && cur.accept("XG")) {
                std::string n = read_while(cur, is_digit, 3);
                if (!n.empty()) {
                    amendment = "XG" + n;
                    std::size_t before_amendment_year = cur.pos();
                    bool dash_deviant = false;
                    if (is_year_dash(cur.raw_peek(), dash_deviant) || cur.peek() == '-') {
                        cur.next();
                        std::string y = read_while(cur, is_digit, 5);
                        if (y.size() == 4) amendment += "\u2014" + y; else cur.reset(before_amendment_year);
                    }
                }
            } else if (international) {
                for (std::string_view kind : {"Amd", "AMD", "Cor", "COR"}) {
                    std::size_t save = cur.pos();
                    if (!cur.accept(kind)) continue;
                    cur.accept(' ');
                    cur.accept('.');
                    std::string n = read_while(cur, is_digit, 3);
                    if (n.empty()) { cur.reset(save); continue; }
                    amendment = std::string(kind.substr(0, 1)) + (kind[1] == 'M' || kind[1] == 'm' ? "md" : "or") + " " + n;
                    if (cur.accept(':')) {
                        std::string y = read_while(cur, is_digit, 5);
                        if (y.size() == 4) amendment += ":" + y;
                    }
                    break;
                }
            }
            if (amendment.empty()) cur.reset(before_amendment);
            else d.amendment = amendment;
        }
    }
    // （所有部分）; the full-width parentheses fold to ASCII, which is also accepted.
    std::size_t before_parts = cur.pos();
    if (cur.accept('(')) {
        static constexpr std::string_view all_parts = "所有部分";
        if (text.substr(cur.pos()).starts_with(all_parts)) {
            cur.reset(cur.pos() + all_parts.size());
            if (cur.accept(')')) d.all_parts = true;
        }
        if (!d.all_parts) cur.reset(before_parts);
    }
    if (cur.folded()) d.deviations.push_back(DesignationDeviation::FullWidth);
    // A designation does not run on into more letters or digits (GB/T 1234ABC).
    char32_t after = cur.peek();
    if (utf8::is_ascii_alpha(after) || is_digit(after)) return std::nullopt;
    if (cur.pos() - start > limits::max_designation_length * 4) return std::nullopt;
    return std::pair{d, cur.pos()};
}

}  // namespace

std::string Designation::sequence() const {
    auto dot = number.find(family == DesignationFamily::International ? '-' : '.');
    if (family == DesignationFamily::International && code.starts_with("ITU")) return number;
    return dot == std::string::npos ? number : number.substr(0, dot);
}

std::string Designation::part() const {
    auto dot = number.find(family == DesignationFamily::International ? '-' : '.');
    if (family == DesignationFamily::International && code.starts_with("ITU")) return {};
    return dot == std::string::npos ? std::string() : number.substr(dot + 1);
}

std::string Designation::undated() const { return code + " " + number; }

std::string Designation::canonical() const {
    std::string out = undated();
    if (!year.empty()) out += (family == DesignationFamily::International ? ":" : "\u2014") + year;
    if (!amendment.empty()) out += "/" + amendment;
    if (all_parts) out += "（所有部分）";
    return out;
}

bool Designation::has(DesignationDeviation d) const {
    for (auto x : deviations) if (x == d) return true;
    return false;
}

std::optional<Designation> parse_designation(std::string_view text) {
    text = utf8::trim(text);
    if (text.empty() || text.size() > limits::max_designation_length * 4) return std::nullopt;
    auto parsed = parse_at(text, 0);
    if (!parsed || parsed->second != text.size()) return std::nullopt;
    return parsed->first;
}

std::vector<DesignationMatch> find_designations(std::string_view text) {
    std::vector<DesignationMatch> found;
    // Designations start with an ASCII capital or a full-width one (EF BC A1–BA)
    // and not in the middle of a word or number. Most text is Chinese, so
    // look only at those bytes instead of decoding every character.
    auto is_word_byte = [](unsigned char b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '/' || b == '-' || b == '.';
    };
    auto is_full_width_alnum = [&](std::size_t end) {  // the three bytes before `end`
        if (end < 3) return false;
        auto b0 = static_cast<unsigned char>(text[end - 3]), b1 = static_cast<unsigned char>(text[end - 2]),
             b2 = static_cast<unsigned char>(text[end - 1]);
        if (b0 != 0xEF) return false;
        // Full-width digits and letters (not ：；（ and the other punctuation around them).
        return (b1 == 0xBC && ((b2 >= 0x90 && b2 <= 0x99) || (b2 >= 0xA1 && b2 <= 0xBA))) || (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A);
    };
    static constexpr auto may_start = [] {
        std::array<bool, 256> table{};
        for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<unsigned char>(c)] = true;
        table[0xEF] = true;
        return table;
    }();
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && !may_start[static_cast<unsigned char>(text[pos])]) ++pos;
        if (pos >= text.size()) break;
        auto b = static_cast<unsigned char>(text[pos]);
        bool ascii_capital = b >= 'A' && b <= 'Z';
        bool full_width_capital = b == 0xEF && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xBC &&
                                  static_cast<unsigned char>(text[pos + 2]) >= 0xA1 && static_cast<unsigned char>(text[pos + 2]) <= 0xBA;
        if (!ascii_capital && !full_width_capital) {
            ++pos;
            continue;
        }
        bool boundary = pos == 0 || (!is_word_byte(static_cast<unsigned char>(text[pos - 1])) && !is_full_width_alnum(pos));
        if (boundary) {
            if (auto parsed = parse_at(text, pos)) {
                found.push_back({pos, parsed->second - pos, parsed->first});
                pos = parsed->second;
                continue;
            }
        }
        // Skip the rest of this run of letters: a designation cannot start inside it.
        ++pos;
        while (pos < text.size() && is_word_byte(static_cast<unsigned char>(text[pos]))) ++pos;
    }
    return found;
}

}  // namespace bzc::model
