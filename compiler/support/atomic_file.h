#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace bzc {

// Writes `content` to `path` through a temporary file in the same directory
// and a rename, so a reader (or a killed run) sees the old file or the whole
// new one, never half of it. Returns 0 on success, otherwise the errno of
// the step that failed (the temporary file is removed).
int write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace bzc
