#pragma once

#include "support/source_location.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace bzc {

// One loaded source file: its display path, its text (UTF-8, LF line ends)
// and the byte offset of every line start.
struct SourceFile {
    std::string path;
    std::string text;
    std::vector<std::uint32_t> line_starts;

    std::string_view line_text(std::uint32_t line) const;
};

// Owns every source file of a run and turns byte positions into locations.
// Files are never removed, so ids and references stay valid for the run.
class SourceManager {
public:
    std::uint32_t add(std::string path, std::string text);
    const SourceFile& file(std::uint32_t id) const { return files_.at(id - 1); }
    std::size_t size() const { return files_.size(); }

    // Location of a byte offset into the file's text.
    SourceLocation location_at_offset(std::uint32_t file, std::size_t offset) const;
    // Location from a 1-based line and a 1-based *byte* column, as parsers
    // such as cmark and yaml-cpp report them.
    SourceLocation location_at_byte_column(std::uint32_t file, std::uint32_t line,
                                           std::uint32_t byte_column) const;

private:
    std::deque<SourceFile> files_;
};

}  // namespace bzc
