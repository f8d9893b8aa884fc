#pragma once

#include "diagnostics/diagnostic.h"
#include "model/metadata.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bzc {
class SourceManager;
}

namespace bzc::frontend {

// Where the Markdown body starts after the front matter.
struct FrontMatterSplit {
    bool present = false;        // the file starts with a '---' line
    bool closed = false;         // … and has a closing '---' or '...' line
    std::string_view yaml;       // the text between the two lines
    std::uint32_t yaml_first_line = 0;  // 1-based line of the first YAML line
    std::size_t body_offset = 0;        // byte offset of the body in the file
    std::uint32_t body_first_line = 1;  // 1-based line of the body's first line
};

FrontMatterSplit split_front_matter(std::string_view text);

// Reads the YAML cover data into `metadata`, reporting syntax errors (FM-03),
// unknown fields (FM-04) and values of the wrong type (FM-05). Field syntax
// (dates, ICS …) is checked later, for XML input alike, by the metadata checks.
void read_front_matter(const FrontMatterSplit& split, std::uint32_t file, const SourceManager& sources,
                       model::Metadata& metadata, DiagnosticSink& sink);

// The offset where flow nesting ([ and {) in YAML text first goes deeper than
// limits::max_block_nesting, or npos: yaml-cpp recurses once per level, so
// every reader of YAML refuses absurd nesting (LIMIT-02) before it loads.
std::size_t deepest_nesting_offset(std::string_view yaml);

// The names of the metadata fields, as written in YAML and in XML.
const std::vector<std::string>& metadata_field_names();

// FM-04 for a YAML field that is none of `known`, with the nearest name as
// a suggestion: the cover data and the project record say it alike.
void report_unknown_field(DiagnosticSink& sink, SourceLocation where, const std::string& key,
                          const std::vector<std::string>& known);

}  // namespace bzc::frontend
