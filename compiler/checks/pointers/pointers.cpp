#include "analysis/targets.h"
#include "checks/check.h"
#include "checks/mentions.h"

#include <map>
#include <string>
#include <vector>

// Pointers typed by hand into the document's own numbering (GB/T 1.1—2020
// 9.5; rules catalog §E.6): 见5.2, 按表1, 应符合附录A的规定, 公式(3), 第4章,
// 5.2 b). bzc numbers everything, so a typed number is checked against the
// computed one: a pointer to nothing is an error (PTR-01); one to an
// existing element should be a cross-reference [](#id), which follows any
// renumbering (PTR-02); clause numbers take no 第…条 (PTR-03).
namespace bzc::checks {

namespace {

using analysis::TargetInfo;
using analysis::TargetKind;

struct Target {
    const std::string* id = nullptr;
    TargetKind kind = TargetKind::Clause;
};

// What exists, to say what a wrong pointer could have meant.
class Numbering {
public:
    explicit Numbering(const model::Document& doc) {
        analysis::for_each_target(doc, [&](const TargetInfo& t) {
            if (t.kind == TargetKind::ListItem || t.kind == TargetKind::Subfigure) {
                if (!t.text.empty() && !t.owner.empty()) parts_[std::string(t.owner)].push_back(t.text.substr(t.owner.size() + 1));
            }
            if (t.section && !t.section->number.empty() &&
                (t.kind == TargetKind::Chapter || t.kind == TargetKind::Annex || t.kind == TargetKind::Clause)) {
                sections_.emplace(t.section->number, t.section);
                if (t.kind == TargetKind::Chapter) ++chapters_;
                if (t.kind == TargetKind::Annex) annexes_.push_back(t.section->number);
            }
            if (t.section && t.kind == TargetKind::Element && t.section->kind == model::SectionKind::Introduction) {
                sections_.emplace("0", t.section);
            }
            switch (t.kind) {
                case TargetKind::Table: ++tables_[annex_of(t.text, 3)]; break;
                case TargetKind::Figure: ++figures_[annex_of(t.text, 3)]; break;
                case TargetKind::Formula: ++formulas_[annex_of(t.text, std::string_view("公式(").size())]; break;
                default: break;
            }
            if (!t.text.empty()) targets_.emplace(t.text, Target{&t.id, t.kind});
        });
    }

    const Target* find(const std::string& number) const {
        auto it = targets_.find(number);
        return it == targets_.end() ? nullptr : &it->second;
    }

    // A clause number whose parent has numbered clauses, so that a number
    // beyond them is a wrong pointer even where the words around it are
    // ambiguous ("按5.7执行" when 5 has 5.1–5.3).
    bool parent_is_divided(const std::string& number) const {
        const model::Section* parent = section(parent_of(number));
        return parent && !parent->children.empty() && !parent->children.front().number.empty();
    }

    // What exists near a pointer to nothing, as a message argument.
    DiagnosticArg nearby(const Mention& m) const {
        switch (m.kind) {
            case MentionKind::Chapter: return chapters();
            case MentionKind::Annex: return annexes();
            case MentionKind::Clause: return clause_nearby(m.number);
            case MentionKind::Table: return objects(tables_, m.annex, "表", "表", "tables");
            case MentionKind::Figure: {
                std::size_t space = m.number.find(' ');
                if (space != std::string::npos && find(m.number.substr(0, space))) {
                    return parts(m.number.substr(0, space), "分图", "subfigures");
                }
                return objects(figures_, m.annex, "图", "图", "figures");
            }
            case MentionKind::Formula: return objects(formulas_, m.annex, "公式", "公式", "formulas");
            case MentionKind::ListItem: {
                std::string owner = m.number.substr(0, m.number.rfind(' '));
                if (!find(owner)) return owner_nearby(owner);
                return parts(owner, "编号的列项", "numbered list items");
            }
        }
        return {"nearby", ""};
    }

    // What a pointer to nothing points at, as a message argument: 条, 表 …
    static DiagnosticArg kind_of(const Mention& m) {
        switch (m.kind) {
            case MentionKind::Chapter: return {"kind", "章", "chapter"};
            case MentionKind::Annex: return {"kind", "附录", "annex"};
            case MentionKind::Clause: return {"kind", "条", "clause"};
            case MentionKind::Table: return {"kind", "表", "table"};
            case MentionKind::Figure:
                return m.number.find(' ') != std::string::npos ? DiagnosticArg{"kind", "分图", "subfigure"}
                                                                : DiagnosticArg{"kind", "图", "figure"};
            case MentionKind::Formula: return {"kind", "公式", "formula"};
            case MentionKind::ListItem: return {"kind", "列项", "list item"};
        }
        return {"kind", ""};
    }

private:
    static std::string annex_of(const std::string& text, std::size_t at) {
        std::size_t dot = text.find('.', at);
        return dot == std::string::npos ? std::string() : text.substr(at, dot - at);
    }

    static std::string parent_of(const std::string& number) {
        std::size_t dot = number.rfind('.');
        return dot == std::string::npos ? std::string() : number.substr(0, dot);
    }

    const model::Section* section(const std::string& number) const {
        auto it = sections_.find(number);
        return it == sections_.end() ? nullptr : it->second;
    }

    // 第5章, 附录A, 5.2, 引言: how a message names a section.
    static std::string label(const model::Section& s, bool english) {
        if (model::is_chapter(s.kind)) return english ? "chapter " + s.number : "第" + s.number + "章";
        if (s.kind == model::SectionKind::Annex) return english ? "Annex " + s.number : "附录" + s.number;
        if (s.number.empty()) return english ? "the introduction" : std::string(model::fixed_title(s.kind));
        return s.number;
    }

    DiagnosticArg chapters() const {
        return {"nearby", "（本文件共" + std::to_string(chapters_) + "章）",
                " (the document has " + std::to_string(chapters_) + " chapters)"};
    }

    DiagnosticArg annexes() const {
        if (annexes_.empty()) return {"nearby", "（本文件没有附录）", " (the document has no annexes)"};
        std::string zh = "附录" + annexes_.front();
        std::string en = annexes_.front();
        if (annexes_.size() > 1) {
            zh += "～附录" + annexes_.back();
            en += " to " + annexes_.back();
        }
        return {"nearby", "（本文件的附录为" + zh + "）", " (the annexes are " + en + ")"};
    }

    // "5.7": what its parent holds, or what is missing above it.
    DiagnosticArg clause_nearby(const std::string& number) const {
        std::string parent_number = parent_of(number);
        const model::Section* parent = section(parent_number);
        if (!parent) return owner_nearby(parent_number);
        std::vector<const std::string*> numbers;
        for (const auto& child : parent->children) {
            if (!child.number.empty()) numbers.push_back(&child.number);
        }
        std::string zh = label(*parent, false);
        std::string en = label(*parent, true);
        if (numbers.empty()) return {"nearby", "（" + zh + "没有分条）", " (" + en + " has no clauses)"};
        std::string range = *numbers.front();
        std::string range_en = range;
        if (numbers.size() > 1) {
            range += "～" + *numbers.back();
            range_en += " to " + *numbers.back();
        }
        return {"nearby", "（" + zh + "只有" + range + "）", " (" + en + " has only " + range_en + ")"};
    }

    // A missing owner: 5.7 of "5.7 b)", A of "A.2", 7 of "7.3".
    DiagnosticArg owner_nearby(const std::string& owner) const {
        if (owner.empty() || owner.find(' ') != std::string::npos) return {"nearby", ""};
        if (owner.starts_with("第")) return chapters();
        if (owner.starts_with("附录")) return annexes();
        if (owner.find('.') != std::string::npos) return clause_nearby(owner);
        if (owner[0] >= 'A' && owner[0] <= 'Z') return annexes();
        if (owner == "0") return {"nearby", "（引言没有分条）", " (the introduction has no clauses)"};
        return chapters();
    }

    DiagnosticArg objects(const std::map<std::string, int>& counts, const std::string& annex, const std::string& word,
                          const std::string& zh_kind, const std::string& en_kind) const {
        if (!annex.empty() && !section(annex)) return annexes();
        std::string where_zh = annex.empty() ? "正文" : "附录" + annex;
        std::string where_en = annex.empty() ? "the body" : "Annex " + annex;
        auto it = counts.find(annex);
        int n = it == counts.end() ? 0 : it->second;
        if (n == 0) return {"nearby", "（" + where_zh + "中没有" + zh_kind + "）", " (" + where_en + " has no " + en_kind + ")"};
        auto name = [&](int k) {
            std::string number = (annex.empty() ? "" : annex + ".") + std::to_string(k);
            return word == "公式" ? word + "(" + number + ")" : word + number;
        };
        std::string range = n == 1 ? name(1) : name(1) + "～" + name(n);
        std::string range_en = n == 1 ? name(1) : name(1) + " to " + name(n);
        return {"nearby", "（" + where_zh + "中只有" + range + "）", " (" + where_en + " has only " + range_en + ")"};
    }

    // The list items of 5.2, the subfigures of 图1.
    DiagnosticArg parts(const std::string& owner, const std::string& zh_kind, const std::string& en_kind) const {
        auto it = parts_.find(owner);
        if (it == parts_.end() || it->second.empty()) {
            return {"nearby", "（" + owner + "中没有" + zh_kind + "）", " (" + owner + " has no " + en_kind + ")"};
        }
        const auto& list = it->second;
        std::string range = list.size() == 1 ? list.front() : list.front() + "～" + list.back();
        std::string range_en = list.size() == 1 ? list.front() : list.front() + " to " + list.back();
        return {"nearby", "（" + owner + "中只有" + range + "）", " (" + owner + " has only " + range_en + ")"};
    }

    std::map<std::string, Target, std::less<>> targets_;
    std::map<std::string, const model::Section*, std::less<>> sections_;
    std::map<std::string, std::vector<std::string>, std::less<>> parts_;
    std::map<std::string, int> tables_, figures_, formulas_;
    std::vector<std::string> annexes_;
    int chapters_ = 0;
};

void check(const Numbering& numbering, const FlatText& flat, DiagnosticSink& sink) {
    const std::string& text = flat.text();
    for (const Mention& m : scan_mentions(flat)) {
        if (m.cross_reference || m.external || !m.pointer || m.implied) continue;
        std::string written = text.substr(m.start, m.end - m.start);
        // A member written without its word (附录A、C; 4.1 a)和c)) is named in full.
        std::string shown = written.find(m.number) != std::string::npos ? written : m.number;
        const Target* target = numbering.find(m.number);
        bool clause = m.kind == MentionKind::Clause;
        if (!target) {
            // A clause number where a quantity could stand ("按7.3执行") is
            // reported only when its parent is divided into clauses.
            if (m.certain || (clause && numbering.parent_is_divided(m.number))) {
                sink.report("PTR-01", m.location, {{"pointer", shown}, Numbering::kind_of(m), numbering.nearby(m)});
            }
        }
        std::optional<Fix> fix;
        if (target) {
            const std::string& id = *target->id;
            DiagnosticArg suggestion = id.empty() ? DiagnosticArg{"suggestion",
                                                                  "[](#…)，并先在" + m.number + "上加标识符{#…}",
                                                                  "[](#…), after giving " + m.number + " an id {#…}"}
                                                  : DiagnosticArg{"suggestion", "[](#" + id + ")"};
            if (!id.empty()) fix = Fix{written, "[](#" + id + ")"};
            sink.report("PTR-02", m.location, {{"pointer", shown}, suggestion}, fix);
        }
        if (m.article_form) {
            std::optional<Fix> plain;
            if (!fix) plain = Fix{written, m.number};
            sink.report("PTR-03", m.location, {{"pointer", written}, {"number", m.number}}, plain);
        }
    }
}

}  // namespace

void check_pointers(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment without cover data: FM-01 says so
    Numbering numbering(doc);
    for_each_text(doc, [&](const model::Inlines& inlines, const TextContext& context) {
        if (!holds_own_pointers(context) || !may_hold_mentions(inlines)) return;
        check(numbering, FlatText(inlines, FlatText::Citations::AsMarker), sink);
    });
}

}  // namespace bzc::checks
