#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace bzc {

// Writes `content` to `path` through a temporary file in the same directory
// and a rename, so a reader (or a killed run) sees the old file or the whole
// new one, never half of it. Returns 0 on success, otherwise the errno of
// the step that failed (the temporary file is removed).
//
// Outputs are flushed to the disk before the rename (Durable), so that a
// crash of the machine cannot leave an empty file where a complete one was.
// A cache that checks what it reads and drops what is damaged may skip the
// wait (Lazy): on a busy disk the flush costs more than the rest of a re-check.
enum class Durability { Durable, Lazy };
int write_file_atomically(const std::filesystem::path& path, std::string_view content,
                          Durability durability = Durability::Durable);

}  // namespace bzc
