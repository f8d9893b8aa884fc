#include "analysis/analysis.h"
#include "model/designation.h"
#include "model/walk.h"
#include "support/utf8.h"

namespace bzc::analysis {

namespace {

void split_citations(model::Inlines& inlines) {
    bool any = false;
    for (const auto& in : inlines) {
        if (!in.children.empty() || (in.kind == model::InlineKind::Text && !model::find_designations(in.text).empty())) {
            any = true;
            break;
        }
    }
    if (!any) return;
    model::Inlines out;
    for (auto& in : inlines) {
        if (!in.children.empty()) split_citations(in.children);
        if (in.kind != model::InlineKind::Text) {
            out.push_back(std::move(in));
            continue;
        }
        auto matches = model::find_designations(in.text);
        if (matches.empty()) {
            out.push_back(std::move(in));
            continue;
        }
        std::size_t done = 0;
        for (const auto& m : matches) {
            if (m.offset > done) {
                model::Inline text;
                text.kind = model::InlineKind::Text;
                text.text = in.text.substr(done, m.offset - done);
                text.location = in.location;
                out.push_back(std::move(text));
            }
            model::Inline cite;
            cite.kind = model::InlineKind::Citation;
            cite.text = in.text.substr(m.offset, m.length);
            cite.location = in.location;
            // Exact while the run is one source line, which it is unless the
            // author broke a line inside the sentence.
            if (cite.location.known()) {
                cite.location.column += static_cast<std::uint32_t>(utf8::count_code_points(std::string_view(in.text).substr(0, m.offset)));
            }
            out.push_back(std::move(cite));
            done = m.offset + m.length;
        }
        if (done < in.text.size()) {
            model::Inline text;
            text.kind = model::InlineKind::Text;
            text.text = in.text.substr(done);
            text.location = in.location;
            out.push_back(std::move(text));
        }
    }
    inlines = std::move(out);
}

}  // namespace

void recognise_citations(model::Document& doc) {
    model::for_each_inlines(doc, [](model::Inlines& inlines) { split_citations(inlines); });
}

}  // namespace bzc::analysis
