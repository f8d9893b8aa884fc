#include "support/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bzc {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return std::string("cannot create a temporary file in ") + dir.string() + ": " + std::strerror(errno);
    auto fail = [&](const char* what) {
        std::string message = std::string(what) + " " + pattern + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(pattern.c_str());
        return message;
    };
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp creates the file 0600; outputs should get the usual permissions.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0) return fail("cannot flush");
    if (::close(fd) != 0) {
        std::string message = std::string("cannot close ") + pattern + ": " + std::strerror(errno);
        ::unlink(pattern.c_str());
        return message;
    }
    if (std::rename(pattern.c_str(), path.c_str()) != 0) {
        std::string message = "cannot rename " + pattern + " to " + path.string() + ": " + std::strerror(errno);
        ::unlink(pattern.c_str());
        return message;
    }
    return {};
}

}  // namespace bzc
