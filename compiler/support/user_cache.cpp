#include "support/user_cache.h"

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace bzc {

std::filesystem::path user_cache_directory() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg) return std::filesystem::path(xdg) / "bzc";
    const char* home = std::getenv("HOME");
    if (home && *home && ::access(home, W_OK) == 0) return std::filesystem::path(home) / ".cache" / "bzc";
    return std::filesystem::temp_directory_path() / ("bzc-" + std::to_string(::getuid()));
}

}  // namespace bzc
