#include "analysis/analysis.h"
#include "analysis/targets.h"
#include "model/walk.h"
#include "support/suggestions.h"

#include <map>

namespace bzc::analysis {

namespace {

// What an id names, and the text a reference to it prints (analysis/targets.h).
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
        for_each_target(doc_, [&](const TargetInfo& t) {
            if (!t.id.empty()) define(t.id, {t.text, std::string(t.why_not_zh), std::string(t.why_not_en), t.location});
        });
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
