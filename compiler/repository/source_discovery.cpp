#include "repository/source_discovery.h"

#include "driver/project_config.h"
#include "driver/report_command.h"

#include <fnmatch.h>

#include <algorithm>

namespace bzc::repository {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    while (true) {
        auto slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

bool match_segments(const std::vector<std::string_view>& glob, std::size_t g, const std::vector<std::string_view>& path,
                    std::size_t p) {
    while (g < glob.size()) {
        if (glob[g] == "**") {
            // Any number of segments, including none.
            for (std::size_t skip = p; skip <= path.size(); ++skip) {
                if (match_segments(glob, g + 1, path, skip)) return true;
            }
            return false;
        }
        if (p >= path.size()) return false;
        std::string pattern(glob[g]), name(path[p]);
        if (fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) != 0) return false;
        ++g;
        ++p;
    }
    return p == path.size();
}

bool is_source_name(const std::string& name) {
    auto ext = fs::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return (ext == ".md" || ext == ".xml") && name != driver::default_record_name && name != "README.md";
}

}  // namespace

bool glob_matches(std::string_view glob, std::string_view path) {
    return match_segments(segments(glob), 0, segments(path), 0);
}

std::vector<std::string> discover_standards(const driver::ProjectConfig& config) {
    std::vector<std::string> found;
    const fs::path root = config.folder();
    std::error_code ec;
    auto same = [&](const fs::path& a, const fs::path& b) { return !b.empty() && fs::equivalent(a, b, ec); };
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& entry = it->path();
        std::string name = entry.filename().string();
        if (it->is_directory(ec)) {
            if (name.starts_with(".") || name.starts_with("build") || name == "node_modules" || same(entry, config.output) ||
                same(entry, config.cache)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (!it->is_regular_file(ec) || !is_source_name(name)) continue;
        std::string relative = entry.lexically_relative(root).generic_string();
        bool named = config.standards.empty() ||
                     std::any_of(config.standards.begin(), config.standards.end(), [&](const std::string& g) { return glob_matches(g, relative); });
        bool excluded = std::any_of(config.exclude.begin(), config.exclude.end(), [&](const std::string& g) { return glob_matches(g, relative); });
        if (named && !excluded) found.push_back(std::move(relative));
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace bzc::repository
