#include "repository/standard_identity.h"

#include "frontend/markdown/front_matter.h"
#include "frontend/xml/xml_location.h"
#include "frontend/xml/xml_metadata.h"
#include "support/source_manager.h"

#include <pugixml.hpp>

namespace bzc::repository {

namespace {

void take_metadata(StandardIdentity& id, const model::Metadata& m) {
    id.number = m.number;
    id.designation = model::parse_designation(m.number);
    id.title = m.title;
    id.title_en = m.title_en;
    id.replaces = m.replaces;
    id.stage = m.stage;
    id.issued = m.issued;
    id.effective = m.effective;
    id.reviewed = m.reviewed;
    id.category = m.category;
    id.issuer = m.issuer;
    id.owner = m.owner;
    id.number_line = m.where("number").line;
    id.title_line = m.where("title").line;
    id.category_line = m.where("category").line;
}

}  // namespace

StandardIdentity read_standard_identity(std::string path, std::string_view text, bool xml) {
    StandardIdentity id;
    id.path = std::move(path);
    if (xml) {
        // Only <metadata> matters here: pugixml reads the file without the
        // schema validation the full check does, with the front end's field list
        // and lines.
        SourceManager sources;
        std::uint32_t file = sources.add(id.path, std::string(text));
        pugi::xml_document doc;
        const std::string& own = sources.file(file).text;
        if (!doc.load_buffer(own.data(), own.size(), pugi::parse_default | pugi::parse_ws_pcdata_single)) return id;
        pugi::xml_node metadata = doc.document_element().child("metadata");
        if (!metadata) return id;
        model::Metadata m;
        frontend::read_xml_metadata(
            metadata, [&](const pugi::xml_node& n) { return frontend::xml_node_location(n, file, sources); }, m);
        take_metadata(id, m);
        return id;
    }
    frontend::FrontMatterSplit split = frontend::split_front_matter(text);
    if (!split.present) return id;
    // The reader of the full check, on the front matter alone: the same
    // fields, the same tolerance; its findings are the full check's to report.
    SourceManager sources;
    std::uint32_t file = sources.add(id.path, std::string(text.substr(0, split.body_offset)));
    frontend::FrontMatterSplit own = frontend::split_front_matter(sources.file(file).text);
    model::Metadata m;
    DiagnosticSink ignored;
    frontend::read_front_matter(own, file, sources, m, ignored);
    take_metadata(id, m);
    return id;
}

StandardStatus StandardIdentity::status(std::string_view today, bool replaced) const {
    // Cover data without a stage describes a published standard (no draft banner).
    if (stage && *stage != model::Stage::Published) return StandardStatus::Drafting;
    if (replaced) return StandardStatus::Replaced;
    if (!effective.empty() && effective > today) return StandardStatus::Upcoming;
    return StandardStatus::Current;
}

std::string_view level_name_zh(model::DesignationFamily family) {
    switch (family) {
        case model::DesignationFamily::National: return "国家标准";
        case model::DesignationFamily::Industry: return "行业标准";
        case model::DesignationFamily::Local: return "地方标准";
        case model::DesignationFamily::Group: return "团体标准";
        case model::DesignationFamily::Enterprise: return "企业标准";
        case model::DesignationFamily::International: return "国际标准";
    }
    return "";
}

std::string_view level_name_en(model::DesignationFamily family) {
    switch (family) {
        case model::DesignationFamily::National: return "national";
        case model::DesignationFamily::Industry: return "industry";
        case model::DesignationFamily::Local: return "local";
        case model::DesignationFamily::Group: return "group";
        case model::DesignationFamily::Enterprise: return "enterprise";
        case model::DesignationFamily::International: return "international";
    }
    return "";
}

std::string_view status_name_zh(StandardStatus status) {
    switch (status) {
        case StandardStatus::Drafting: return "制定中";
        case StandardStatus::Upcoming: return "即将实施";
        case StandardStatus::Current: return "现行";
        case StandardStatus::Replaced: return "被代替";
    }
    return "";
}

std::string_view status_name_en(StandardStatus status) {
    switch (status) {
        case StandardStatus::Drafting: return "in drafting";
        case StandardStatus::Upcoming: return "issued, not yet in force";
        case StandardStatus::Current: return "in force";
        case StandardStatus::Replaced: return "replaced";
    }
    return "";
}

}  // namespace bzc::repository
