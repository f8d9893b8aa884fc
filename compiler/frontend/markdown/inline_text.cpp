#include "frontend/markdown/inline_text.h"

#include "support/utf8.h"

#include <array>

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

// The closing delimiter of ~x~ or ^x^: as in pandoc the span may not be
// empty or contain white space; and since Chinese text has no spaces to stop
// it ("10~20℃，湿度为30~50%"), only short ASCII spans count: H~2~O, x~i~, m^2^.
std::size_t find_script_end(std::string_view text, std::size_t open, char delimiter) {
    constexpr std::size_t longest = 12;
    std::size_t i = open + 1;
    while (i < text.size() && text[i] != delimiter) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c >= 0x80 || i - open > longest) return std::string_view::npos;
        ++i;
    }
    if (i >= text.size() || i == open + 1) return std::string_view::npos;
    return i;
}

}  // namespace

void append_text_with_conventions(std::string_view text, SourceLocation start, model::Inlines& out) {
    // Columns advance by characters; count them only up to where one is needed.
    std::size_t counted_bytes = 0;
    std::uint32_t counted_columns = 0;
    auto locate = [&](std::size_t offset) {
        if (!start.known()) return start;
        counted_columns += static_cast<std::uint32_t>(utf8::count_code_points(text.substr(counted_bytes, offset - counted_bytes)));
        counted_bytes = offset;
        SourceLocation at = start;
        at.column += counted_columns;
        return at;
    };
    std::size_t plain_start = 0;
    std::size_t i = 0;
    auto flush = [&](std::size_t end) {
        if (end > plain_start) append_plain_text(out, text.substr(plain_start, end - plain_start), locate(plain_start));
    };
    static constexpr auto special = [] {
        std::array<bool, 256> table{};
        for (unsigned char c : {'$', '~', '^', '['}) table[c] = true;
        return table;
    }();
    while (i < text.size()) {
        // Most text has none of the convention characters: skip to the next one.
        while (i < text.size() && !special[static_cast<unsigned char>(text[i])]) ++i;
        if (i >= text.size()) break;
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
            std::string_view label = close == std::string_view::npos ? std::string_view() : text.substr(i + 2, close - i - 2);
            if (!label.empty() && label.find(' ') == std::string_view::npos) {
                flush(i);
                model::Inline ref;
                ref.kind = model::InlineKind::FootnoteReference;
                ref.text = std::string(label);
                ref.location = locate(i);
                out.push_back(std::move(ref));
                i = plain_start = close + 1;
                continue;
            }
        }
        ++i;
    }
    flush(text.size());
}

}  // namespace bzc::frontend
