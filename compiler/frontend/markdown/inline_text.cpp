#include "frontend/markdown/inline_text.h"

namespace bzc::frontend {

void append_plain_text(model::Inlines& out, std::string_view text, SourceLocation location) {
    if (text.empty()) return;
    if (!out.empty() && out.back().kind == model::InlineKind::Text) {
        out.back().text += text;
        return;
    }
    model::Inline in;
    in.kind = model::InlineKind::Text;
    in.text = std::string(text);
    in.location = location;
    out.push_back(std::move(in));
}

namespace {

// The closing delimiter of ~x~ or ^x^: the span may not be empty, contain
// white space or the delimiter, as in pandoc.
std::size_t find_script_end(std::string_view text, std::size_t open, char delimiter) {
    std::size_t i = open + 1;
    while (i < text.size() && text[i] != delimiter) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') return std::string_view::npos;
        ++i;
    }
    if (i >= text.size() || i == open + 1) return std::string_view::npos;
    return i;
}

}  // namespace

void append_text_with_conventions(std::string_view text, const std::function<SourceLocation(std::size_t)>& locate,
                                  model::Inlines& out,
                                  const std::function<void(std::string_view, SourceLocation)>& on_undefined_footnote) {
    std::size_t plain_start = 0;
    std::size_t i = 0;
    auto flush = [&](std::size_t end) {
        if (end > plain_start) append_plain_text(out, text.substr(plain_start, end - plain_start), locate(plain_start));
    };
    while (i < text.size()) {
        char c = text[i];
        if (c == '$') {
            std::size_t close = text.find('$', i + 1);
            if (close != std::string_view::npos && close > i + 1) {
                flush(i);
                model::Inline math;
                math.kind = model::InlineKind::Math;
                math.text = std::string(text.substr(i + 1, close - i - 1));
                math.location = locate(i);
                out.push_back(std::move(math));
                i = plain_start = close + 1;
                continue;
            }
        } else if (c == '~' || c == '^') {
            std::size_t close = find_script_end(text, i, c);
            if (close != std::string_view::npos) {
                flush(i);
                model::Inline script;
                script.kind = c == '~' ? model::InlineKind::Subscript : model::InlineKind::Superscript;
                script.location = locate(i);
                append_plain_text(script.children, text.substr(i + 1, close - i - 1), locate(i + 1));
                out.push_back(std::move(script));
                i = plain_start = close + 1;
                continue;
            }
        } else if (c == '[' && i + 1 < text.size() && text[i + 1] == '^') {
            std::size_t close = text.find(']', i + 2);
            if (close != std::string_view::npos && close > i + 2) {
                on_undefined_footnote(text.substr(i + 2, close - i - 2), locate(i));
            }
        }
        ++i;
    }
    flush(text.size());
}

}  // namespace bzc::frontend
