#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/utf8.h"

// Word lists of the language and wording rules, and a reader that finds them
// in running text. The lists are data (`words:` in rules/language.yaml and
// rules/wording.yaml). Chinese has no spaces between words, so the text is
// read left to right taking the longest listed word at each position: an
// innocent compound listed as neutral (应用, 相应, 适宜, 可能) is read as one
// word, and the form inside it is never seen. One pass, no regular expressions.
namespace bzc::checks::language {

enum class WordClass : std::uint8_t {
    Neutral,         // an innocent compound: 应用, 适宜, 可能, 不可抗力 …
    Requirement,     // 应, 不应, 应该, 不应该, 只准许, 不准许 (附录C C.1)
    Must,            // 必须
    Ought,           // 应当
    Urge,            // 务必
    NotPermitted,    // 不得
    Cannot,          // 不可
    Need,            // 需要
    Recommendation,  // 宜, 不宜 (C.3)
    Permission,      // 可, 可以, 不必, 无须 (C.4)
    Can,             // 能 (C.5), where 可 may be meant
    Legal,           // 法律责任, 罚款, 违约 …
    VaguePointer,    // 见上文, 如下表 …
    SeeAlso,         // 详见, 参见
    PagePointer,     // 见下页, 见第12页
    Unverifiable,    // 尽可能, 适当, 及时 …
    ThisStandard,    // 本标准, 本部分 (wording)
    Boundary,        // the end of a sentence or clause: 。！？；
};

struct Token {
    std::size_t offset = 0;       // byte offset in the scanned text
    std::size_t length = 0;       // bytes matched
    std::size_t form_length = 0;  // bytes of the form proper: 应 of 应|变更
    WordClass word_class = WordClass::Neutral;
    bool quoted = false;          // inside “…”, ‘…’, 《…》 or 「…」: a mention, not a use

    std::string_view form(std::string_view text) const { return text.substr(offset, form_length); }
};

// True for the classes that state a requirement or prohibition.
inline bool is_requirement(WordClass c) {
    return c == WordClass::Requirement || c == WordClass::Must || c == WordClass::Ought || c == WordClass::Urge ||
           c == WordClass::NotPermitted;
}

class Lexicon {
public:
    // The lists under `words:` in the word-list document of a rules file
    // (the YAML document after the rules, see words_document); `classes`
    // maps list names to classes, and lists with other names are for
    // another reader of the file. Throws std::runtime_error naming the file
    // for malformed data or a word listed twice.
    Lexicon(std::string_view file_name, std::string_view yaml_text,
            const std::vector<std::pair<std::string_view, WordClass>>& classes);

    // rules/language.yaml, loaded once.
    static const Lexicon& language();

    // f(const Token&) for every listed word, sentence boundary and page
    // pointer (见第12页) of `text`, in order.
    template <class F> void scan(std::string_view text, F&& f) const;

    std::size_t size() const { return size_; }

private:
    // A trie over code points: the longest listed word at a position is
    // found in as many steps as it has characters.
    struct Node {
        std::vector<std::pair<char32_t, std::uint32_t>> children;  // sorted by code point
        bool word = false;
        WordClass word_class = WordClass::Neutral;
        std::uint32_t form_length = 0;
    };
    void add(std::string_view word, WordClass word_class, std::string_view file_name);
    std::uint32_t child(std::uint32_t node, char32_t c) const;  // 0 when none (the root is never a child)
    // Bytes and node of the longest word starting at `start`, or {0, 0}.
    std::pair<std::size_t, std::uint32_t> longest(std::string_view text, std::size_t start) const;

    std::vector<Node> nodes_;  // nodes_[0] is the root
    // Per (BMP) code point: the root's child (low 15 bits, 0 for none) and
    // whether the scanner treats the character specially (`special`: quotes,
    // sentence ends, 第). One load lets most characters of a text pass.
    static constexpr std::uint16_t special = 0x8000;
    std::vector<std::uint16_t> first_;
    std::size_t size_ = 0;
};

// The word lists of a rules file: a second YAML document after the rules
// (a line "---" and then "words:"), so the rule registry, which reads only
// the first document, never spends time on them. Returns, in file order,
// each list's name and words. The format is a small subset of YAML: lists
// in block style ("  name:" then "    - word" lines) or flow style
// ("  name: [a, b]"), words plain or in double quotes, # comments.
std::vector<std::pair<std::string, std::vector<std::string>>> words_document(std::string_view file_name,
                                                                              std::string_view yaml_text);

// ------------------------------------------------------------ implementation

namespace detail {

// Decodes the code point at `pos` of valid UTF-8 (the text of the model is)
// and advances `pos`; the hot path of every scan, so it is inline.
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
    auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    if ((b0 & 0xF0) == 0xE0 && pos + 2 < text.size()) {
        char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(text[pos + 1]) & 0x3F) << 6) |
                     char32_t(static_cast<unsigned char>(text[pos + 2]) & 0x3F);
        pos += 3;
        return c;
    }
    return utf8::decode(text, pos);
}

inline bool is_page_digit(char32_t c) {
    if (c >= U'0' && c <= U'9') return true;
    if (c >= U'０' && c <= U'９') return true;
    switch (c) {
        case U'〇': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五':
        case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': return true;
        default: return false;
    }
}

inline bool is_page_range_mark(char32_t c) {
    return c == U'～' || c == U'~' || c == U'至' || c == U'-' || c == U'—' || c == U'、' || c == U'，' ||
           c == U',' || c == U'和' || c == U' ';
}

}  // namespace detail

inline std::uint32_t Lexicon::child(std::uint32_t node, char32_t c) const {
    if (node == 0) return c < first_.size() ? first_[c] & ~special : 0;
    for (const auto& [code, index] : nodes_[node].children) {
        if (code == c) return index;
        if (code > c) break;
    }
    return 0;
}

inline std::pair<std::size_t, std::uint32_t> Lexicon::longest(std::string_view text, std::size_t start) const {
    std::pair<std::size_t, std::uint32_t> best{0, 0};
    std::uint32_t node = 0;
    std::size_t pos = start;
    while (pos < text.size()) {
        char32_t c = detail::next_code_point(text, pos);
        node = child(node, c);
        if (node == 0) break;
        if (nodes_[node].word) best = {pos - start, node};
    }
    return best;
}

template <class F> void Lexicon::scan(std::string_view text, F&& f) const {
    int quote_depth = 0;
    char32_t previous = 0;
    std::size_t previous_start = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        unsigned char byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            if (byte == '\n') f(Token{pos, 1, 1, WordClass::Boundary, quote_depth > 0});
            previous = byte;
            previous_start = pos;
            ++pos;
            continue;
        }
        std::size_t start = pos;
        char32_t c = detail::next_code_point(text, pos);
        std::uint16_t entry = c < first_.size() ? first_[c] : 0;
        if (entry == 0) {
            previous = c;
            previous_start = start;
            continue;
        }
        if (entry & special) switch (c) {
            case U'“': case U'‘': case U'《': case U'「': case U'『': ++quote_depth; break;
            case U'”': case U'’': case U'》': case U'」': case U'』': if (quote_depth > 0) --quote_depth; break;
            case U'。': case U'！': case U'？': case U'；':
                f(Token{start, pos - start, pos - start, WordClass::Boundary, quote_depth > 0});
                break;
            case U'第':
                // 见第12页, 如第3～5页: a page pointer, from its 见.
                if (previous == U'见' || previous == U'如') {
                    std::size_t p = pos;
                    bool digits = false;
                    while (p < text.size()) {
                        std::size_t q = p;
                        char32_t d = detail::next_code_point(text, q);
                        if (detail::is_page_digit(d)) digits = true;
                        else if (!detail::is_page_range_mark(d)) {
                            if (d == U'页' && digits) {
                                f(Token{previous_start, q - previous_start, q - previous_start, WordClass::PagePointer,
                                        quote_depth > 0});
                            }
                            break;
                        }
                        p = q;
                    }
                }
                break;
            default: break;
        }
        if (entry & ~special) {
            auto [length, node] = longest(text, start);
            if (length > 0) {
                const Node& n = nodes_[node];
                f(Token{start, length, n.form_length, n.word_class, quote_depth > 0});
                pos = start + length;
                // The last code point of the word: a page pointer after 见 needs it.
                std::size_t last = pos;
                do --last; while (last > start && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80);
                previous_start = last;
                c = utf8::decode(text, last);
                previous = c;
                continue;
            }
        }
        previous = c;
        previous_start = start;
    }
}

}  // namespace bzc::checks::language
