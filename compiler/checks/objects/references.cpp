#include "checks/check.h"
#include "checks/text_context.h"
#include "model/walk.h"
#include "support/utf8.h"

#include <algorithm>
#include <map>

// Tables, figures and annexes are referred to in the text (9.5–9.8 of GB/T
// 1.1—2020; rules catalog §C.5, §C.6): every table and figure is mentioned,
// every annex is mentioned outside itself, annexes are lettered in the order
// of their first mention in the body, a normative annex is referred to
// normatively ("应符合附录A的规定", "按附录A") and an informative one only
// informatively ("见附录B").
//
// A mention is a cross-reference (read as the text bzc prints: 表1, 附录A,
// A.2) or the same text typed by hand. Mentions of another document's
// objects ("GB/T 1.1—2020的附录A", "2009年版的表3") are not ours; neither are
// the lists of 规范性引用文件, 参考文献 and 索引 or a term's [来源：…].
namespace bzc::checks {

namespace {

using model::SectionKind;

constexpr char citation_mark = FlatText::citation_marker;

// Inline text with each citation of another document replaced by one marker
// byte, so that "GB/T 1.1—2020的附录A" is recognisable as somebody else's annex.
using MarkedText = FlatText;

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return upper(c) || digit(c) || (c >= 'a' && c <= 'z'); }

bool starts(std::string_view text, std::size_t at, std::string_view what) { return text.substr(at).starts_with(what); }

// Removes a trailing `suffix` from `text` if present.
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

// Whether the mention starting at `at` names an object of another document:
// "GB/T 1.1—2020的附录A", "《…》中的表1", "2009年版的3.2".
bool external(std::string_view text, std::size_t at) {
    std::string_view before = text.substr(0, at);
    trim_right(before);
    if (!chop(before, "中的")) {
        if (!chop(before, "的")) chop(before, "中");
    }
    trim_right(before);
    return before.ends_with(citation_mark) || before.ends_with("》") || before.ends_with("版");
}

enum class Use { Normative, Informative, Neutral };

// How a mention refers to its annex: "应符合附录A的规定", "按表A.1" refer
// normatively; "见附录A", and anything in a 注, 示例, 前言 or informative
// element, informatively.
Use use_of(std::string_view text, std::size_t start, std::size_t end, const TextContext& context) {
    if (context.informative()) return Use::Informative;
    std::string_view before = text.substr(0, start);
    trim_right(before);
    for (std::string_view object : {"表", "图", "公式(", "公式（", "式(", "式（", "(", "（"}) {
        if (chop(before, object)) break;
    }
    trim_right(before);
    if (before.ends_with("见")) return Use::Informative;
    for (std::string_view verb : {"按", "按照", "依照", "依据", "符合", "满足", "执行", "遵守", "遵循"}) {
        if (before.ends_with(verb)) return Use::Normative;
    }
    std::size_t after = end;
    while (after < text.size() && (digit(text[after]) || text[after] == '.' || text[after] == ')' || text[after] == ' ')) ++after;
    if (starts(text, after, "）")) after += std::string_view("）").size();
    for (std::string_view tail : {"的规定", "的要求", "规定的", "要求的"}) {
        if (starts(text, after, tail)) return Use::Normative;
    }
    return Use::Neutral;
}

// Whether a run of inlines can hold a mention at all: a cross-reference, or
// text with one of the characters a mention starts with. Most runs cannot,
// and are not copied for scanning.
bool worth_scanning(const model::Inlines& inlines) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case model::InlineKind::CrossReference: return true;
            case model::InlineKind::Text:
                for (char c : in.text) {
                    auto b = static_cast<unsigned char>(c);
                    if (b == 0xE9 || b == 0xE8 || b == 0xE5 || upper(c)) return true;
                }
                break;
            default:
                if (!in.children.empty() && worth_scanning(in.children)) return true;
                break;
        }
    }
    return false;
}

struct Object {
    SourceLocation location;
    bool referred = false;
};

struct Annex {
    const model::Section* section = nullptr;
    bool referred = false;
    std::size_t first_in_body = SIZE_MAX;  // order of the first mention in a chapter
    SourceLocation first_in_body_at;
    SourceLocation first_at;
    bool has_normative = false;
    SourceLocation first_normative_at;
    bool has_neutral = false;
};

class References {
public:
    explicit References(const model::Document& doc) {
        for (const auto& s : doc.sections) {
            if (s.kind == SectionKind::Annex) {
                Annex a;
                a.section = &s;
                annex_index_[s.number] = annexes_.size();
                annexes_.push_back(a);
            }
        }
        model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
            for (const auto& block : blocks) {
                if (block.is<model::Table>()) objects_[block.as<model::Table>().number].location = block.location;
                if (block.is<model::Figure>()) objects_[block.as<model::Figure>().number].location = block.location;
            }
        });
    }

    void scan(const model::Inlines& inlines, const TextContext& context) {
        if (context.in_term_source) return;
        switch (context.element_kind()) {
            case SectionKind::NormativeReferences:
            case SectionKind::Bibliography:
            case SectionKind::Index: return;
            default: break;
        }
        if (!worth_scanning(inlines)) return;
        MarkedText marked(inlines, FlatText::Citations::AsMarker);
        const std::string& text = marked.text();
        for (std::size_t i = 0; i < text.size();) {
            // Only 附 (E9 99 84), 表 (E8 A1 A8), 图 (E5 9B BE) and capitals can
            // start a mention; everything else is skipped a character at a time.
            auto lead = static_cast<unsigned char>(text[i]);
            std::size_t used = 0;
            if (lead == 0xE9 && starts(text, i, "附录")) {
                used = annex_mention(text, i, marked, context);
            } else if ((lead == 0xE8 && starts(text, i, "表")) || (lead == 0xE5 && starts(text, i, "图"))) {
                used = object_mention(text, i, marked, context);
            } else if (upper(text[i]) && (i == 0 || !(ascii_alnum(text[i - 1]) || text[i - 1] == '/' || text[i - 1] == '-' ||
                                                     text[i - 1] == '.' || text[i - 1] == '_'))) {
                used = annex_part_mention(text, i, marked, context);
            }
            if (used > 0) {
                i += used;
            } else {
                i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            }
        }
    }

    void report(DiagnosticSink& sink) const {
        for (const auto& [number, object] : objects_) {
            if (object.referred || number.empty()) continue;
            bool table = number.starts_with("表");
            sink.report("OBJ-02", object.location,
                        {{"object", number}, {"kind", table ? "表" : "图", table ? "table" : "figure"}});
        }
        for (const auto& a : annexes_) {
            const std::string& letter = a.section->number;
            if (!a.referred) {
                sink.report("OBJ-03", a.section->location, {{"letter", letter}});
                continue;
            }
            if (a.section->obligation == model::AnnexObligation::Informative && a.has_normative) {
                sink.report("OBJ-05", a.first_normative_at, {{"letter", letter}});
            }
            if (a.section->obligation == model::AnnexObligation::Normative && !a.has_normative && !a.has_neutral) {
                sink.report("OBJ-06", a.first_at, {{"letter", letter}});
            }
        }
        // OBJ-04: letters in the order of the first mention in the body.
        std::vector<const Annex*> mentioned;
        for (const auto& a : annexes_) {
            if (a.first_in_body != SIZE_MAX) mentioned.push_back(&a);
        }
        std::sort(mentioned.begin(), mentioned.end(),
                  [](const Annex* x, const Annex* y) { return x->first_in_body < y->first_in_body; });
        const Annex* highest = nullptr;
        for (const Annex* a : mentioned) {
            if (highest && a->section < highest->section) {
                sink.report("OBJ-04", a->first_in_body_at, {{"letter", a->section->number}, {"later", highest->section->number}});
                continue;
            }
            if (!highest || a->section > highest->section) highest = a;
        }
    }

private:
    // "附录A", "附录A、B和C", "附录A～附录C".
    std::size_t annex_mention(const std::string& text, std::size_t at, const MarkedText& marked, const TextContext& context) {
        std::size_t i = at + std::string_view("附录").size();
        std::size_t letters = take_letters(text, i);
        if (letters == 0) return 0;
        if (external(text, at)) return i + letters - at;
        std::string first = text.substr(i, letters);
        mention_annex(first, text, at, i + letters, marked, context);
        i += letters;
        // Further letters: "、B", "和附录C", "～C".
        for (;;) {
            std::size_t j = i;
            bool range = false;
            bool matched = false;
            for (std::string_view sep : {"、", "和", "或", "及", "与"}) {
                if (starts(text, j, sep)) {
                    j += sep.size();
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                for (std::string_view sep : {"～", "~", "至", "—", "－", "-"}) {
                    if (starts(text, j, sep)) {
                        j += sep.size();
                        matched = range = true;
                        break;
                    }
                }
            }
            if (!matched) break;
            if (starts(text, j, "附录")) j += std::string_view("附录").size();
            std::size_t n = take_letters(text, j);
            if (n == 0 || (j + n < text.size() && text[j + n] == '.')) break;
            std::string letter = text.substr(j, n);
            if (range) {
                auto from = annex_index_.find(first);
                auto to = annex_index_.find(letter);
                if (from != annex_index_.end() && to != annex_index_.end()) {
                    for (std::size_t k = from->second + 1; k < to->second; ++k) {
                        mention_annex(annexes_[k].section->number, text, j, j + n, marked, context);
                    }
                }
            }
            mention_annex(letter, text, j, j + n, marked, context);
            first = letter;
            i = j + n;
        }
        return i - at;
    }

    // "A.2", also inside "表A.1", "图B.2", "公式(A.3)".
    std::size_t annex_part_mention(const std::string& text, std::size_t at, const MarkedText& marked,
                                   const TextContext& context) {
        std::size_t n = take_letters(text, at);
        if (n == 0 || at + n + 1 >= text.size() || text[at + n] != '.' || !digit(text[at + n + 1])) return 0;
        std::size_t end = at + n + 1;
        while (end < text.size() && (digit(text[end]) || (text[end] == '.' && end + 1 < text.size() && digit(text[end + 1])))) ++end;
        std::size_t start = at;
        for (std::string_view object : {"表", "图", "公式(", "公式（"}) {
            if (std::string_view(text).substr(0, at).ends_with(object)) {
                start = at - object.size();
                break;
            }
        }
        if (!external(text, start)) mention_annex(text.substr(at, n), text, start, end, marked, context);
        return end - at;
    }

    // "表1", "图A.2", "表1～表3".
    std::size_t object_mention(const std::string& text, std::size_t at, const MarkedText& marked, const TextContext& context) {
        const std::string_view kind = std::string_view(text).substr(at, std::string_view("表").size());
        std::size_t i = at + kind.size();
        while (i < text.size() && text[i] == ' ') ++i;
        std::string prefix;
        std::size_t n = take_letters(text, i);
        if (n > 0 && i + n + 1 < text.size() && text[i + n] == '.' && digit(text[i + n + 1])) {
            prefix = text.substr(i, n + 1);
            i += n + 1;
        }
        std::size_t digits = 0;
        while (i + digits < text.size() && digit(text[i + digits])) ++digits;
        if (digits == 0) return 0;
        int first = std::stoi(text.substr(i, std::min<std::size_t>(digits, 6)));
        i += digits;
        if (external(text, at)) return i - at;
        mark(std::string(kind) + prefix + std::to_string(first));
        if (!prefix.empty()) mention_annex(prefix.substr(0, prefix.size() - 1), text, at, i, marked, context);
        // A range: "表1～表3", "表A.1～A.3".
        for (std::string_view sep : {"～", "~", "至"}) {
            if (!starts(text, i, sep)) continue;
            std::size_t j = i + sep.size();
            if (starts(text, j, kind)) j += kind.size();
            if (!prefix.empty()) {
                if (!starts(text, j, prefix)) break;
                j += prefix.size();
            }
            std::size_t d = 0;
            while (j + d < text.size() && digit(text[j + d])) ++d;
            if (d == 0) break;
            int last = std::stoi(text.substr(j, std::min<std::size_t>(d, 6)));
            for (int k = first + 1; k <= last && k - first < 1000; ++k) mark(std::string(kind) + prefix + std::to_string(k));
            i = j + d;
            break;
        }
        return i - at;
    }

    std::size_t take_letters(const std::string& text, std::size_t at) const {
        std::size_t n = 0;
        while (at + n < text.size() && upper(text[at + n])) ++n;
        if (n == 0 || n > 2) return 0;
        if (at + n < text.size() && (text[at + n] >= 'a' && text[at + n] <= 'z')) return 0;  // a word
        return n;
    }

    void mark(const std::string& number) {
        auto it = objects_.find(number);
        if (it != objects_.end()) it->second.referred = true;
    }

    void mention_annex(const std::string& letter, const std::string& text, std::size_t start, std::size_t end,
                       const MarkedText& marked, const TextContext& context) {
        auto it = annex_index_.find(letter);
        if (it == annex_index_.end()) return;
        Annex& a = annexes_[it->second];
        if (context.element == a.section) return;  // the annex speaking of itself
        ++order_;
        SourceLocation where = marked.at(start);
        if (!a.referred) a.first_at = where;
        a.referred = true;
        if (context.element && model::is_chapter(context.element->kind) && a.first_in_body == SIZE_MAX) {
            a.first_in_body = order_;
            a.first_in_body_at = where;
        }
        switch (use_of(text, start, end, context)) {
            case Use::Normative:
                if (!a.has_normative) a.first_normative_at = where;
                a.has_normative = true;
                break;
            case Use::Neutral: a.has_neutral = true; break;
            case Use::Informative: break;
        }
    }

    std::vector<Annex> annexes_;
    std::map<std::string, std::size_t, std::less<>> annex_index_;
    std::map<std::string, Object, std::less<>> objects_;
    std::size_t order_ = 0;
};

}  // namespace

void check_references(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment without cover data: FM-01 says so
    References refs(doc);
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) { refs.scan(inlines, context); });
    refs.report(sink);
}

}  // namespace bzc::checks
