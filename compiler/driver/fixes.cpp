#include "driver/fixes.h"

#include "support/source_manager.h"
#include "support/utf8.h"

#include <algorithm>
#include <sstream>

namespace bzc::driver {

namespace {

// How far past the reported column a fix looks for its text: a run of text
// joined from several source lines reports columns that can be off.
constexpr std::size_t search_window = 4096;

std::size_t byte_offset(const SourceFile& file, SourceLocation location) {
    if (location.line == 0 || location.line > file.line_starts.size()) return std::string::npos;
    std::size_t begin = file.line_starts[location.line - 1];
    std::string_view line = file.line_text(location.line);
    std::size_t pos = 0;
    for (std::uint32_t column = 1; column < location.column && pos < line.size(); ++column) utf8::decode(line, pos);
    return begin + pos;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

}  // namespace

FixResult apply_fixes(const std::string& source, const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                      std::uint32_t file) {
    struct Edit {
        std::size_t offset;
        std::size_t length;
        std::string replacement;
    };
    FixResult result;
    std::vector<Edit> edits;
    const SourceFile& f = sources.file(file);
    for (const auto& d : diagnostics) {
        if (!d.fix || d.location.file != file || d.fix->original.empty()) continue;
        std::size_t from = byte_offset(f, d.location);
        std::size_t found = from == std::string::npos ? std::string::npos : source.find(d.fix->original, from);
        if (found == std::string::npos || found - from > search_window) {
            ++result.skipped;
            continue;
        }
        edits.push_back({found, d.fix->original.size(), d.fix->replacement});
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.offset > b.offset; });
    result.text = source;
    std::size_t limit = std::string::npos;  // edits must not overlap the one applied after them
    for (const auto& e : edits) {
        if (limit != std::string::npos && e.offset + e.length > limit) {
            ++result.skipped;
            continue;
        }
        result.text.replace(e.offset, e.length, e.replacement);
        limit = e.offset;
        ++result.applied;
    }
    return result;
}

std::string line_diff(const std::string& path, const std::string& before, const std::string& after) {
    auto old_lines = split_lines(before);
    auto new_lines = split_lines(after);
    std::ostringstream out;
    if (old_lines.size() != new_lines.size()) {
        out << "--- a/" << path << "\n+++ b/" << path << "\n@@ -1," << old_lines.size() << " +1," << new_lines.size() << " @@\n";
        for (const auto& l : old_lines) out << '-' << l << '\n';
        for (const auto& l : new_lines) out << '+' << l << '\n';
        return out.str();
    }
    bool header = false;
    for (std::size_t i = 0; i < old_lines.size(); ++i) {
        if (old_lines[i] == new_lines[i]) continue;
        if (!header) {
            out << "--- a/" << path << "\n+++ b/" << path << '\n';
            header = true;
        }
        out << "@@ -" << i + 1 << " +" << i + 1 << " @@\n-" << old_lines[i] << "\n+" << new_lines[i] << '\n';
    }
    return out.str();
}

}  // namespace bzc::driver
