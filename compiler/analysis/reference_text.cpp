#include "analysis/reference_text.h"

#include "support/code_list.h"
#include "support/resources.h"
#include "support/utf8.h"

#include <vector>

namespace bzc::analysis {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }

std::size_t digits_at(std::string_view text, std::size_t at) {
    std::size_t n = 0;
    while (at + n < text.size() && digit(text[at + n])) ++n;
    return n;
}

struct LegalEndings {
    std::vector<std::string> endings;
    std::vector<std::string> exceptions;
};

const LegalEndings& legal_endings() {
    static const LegalEndings loaded = [] {
        LegalEndings l;
        for_each_code(embedded_resource("rules/codes/legal-documents.txt"), [&](std::string_view code, std::string_view) {
            if (code.starts_with("-")) l.exceptions.emplace_back(code.substr(1));
            else l.endings.emplace_back(code);
        });
        return l;
    }();
    return loaded;
}

}  // namespace

std::optional<QuotedTitle> quoted_title(std::string_view text, std::size_t at) {
    static constexpr std::string_view open = "《";
    static constexpr std::string_view close = "》";
    if (!text.substr(at).starts_with(open)) return std::nullopt;
    std::size_t inner = at + open.size();
    std::size_t end = text.find(close, inner);
    if (end == std::string_view::npos || end - inner > 200 || end == inner) return std::nullopt;
    if (text.substr(inner, end - inner).find(open) != std::string_view::npos) return std::nullopt;
    return QuotedTitle{text.substr(inner, end - inner), end + close.size()};
}

std::string pointed_part(std::string_view text, std::size_t& at) {
    std::string_view rest = text.substr(at);
    auto take = [&](std::size_t n) {
        at += n;
        return std::string(rest.substr(0, n));
    };
    if (rest.starts_with("第")) {
        std::size_t d = digits_at(rest, 3);
        if (d > 0 && rest.substr(3 + d).starts_with("章")) return take(3 + d + 3);
        return {};
    }
    if (rest.starts_with("附录")) {
        std::size_t n = 6;
        if (n < rest.size() && upper(rest[n]) && !(n + 1 < rest.size() && upper(rest[n + 1]))) return take(n + 1);
        return {};
    }
    for (std::string_view object : {"表", "图"}) {
        if (!rest.starts_with(object)) continue;
        std::size_t n = object.size();
        if (n + 1 < rest.size() && upper(rest[n]) && rest[n + 1] == '.') n += 2;
        std::size_t d = digits_at(rest, n);
        if (d == 0) return {};
        return take(n + d);
    }
    for (std::string_view open : {"公式(", "公式（", "式(", "式（"}) {
        if (!rest.starts_with(open)) continue;
        std::size_t n = open.size();
        if (n + 1 < rest.size() && upper(rest[n]) && rest[n + 1] == '.') n += 2;
        std::size_t d = digits_at(rest, n);
        if (d == 0) return {};
        n += d;
        for (std::string_view close : {")", "）"}) {
            if (rest.substr(n).starts_with(close)) return take(n + close.size());
        }
        return {};
    }
    // A clause: 3.2, A.1, 4.2.1; a lone 3 only where nothing else can follow.
    std::size_t n = 0;
    if (rest.size() > 2 && upper(rest[0]) && rest[1] == '.' && digit(rest[2])) n = 2;
    std::size_t d = digits_at(rest, n);
    if (d == 0) return {};
    n += d;
    bool dotted = n > d;
    while (n + 1 < rest.size() && rest[n] == '.' && digit(rest[n + 1])) {
        n += 1 + digits_at(rest, n + 1);
        dotted = true;
    }
    if (n < rest.size() && (digit(rest[n]) || upper(rest[n]) || (rest[n] >= 'a' && rest[n] <= 'z') || rest[n] == '.' || rest[n] == '%')) {
        return {};
    }
    if (!dotted) {
        std::string_view after = rest.substr(n);
        bool closes = after.empty();
        for (std::string_view word : {"的", "中", "规定", "给出", "，", "。", "；", "、", ")", "）", "]"}) {
            if (after.starts_with(word)) closes = true;
        }
        if (!closes) return {};
    }
    return take(n);
}

bool is_legal_title(std::string_view title) {
    title = utf8::trim(title);
    const auto& l = legal_endings();
    for (const auto& e : l.exceptions) {
        if (title.ends_with(e)) return false;
    }
    for (const auto& e : l.endings) {
        if (title.ends_with(e) && title.size() > e.size()) return true;
    }
    return false;
}

std::optional<DocumentNumber> document_number_at(std::string_view text, std::size_t at) {
    // The issuer's abbreviation: a run of Han characters.
    std::size_t pos = at;
    int han = 0;
    while (pos < text.size() && han <= 20) {
        std::size_t next = pos;
        if (!utf8::is_han(utf8::decode(text, next))) break;
        pos = next;
        ++han;
    }
    if (han < 2) return std::nullopt;
    // Words that lead into a number are not part of the issuer's abbreviation.
    std::size_t start = at;
    for (bool chopped = true; chopped;) {
        chopped = false;
        for (std::string_view lead : {"按照", "依照", "依据", "根据", "参照", "执行", "见", "按", "和", "及", "与", "或"}) {
            if (text.substr(start, pos - start).starts_with(lead) && pos - start > lead.size() + 3) {
                start += lead.size();
                chopped = true;
                break;
            }
        }
    }
    std::string_view issuer = text.substr(start, pos - start);
    // 国务院令第621号
    if (issuer.ends_with("令第")) {
        std::size_t d = digits_at(text, pos);
        if (d > 0 && text.substr(pos + d).starts_with("号")) return DocumentNumber{start, pos + d + 3};
        return std::nullopt;
    }
    for (auto [open, close] : {std::pair{"〔", "〕"}, {"[", "]"}, {"［", "］"}, {"（", "）"}}) {
        std::string_view o(open);
        std::string_view c(close);
        if (!text.substr(pos).starts_with(o)) continue;
        std::size_t y = pos + o.size();
        if (digits_at(text, y) != 4 || !text.substr(y + 4).starts_with(c)) return std::nullopt;
        std::size_t n = y + 4 + c.size();
        std::size_t d = digits_at(text, n);
        if (d == 0 || d > 5 || !text.substr(n + d).starts_with("号")) return std::nullopt;
        return DocumentNumber{start, n + d + 3};
    }
    return std::nullopt;
}

}  // namespace bzc::analysis
