#include "model/text_context.h"

#include "support/utf8.h"

#include <algorithm>

namespace bzc::model {

SectionKind TextContext::element_kind() const {
    return element ? element->kind : SectionKind::Chapter;
}

bool TextContext::informative() const {
    if (in_note || in_example || in_footnote) return true;
    switch (element_kind()) {
        case SectionKind::Foreword:
        case SectionKind::Introduction:
        case SectionKind::Bibliography:
        case SectionKind::Index: return true;
        case SectionKind::Annex: return element->obligation == AnnexObligation::Informative;
        default: return false;
    }
}

FlatText::FlatText(const Inlines& inlines, Citations citations) : citations_(citations) { append(inlines); }

void FlatText::add(std::string_view text, SourceLocation location) {
    anchors_.emplace_back(text_.size(), location);
    text_ += text;
}

void FlatText::append(const Inlines& inlines) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case InlineKind::Text:
            case InlineKind::Code: add(in.text, in.location); break;
            case InlineKind::Citation:
                if (citations_ == Citations::AsMarker) add(std::string_view(&citation_marker, 1), in.location);
                else add(in.text, in.location);
                break;
            case InlineKind::Math: add("X", in.location); break;
            case InlineKind::CrossReference:
                cross_references_.push_back({text_.size(), text_.size() + in.resolved_text.size(), &in});
                add(in.resolved_text, in.location);
                break;
            case InlineKind::LineBreak: add("\n", in.location); break;
            case InlineKind::FootnoteReference: break;
            default: append(in.children); break;
        }
    }
}

SourceLocation FlatText::at(std::size_t offset) const {
    if (anchors_.empty()) return {};
    auto it = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                               [](std::size_t value, const auto& anchor) { return value < anchor.first; });
    if (it != anchors_.begin()) --it;
    SourceLocation location = it->second;
    if (location.known() && offset > it->first) {
        location.column += static_cast<std::uint32_t>(
            utf8::count_code_points(std::string_view(text_).substr(it->first, offset - it->first)));
    }
    return location;
}

}  // namespace bzc::model
