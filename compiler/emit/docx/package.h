#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bzc::emit::docx {

// Relationship types and content types of the parts bzc writes.
namespace rel {
inline constexpr std::string_view office_document = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
inline constexpr std::string_view core_properties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
inline constexpr std::string_view extended_properties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
inline constexpr std::string_view styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
inline constexpr std::string_view numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
inline constexpr std::string_view settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
inline constexpr std::string_view font_table = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
inline constexpr std::string_view footnotes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes";
inline constexpr std::string_view header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
inline constexpr std::string_view footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
inline constexpr std::string_view image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
}  // namespace rel

namespace content_type {
inline constexpr std::string_view document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
inline constexpr std::string_view styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
inline constexpr std::string_view numbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
inline constexpr std::string_view settings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
inline constexpr std::string_view font_table = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
inline constexpr std::string_view footnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml";
inline constexpr std::string_view header = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
inline constexpr std::string_view footer = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
inline constexpr std::string_view core_properties = "application/vnd.openxmlformats-package.core-properties+xml";
inline constexpr std::string_view extended_properties = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
inline constexpr std::string_view png = "image/png";
inline constexpr std::string_view jpeg = "image/jpeg";
inline constexpr std::string_view svg = "image/svg+xml";
}  // namespace content_type

// An OPC package (ECMA-376 part 2) being assembled: parts with their content
// types, relationships between them. [Content_Types].xml and the .rels parts
// are written from what was added, so a content type or relationship target
// that does not exist cannot be written: zip() checks every relationship and
// throws std::logic_error on a dangling one (a bug of the emitter).
class Package {
public:
    // `name` without a leading slash: "word/document.xml".
    void add_part(std::string name, std::string_view type, std::string content);
    bool has_part(std::string_view name) const;

    // A relationship from the part `source` ("" for the package itself) to
    // the part `target`; returns its id, rId1, rId2 … in order per source.
    std::string relate(std::string_view source, std::string_view type, std::string_view target);

    // The package as a zip archive (see ZipWriter): [Content_Types].xml
    // first, _rels/.rels, then every part in the order added, each followed
    // by its relationships part.
    std::string zip() const;

private:
    struct Part {
        std::string name;
        std::string type;
        std::string content;
    };
    struct Relationship {
        std::string source;
        std::string id;
        std::string type;
        std::string target;  // part name
    };
    std::string content_types() const;
    std::string relationships_of(std::string_view source) const;

    std::vector<Part> parts_;
    std::vector<Relationship> relationships_;
};

}  // namespace bzc::emit::docx
