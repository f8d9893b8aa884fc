#include "support/atomic_file.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bzc {

int write_file_atomically(const std::filesystem::path& path, std::string_view content, Durability durability) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return EISDIR;
    std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return errno;
    auto fail = [&](int error) {
        if (fd >= 0) ::close(fd);
        ::unlink(pattern.c_str());
        return error;
    };
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp creates the file 0600; outputs get the usual permissions.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (durability == Durability::Durable && ::fsync(fd) != 0) return fail(errno);
    int closed = ::close(fd);
    fd = -1;
    if (closed != 0) return fail(errno);
    if (std::rename(pattern.c_str(), path.c_str()) != 0) return fail(errno);
    return 0;
}

}  // namespace bzc
