#pragma once

#include "diagnostics/diagnostic.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bzc {
class SourceManager;
}

namespace bzc::driver {

struct FixResult {
    std::string text;       // the source with the fixes applied
    std::size_t applied = 0;
    std::size_t skipped = 0;  // the source no longer reads the original text there, or fixes overlap
};

// Applies the mechanical fixes of the findings in `file` to `source`. A fix
// is applied where its original text stands at (or shortly after) the
// finding's location; findings are fixed from the end of the file backwards
// so earlier offsets stay valid.
FixResult apply_fixes(const std::string& source, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                      std::uint32_t file);

// A unified diff (no context lines) between two versions of a file whose
// line count is the same, as fixes within lines leave it.
std::string line_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace bzc::driver
