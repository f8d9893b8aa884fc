#pragma once

// The cover data of an XML source (<metadata>, grammar/bzc.xsd): the one
// list of its fields, read by the full XML front end and by the repository
// check, which reads only the cover data of each standard to resolve the
// citations between them.

#include "model/document.h"
#include "support/source_location.h"

#include <pugixml.hpp>

#include <functional>

namespace bzc::frontend {

// Where an element of the source is; the XML front end's own, so that the
// two readers give the same lines.
using XmlLocator = std::function<SourceLocation(const pugi::xml_node&)>;

// Reads the fields of `metadata` into `m` and records where each was first
// given (m.field_locations, under the Markdown front matter's key: drafting-unit
// and drafter are kept as drafting-units and drafters).
void read_xml_metadata(const pugi::xml_node& metadata, const XmlLocator& where, model::Metadata& m);

}  // namespace bzc::frontend
