#include "emit/xml_writer.h"

namespace bzc::emit {

XmlWriter::XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; }

void XmlWriter::newline_and_indent() {
    out_ += '\n';
    out_.append(open_.size() * 2, ' ');
}

bool inside_inline(const std::vector<std::pair<std::string, bool>>& open) {
    return !open.empty() && open.back().second;
}

void XmlWriter::start_tag(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs,
                          bool empty) {
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attrs) {
        if (value.empty()) continue;  // absent attributes are simply not written
        out_ += ' ';
        out_ += key;
        out_ += "=\"";
        escape(value, true);
        out_ += '"';
    }
    out_ += empty ? "/>" : ">";
}

void XmlWriter::open_block(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
    newline_and_indent();
    start_tag(name, attrs, false);
    open_.emplace_back(std::string(name), false);
}

void XmlWriter::close_block() {
    std::string name = std::move(open_.back().first);
    open_.pop_back();
    newline_and_indent();
    out_ += "</" + name + ">";
}

void XmlWriter::open_inline(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
    if (!inside_inline(open_)) newline_and_indent();
    start_tag(name, attrs, false);
    open_.emplace_back(std::string(name), true);
}

void XmlWriter::close_inline() {
    out_ += "</" + open_.back().first + ">";
    open_.pop_back();
}

void XmlWriter::empty_element(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
    if (!inside_inline(open_)) newline_and_indent();
    start_tag(name, attrs, true);
}

void XmlWriter::text(std::string_view text) { escape(text, false); }

void XmlWriter::text_element(std::string_view name, std::string_view content,
                             std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
    open_inline(name, attrs);
    text(content);
    close_inline();
}

void XmlWriter::escape(std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
            case '&': out_ += "&amp;"; break;
            case '<': out_ += "&lt;"; break;
            case '>': out_ += "&gt;"; break;
            case '"': out_ += attribute ? "&quot;" : "\""; break;
            case '\n': out_ += attribute ? "&#10;" : "\n"; break;
            case '\t': out_ += attribute ? "&#9;" : "\t"; break;
            case '\r': out_ += "&#13;"; break;
            default:
                // Other control characters cannot appear in XML 1.0 at all.
                if (static_cast<unsigned char>(c) < 0x20) break;
                out_ += c;
        }
    }
}

std::string XmlWriter::finish() {
    while (!open_.empty()) {
        if (open_.back().second) close_inline(); else close_block();
    }
    out_ += '\n';
    return std::move(out_);
}

}  // namespace bzc::emit
