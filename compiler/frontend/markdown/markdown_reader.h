#pragma once

#include "diagnostics/diagnostic.h"
#include "model/document.h"

#include <cstdint>

namespace bzc {
class SourceManager;
}

namespace bzc::frontend {

// Reads a standard written in the Markdown DSL (README, "The Markdown DSL"):
// YAML front matter, then CommonMark + GFM tables parsed by cmark-gfm with
// source positions, mapped onto the document model by the DSL's conventions.
model::Document read_markdown(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink);

}  // namespace bzc::frontend
