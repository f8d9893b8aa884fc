#pragma once

#include "diagnostics/diagnostic.h"
#include "model/document.h"

#include <cstdint>

namespace bzc {
class SourceManager;
}

namespace bzc::frontend {

// Reads a standard written in the XML DSL (grammar/bzc.xsd): validated first
// (schema_validation.h), then parsed with pugixml into the document model.
// Returns an empty document (no sections) when the source is not valid.
model::Document read_xml(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink);

}  // namespace bzc::frontend
