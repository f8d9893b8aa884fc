#include "checks/check.h"
#include "model/walk.h"

#include <optional>

// Image paths are relative to the source and stay inside its folder, so
// that the source can be moved, shared and built anywhere. (A check that the
// files exist belongs to the renderer, which resolves them.)
namespace bzc::checks {

namespace {

// Why a path does not travel with the source, or nothing.
std::optional<DiagnosticArg> problem(std::string_view path) {
    if (path.find("://") != std::string_view::npos) return DiagnosticArg{"problem", "是网址", "is a URL"};
    bool drive = path.size() >= 3 && ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) &&
                 path[1] == ':' && (path[2] == '\\' || path[2] == '/');
    if (path.starts_with("/") || path.starts_with("\\") || path.starts_with("~") || drive) {
        return DiagnosticArg{"problem", "是绝对路径", "is absolute"};
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = path.size();
        if (path.substr(start, end - start) == "..") return DiagnosticArg{"problem", "含有“..”", "contains '..'"};
        start = end + 1;
    }
    return std::nullopt;
}

void check_path(const std::string& image, const std::string& figure, SourceLocation where, DiagnosticSink& sink) {
    if (image.empty()) return;
    if (auto p = problem(image)) sink.report("OBJ-12", where, {{"figure", figure}, {"path", image}, std::move(*p)});
}

}  // namespace

void check_images(const model::Document& doc, DiagnosticSink& sink) {
    if (!doc.metadata.present) return;  // a fragment without cover data: FM-01 says so
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& block : blocks) {
            if (!block.is<model::Figure>()) continue;
            const auto& figure = block.as<model::Figure>();
            check_path(figure.image, figure.number, block.location, sink);
            for (const auto& sub : figure.subfigures) {
                check_path(sub.image, figure.number + " " + sub.number, sub.location.known() ? sub.location : block.location,
                           sink);
            }
        }
    });
}

}  // namespace bzc::checks
