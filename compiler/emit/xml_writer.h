#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bzc::emit {

// A streaming XML writer that indents element structure but never adds
// white space inside mixed content: in <p>text<em>x</em></p> every
// character is content. pugixml's indenting serializer cannot make that
// distinction per element, and the canonical XML must round-trip exactly.
class XmlWriter {
public:
    XmlWriter();

    // An element that holds other elements, one per line.
    void open_block(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {});
    void close_block();
    // An element holding inline content, written on one line with no added space.
    void open_inline(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {});
    void close_inline();
    void empty_element(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {});
    void text(std::string_view text);
    // A text-only element on its own line: <title>…</title>
    void text_element(std::string_view name, std::string_view text,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {});

    std::string finish();

private:
    void start_tag(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs,
                   bool empty);
    void newline_and_indent();
    void escape(std::string_view text, bool attribute);

    std::string out_;
    std::vector<std::pair<std::string, bool>> open_;  // name, inline
};

}  // namespace bzc::emit
