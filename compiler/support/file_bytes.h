#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace bzc {

// The bytes of a regular file as they are (a source's encoding is detected
// later), or nullopt when it cannot be opened or read to its end, or is not
// a regular file (a FIFO is not waited on). `error`, when given, gets the
// errno (EINVAL for a file that is not regular). Sources are read by
// driver::read_source_bytes, which reports each case and applies the size limit.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path, int* error = nullptr);

}  // namespace bzc
