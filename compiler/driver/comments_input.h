#pragma once

#include "diagnostics/diagnostic.h"
#include "explanation/comments_table.h"

#include <optional>
#include <string>

namespace bzc {
class SourceManager;
}

namespace bzc::driver {

// Reads the comment table of `bzc report`: an XLSX workbook when its bytes
// are a zip (or an .xls, which is reported) or its name ends in .xlsx, CSV
// text otherwise, decoded as every source is (UTF-8, GB18030 and UTF-16
// converted with ENC-03). Nothing when the file cannot be read or decoded
// (IO-01, LIMIT-01, ENC-*); a workbook that is no readable workbook gives an
// empty table and EXP-06.
std::optional<explanation::CommentsTable> load_comments_table(const std::string& path, SourceManager& sources,
                                                              DiagnosticSink& sink);

// The same for bytes already read (the fuzz target's entry).
std::optional<explanation::CommentsTable> read_comments_bytes(const std::string& path, std::string bytes,
                                                              SourceManager& sources, DiagnosticSink& sink);

}  // namespace bzc::driver
