#include "checks/check.h"
#include "checks/mentions.h"
#include "model/walk.h"

#include <algorithm>
#include <map>

// Tables, figures and annexes are referred to in the text (9.5–9.8 of GB/T
// 1.1—2020; rules catalog §C.5, §C.6): every table and figure is mentioned,
// every annex is mentioned outside itself, annexes are lettered in the order
// of their first mention in the body, a normative annex is referred to
// normatively ("应符合附录A的规定", "按附录A") and an informative one only
// informatively ("见附录B").
//
// A mention is a cross-reference or the same text typed by hand, as the
// shared scanner reads them (checks/mentions.h); mentions of another
// document's objects ("GB/T 1.1—2020的附录A") are not ours.
namespace bzc::checks {

namespace {

using analysis::ReferenceUse;
using model::SectionKind;

// "可采用附录B给出的格式", "宜按附录A": a permission or a recommendation.
// An informative annex may hold optional provisions (可, 宜), so pointing
// at one this way does not make it normative; nor does it leave a normative
// annex pointed at only informatively. (A document cited so is still a
// normative reference: that is the reference checks' reading.)
bool optional_provision(std::string_view text, std::size_t start) {
    std::string_view before = text.substr(0, start);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view verb : {"采用", "使用", "按照", "按", "参照", "依照", "依据", "根据", "执行", "遵循", "遵守", "符合", "满足"}) {
        if (!before.ends_with(verb)) continue;
        before.remove_suffix(verb.size());
        return before.ends_with("可") || before.ends_with("宜") || before.ends_with("可以");
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
        if (!holds_own_pointers(context) || !may_hold_mentions(inlines)) return;
        FlatText flat(inlines, FlatText::Citations::AsMarker);
        for (const Mention& m : scan_mentions(flat)) {
            if (m.external) continue;
            switch (m.kind) {
                case MentionKind::Table: mark(m.number); break;
                case MentionKind::Figure: mark(m.number.substr(0, m.number.find(' '))); break;  // 图1 a) is in 图1
                default: break;
            }
            if (!m.annex.empty()) mention_annex(m, flat.text(), context);
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
    void mark(const std::string& number) {
        auto it = objects_.find(number);
        if (it != objects_.end()) it->second.referred = true;
    }

    // A mention of annex m.annex (附录A, A.2, 表A.1, 公式(A.3) …) and how it
    // refers to the annex: everything in a 注, 示例, 前言 or informative
    // element informatively, otherwise as the words around it say.
    void mention_annex(const Mention& m, std::string_view text, const TextContext& context) {
        auto it = annex_index_.find(m.annex);
        if (it == annex_index_.end()) return;
        Annex& a = annexes_[it->second];
        if (context.element == a.section) return;  // the annex speaking of itself
        ++order_;
        if (!a.referred) a.first_at = m.location;
        a.referred = true;
        if (context.element && model::is_chapter(context.element->kind) && a.first_in_body == SIZE_MAX) {
            a.first_in_body = order_;
            a.first_in_body_at = m.location;
        }
        ReferenceUse use = context.informative() ? ReferenceUse::Informative : m.use;
        if (use == ReferenceUse::Normative && optional_provision(text, m.start)) use = ReferenceUse::Neutral;
        switch (use) {
            case ReferenceUse::Normative:
                if (!a.has_normative) a.first_normative_at = m.location;
                a.has_normative = true;
                break;
            case ReferenceUse::Neutral: a.has_neutral = true; break;
            case ReferenceUse::Informative: break;
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
