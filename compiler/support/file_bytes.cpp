#include "support/file_bytes.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bzc {

std::optional<std::string> read_file_bytes(const std::filesystem::path& path, int* error) {
    auto fail = [&](int fd, int e) -> std::optional<std::string> {
        if (fd >= 0) ::close(fd);
        if (error) *error = e;
        return std::nullopt;
    };
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return fail(-1, errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) return fail(fd, errno);
    if (!S_ISREG(st.st_mode)) return fail(fd, S_ISDIR(st.st_mode) ? EISDIR : EINVAL);
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    for (;;) {
        if (got == bytes.size()) bytes.resize(bytes.size() + 4096);  // the file grew, or /proc reports 0
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(fd, errno);
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    if (error) *error = 0;
    return bytes;
}

}  // namespace bzc
