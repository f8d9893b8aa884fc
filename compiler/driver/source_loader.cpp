#include "driver/source_loader.h"

#include "support/limits.h"
#include "support/source_manager.h"
#include "support/system_errors.h"
#include "support/text_encoding.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bzc::driver {

namespace {

std::string human_size(std::size_t bytes) {
    char buffer[32];
    if (bytes >= 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    else std::snprintf(buffer, sizeof buffer, "%zu KiB", bytes / 1024);
    return buffer;
}

}  // namespace

std::optional<std::string> read_source_bytes(const std::string& path, SourceManager& sources, DiagnosticSink& sink) {
    // A file id first, so that every diagnostic below can name the file.
    auto report_io = [&](int error) {
        std::uint32_t id = sources.add(path, "");
        auto [zh, en] = describe_system_error(error);
        sink.report("IO-01", {id, 0, 0}, {{"reason", zh, en}});
        return std::nullopt;
    };
    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return report_io(errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        return report_io(err);
    }
    if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
        ::close(fd);
        if (S_ISDIR(st.st_mode)) return report_io(EISDIR);
        std::uint32_t id = sources.add(path, "");
        sink.report("IO-01", {id, 0, 0}, {{"reason", "不是普通文件（设备、管道或套接字）", "not a regular file (a device, pipe or socket)"}});
        return std::nullopt;
    }
    auto size = static_cast<std::size_t>(st.st_size);
    if (size > limits::max_source_bytes) {
        ::close(fd);
        std::uint32_t id = sources.add(path, "");
        sink.report("LIMIT-01", {id, 1, 1}, {{"size", human_size(size)}, {"limit", human_size(limits::max_source_bytes)}});
        return std::nullopt;
    }
    std::string bytes(size, '\0');
    std::size_t got = 0;
    while (got < size) {
        ssize_t n = ::read(fd, bytes.data() + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            return report_io(err);
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    return bytes;
}

std::optional<std::uint32_t> load_source(const std::string& path, SourceManager& sources, DiagnosticSink& sink) {
    auto bytes = read_source_bytes(path, sources, sink);
    if (!bytes) return std::nullopt;
    return add_source(path, std::move(*bytes), sources, sink);
}

std::optional<std::uint32_t> add_source(const std::string& path, std::string bytes, SourceManager& sources,
                                        DiagnosticSink& sink) {
    DecodedSource decoded = decode_source(std::move(bytes));
    if (decoded.problem != DecodedSource::Problem::None) {
        std::uint32_t id = sources.add(path, "");
        SourceLocation where{id, static_cast<std::uint32_t>(decoded.problem_line),
                             static_cast<std::uint32_t>(decoded.problem_column)};
        if (decoded.problem == DecodedSource::Problem::NulByte) {
            sink.report("ENC-02", where);
        } else {
            std::string guess_zh, guess_en;
            if (!decoded.suspected_encoding.empty()) {
                guess_zh = "；看起来可能是" + decoded.suspected_encoding + "编码";
                guess_en = "; it looks like " + decoded.suspected_encoding;
            }
            sink.report("ENC-01", where, {{"guess", guess_zh, guess_en}});
        }
        return std::nullopt;
    }
    std::uint32_t id = sources.add(path, std::move(decoded.text));
    if (!decoded.converted_from.empty()) sink.report("ENC-03", {id, 1, 1}, {{"encoding", decoded.converted_from}});
    if (sources.file(id).text.find_first_not_of(" \t\n") == std::string::npos) {
        sink.report("ENC-04", {id, 1, 1});
        return std::nullopt;
    }
    return id;
}

}  // namespace bzc::driver
