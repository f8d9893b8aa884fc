#include "emit/docx/xml_out.h"

namespace bzc::emit::docx {

XmlOut::XmlOut() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"; }

XmlOut XmlOut::fragment() {
    XmlOut x;
    x.out_.clear();
    return x;
}

void XmlOut::attribute(std::string_view key, std::string_view value) {
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    escape(value, true);
    out_ += '"';
}

void XmlOut::start(std::string_view name, Attributes attrs) {
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attrs) attribute(key, value);
}

void XmlOut::start(std::string_view name, const AttributeList& attrs) {
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attrs) attribute(key, value);
}

void XmlOut::open(std::string_view name, const AttributeList& attrs) {
    start(name, attrs);
    out_ += '>';
    open_.emplace_back(name);
}

void XmlOut::empty(std::string_view name, const AttributeList& attrs) {
    start(name, attrs);
    out_ += "/>";
}

void XmlOut::open(std::string_view name, Attributes attrs) {
    start(name, attrs);
    out_ += '>';
    open_.emplace_back(name);
}

void XmlOut::close() {
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    open_.pop_back();
}

void XmlOut::empty(std::string_view name, Attributes attrs) {
    start(name, attrs);
    out_ += "/>";
}

void XmlOut::text(std::string_view text) { escape(text, false); }

void XmlOut::element(std::string_view name, std::string_view text, Attributes attrs) {
    open(name, attrs);
    escape(text, false);
    close();
}

void XmlOut::escape(std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
            case '&': out_ += "&amp;"; break;
            case '<': out_ += "&lt;"; break;
            case '>': out_ += "&gt;"; break;
            case '"':
                if (attribute) out_ += "&quot;";
                else out_ += c;
                break;
            case '\t':
            case '\n':
                if (attribute) out_ += c == '\t' ? "&#9;" : "&#10;";
                else out_ += c;
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) break;  // not allowed in XML 1.0
                out_ += c;
        }
    }
}

std::string XmlOut::finish() {
    while (!open_.empty()) close();
    return std::move(out_);
}

}  // namespace bzc::emit::docx
