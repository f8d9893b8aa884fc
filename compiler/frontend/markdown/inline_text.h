#pragma once

#include "model/document.h"

#include <string_view>

namespace bzc::frontend {

// Splits Markdown text into inlines by the DSL's text conventions, which
// CommonMark itself does not know: $TeX$ for inline math, ~sub~ and ^sup^ as
// in pandoc (H~2~O, m^2^), and "[^label]" footnote references where cmark
// did not make one (no definition, or inside a raw HTML table; the footnote
// checks then report a missing definition). `start` is the location of the
// text's first character; cmark's text runs never span lines, so later
// characters are further along the same line.
void append_text_with_conventions(std::string_view text, SourceLocation start, model::Inlines& out);

// Appends plain text, merging with a preceding text inline.
void append_plain_text(model::Inlines& out, std::string_view text, SourceLocation location);

}  // namespace bzc::frontend
