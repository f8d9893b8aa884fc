#include "analysis/analysis.h"
#include "model/designation.h"
#include "model/walk.h"
#include "support/utf8.h"

namespace bzc::analysis {

namespace {

void split_citations(model::Inlines& inlines) {
    // Most runs hold no designation: find them once, and rebuild the list
    // only when there is something to split.
    std::vector<std::vector<model::DesignationMatch>> matches;  // allocated at the first match
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        auto& in = inlines[i];
        if (!in.children.empty()) split_citations(in.children);
        if (in.kind != model::InlineKind::Text) continue;
        auto found = model::find_designations(in.text);
        if (found.empty()) continue;
        if (matches.empty()) matches.resize(inlines.size());
        matches[i] = std::move(found);
    }
    if (matches.empty()) return;
    model::Inlines out;
    out.reserve(inlines.size() + 4);
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        auto& in = inlines[i];
        if (matches[i].empty()) {
            out.push_back(std::move(in));
            continue;
        }
        std::size_t done = 0;
        auto piece = [&](std::size_t from, std::size_t to, model::InlineKind kind) {
            model::Inline part;
            part.kind = kind;
            part.text = in.text.substr(from, to - from);
            part.location = in.location;
            // Exact while the run is one source line, which it is unless the
            // author broke a line inside the sentence.
            if (part.location.known()) {
                part.location.column += static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(in.text).substr(0, from)));
            }
            out.push_back(std::move(part));
        };
        for (const auto& m : matches[i]) {
            if (m.offset > done) piece(done, m.offset, model::InlineKind::Text);
            piece(m.offset, m.offset + m.length, model::InlineKind::Citation);
            done = m.offset + m.length;
        }
        if (done < in.text.size()) piece(done, in.text.size(), model::InlineKind::Text);
    }
    inlines = std::move(out);
}

}  // namespace

void recognise_citations(model::Document& doc) {
    model::for_each_inlines(doc, [](model::Inlines& inlines) { split_citations(inlines); });
}

}  // namespace bzc::analysis
