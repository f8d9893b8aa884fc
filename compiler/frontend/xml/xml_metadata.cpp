#include "frontend/xml/xml_metadata.h"

#include "support/utf8.h"

#include <string>

namespace bzc::frontend {

void read_xml_metadata(const pugi::xml_node& metadata, const XmlLocator& where, model::Metadata& m) {
    m.present = true;
    m.location = where(metadata);
    for (pugi::xml_node field : metadata.children()) {
        if (field.type() != pugi::node_element) continue;
        std::string name = field.name();
        std::string value(utf8::trim(field.child_value()));
        std::string key = name == "drafting-unit" ? "drafting-units" : name == "drafter" ? "drafters" : name;
        if (!m.field_locations.count(key)) m.field_locations[key] = where(field);
        if (name == "number") m.number = value;
        else if (name == "replaces") m.replaces.push_back(value);
        else if (name == "title") m.title = value;
        else if (name == "title-en") m.title_en = value;
        else if (name == "ics") m.ics.push_back(value);
        else if (name == "ccs") m.ccs = value;
        else if (name == "filing") m.filing = value;
        else if (name == "stage") { m.stage_text = value; m.stage = model::parse_stage(value); }
        else if (name == "issued") m.issued = value;
        else if (name == "effective") m.effective = value;
        else if (name == "draft-date") m.draft_date = value;
        else if (name == "issuer") m.issuer = value;
        else if (name == "proposer") m.proposer = value;
        else if (name == "owner") m.owner = value;
        else if (name == "drafting-unit") m.drafting_units.push_back(value);
        else if (name == "drafter") m.drafters.push_back(value);
        else if (name == "adoption") m.adoption = value;
        else if (name == "toc") m.toc = value == "true" || value == "1";
        else if (name == "references") m.references = value;
        else if (name == "index") m.index = value;
        else if (name == "category") m.category = value;
        else if (name == "reviewed") m.reviewed = value;
    }
}

}  // namespace bzc::frontend
