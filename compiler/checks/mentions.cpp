#include "checks/mentions.h"

#include "support/utf8.h"

#include <initializer_list>

namespace bzc::checks {

namespace {

using analysis::ReferenceUse;

constexpr char marker = FlatText::citation_marker;
constexpr std::size_t npos = std::string_view::npos;

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_alnum(char c) { return digit(c) || upper(c) || lower(c); }

bool starts(std::string_view text, std::size_t at, std::string_view what) {
    return at <= text.size() && text.substr(at).starts_with(what);
}

// The characters a hand-typed mention starts with, read from their UTF-8
// bytes: the scanner looks at every character of the text, and comparing
// strings there would cost more than the rest of the scan.
enum class LeadChar { None, Fu, Biao, Tu, Gong, Shi, Di };  // 附 表 图 公 式 第

LeadChar lead_char(std::string_view text, std::size_t i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xE5 || b > 0xE9 || i + 2 >= text.size()) return LeadChar::None;
    auto b1 = static_cast<unsigned char>(text[i + 1]);
    auto b2 = static_cast<unsigned char>(text[i + 2]);
    switch (b) {
        case 0xE9: return b1 == 0x99 && b2 == 0x84 ? LeadChar::Fu : LeadChar::None;
        case 0xE8: return b1 == 0xA1 && b2 == 0xA8 ? LeadChar::Biao : LeadChar::None;
        case 0xE7: return b1 == 0xAC && b2 == 0xAC ? LeadChar::Di : LeadChar::None;
        case 0xE5:
            if (b1 == 0x9B && b2 == 0xBE) return LeadChar::Tu;
            if (b1 == 0x85 && b2 == 0xAC) return LeadChar::Gong;
            if (b1 == 0xBC && b2 == 0x8F) return LeadChar::Shi;
            return LeadChar::None;
        default: return LeadChar::None;
    }
}

// The word of `words` that `text` has at `at`, or empty.
std::string_view word_at(std::string_view text, std::size_t at, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        if (starts(text, at, w)) return w;
    }
    return {};
}

bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        if (text.ends_with(w)) return true;
    }
    return false;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    return at;
}

bool chop(std::string_view& text, std::string_view suffix) {
    if (!text.ends_with(suffix)) return false;
    text.remove_suffix(suffix.size());
    return true;
}

void trim_right(std::string_view& text) {
    for (bool changed = true; changed;) {
        changed = false;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
            text.remove_suffix(1);
            changed = true;
        }
        changed = chop(text, "\u3000") || changed;
    }
}

// The text before `at`, without trailing white space.
std::string_view before(std::string_view text, std::size_t at) {
    std::string_view b = text.substr(0, at);
    trim_right(b);
    return b;
}

// The last character of `text` (a whole UTF-8 sequence), or empty.
std::string_view last_char(std::string_view text) {
    return text.substr(utf8::previous_start(text, text.size()));
}

bool han(std::string_view ch) {
    std::size_t pos = 0;
    return !ch.empty() && utf8::is_han(utf8::decode(ch, pos));
}

// Whether the mention starting at `at` names an object of another document:
// "GB/T 1.1—2020的附录A", "《…》中的表1", "2009年版的3.2", "该标准的表1",
// "说明书第3.2节"; or of the replaced edition: "删除了附录C".
bool external(std::string_view text, std::size_t at) {
    std::string_view b = before(text, at);
    // The 前言's list of changes: "删除了附录C" names the replaced edition's annex.
    if (ends_with_any(b, {"删除了", "删除", "删去了", "删去", "取消了"})) return true;
    if (!chop(b, "中的")) {
        if (!chop(b, "的")) chop(b, "中");
    }
    trim_right(b);
    if (b.ends_with(marker) || b.ends_with("》") || b.ends_with("版")) return true;
    for (std::string_view document : {"标准", "文件", "部分", "规范", "规程", "导则", "指南", "书", "手册", "合同", "协议", "方案",
                                      "报告", "办法", "细则", "条例", "章程", "规则"}) {
        if (!b.ends_with(document)) continue;
        std::string_view rest = b.substr(0, b.size() - document.size());
        return !rest.ends_with("本");  // 本文件的表1 is ours
    }
    return false;
}

// ------------------------------------------------------------ number readers

// One or two capital letters, not the start of a word: A, B, AB.
std::size_t letters_at(std::string_view text, std::size_t at) {
    std::size_t n = 0;
    while (at + n < text.size() && upper(text[at + n])) ++n;
    if (n == 0 || n > 2) return 0;
    if (at + n < text.size() && lower(text[at + n])) return 0;
    return n;
}

// A number of one to three digits without a leading zero (0 alone only when
// `zero` is allowed).
std::size_t component_at(std::string_view text, std::size_t at, bool zero = false) {
    std::size_t n = 0;
    while (at + n < text.size() && digit(text[at + n])) ++n;
    if (n == 0 || n > 3) return 0;
    if (text[at] == '0' && !(zero && n == 1)) return 0;
    return n;
}

// A clause number: 5.2, 4.2.1, 0.1, A.2, A.2.1. Returns its length, 0 when
// there is none: a lone 5, 2.0, 2022.05.01, 5.2.1.3.4.5.6, 5.2a are not.
std::size_t clause_at(std::string_view text, std::size_t at) {
    std::size_t i = at;
    int components = 0;
    if (std::size_t l = letters_at(text, i); l > 0 && starts(text, i + l, ".")) {
        i += l;
    } else {
        std::size_t n = component_at(text, i, true);
        if (n == 0) return 0;
        i += n;
        ++components;
    }
    while (i + 1 < text.size() && text[i] == '.' && digit(text[i + 1])) {
        std::size_t n = component_at(text, i + 1);
        if (n == 0) return 0;
        i += 1 + n;
        ++components;
    }
    bool lettered = upper(text[at]);
    if (components < (lettered ? 1 : 2) || components > 6) return 0;
    if (i < text.size() && (ascii_alnum(text[i]) || text[i] == '%' || text[i] == '_')) return 0;
    return i - at;
}

// A list item after a clause number: " b)", "b）", " b) 2)". Returns its
// length and appends " b)" / " b) 2)" to `number`.
std::size_t item_at(std::string_view text, std::size_t at, std::string& number) {
    std::size_t i = at < text.size() && text[at] == ' ' ? at + 1 : at;
    if (i >= text.size() || !lower(text[i])) return 0;
    std::string_view close = word_at(text, i + 1, {")", "）"});
    if (close.empty()) return 0;
    number += ' ';
    number += text[i];
    number += ')';
    i += 1 + close.size();
    std::size_t j = i < text.size() && text[i] == ' ' ? i + 1 : i;
    std::size_t d = component_at(text, j);
    if (d > 0 && d < 3) {
        std::string_view inner = word_at(text, j + d, {")", "）"});
        if (!inner.empty()) {
            number += ' ';
            number += text.substr(j, d);
            number += ')';
            i = j + d + inner.size();
        }
    }
    return i - at;
}

// The characters that may stand just before 表1, 图1, 公式(1) for it to be a
// pointer rather than the end of a longer noun (附表1, 汇总表1, 计算式(1)).
bool object_word_pointer(std::string_view text, std::size_t at) {
    std::string_view b = before(text, at);
    std::string_view ch = last_char(b);
    if (ch.empty()) return true;
    if (ch.size() == 1) return !ascii_alnum(ch[0]);
    if (!han(ch)) return true;  // full-width punctuation
    for (std::string_view word : {"见", "按", "照", "据", "合", "足", "行", "守", "循", "用", "在", "如", "由", "从", "同", "于",
                                  "和", "或", "及", "与", "至", "入", "对", "将", "把", "以", "即", "为", "除", "经", "并", "且"}) {
        if (ch == word) return true;
    }
    return false;
}

// How strongly the words before a clause number make it a pointer.
enum class Lead { None, Weak, Strong, In };

Lead lead_of(std::string_view b) {
    if (b.ends_with("见") || ends_with_any(b, {"依据", "依照", "参照", "遵照"})) return Lead::Strong;
    if (ends_with_any(b, {"按", "按照", "符合", "满足", "执行", "根据", "遵守", "遵循"})) return Lead::Weak;
    if (b.ends_with("在")) return Lead::In;
    return Lead::None;
}

// The words after a clause number that make it a pointer on their own
// (规定的, 的规定: strong) or with a verb before it (执行, 中: weak).
enum class Tail { None, Connective, Weak, Strong };

Tail tail_of(std::string_view text, std::size_t at) {
    if (at >= text.size()) return Tail::Connective;
    if (!word_at(text, at, {"的规定", "规定的", "中规定", "中的规定", "中给出", "给出的", "给出了", "所列", "所示", "所述"}).empty()) {
        return Tail::Strong;
    }
    if (!word_at(text, at, {"的要求", "要求的", "中的要求", "的有关", "的相关", "的方法", "的程序", "的内容", "的格式", "的条件",
                            "的原则", "的流程", "的步骤", "中", "规定", "要求", "给出", "执行", "进行", "实施", "办理", "处理",
                            "填写", "编制", "确定", "列出"})
             .empty()) {
        return Tail::Weak;
    }
    char c = text[at];
    if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '\n') return Tail::Connective;
    if (c == '.' && (at + 1 >= text.size() || !ascii_alnum(text[at + 1]))) return Tail::Connective;
    if (!word_at(text, at, {"，", "。", "；", "：", "、", "）", "】", "」", "』", "”", "’", "》", "？", "！", "和", "或", "至",
                            "～", "及", "与", "等", "条", "节", "以外", "之外", "外"})
             .empty()) {
        return Tail::Connective;
    }
    return Tail::None;
}

// The characters that may stand before a clause number followed by a strong
// tail alone ("除5.2规定的情形外", "5.2给出了"): not a digit, a sign or a verb
// of quantity.
bool tail_lead(std::string_view b) {
    std::string_view ch = last_char(b);
    if (ch.empty()) return true;
    if (ch.size() == 1) return ch[0] == '(' || ch[0] == ',' || ch[0] == ';' || ch[0] == '\n';
    for (std::string_view word : {"，", "。", "；", "：", "（", "“", "除", "与", "和", "及", "或", "即", "同", "如", "经"}) {
        if (ch == word) return true;
    }
    return false;
}

// ------------------------------------------------------------------ scanner

class Scanner {
public:
    explicit Scanner(const FlatText& flat) : flat_(flat), text_(flat.text()), refs_(flat.cross_references()) {}

    std::vector<Mention> run() {
        for (std::size_t i = 0; i < text_.size();) {
            while (ref_ < refs_.size() && refs_[ref_].end <= i) ++ref_;
            if (ref_ < refs_.size() && refs_[ref_].start == i && refs_[ref_].end > i) {
                i = cross_reference(refs_[ref_++]);
                continue;
            }
            std::size_t limit = ref_ < refs_.size() ? refs_[ref_].start : text_.size();
            std::size_t mark = out_.size();
            std::size_t end = hand_typed(i);
            if (end > limit) {  // ran into a cross-reference: not a mention after all
                out_.resize(mark);
                end = 0;
            }
            if (end > i) {
                i = end;
            } else {
                auto b = static_cast<unsigned char>(text_[i]);
                i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            }
        }
        for (auto& m : out_) m.location = flat_.at(m.start);
        return std::move(out_);
    }

private:
    // A cross-reference, read from the text bzc prints for it.
    std::size_t cross_reference(const FlatText::CrossReference& ref) {
        std::string_view printed = std::string_view(text_).substr(ref.start, ref.end - ref.start);
        Mention m;
        m.number = std::string(printed);
        m.start = ref.start;
        m.end = ref.end;
        m.cross_reference = m.pointer = m.certain = true;
        bool item = printed.find(" ") != npos && !printed.starts_with("图");
        if (printed.starts_with("第")) {
            m.kind = item ? MentionKind::ListItem : MentionKind::Chapter;
        } else if (printed.starts_with("附录")) {
            m.kind = item ? MentionKind::ListItem : MentionKind::Annex;
            m.annex = std::string(printed.substr(6, letters_at(printed, 6)));
        } else if (printed.starts_with("表") || printed.starts_with("图")) {
            m.kind = printed.starts_with("表") ? MentionKind::Table : MentionKind::Figure;
            std::size_t l = letters_at(printed, 3);
            if (l > 0 && starts(printed, 3 + l, ".")) m.annex = std::string(printed.substr(3, l));
        } else if (printed.starts_with("公式(")) {
            m.kind = MentionKind::Formula;
            std::size_t at = std::string_view("公式(").size();
            std::size_t l = letters_at(printed, at);
            if (l > 0 && starts(printed, at + l, ".")) m.annex = std::string(printed.substr(at, l));
        } else if (!printed.empty() && (digit(printed[0]) || upper(printed[0]))) {
            m.kind = item ? MentionKind::ListItem : MentionKind::Clause;
            if (upper(printed[0])) m.annex = std::string(printed.substr(0, letters_at(printed, 0)));
        } else {
            return ref.end;  // 前言, [3] …: nothing numbered in the body
        }
        m.use = analysis::reference_use(text_, m.start, m.end);
        out_.push_back(std::move(m));
        chain_end_ = ref.end;
        chain_strong_ = true;
        chain_external_ = false;
        return ref.end;
    }

    std::size_t hand_typed(std::size_t at) {
        char c = text_[at];
        if (static_cast<unsigned char>(c) >= 0x80) {
            switch (lead_char(text_, at)) {
                case LeadChar::Fu: return starts(text_, at, "附录") ? annex_head(at) : 0;
                case LeadChar::Biao: return object_head(at, MentionKind::Table, "表");
                case LeadChar::Tu: return object_head(at, MentionKind::Figure, "图");
                case LeadChar::Gong: return starts(text_, at, "公式") ? formula_head(at) : 0;
                case LeadChar::Shi: return formula_head(at);
                case LeadChar::Di: return chapter_head(at);
                case LeadChar::None: return 0;
            }
            return 0;
        }
        if (!digit(c) && !upper(c)) return 0;
        if (at > 0) {
            char p = text_[at - 1];
            if (ascii_alnum(p) || p == '.' || p == '/' || p == '-' || p == '_' || p == ':' || p == '+' || p == marker) return 0;
        }
        return clause_head(at);
    }

    // ------------------------------------------------------------ heads

    // 附录A, 附录A、B和C, 附录A～附录C, 附录A.2 (a clause), 附录A b).
    std::size_t annex_head(std::size_t at) {
        std::size_t i = at + std::string_view("附录").size();
        std::size_t n = letters_at(text_, i);
        if (n == 0) return 0;
        Mention m = start_mention(at, MentionKind::Annex);
        m.annex = std::string(text_.substr(i, n));
        m.pointer = m.certain = true;
        if (std::size_t c = clause_at(text_, i); c > n) {
            m.kind = MentionKind::Clause;
            m.number = std::string(text_.substr(i, c));
            i += c;
        } else {
            m.number = "附录" + m.annex;
            i += n;
        }
        i += items(m, i);
        m.end = i;
        return series(std::move(m));
    }

    // 表1, 表A.1, 图1 a), 表1～表3, 表A.1～A.3.
    std::size_t object_head(std::size_t at, MentionKind kind, std::string_view word) {
        std::size_t i = skip_spaces(text_, at + word.size());
        std::string prefix;
        if (std::size_t l = letters_at(text_, i); l > 0 && starts(text_, i + l, ".")) {
            prefix = std::string(text_.substr(i, l));
            i += l + 1;
        }
        std::size_t d = component_at(text_, i);
        if (d == 0) return 0;
        i += d;
        // 表3.2.1 is another document's numbering (by chapter), not 表3.
        if (i + 1 < text_.size() && text_[i] == '.' && digit(text_[i + 1])) return 0;
        if (i < text_.size() && digit(text_[i])) return 0;
        Mention m = start_mention(at, kind);
        m.annex = prefix;
        m.number = std::string(word) + (prefix.empty() ? "" : prefix + ".") + std::string(text_.substr(i - d, d));
        if (kind == MentionKind::Figure) i += subfigure(m.number, i);
        m.end = i;
        m.pointer = object_word_pointer(text_, at);
        m.certain = m.pointer;
        return series(std::move(m));
    }

    // 公式(3), 公式（A.1）, 式(3).
    std::size_t formula_head(std::size_t at) {
        std::size_t i = at;
        if (starts(text_, i, "公式")) {
            i += std::string_view("公式").size();
        } else {
            if (before(text_, at).ends_with("公")) return 0;
            i += std::string_view("式").size();
        }
        std::string number;
        std::size_t n = formula_number(i, number);
        if (n == 0) return 0;
        Mention m = start_mention(at, MentionKind::Formula);
        m.number = "公式" + number;
        m.annex = annex_of_formula(number);
        m.end = i + n;
        m.pointer = m.certain = object_word_pointer(text_, at);
        return series(std::move(m));
    }

    // 第4章, 第4章 b), 第4～6章, 第5.2条, 第5.2节.
    std::size_t chapter_head(std::size_t at) {
        std::size_t i = at + std::string_view("第").size();
        if (std::size_t c = clause_at(text_, i); c > 0) {
            std::string_view word = word_at(text_, i + c, {"条", "节"});
            if (word.empty() || starts(text_, i + c + word.size(), "款")) return 0;
            Mention m = start_mention(at, MentionKind::Clause);
            m.number = std::string(text_.substr(i, c));
            if (upper(text_[i])) m.annex = std::string(text_.substr(i, letters_at(text_, i)));
            m.end = i + c + word.size();
            m.pointer = m.certain = m.article_form = true;
            return series(std::move(m));
        }
        // 第4章, or 第4～6章 / 第4、5章: numbers joined until 章.
        std::vector<std::pair<std::size_t, std::size_t>> numbers;  // start, length
        for (;;) {
            std::size_t d = component_at(text_, i);
            if (d == 0 || d > 2) return 0;
            numbers.emplace_back(i, d);
            i += d;
            if (starts(text_, i, "章节")) return 0;  // 第3章节: a word, not 第3章
            if (starts(text_, i, "章")) break;
            std::string_view sep = word_at(text_, i, {"～", "~", "至", "、", "和", "或", "及", "与"});
            if (sep.empty()) return 0;
            i += sep.size();
        }
        std::size_t end = i + std::string_view("章").size();
        std::size_t first = out_.size();
        auto chapter = [&](std::size_t k) {
            Mention m = start_mention(k == 0 ? at : numbers[k].first, MentionKind::Chapter);
            m.number = "第" + std::string(text_.substr(numbers[k].first, numbers[k].second)) + "章";
            m.end = numbers[k].first + numbers[k].second;
            m.pointer = m.certain = true;
            return m;
        };
        for (std::size_t k = 0; k + 1 < numbers.size(); ++k) out_.push_back(chapter(k));
        Mention last = chapter(numbers.size() - 1);
        last.end = end;
        if (numbers.size() == 1) last.end += items(last, end);
        return series(std::move(last), first);
    }

    // 5.2, 4.2.1, A.2, 5.2 b), with the series after it; a pointer only in
    // the words drafters use around one.
    std::size_t clause_head(std::size_t at) {
        std::size_t c = clause_at(text_, at);
        if (c == 0) return 0;
        Mention m = start_mention(at, MentionKind::Clause);
        m.number = std::string(text_.substr(at, c));
        if (upper(text_[at])) m.annex = std::string(text_.substr(at, letters_at(text_, at)));
        std::size_t i = at + c;
        bool item = false;
        if (std::size_t n = items(m, i); n > 0) {
            i += n;
            item = true;
        }
        m.end = i;
        std::size_t first = out_.size();
        std::size_t end = series(std::move(m), first, /*decide=*/false);
        if (out_[first].external) {  // GB/T 1.1—2020的5.2: a part of another document, by its words
            for (std::size_t k = first; k < out_.size(); ++k) out_[k].pointer = true;
            finish(first);
            return end;
        }
        // The words around the whole series decide: 按5.2和5.3执行.
        std::string_view b = before(text_, at);
        Lead lead = lead_of(b);
        bool chained = chain_end_ != npos && chained_to(b);
        std::size_t after = end;
        if (after < text_.size() && text_[after] == ' ' && after + 1 < text_.size() &&
            static_cast<unsigned char>(text_[after + 1]) >= 0x80) {
            ++after;
        }
        // "见5.2条", "按5.2节执行": a clause number with 条 or 节 (PTR-03), read
        // like one with 第; not 5.2条款, 5.2节能.
        std::string_view article = out_.size() - first == 1 && out_[first].kind == MentionKind::Clause
                                       ? word_at(text_, end, {"条", "节"})
                                       : std::string_view();
        if (!article.empty() && (starts(text_, end + article.size(), "款") ||
                                 tail_of(text_, end + article.size()) == Tail::None)) {
            article = {};
        }
        Tail tail = tail_of(text_, article.empty() ? after : end + article.size());
        if (!item && end - at > c && out_.back().kind == MentionKind::ListItem) item = true;
        bool pointer = false;
        bool certain = false;
        if (!article.empty()) {
            pointer = certain = lead != Lead::None || chained || tail_lead(b);
            if (pointer) {
                end += article.size();
                out_[first].end = end;
                out_[first].article_form = true;
            }
        } else if (lead == Lead::Strong) {
            pointer = tail != Tail::None || item;
            certain = true;
        } else if (chained) {
            pointer = tail != Tail::None || item;
            certain = chain_strong_ || item;
        } else if (lead == Lead::Weak) {
            pointer = tail == Tail::Strong || tail == Tail::Weak || item;
            certain = item;
        } else if (lead == Lead::In) {
            pointer = starts(text_, after, "中") && !starts(text_, after, "中等") && !starts(text_, after, "中间") &&
                      !starts(text_, after, "中心");
        } else if (tail == Tail::Strong && tail_lead(b)) {
            pointer = true;  // 5.2规定的: certain enough to check, not to call a miss an error
        } else if (tail == Tail::Weak && item && tail_lead(b)) {
            pointer = certain = true;
        }
        if (!pointer && !upper(text_[at])) {
            out_.resize(first);  // a quantity, a version, a date: not ours at all
            return c;
        }
        for (std::size_t k = first; k < out_.size(); ++k) {
            out_[k].pointer = pointer;
            out_[k].certain = pointer && certain;
        }
        finish(first);
        return end;
    }

    // ------------------------------------------------------------ series

    // Further members after `head`: 表1和表2, 附录A、B和C, 5.2～5.4, 公式(1)～(3),
    // 第4章和第5章, 5.2 a)和b). Appends them all and returns the end.
    std::size_t series(Mention head, std::size_t first = npos, bool decide = true) {
        if (first == npos) first = out_.size();
        std::size_t head_start = out_.size() > first ? out_[first].start : head.start;
        // "GB/T 1.1—2020的5.2和表3": the series goes on in another document.
        head.external = external(text_, head_start) ||
                        (chain_external_ && chain_end_ != npos && chained_to(before(text_, head_start)));
        std::size_t end = head.end;
        out_.push_back(std::move(head));
        for (;;) {
            const Mention last = out_.back();  // a copy: add_range appends
            std::size_t i = skip_spaces(text_, end);
            std::string_view sep = word_at(text_, i, {"～", "~", "至", "、", "和", "或者", "或", "以及", "及", "与"});
            bool range = sep == "～" || sep == "~" || sep == "至";
            if (sep.empty() && last.kind == MentionKind::Annex) {
                sep = word_at(text_, i, {"—", "－", "-"});
                range = !sep.empty();
            }
            if (sep.empty()) break;
            i = skip_spaces(text_, i + sep.size());
            if (next_reference_at(i)) break;
            Mention next = last;
            next.start = i;
            next.implied = false;
            next.article_form = false;
            std::size_t e = member(last, i, next, range);
            if (e == 0) break;
            next.end = e;
            if (range) add_range(last, next);
            out_.push_back(std::move(next));
            end = e;
        }
        if (decide) finish(first);
        return end;
    }

    // One member of a series of the kind of `last`, at `at`; its end or 0.
    // Without its word a member must end where a pointer ends: "附录A和B类"
    // is not annex B, "表1和2个" not 表2; a bare number only in a range (表1～3).
    std::size_t member(const Mention& last, std::size_t at, Mention& m, bool range) {
        std::size_t i = at;
        switch (last.kind) {
            case MentionKind::Annex: {
                bool word = starts(text_, i, "附录");
                if (word) i += std::string_view("附录").size();
                std::size_t n = letters_at(text_, i);
                if (n == 0 || starts(text_, i + n, ".")) return 0;
                if (!word && tail_of(text_, i + n) == Tail::None) return 0;
                m.annex = std::string(text_.substr(i, n));
                m.number = "附录" + m.annex;
                return i + n;
            }
            case MentionKind::Table:
            case MentionKind::Figure: {
                std::string_view word = last.kind == MentionKind::Table ? "表" : "图";
                bool worded = starts(text_, i, word);
                if (worded) i = skip_spaces(text_, i + word.size());
                std::string prefix = last.annex;
                if (std::size_t l = letters_at(text_, i); l > 0 && starts(text_, i + l, ".")) {
                    prefix = std::string(text_.substr(i, l));
                    i += l + 1;
                }
                std::size_t d = component_at(text_, i);
                if (d == 0 || (i + d < text_.size() && (text_[i + d] == '.' || ascii_alnum(text_[i + d])))) return 0;
                if (!worded && (!range || tail_of(text_, i + d) == Tail::None)) return 0;
                m.annex = prefix;
                m.number = std::string(word) + (prefix.empty() ? "" : prefix + ".") + std::string(text_.substr(i, d));
                i += d;
                if (last.kind == MentionKind::Figure) i += subfigure(m.number, i);
                return i;
            }
            case MentionKind::Formula: {
                if (starts(text_, i, "公式")) i += std::string_view("公式").size();
                else if (starts(text_, i, "式")) i += std::string_view("式").size();
                std::string number;
                std::size_t n = formula_number(i, number);
                if (n == 0) return 0;
                m.number = "公式" + number;
                m.annex = annex_of_formula(number);
                return i + n;
            }
            case MentionKind::Chapter: {
                if (starts(text_, i, "第")) i += std::string_view("第").size();
                std::size_t d = component_at(text_, i);
                if (d == 0 || d > 2 || !starts(text_, i + d, "章")) return 0;
                m.number = "第" + std::string(text_.substr(i, d)) + "章";
                return i + d + std::string_view("章").size();
            }
            case MentionKind::Clause:
            case MentionKind::ListItem: {
                // A sibling item of the same clause: 5.2 a)和b).
                if (last.kind == MentionKind::ListItem && lower(text_[i])) {
                    std::size_t cut = last.number.rfind(' ');
                    std::string owner = last.number.substr(0, cut);
                    std::string number = owner;
                    std::size_t n = items(number, i);
                    if (n == 0 || number.size() != owner.size() + 3) return 0;
                    m.number = number;
                    return i + n;
                }
                std::size_t c = clause_at(text_, i);
                if (c == 0 || upper(text_[i]) != upper(last.number[0])) return 0;
                m.kind = MentionKind::Clause;
                m.number = std::string(text_.substr(i, c));
                m.annex = upper(text_[i]) ? std::string(text_.substr(i, letters_at(text_, i))) : std::string();
                i += c;
                if (std::size_t n = items(m, i); n > 0) i += n;
                return i;
            }
        }
        return 0;
    }

    // The members a range leaves out: 表2 in 表1～表3, B in 附录A～C.
    void add_range(const Mention& from, const Mention& to) {
        auto add = [&](std::string number, std::string annex) {
            Mention m = to;
            m.number = std::move(number);
            m.annex = std::move(annex);
            m.implied = true;
            m.end = to.start;
            out_.push_back(std::move(m));
        };
        if (from.kind == MentionKind::Annex && from.annex.size() == 1 && to.annex.size() == 1) {
            for (char c = static_cast<char>(from.annex[0] + 1); c < to.annex[0]; ++c) add("附录" + std::string(1, c), std::string(1, c));
        } else if ((from.kind == MentionKind::Table || from.kind == MentionKind::Figure) && from.annex == to.annex &&
                   from.number.find(' ') == npos && to.number.find(' ') == npos) {
            std::string word = from.kind == MentionKind::Table ? "表" : "图";
            std::string prefix = from.annex.empty() ? "" : from.annex + ".";
            int a = trailing_number(from.number);
            int b = trailing_number(to.number);
            for (int k = a + 1; k < b && k - a < 1000; ++k) add(word + prefix + std::to_string(k), from.annex);
        }
    }

    // The use of a series, from the words around it, and what it leaves
    // for the next mention: "见表1和5.2" makes 5.2 a pointer.
    void finish(std::size_t first) {
        if (first >= out_.size()) return;
        std::size_t last_end = first;
        for (std::size_t k = first; k < out_.size(); ++k) {
            if (out_[k].end > out_[last_end].end) last_end = k;
        }
        ReferenceUse use = analysis::reference_use(text_, out_[first].start, out_[last_end].end);
        bool external_series = out_[first].external;
        for (std::size_t k = first; k < out_.size(); ++k) {
            out_[k].use = use;
            out_[k].external = external_series;
        }
        if (out_[first].pointer) {
            chain_end_ = out_[last_end].end;
            chain_strong_ = out_[first].certain;
            chain_external_ = external_series;
        }
    }

    // ------------------------------------------------------------ pieces

    Mention start_mention(std::size_t at, MentionKind kind) const {
        Mention m;
        m.kind = kind;
        m.start = at;
        return m;
    }

    // A list item after a clause, chapter or annex: turns `m` into one.
    std::size_t items(Mention& m, std::size_t at) {
        std::string number = m.number;
        std::size_t n = items(number, at);
        if (n == 0) return 0;
        m.kind = MentionKind::ListItem;
        m.number = std::move(number);
        return n;
    }
    std::size_t items(std::string& number, std::size_t at) const { return item_at(text_, at, number); }

    // A subfigure after a figure number: 图1 a).
    std::size_t subfigure(std::string& number, std::size_t at) const {
        std::size_t i = at < text_.size() && text_[at] == ' ' ? at + 1 : at;
        if (i >= text_.size() || !lower(text_[i])) return 0;
        std::string_view close = word_at(text_, i + 1, {")", "）"});
        if (close.empty()) return 0;
        number += ' ';
        number += text_[i];
        number += ')';
        return i + 1 + close.size() - at;
    }

    // "(3)", "（A.1）" after 公式: its length; `number` gets "(3)" / "(A.1)".
    std::size_t formula_number(std::size_t at, std::string& number) const {
        std::string_view open = word_at(text_, at, {"(", "（"});
        if (open.empty()) return 0;
        std::size_t i = at + open.size();
        std::string prefix;
        if (std::size_t l = letters_at(text_, i); l > 0 && starts(text_, i + l, ".")) {
            prefix = std::string(text_.substr(i, l + 1));
            i += l + 1;
        }
        std::size_t d = component_at(text_, i);
        if (d == 0) return 0;
        std::string_view close = word_at(text_, i + d, {")", "）"});
        if (close.empty()) return 0;
        number = "(" + prefix + std::string(text_.substr(i, d)) + ")";
        return i + d + close.size() - at;
    }

    static std::string annex_of_formula(const std::string& number) {
        std::size_t dot = number.find('.');
        return dot == npos ? std::string() : number.substr(1, dot - 1);
    }

    static int trailing_number(const std::string& number) {
        std::size_t i = number.size();
        while (i > 0 && digit(number[i - 1])) --i;
        return i < number.size() ? std::stoi(number.substr(i, 4)) : 0;
    }

    bool next_reference_at(std::size_t at) const {
        for (std::size_t k = ref_; k < refs_.size(); ++k) {
            if (refs_[k].start == at) return true;
            if (refs_[k].start > at) break;
        }
        return false;
    }

    // Whether `b` (the text before a clause number) is the previous series
    // and a connective: "见表1和5.2".
    bool chained_to(std::string_view b) const {
        std::string_view rest = std::string_view(text_).substr(0, b.size());
        if (chain_end_ > rest.size()) return false;
        rest = rest.substr(chain_end_);
        rest = utf8::trim(rest);
        for (std::string_view sep : {"和", "、", "或", "及", "与", "以及", "或者", "～", "至"}) {
            if (rest == sep) return true;
        }
        return false;
    }

    const FlatText& flat_;
    const std::string& text_;
    const std::vector<FlatText::CrossReference>& refs_;
    std::size_t ref_ = 0;
    std::vector<Mention> out_;
    std::size_t chain_end_ = npos;  // end of the last series of pointers
    bool chain_strong_ = false;
    bool chain_external_ = false;
};

bool mention_start(std::string_view text, std::size_t i) {
    char c = text[i];
    return digit(c) || upper(c) || lead_char(text, i) != LeadChar::None;
}

}  // namespace

bool holds_own_pointers(const TextContext& context) {
    if (context.in_term_source) return false;
    switch (context.element_kind()) {
        case model::SectionKind::NormativeReferences:
        case model::SectionKind::Bibliography:
        case model::SectionKind::Index: return false;
        default: return true;
    }
}

bool may_hold_mentions(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case model::InlineKind::CrossReference: return true;
            case model::InlineKind::Text:
                for (std::size_t i = 0; i < in.text.size();) {
                    if (mention_start(in.text, i)) return true;
                    auto b = static_cast<unsigned char>(in.text[i]);
                    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                }
                break;
            default:
                if (!in.children.empty() && may_hold_mentions(in.children)) return true;
                break;
        }
    }
    return false;
}

std::vector<Mention> scan_mentions(const FlatText& flat) { return Scanner(flat).run(); }

}  // namespace bzc::checks
