#include "support/source_manager.h"

#include "support/utf8.h"

#include <algorithm>
#include <cstring>

namespace bzc {

std::string_view SourceFile::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts.size()) return {};
    std::size_t begin = line_starts[line - 1];
    std::size_t end = line < line_starts.size() ? line_starts[line] : text.size();
    std::string_view view(text.data() + begin, end - begin);
    if (!view.empty() && view.back() == '\n') view.remove_suffix(1);
    return view;
}

std::uint32_t SourceManager::add(std::string path, std::string text) {
    SourceFile file;
    file.path = std::move(path);
    file.text = std::move(text);
    file.line_starts.push_back(0);
    const char* begin = file.text.data();
    const char* end = begin + file.text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p) {
        if (p + 1 < end) file.line_starts.push_back(static_cast<std::uint32_t>(p + 1 - begin));
    }
    files_.push_back(std::move(file));
    return static_cast<std::uint32_t>(files_.size());
}

SourceLocation SourceManager::location_at_offset(std::uint32_t id, std::size_t offset) const {
    const SourceFile& f = file(id);
    offset = std::min(offset, f.text.size());
    auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
    auto line = static_cast<std::uint32_t>(it - f.line_starts.begin());
    std::size_t begin = f.line_starts[line - 1];
    std::string_view prefix(f.text.data() + begin, offset - begin);
    return {id, line, static_cast<std::uint32_t>(utf8::count_code_points(prefix) + 1)};
}

SourceLocation SourceManager::location_at_byte_column(std::uint32_t id, std::uint32_t line,
                                                      std::uint32_t byte_column) const {
    const SourceFile& f = file(id);
    if (line == 0) line = 1;
    if (line > f.line_starts.size()) return {id, line, byte_column == 0 ? 1 : byte_column};
    std::string_view text = f.line_text(line);
    std::size_t bytes = byte_column == 0 ? 0 : std::min<std::size_t>(byte_column - 1, text.size());
    return {id, line, static_cast<std::uint32_t>(utf8::count_code_points(text.substr(0, bytes)) + 1)};
}

}  // namespace bzc
