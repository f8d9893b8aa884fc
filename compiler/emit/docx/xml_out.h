#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bzc::emit::docx {

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;
// Attributes decided at run time.
using AttributeList = std::vector<std::pair<std::string, std::string>>;

// A compact streaming writer for the XML parts of the package: no
// indentation (white space is content in WordprocessingML text), every
// element closed in order, characters XML 1.0 cannot hold dropped.
class XmlOut {
public:
    XmlOut();  // starts with the XML declaration
    // A writer of a piece of markup to be placed inside a part: no declaration.
    static XmlOut fragment();

    void open(std::string_view name, Attributes attrs = {});
    void open(std::string_view name, const AttributeList& attrs);
    void close();
    void empty(std::string_view name, Attributes attrs = {});
    void empty(std::string_view name, const AttributeList& attrs);
    void text(std::string_view text);
    // <name attrs>text</name>
    void element(std::string_view name, std::string_view text, Attributes attrs = {});
    // Markup written as is (constant fragments of this emitter only).
    void raw(std::string_view markup) { out_ += markup; }

    std::string finish();

private:
    void start(std::string_view name, Attributes attrs);
    void start(std::string_view name, const AttributeList& attrs);
    void attribute(std::string_view key, std::string_view value);
    void escape(std::string_view text, bool attribute);

    std::string out_;
    std::vector<std::string> open_;
};

// Whole numbers as attribute values.
inline std::string num(long long v) { return std::to_string(v); }

}  // namespace bzc::emit::docx
