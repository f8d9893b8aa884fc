#pragma once

#include "model/document.h"

#include <functional>
#include <string_view>

namespace bzc::frontend {

// Splits Markdown text into inlines by the DSL's text conventions, which
// CommonMark itself does not know: $TeX$ for inline math, ~sub~ and ^sup^ as
// in pandoc (H~2~O, m^2^). `locate(byte_offset)` gives the source location of
// an offset into `text`. Calls `on_undefined_footnote(label, location)` for a
// "[^label]" that cmark left as text because no definition exists.
void append_text_with_conventions(std::string_view text, const std::function<SourceLocation(std::size_t)>& locate,
                                  model::Inlines& out,
                                  const std::function<void(std::string_view, SourceLocation)>& on_undefined_footnote);

// Appends plain text, merging with a preceding text inline.
void append_plain_text(model::Inlines& out, std::string_view text, SourceLocation location);

}  // namespace bzc::frontend
