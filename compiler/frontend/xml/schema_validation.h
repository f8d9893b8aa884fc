#pragma once

#include "diagnostics/diagnostic.h"

#include <cstdint>

namespace bzc {
class SourceManager;
}

namespace bzc::frontend {

// Checks an XML source before any model is built: no DOCTYPE or entity
// declarations (XML-03, refused before parsing, so no entity is ever
// expanded or fetched), well-formedness (XML-01) and validity against the
// schema compiled into bzc, grammar/bzc.xsd (XML-02). libxml2 parses with
// network access off and its default depth and size limits; its XSD
// validator runs in time linear in the input. Returns true when valid.
bool validate_xml_source(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink);

}  // namespace bzc::frontend
