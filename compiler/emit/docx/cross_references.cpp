// Which targets get a bookmark, what each bookmark is called, and the REF
// fields a reference is written as (see cross_references.h).
//
// The forms, and why:
//   第4章, 4.1, 3.1 (a term entry), 0.1, A.1: the number is made by
//     numbering.xml, so the reference is REF \r to a bookmark in the heading
//     paragraph and Word computes the number. The number text of every
//     level ends in a full-width space ("%1.%2　", the gap before the title),
//     which \r would carry into the running text; \t (suppress characters
//     that are neither numbers nor delimiters) drops it in Word. 第 and 章
//     stay outside the field. LibreOffice knows no \t and draws its own
//     number with the gap whatever the cached result says (it computes
//     reference fields when it lays out the page, refresh or not), so the
//     PDF worker writes those references as LibreOffice's number without
//     the gap, a link to the same bookmark
//     (compiler/emit/pdf/uno_worker.py, settle_number_references).
//   附录A: REF \r as well; the annex level's text "附录%1" has no gap, and
//     both Word and LibreOffice give 附录A.
//   表1, 图1, (3): typed text in the caption or after the formula, so the
//     bookmark encloses that text and the reference is REF \h (the
//     bookmark's text), which Word and LibreOffice both give unchanged;
//     公式 stays outside the field.
//   图1 a): two fields, the figure's number and the subfigure's a).
// Every field has \h: a link in Word and in LibreOffice's PDF.

#include "emit/docx/cross_references.h"

#include "model/walk.h"

#include <algorithm>
#include <cstdint>

namespace bzc::emit::docx {

namespace {

constexpr std::size_t max_bookmark_name = 40;  // Word's limit
constexpr const char* heading_number = " \\r \\t \\h";
constexpr const char* annex_number = " \\r \\h";
constexpr const char* bookmark_text = " \\h";

// The deepest clause level numbering.xml has; deeper clauses are written at
// that level (reported by the checks), so Word's number is not theirs.
constexpr int deepest_numbered_level = 5;

std::uint32_t fnv1a(const std::string& text, unsigned salt) {
    std::uint32_t h = 2166136261u ^ salt;
    for (unsigned char c : text) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

// The ids references point at, in the order of their first reference, each
// with the text bzc resolved for it (the same for every reference to it).
void referenced_ids(const model::Inlines& list, std::vector<std::pair<std::string, std::string>>& ids) {
    for (const auto& in : list) {
        if (!in.children.empty()) referenced_ids(in.children, ids);
        // "??": dangling or not referable (XREF-01, XREF-02), written as is.
        if (in.kind != model::InlineKind::CrossReference || in.resolved_text.empty() || in.resolved_text == "??") continue;
        bool known = std::any_of(ids.begin(), ids.end(), [&](const auto& seen) { return seen.first == in.text; });
        if (!known) ids.emplace_back(in.text, in.resolved_text);
    }
}

}  // namespace

std::string bookmark_name(const std::string& seed, unsigned salt) {
    static const char hex[] = "0123456789abcdef";
    std::string readable;
    for (unsigned char c : seed) {
        bool ascii_alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (ascii_alnum) readable += static_cast<char>(c);
        else if (!readable.empty() && readable.back() != '_') readable += '_';
    }
    std::string name = "_Ref_";
    std::uint32_t h = fnv1a(seed, salt);
    std::string suffix = "_";
    for (int shift = 28; shift >= 0; shift -= 4) suffix += hex[(h >> shift) & 0xf];
    name += readable.substr(0, max_bookmark_name - name.size() - suffix.size());
    if (name.back() == '_') name.pop_back();
    return name + suffix;
}

CrossReferences::CrossReferences(const model::Document& doc) {
    index_targets(doc);
    std::vector<std::pair<std::string, std::string>> ids;
    model::for_each_inlines(doc, [&](const model::Inlines& list) { referenced_ids(list, ids); });
    for (const auto& [id, resolved] : ids) {
        auto t = targets_.find(id);
        if (t == targets_.end()) continue;
        auto pieces = plan(id, t->second, resolved);
        if (!pieces.empty()) pieces_.emplace(id, std::move(pieces));
    }
}

// Every id a reference can name to a field, first definition kept (a second
// one is ID-01), as the resolver keeps it.
void CrossReferences::index_targets(const model::Document& doc) {
    model::for_each_section(doc, [&](const model::Section& s, const model::Section*) {
        if (!s.id.empty()) targets_.emplace(s.id, Target{&s, &s});
    });
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (b.is<model::Table>()) {
                const auto& t = b.as<model::Table>();
                if (!t.id.empty()) targets_.emplace(t.id, Target{&t, nullptr, &t});
            } else if (b.is<model::Figure>()) {
                const auto& f = b.as<model::Figure>();
                if (!f.id.empty()) targets_.emplace(f.id, Target{&f, nullptr, nullptr, &f});
                for (const auto& sub : f.subfigures) {
                    if (!sub.id.empty()) targets_.emplace(sub.id, Target{&sub, nullptr, nullptr, &f, &sub});
                }
            } else if (b.is<model::Formula>()) {
                const auto& f = b.as<model::Formula>();
                if (!f.id.empty()) targets_.emplace(f.id, Target{&f, nullptr, nullptr, nullptr, nullptr, &f});
            }
        }
    });
}

// The pieces of a reference to `t`, joined exactly the text bzc resolved;
// none (plain text) when the target has no number a field could follow.
std::vector<ReferencePiece> CrossReferences::plan(const std::string& id, const Target& t, const std::string& resolved) {
    std::vector<ReferencePiece> out;
    if (const model::Section* s = t.section) {
        if (s->number.empty()) return out;  // 前言, 参考文献 …: a fixed title
        if (model::is_chapter(s->kind)) {
            if (resolved != "第" + s->number + "章") return out;
            out = {{"第", "", ""}, {s->number, name(s, id), heading_number}, {"章", "", ""}};
        } else if (s->kind == model::SectionKind::Annex) {
            if (resolved != "附录" + s->number) return out;
            out = {{resolved, name(s, id), annex_number}};
        } else {
            if (resolved != s->number || s->depth < 1 || s->depth > deepest_numbered_level) return out;
            out = {{resolved, name(s, id), heading_number}};
        }
    } else if (const model::Table* table = t.table) {
        if (resolved != table->number) return out;
        out = {{resolved, name(table, id), bookmark_text}};
    } else if (const model::Subfigure* sub = t.subfigure) {
        const model::Figure* f = t.figure;
        if (resolved != f->number + " " + sub->number) return out;
        // The figure may have no id of its own: its bookmark is named after the subfigure's.
        std::string figure_seed = f->id.empty() ? id + "-figure" : f->id;
        out = {{f->number, name(f, figure_seed), bookmark_text}, {" ", "", ""}, {sub->number, name(sub, id), bookmark_text}};
    } else if (const model::Figure* f = t.figure) {
        if (resolved != f->number) return out;
        out = {{resolved, name(f, id), bookmark_text}};
    } else if (const model::Formula* formula = t.formula) {
        if (resolved != "公式" + formula->number) return out;
        out = {{"公式", "", ""}, {formula->number, name(formula, id), bookmark_text}};
    }
    return out;
}

const std::string& CrossReferences::name(const void* object, const std::string& seed) {
    auto found = bookmarks_.find(object);
    if (found != bookmarks_.end()) return found->second;
    std::string candidate = bookmark_name(seed);
    for (unsigned salt = 1; std::find(names_.begin(), names_.end(), candidate) != names_.end(); ++salt) {
        candidate = bookmark_name(seed, salt);
    }
    names_.push_back(candidate);
    return bookmarks_.emplace(object, candidate).first->second;
}

const std::string* CrossReferences::bookmark(const void* target) const {
    auto found = bookmarks_.find(target);
    return found == bookmarks_.end() ? nullptr : &found->second;
}

const std::vector<ReferencePiece>& CrossReferences::pieces(const model::Inline& reference) const {
    auto found = pieces_.find(reference.text);
    if (found == pieces_.end() || reference.resolved_text.empty() || reference.resolved_text == "??") return none_;
    return found->second;
}

}  // namespace bzc::emit::docx
