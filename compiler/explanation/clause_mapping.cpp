#include "explanation/clause_mapping.h"

#include "explanation/derived_content.h"
#include "model/walk.h"
#include "support/text_similarity.h"
#include "support/utf8.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

namespace bzc::explanation {
namespace {

// Titles are compared without the spaces drafts put inside them (依法依规 、科学严谨).
std::string without_spaces(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::decode(text, i);
        if (c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n') continue;
        utf8::append(out, c);
    }
    return out;
}

void append_blocks_text(const model::Blocks& blocks, std::string& out) {
    auto add_inlines = [&](const model::Inlines& inlines) { out += model::plain_text(inlines); };
    auto per_blocks = [&](const model::Blocks& each) { model::detail::inlines_of_blocks(each, add_inlines); };
    model::detail::walk_blocks(blocks, per_blocks);
}

class ElementCollector {
public:
    std::vector<DraftElement> collect(const model::Document& doc) {
        for (const auto& s : doc.sections) section(s, -1);
        return std::move(out_);
    }

private:
    // Returns the text the section holds, its children's included.
    std::string section(const model::Section& s, int parent) {
        int self = parent;
        if (!s.number.empty()) {
            DraftElement e;
            e.number = s.number;
            e.annex = s.kind == model::SectionKind::Annex;
            if (s.kind == model::SectionKind::TermEntry) e.title = without_spaces(s.term.preferred);
            else if (!s.title.empty()) e.title = without_spaces(model::plain_text(s.title));
            else e.title = std::string(model::fixed_title(s.kind));
            e.parent = parent;
            self = static_cast<int>(out_.size());
            out_.push_back(std::move(e));
        }
        std::string text;
        if (s.kind == model::SectionKind::TermEntry) text += model::plain_text(s.term.definition);
        append_blocks_text(s.blocks, text);
        tables_and_figures(s.blocks, self);
        for (const auto& child : s.children) {
            std::string child_text = section(child, self);
            text += child_text;
        }
        if (self != parent) out_[static_cast<std::size_t>(self)].text = text;
        return text;
    }

    void tables_and_figures(const model::Blocks& blocks, int parent) {
        auto per_blocks = [&](const model::Blocks& each) {
            for (const auto& b : each) {
                DraftElement e;
                e.parent = parent;
                if (b.is<model::Table>()) {
                    const auto& t = b.as<model::Table>();
                    e.kind = DraftElement::Kind::Table;
                    e.number = t.number;
                    e.title = without_spaces(model::plain_text(t.caption));
                    for (const auto& row : t.rows)
                        for (const auto& cell : row.cells) e.text += model::plain_text(cell.content);
                } else if (b.is<model::Figure>()) {
                    const auto& f = b.as<model::Figure>();
                    e.kind = DraftElement::Kind::Figure;
                    e.number = f.number;
                    e.title = without_spaces(model::plain_text(f.caption));
                    for (const auto& sub : f.subfigures) e.text += model::plain_text(sub.caption);
                } else {
                    continue;
                }
                if (!e.number.empty()) out_.push_back(std::move(e));
            }
        };
        model::detail::walk_blocks(blocks, per_blocks);
    }

    std::vector<DraftElement> out_;
};

constexpr int unmatched = -1;

class Matcher {
public:
    Matcher(const std::vector<DraftElement>& before, const std::vector<DraftElement>& today)
        : before_(before), today_(today), image_(before.size(), unmatched), preimage_(today.size(), unmatched) {}

    std::vector<int> run() {
        titles_under_matched_parents();
        titles_anywhere();
        by_content();
        return image_;
    }

private:
    bool free_today(std::size_t j) const { return preimage_[j] == unmatched; }
    void pair(std::size_t i, std::size_t j) {
        image_[i] = static_cast<int>(j);
        preimage_[j] = static_cast<int>(i);
    }
    bool same_kind(std::size_t i, std::size_t j) const { return before_[i].kind == today_[j].kind; }
    // Both at the top, or the old parent matched to the new one.
    bool parents_correspond(std::size_t i, std::size_t j) const {
        int p = before_[i].parent, q = today_[j].parent;
        if (p < 0 || q < 0) return p < 0 && q < 0;
        return image_[static_cast<std::size_t>(p)] == q;
    }

    // Pass 1. The lists are in document order with parents first, so by the
    // time a 条 is visited its chapter has had its chance to be matched.
    void titles_under_matched_parents() {
        for (std::size_t i = 0; i < before_.size(); ++i) {
            if (before_[i].title.empty()) continue;
            for (std::size_t j = 0; j < today_.size(); ++j) {
                if (free_today(j) && same_kind(i, j) && today_[j].title == before_[i].title && parents_correspond(i, j)) {
                    pair(i, j);  // the first free one: equal titles under one parent pair in order
                    break;
                }
            }
        }
    }

    // Pass 2: a title left exactly once on each side.
    void titles_anywhere() {
        auto count_left = [](const std::vector<DraftElement>& list, const std::vector<int>& matches, const DraftElement& like) {
            std::size_t n = 0;
            for (std::size_t k = 0; k < list.size(); ++k)
                if (matches[k] == unmatched && list[k].kind == like.kind && list[k].title == like.title) ++n;
            return n;
        };
        for (std::size_t i = 0; i < before_.size(); ++i) {
            if (image_[i] != unmatched || before_[i].title.empty()) continue;
            if (count_left(before_, image_, before_[i]) != 1 || count_left(today_, preimage_, before_[i]) != 1) continue;
            for (std::size_t j = 0; j < today_.size(); ++j)
                if (free_today(j) && same_kind(i, j) && today_[j].title == before_[i].title) pair(i, j);
        }
    }

    // Pass 3: by title and text. The similarity's IDF comes from both drafts,
    // so the wording every clause shares (应, 标准化) weighs little.
    void by_content() {
        std::vector<std::size_t> left_before, left_today;
        for (std::size_t i = 0; i < before_.size(); ++i)
            if (image_[i] == unmatched) left_before.push_back(i);
        for (std::size_t j = 0; j < today_.size(); ++j)
            if (free_today(j)) left_today.push_back(j);
        if (left_before.empty() || left_today.empty()) return;
        std::vector<std::string> corpus;
        for (std::size_t i : left_before) corpus.push_back(before_[i].title + before_[i].text);
        for (std::size_t j : left_today) corpus.push_back(today_[j].title + today_[j].text);
        TextSimilarity similarity(corpus);
        struct Candidate {
            double score;
            bool parents;
            std::size_t i, j;
        };
        std::vector<Candidate> candidates;
        for (const auto& [a, b, score] : similarity.pairs_at_least(similarity_threshold)) {
            // Pairs come within the corpus; only old-to-new ones count.
            if (a >= left_before.size() || b < left_before.size()) continue;
            std::size_t i = left_before[a], j = left_today[b - left_before.size()];
            if (!same_kind(i, j)) continue;
            candidates.push_back({score, false, i, j});
        }
        // Matched parents are settled by the passes before; a pair this pass
        // makes can settle the parents of later ones, but ranking on the state
        // before it keeps the order independent of the pairs' listing.
        for (auto& c : candidates) c.parents = parents_correspond(c.i, c.j);
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
            // Similarities equal to rounding (the same text twice) are ties.
            double dx = std::round(x.score * 1e6), dy = std::round(y.score * 1e6);
            if (dx != dy) return dx > dy;
            if (x.parents != y.parents) return x.parents;
            return std::tie(x.i, x.j) < std::tie(y.i, y.j);
        });
        for (const auto& c : candidates)
            if (image_[c.i] == unmatched && free_today(c.j)) pair(c.i, c.j);
    }

    const std::vector<DraftElement>& before_;
    const std::vector<DraftElement>& today_;
    std::vector<int> image_;     // before → today
    std::vector<int> preimage_;  // today → before
};

// The names citable_numbers gives besides numbers: 前言, 范围, 全文 ….
std::set<std::string> names_of(const model::Document& doc, const std::vector<DraftElement>& elements) {
    std::set<std::string> names = citable_numbers(doc);
    for (const auto& e : elements) {
        names.erase(e.number);
        if (e.annex) names.erase("附录" + e.number);
    }
    return names;
}

std::string_view strip_annex_word(std::string_view number) {
    constexpr std::string_view annex = "附录";
    if (number.substr(0, annex.size()) == annex) number.remove_prefix(annex.size());
    return number;
}

bool is_plain_number(std::string_view number) {
    return !number.empty() && (std::isdigit(static_cast<unsigned char>(number[0])) || (number[0] >= 'A' && number[0] <= 'Z'));
}

}  // namespace

std::vector<DraftElement> draft_elements(const model::Document& doc) { return ElementCollector().collect(doc); }

ClauseMapping map_clauses(const model::Document& comment_draft, const model::Document& current) {
    std::vector<DraftElement> before = draft_elements(comment_draft), today = draft_elements(current);
    std::vector<int> image = Matcher(before, today).run();
    ClauseMapping mapping;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (image[i] == unmatched) {
            mapping.deleted_.insert(before[i].number);
            continue;
        }
        const DraftElement& now = today[static_cast<std::size_t>(image[i])];
        bool chapter = now.kind == DraftElement::Kind::Section && !now.annex && now.parent < 0 &&
                       now.number.find('.') == std::string::npos;
        mapping.targets_[before[i].number] = {now.number, now.annex, chapter, before[i].annex};
        mapping.current_by_old_[before[i].number] = now.number;
    }
    mapping.names_before_ = names_of(comment_draft, before);
    mapping.names_today_ = names_of(current, today);
    return mapping;
}

ClauseMapping::Result ClauseMapping::find(std::string_view number) const {
    bool cited_as_annex = strip_annex_word(number).size() != number.size();
    std::string key(strip_annex_word(number));
    if (auto it = targets_.find(key); it != targets_.end()) {
        const Target& t = it->second;
        bool same = t.number == key && t.annex == t.was_annex;
        if (same) return {Fate::Same, std::string(number)};
        // An annex that became a chapter is cited as a chapter, and the other way round.
        std::string shown = t.number;
        if (t.annex && (cited_as_annex || !t.was_annex)) shown = "附录" + t.number;
        else if (t.chapter && (cited_as_annex || t.was_annex)) shown = "第" + t.number + "章";
        return {Fate::Moved, shown};
    }
    if (deleted_.count(key)) return {Fate::Deleted, {}};
    std::string name(number);
    if (names_before_.count(name)) return names_today_.count(name) ? Result{Fate::Same, name} : Result{Fate::Deleted, {}};
    return {Fate::Unknown, {}};
}

std::vector<std::string> split_clause_list(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::decode(text, i);
        if (c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            utf8::append(current, c);
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

std::string clause_with_current_number(std::string_view written, const ClauseMapping& mapping) {
    std::string out;
    std::size_t start = 0;
    // The separators are kept as written: only the numbers gain a note.
    for (std::size_t i = 0; i <= written.size();) {
        std::size_t at = i;
        char32_t c = i < written.size() ? utf8::decode(written, i) : U'、';
        bool separator = c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';';
        if (!separator) continue;
        std::string_view piece = written.substr(start, at - start);
        out += piece;
        std::string number = normalized_clause_number(piece);
        auto result = mapping.find(number);
        if (result.fate == ClauseMapping::Fate::Deleted) {
            out += "（已删除）";
        } else if (result.fate == ClauseMapping::Fate::Moved) {
            // 第5章 → 第6章, 5.2条 → 5.3条: the new number in the form the old one was written.
            std::string shown = result.current;
            std::string old_core(strip_annex_word(number));
            std::string piece_text(piece);
            if (is_plain_number(shown) && number == old_core) {
                if (auto pos = piece_text.find(old_core); pos != std::string::npos)
                    shown = piece_text.replace(pos, old_core.size(), shown);
            }
            out += "（现" + shown + "）";
        }
        if (at < written.size()) out += written.substr(at, i - at);
        start = i;
        if (at >= written.size()) break;
    }
    return out;
}

}  // namespace bzc::explanation
