#include "driver/comments_input.h"

#include "driver/source_loader.h"
#include "support/source_manager.h"

namespace bzc::driver {

std::optional<explanation::CommentsTable> load_comments_table(const std::string& path, SourceManager& sources,
                                                              DiagnosticSink& sink) {
    auto bytes = read_source_bytes(path, sources, sink);
    if (!bytes) return std::nullopt;
    return read_comments_bytes(path, std::move(*bytes), sources, sink);
}

std::optional<explanation::CommentsTable> read_comments_bytes(const std::string& path, std::string bytes,
                                                              SourceManager& sources, DiagnosticSink& sink) {
    if (explanation::is_workbook(bytes, path)) {
        // A workbook is binary: registered without text, located by sheet row and column.
        std::uint32_t file = sources.add(path, "");
        return explanation::read_comments_workbook(file, bytes, sink);
    }
    auto file = add_source(path, std::move(bytes), sources, sink);
    if (!file) return std::nullopt;
    return explanation::read_comments_table(*file, sources, sink);
}

}  // namespace bzc::driver
