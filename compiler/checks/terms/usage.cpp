#include "checks/check.h"
#include "checks/terms/term_data.h"
#include "checks/text_context.h"
#include "support/utf8.h"

#include <bitset>
#include <set>
#include <unordered_map>

namespace bzc::checks {

namespace {

enum class Form { Preferred, Admitted, ShortAdmitted, Abbreviation };

struct Pattern {
    std::string text;
    std::size_t entry;  // index into the entries
    Form form;
};

struct Match {
    std::size_t offset, length;
    const Pattern* pattern;
};

// Admitted terms of two characters, such as 派车 or 节能, are also parts of
// longer words (派车单 in an example of another entry, 节能管理 as the name of
// a field): they are looked for only in the text outside the terms chapter
// of a document that is not a vocabulary, where using them for the term is
// the real inconsistency. Shorter ones are not looked for.
constexpr std::size_t short_admitted_code_points = 2;
constexpr std::size_t min_admitted_code_points = 3;

bool is_ascii_word_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

class TermIndex {
public:
    explicit TermIndex(const std::vector<const model::Section*>& entries) {
        // An admitted term that is another entry's preferred term is TRM-10's
        // conflict; its every use would otherwise be reported here too.
        std::set<std::string_view, std::less<>> preferred_terms;
        for (const auto* entry : entries) preferred_terms.insert(terms::bare_term(entry->term.preferred));
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& term = entries[i]->term;
            if (auto preferred = terms::bare_term(term.preferred); !preferred.empty()) add(std::string(preferred), i, Form::Preferred);
            for (const auto& admitted : term.admitted) {
                if (preferred_terms.count(admitted)) continue;
                std::size_t length = utf8::count_code_points(admitted);
                if (length >= min_admitted_code_points) add(admitted, i, Form::Admitted);
                else if (length == short_admitted_code_points) add(admitted, i, Form::ShortAdmitted);
            }
            if (!term.abbreviation.empty()) add(term.abbreviation, i, Form::Abbreviation);
        }
        add_quotes();
    }

    // Every occurrence of a pattern in one inline's text, outside “quotes”
    // and 《titles》 for admitted terms (a quoted word is mentioned, not
    // used). `quoted` carries the quote depth from inline to inline.
    void find(std::string_view text, int& quoted, std::vector<Match>& found) const {
        for (std::size_t pos = 0; pos < text.size();) {
            auto byte = static_cast<unsigned char>(text[pos]);
            if (byte < 0x80) {
                if (!ascii_heads_[byte]) { ++pos; continue; }
            } else if (byte < 0xC0) {
                ++pos;  // a continuation byte of a malformed sequence
                continue;
            } else if (pos + 1 < text.size()) {
                // Most characters begin no pattern: reject them by their first two bytes.
                unsigned key = (byte << 8) | static_cast<unsigned char>(text[pos + 1]);
                if (!lead_pairs_[key]) {
                    pos += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
                    continue;
                }
            }
            std::size_t at = pos;
            char32_t c = decode(text, pos);
            if (c < 0x10000 && !bmp_heads_[c]) continue;
            if (c == U'“' || c == U'《') { ++quoted; continue; }
            if (c == U'”' || c == U'》') { if (quoted > 0) --quoted; continue; }
            auto it = heads_.find(c);
            if (it == heads_.end()) continue;
            for (std::size_t index : it->second) {
                const Pattern& p = patterns_[index];
                if (text.compare(at, p.text.size(), p.text) != 0) continue;
                if ((p.form == Form::Admitted || p.form == Form::ShortAdmitted) && quoted > 0) continue;
                if (p.form == Form::Abbreviation) {  // a whole word: PDCA, not PDCAS
                    std::size_t end = at + p.text.size();
                    if ((at > 0 && is_ascii_word_char(text[at - 1])) || (end < text.size() && is_ascii_word_char(text[end]))) continue;
                }
                found.push_back({at, p.text.size(), &p});
            }
        }
    }

    bool empty() const { return patterns_.empty(); }

private:
    void add(const std::string& text, std::size_t entry, Form form) {
        std::size_t p = 0;
        char32_t head = utf8::decode(text, p);
        patterns_.push_back({text, entry, form});
        heads_[head].push_back(patterns_.size() - 1);
        mark(text);
    }
    // The first code point of `text` may begin a pattern (or is a quote).
    void mark(std::string_view text) {
        std::size_t p = 0;
        char32_t head = utf8::decode(text, p);
        if (head < 0x80) ascii_heads_[head] = true;
        if (head < 0x10000) bmp_heads_[head] = true;
        if (text.size() >= 2 && static_cast<unsigned char>(text[0]) >= 0xC0) {
            lead_pairs_[(static_cast<unsigned char>(text[0]) << 8) | static_cast<unsigned char>(text[1])] = true;
        }
    }
    void add_quotes() {
        for (std::string_view q : {"“", "”", "《", "》"}) mark(q);
    }

    // Chinese text is mostly three-byte sequences: decode those inline.
    static char32_t decode(std::string_view text, std::size_t& pos) {
        auto b0 = static_cast<unsigned char>(text[pos]);
        if ((b0 & 0xF0) == 0xE0 && pos + 2 < text.size()) {
            auto b1 = static_cast<unsigned char>(text[pos + 1]), b2 = static_cast<unsigned char>(text[pos + 2]);
            if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
                pos += 3;
                return static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
            }
        }
        return utf8::decode(text, pos);
    }

    std::vector<Pattern> patterns_;
    std::unordered_map<char32_t, std::vector<std::size_t>> heads_;
    bool ascii_heads_[128] = {};
    std::bitset<0x10000> bmp_heads_;
    std::bitset<0x10000> lead_pairs_;  // first two bytes of multi-byte heads
};

// Text that neither uses a term nor should be held to the preferred term:
// the 前言 (which may list the terms a revision added), the 索引, the
// 参考文献 (titles of other documents) and the sources of term entries.
bool ignored(const TextContext& context) {
    switch (context.element_kind()) {
        case model::SectionKind::Foreword:
        case model::SectionKind::Index:
        case model::SectionKind::Bibliography: return true;
        default: return context.in_term_source;
    }
}

// A document whose only chapters are 范围, 规范性引用文件, 术语和定义 and
// 符号和缩略语 is a vocabulary standard: its terms are its content.
bool is_vocabulary(const model::Document& doc) {
    for (const auto& section : doc.sections) {
        if (section.kind == model::SectionKind::Chapter) return false;
    }
    return true;
}

}  // namespace

// How the defined terms are used: each is used outside its own entry
// (TRM-08), and the text uses the preferred term rather than an admitted
// one (TRM-09). One pass over the text, looking up each character in an
// index of the terms' first characters.
void check_term_usage(const model::Document& doc, DiagnosticSink& sink) {
    auto entries = terms::term_entries(doc);
    if (entries.empty()) return;
    TermIndex index(entries);
    if (index.empty()) return;
    std::vector<bool> used(entries.size(), false);
    const bool vocabulary = is_vocabulary(doc);
    std::unordered_map<const model::Section*, std::size_t> entry_index;
    for (std::size_t i = 0; i < entries.size(); ++i) entry_index[entries[i]] = i;

    std::unordered_map<std::string_view, std::size_t> entry_by_id;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (!entries[i]->id.empty()) entry_by_id[entries[i]->id] = i;
    // The Text inlines of a run, each scanned on its own (a term split by
    // emphasis is not found, which is rare and harmless).
    std::vector<Match> matches;
    auto scan = [&](const model::Inlines& inlines, std::size_t own, bool in_terms, int& quoted, auto& self) -> void {
        for (const auto& in : inlines) {
            if (in.kind == model::InlineKind::CrossReference) {
                // A cross-reference to an entry ("术语见3.45") refers to the term too.
                auto it = entry_by_id.find(in.text);
                if (it != entry_by_id.end() && it->second != own) used[it->second] = true;
                continue;
            }
            if (!in.children.empty()) {
                self(in.children, own, in_terms, quoted, self);
                continue;
            }
            if (in.kind != model::InlineKind::Text) continue;
            matches.clear();
            index.find(in.text, quoted, matches);
            for (const auto& m : matches) {
                if (m.pattern->entry == own) continue;
                if (m.pattern->form == Form::Preferred || m.pattern->form == Form::Abbreviation) {
                    used[m.pattern->entry] = true;
                    continue;
                }
                if (m.pattern->form == Form::ShortAdmitted && (in_terms || vocabulary)) continue;
                // An admitted term inside an occurrence of a preferred term is part of it.
                bool inside_preferred = false;
                for (const auto& other : matches) {
                    if (other.pattern->form == Form::Preferred && other.offset <= m.offset &&
                        other.offset + other.length >= m.offset + m.length && other.length > m.length) {
                        inside_preferred = true;
                        break;
                    }
                }
                if (inside_preferred) continue;
                used[m.pattern->entry] = true;  // used, if by the wrong name: TRM-08 would only repeat TRM-09
                const auto* entry = entries[m.pattern->entry];
                SourceLocation at = in.location;
                if (!at.known()) continue;
                at.column += static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(in.text).substr(0, m.offset)));
                sink.report("TRM-09", at,
                            {{"admitted", m.pattern->text}, {"term", std::string(terms::bare_term(entry->term.preferred))}, {"number", entry->number}});
            }
        }
    };
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) {
        if (ignored(context)) return;
        std::size_t own = entries.size();  // the entry this text belongs to, if any
        if (context.section && context.section->kind == model::SectionKind::TermEntry) own = entry_index[context.section];
        int quoted = 0;
        scan(inlines, own, context.element_kind() == model::SectionKind::TermsAndDefinitions, quoted, scan);
    });

    if (vocabulary) return;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& term = entries[i]->term;
        // A term with a symbol may be used through its symbol in formulas.
        if (used[i] || terms::bare_term(term.preferred).empty() || !term.symbol.empty()) continue;
        sink.report("TRM-08", entries[i]->location, {{"term", std::string(terms::bare_term(term.preferred))}});
    }
}

}  // namespace bzc::checks
