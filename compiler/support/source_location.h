#pragma once

#include <cstdint>

namespace bzc {

// A position in a source file. Lines and columns are 1-based; columns count
// Unicode code points, not bytes, so that a column points at the right
// character in a line of Chinese text in any editor. File id 0 means "no file"
// (for example a problem with a command-line option).
struct SourceLocation {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool known() const { return file != 0; }
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace bzc
