#pragma once

#include "diagnostics/diagnostic.h"

#include <cstdint>
#include <optional>
#include <string>

namespace bzc {
class SourceManager;
}

namespace bzc::driver {

// Reads a source file, enforces the size limit, decodes it to UTF-8
// (converting UTF-16 and GB18030/GBK with a warning) and registers it.
// Returns the file id when the text can be parsed; otherwise reports why
// (IO-01, LIMIT-01, ENC-01, ENC-02, ENC-04) and returns nothing.
std::optional<std::uint32_t> load_source(const std::string& path, SourceManager& sources, DiagnosticSink& sink);

// The first half of load_source: the file's bytes, undecoded, within the
// size limit; otherwise IO-01 or LIMIT-01 for a file registered under `path`.
std::optional<std::string> read_source_bytes(const std::string& path, SourceManager& sources, DiagnosticSink& sink);

// The second half of load_source, for bytes already read (and within the
// size limit): decodes them, registers the file under `path` and reports
// ENC-01, ENC-02, ENC-03 and ENC-04 as load_source does.
std::optional<std::uint32_t> add_source(const std::string& path, std::string bytes, SourceManager& sources,
                                        DiagnosticSink& sink);

}  // namespace bzc::driver
