#include "analysis/analysis.h"
#include "model/walk.h"
#include "support/suggestions.h"

#include <map>

namespace bzc::analysis {

namespace {

using model::Section;
using model::SectionKind;

// What an id names, and the text a reference to it prints (9.5 / E.6 of the
// rules catalog: 第4章, 4.1 without 第/条, 附录A, 图1, 表2, 公式(3), 5.2 b)).
struct Target {
    std::string text;         // empty when the target has no number
    std::string why_not_zh;   // reason it cannot be referred to
    std::string why_not_en;
    SourceLocation location;
};

class Resolver {
public:
    Resolver(model::Document& doc, DiagnosticSink& sink) : doc_(doc), sink_(sink) {}

    void run() {
        for (auto& section : doc_.sections) collect(section);
        model::for_each_inlines(doc_, [&](model::Inlines& inlines) { resolve(inlines); });
    }

private:
    void define(const std::string& id, Target target) {
        if (id.empty()) return;
        auto [it, inserted] = targets_.emplace(id, target);
        if (!inserted) {
            sink_.report("ID-01", target.location, {{"id", id}, {"line", std::to_string(it->second.location.line)}});
        }
    }

    void collect(Section& section) {
        Target t;
        t.location = section.location;
        if (model::is_chapter(section.kind)) {
            t.text = "第" + section.number + "章";
        } else if (section.kind == SectionKind::Annex) {
            t.text = "附录" + section.number;
        } else if (!section.number.empty()) {
            t.text = section.number;
        } else if (!model::fixed_title(section.kind).empty()) {
            t.text = std::string(model::fixed_title(section.kind));
        } else {
            t.why_not_zh = "该条位于不编号的要素中";
            t.why_not_en = "the clause lies in an unnumbered element";
        }
        define(section.id, t);
        // Items of a list directly in a chapter or annex print as 第5章 b) / 附录A b).
        bool element = model::is_chapter(section.kind) || section.kind == SectionKind::Annex;
        collect_blocks(section.blocks, element ? t.text : section.number);
        for (auto& child : section.children) collect(child);
    }

    void collect_blocks(model::Blocks& blocks, const std::string& clause_number) {
        for (auto& block : blocks) {
            if (block.is<model::Table>()) {
                auto& table = block.as<model::Table>();
                define(table.id, {table.number, "", "", block.location});
                for (auto& note : table.notes) collect_blocks(note.blocks, clause_number);
            } else if (block.is<model::Figure>()) {
                auto& figure = block.as<model::Figure>();
                define(figure.id, {figure.number, "", "", block.location});
                for (auto& sub : figure.subfigures) define(sub.id, {figure.number + " " + sub.number, "", "", sub.location});
            } else if (block.is<model::Formula>()) {
                auto& formula = block.as<model::Formula>();
                define(formula.id, {"公式" + formula.number, "", "", block.location});
            } else if (block.is<model::List>()) {
                for (auto& item : block.as<model::List>().items) {
                    Target t;
                    t.location = item.location;
                    if (item.number.empty()) {
                        t.why_not_zh = "项目符号列项不编号，请改用有序列项（1. 2. …，排为a) b) …）";
                        t.why_not_en = "dash list items are unnumbered; use an ordered list (1. 2. …, printed a) b) …)";
                    } else if (item.number.front() == '[') {
                        t.text = item.number;
                    } else {
                        t.text = clause_number.empty() ? item.number : clause_number + " " + item.number;
                    }
                    define(item.id, t);
                    // A nested item is referred to through its parent: 5.2 b) 2).
                    collect_blocks(item.blocks, t.text.empty() ? clause_number : t.text);
                }
            } else if (block.is<model::Note>()) {
                collect_blocks(block.as<model::Note>().blocks, clause_number);
            } else if (block.is<model::Example>()) {
                collect_blocks(block.as<model::Example>().blocks, clause_number);
            }
        }
    }

    void resolve(model::Inlines& inlines) {
        for (auto& in : inlines) {
            if (!in.children.empty()) resolve(in.children);
            if (in.kind != model::InlineKind::CrossReference) continue;
            auto it = targets_.find(in.text);
            if (it == targets_.end()) {
                if (ids_.empty()) {
                    for (const auto& [id, target] : targets_) ids_.push_back(id);
                }
                std::string guess = closest_match(in.text, ids_);
                sink_.report("XREF-01", in.location,
                             {{"id", in.text},
                              {"suggestion", guess.empty() ? "" : "（是否应为“#" + guess + "”？）",
                               guess.empty() ? "" : " (did you mean '#" + guess + "'?)"}});
                in.resolved_text = "??";
                continue;
            }
            if (it->second.text.empty()) {
                sink_.report("XREF-02", in.location, {{"id", in.text}, {"reason", it->second.why_not_zh, it->second.why_not_en}});
                in.resolved_text = "??";
                continue;
            }
            in.resolved_text = it->second.text;
        }
    }

    model::Document& doc_;
    DiagnosticSink& sink_;
    std::map<std::string, Target> targets_;
    std::vector<std::string> ids_;
};

}  // namespace

void resolve_cross_references(model::Document& doc, DiagnosticSink& sink) { Resolver(doc, sink).run(); }

}  // namespace bzc::analysis
