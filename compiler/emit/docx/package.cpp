#include "emit/docx/package.h"

#include "emit/docx/xml_out.h"
#include "emit/docx/zip_writer.h"

#include <algorithm>
#include <stdexcept>

namespace bzc::emit::docx {

namespace {

// Parts whose extension has a Default content type; every other part gets
// an Override.
struct DefaultType {
    std::string_view extension;
    std::string_view type;
};
constexpr DefaultType default_types[] = {
    {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
    {"xml", "application/xml"},
    {"png", content_type::png},
    {"jpeg", content_type::jpeg},
};

std::string_view extension(std::string_view name) {
    auto dot = name.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
}

std::string_view directory(std::string_view name) {
    auto slash = name.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : name.substr(0, slash);
}

// The .rels part of a source part: word/document.xml → word/_rels/document.xml.rels.
std::string rels_name(std::string_view source) {
    if (source.empty()) return "_rels/.rels";
    std::string_view dir = directory(source);
    std::string_view file = source.substr(dir.empty() ? 0 : dir.size() + 1);
    return (dir.empty() ? std::string() : std::string(dir) + "/") + "_rels/" + std::string(file) + ".rels";
}

// A target as written in the source's .rels: relative to the source's folder.
std::string relative_target(std::string_view source, std::string_view target) {
    std::string_view dir = directory(source);
    if (dir.empty()) return std::string(target);
    std::string prefix = std::string(dir) + "/";
    if (!target.starts_with(prefix)) throw std::logic_error("docx: relationship target " + std::string(target) + " outside " + prefix);
    return std::string(target.substr(prefix.size()));
}

}  // namespace

void Package::add_part(std::string name, std::string_view type, std::string content) {
    if (has_part(name)) throw std::logic_error("docx: part " + name + " added twice");
    parts_.push_back({std::move(name), std::string(type), std::move(content)});
}

bool Package::has_part(std::string_view name) const {
    return std::any_of(parts_.begin(), parts_.end(), [&](const Part& p) { return p.name == name; });
}

std::string Package::relate(std::string_view source, std::string_view type, std::string_view target) {
    std::size_t count = std::count_if(relationships_.begin(), relationships_.end(),
                                      [&](const Relationship& r) { return r.source == source; });
    std::string id = "rId" + std::to_string(count + 1);
    relationships_.push_back({std::string(source), id, std::string(type), std::string(target)});
    return id;
}

std::string Package::content_types() const {
    XmlOut x;
    x.open("Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
    for (const auto& d : default_types) {
        bool used = d.extension == "rels" || std::any_of(parts_.begin(), parts_.end(), [&](const Part& p) {
                        return extension(p.name) == d.extension && p.type == d.type;
                    });
        if (used) x.empty("Default", {{"Extension", d.extension}, {"ContentType", d.type}});
    }
    for (const auto& p : parts_) {
        bool by_default = std::any_of(std::begin(default_types), std::end(default_types), [&](const DefaultType& d) {
            return d.extension == extension(p.name) && d.type == p.type;
        });
        if (!by_default) x.empty("Override", {{"PartName", "/" + p.name}, {"ContentType", p.type}});
    }
    return x.finish();
}

std::string Package::relationships_of(std::string_view source) const {
    XmlOut x;
    x.open("Relationships", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/relationships"}});
    for (const auto& r : relationships_) {
        if (r.source != source) continue;
        x.empty("Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", relative_target(source, r.target)}});
    }
    return x.finish();
}

std::string Package::zip() const {
    for (const auto& r : relationships_) {
        if (!has_part(r.target)) throw std::logic_error("docx: relationship " + r.id + " of '" + r.source + "' to missing part " + r.target);
        if (!r.source.empty() && !has_part(r.source)) throw std::logic_error("docx: relationships of missing part " + r.source);
    }
    auto has_relationships = [&](std::string_view source) {
        return std::any_of(relationships_.begin(), relationships_.end(), [&](const Relationship& r) { return r.source == source; });
    };
    ZipWriter zip;
    bool ok = zip.add("[Content_Types].xml", content_types());
    ok = ok && zip.add(rels_name(""), relationships_of(""));
    for (const auto& p : parts_) {
        ok = ok && zip.add(p.name, p.content);
        if (has_relationships(p.name)) ok = ok && zip.add(rels_name(p.name), relationships_of(p.name));
    }
    if (!ok) throw std::runtime_error("the document is too large for a zip archive without Zip64 (a part of 4 GiB or more)");
    return zip.finish();
}

}  // namespace bzc::emit::docx
