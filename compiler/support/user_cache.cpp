#include "support/user_cache.h"

#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace bzc {

namespace {

// A folder in the shared temporary directory is the user's own only when
// nobody else made it first: bzc runs the worker script it keeps there and
// builds DOCX from the answers stored there.
bool owned_privately(const std::filesystem::path& folder) {
    struct stat st {};
    return ::lstat(folder.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() && (st.st_mode & 022) == 0;
}

}  // namespace

std::filesystem::path user_cache_directory() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg) return std::filesystem::path(xdg) / "bzc";
    const char* home = std::getenv("HOME");
    if (home && *home && ::access(home, W_OK) == 0) return std::filesystem::path(home) / ".cache" / "bzc";
    std::error_code ec;
    const std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
    std::filesystem::path shared = temp / ("bzc-" + std::to_string(::getuid()));
    ::mkdir(shared.c_str(), 0700);
    if (owned_privately(shared)) return shared;
    // Taken by someone else: a folder of this run alone (nothing is kept).
    std::string fresh = (temp / ("bzc-" + std::to_string(::getuid()) + "-XXXXXX")).string();
    if (::mkdtemp(fresh.data())) return fresh;
    return shared;
}

}  // namespace bzc
