#include "support/zip_archive.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace bzc {

// minizip reads through a table of file functions; these serve it the bytes
// the caller already holds, so a workbook is never written to disk and the
// fuzz target reads exactly what bzc reads.
struct ZipArchive::Stream {
    std::string_view bytes;
    std::uint64_t position = 0;
    bool short_read = false;  // the last read ran into the end of the bytes
};

namespace {

using Stream = ZipArchive::Stream;

voidpf open_stream(voidpf opaque, const void*, int mode) {
    // Reading only: minizip asks for nothing else when it unzips.
    return (mode & ZLIB_FILEFUNC_MODE_READ) ? opaque : nullptr;
}

uLong read_stream(voidpf, voidpf stream, void* buffer, uLong size) {
    auto* s = static_cast<Stream*>(stream);
    std::uint64_t available = s->position < s->bytes.size() ? s->bytes.size() - s->position : 0;
    auto count = static_cast<uLong>(std::min<std::uint64_t>(size, available));
    if (count) std::memcpy(buffer, s->bytes.data() + s->position, count);
    s->position += count;
    s->short_read = count < size;
    return count;
}

uLong write_stream(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T tell_stream(voidpf, voidpf stream) { return static_cast<Stream*>(stream)->position; }

long seek_stream(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* s = static_cast<Stream*>(stream);
    std::uint64_t base = 0;
    switch (origin) {
        case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
        case ZLIB_FILEFUNC_SEEK_CUR: base = s->position; break;
        case ZLIB_FILEFUNC_SEEK_END: base = s->bytes.size(); break;
        default: return -1;
    }
    // A hostile directory can name any offset: one past the end is refused
    // here rather than becoming a read minizip would have to notice.
    if (offset > s->bytes.size() || base + offset > s->bytes.size()) return -1;
    s->position = base + offset;
    return 0;
}

int close_stream(voidpf, voidpf) { return 0; }
// minizip reads a header field byte by byte and takes a byte missing at the
// end for an error only if this says so (its UNZ_EOF equals UNZ_OK): without
// it a truncated archive's fields would read as zeros and pass.
int stream_error(voidpf, voidpf stream) { return static_cast<Stream*>(stream)->short_read ? 1 : 0; }

std::string lower_ascii(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

constexpr uLong encrypted_flag = 1u << 0;

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) : stream_(std::make_unique<Stream>()) {
    stream_->bytes = bytes;
    zlib_filefunc64_def functions{};
    functions.zopen64_file = open_stream;
    functions.zread_file = read_stream;
    functions.zwrite_file = write_stream;
    functions.ztell64_file = tell_stream;
    functions.zseek64_file = seek_stream;
    functions.zclose_file = close_stream;
    functions.zerror_file = stream_error;
    functions.opaque = stream_.get();
    // minizip wants a non-null "path"; the opaque pointer is the stream.
    unzip_ = unzOpen2_64(stream_.get(), &functions);
    if (!unzip_) {
        fail(Problem::NotZip, "no readable zip directory: not a zip archive, or a truncated or damaged one");
        return;
    }
    std::vector<char> name(0x10000);  // zip names are at most 65535 bytes
    int status = unzGoToFirstFile(unzip_);
    for (; status == UNZ_OK; status = unzGoToNextFile(unzip_)) {
        unz_file_info64 info{};
        status = unzGetCurrentFileInfo64(unzip_, &info, name.data(), static_cast<uLong>(name.size()), nullptr, 0, nullptr, 0);
        unz64_file_pos position{};
        if (status == UNZ_OK) status = unzGetFilePos64(unzip_, &position);
        if (status != UNZ_OK) break;
        std::string_view entry(name.data(), std::min<std::size_t>(info.size_filename, name.size() - 1));
        names_.emplace_back(entry);
        // The first of two entries of one name wins, as in most readers.
        entries_.try_emplace(lower_ascii(entry), Position{position.pos_in_zip_directory, position.num_of_file});
    }
    // A directory that breaks off part way is damage, not a shorter archive:
    // a caller listing names() would otherwise miss parts without knowing.
    if (status != UNZ_END_OF_LIST_OF_FILE) {
        fail(Problem::NotZip, "the central directory is damaged after " + std::to_string(names_.size()) + " entries");
        unzClose(unzip_);
        unzip_ = nullptr;
        entries_.clear();
        names_.clear();
    }
}

ZipArchive::~ZipArchive() {
    if (unzip_) unzClose(unzip_);
}

bool ZipArchive::contains(std::string_view name) const { return entries_.count(lower_ascii(name)) != 0; }

std::optional<std::string> ZipArchive::fail(Problem problem, std::string error) {
    problem_ = problem;
    error_ = std::move(error);
    return std::nullopt;
}

std::optional<std::string> ZipArchive::read(std::string_view name, std::size_t size_limit) {
    if (!unzip_) return fail(Problem::NotZip, error_);  // the constructor's reason stands
    auto found = entries_.find(lower_ascii(name));
    const std::string entry(name);
    if (found == entries_.end()) return fail(Problem::Missing, "no entry " + entry);
    unz64_file_pos position{found->second.directory_offset, found->second.file_number};
    unz_file_info64 info{};
    if (unzGoToFilePos64(unzip_, &position) != UNZ_OK ||
        unzGetCurrentFileInfo64(unzip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return fail(Problem::Damaged, entry + ": its directory entry cannot be read");
    // Without a password minizip would inflate the ciphertext and call it damage.
    if (info.flag & encrypted_flag) return fail(Problem::Encrypted, entry + ": encrypted");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        return fail(Problem::Damaged, entry + ": compression method " + std::to_string(info.compression_method) +
                                          " (only stored and deflated are read)");
    // An honest size beyond the limit is refused before anything is inflated.
    if (info.uncompressed_size > size_limit)
        return fail(Problem::TooLarge, entry + ": inflates to more than " + std::to_string(size_limit) + " bytes");
    if (unzOpenCurrentFile(unzip_) != UNZ_OK)
        return fail(Problem::Damaged, entry + ": its local header is damaged or disagrees with the directory");

    // Inflate in steps and count: the size in the directory is the writer's
    // claim, and a bomb's claim is small.
    std::string content;
    char buffer[64 * 1024];
    Problem problem = Problem::None;
    std::string error;
    while (true) {
        int got = unzReadCurrentFile(unzip_, buffer, sizeof buffer);
        if (got < 0) {
            problem = Problem::Damaged;
            error = entry + ": bad compressed data, or data running past the archive";
            break;
        }
        if (got == 0) break;
        if (content.size() + static_cast<std::size_t>(got) > size_limit) {
            problem = Problem::TooLarge;
            error = entry + ": inflates to more than " + std::to_string(size_limit) + " bytes";
            break;
        }
        content.append(buffer, static_cast<std::size_t>(got));
    }
    // minizip stops at the size the directory gives and checks the CRC on
    // closing only when it got there; data that ends before that claim
    // would pass unchecked, so the size is compared here.
    int closed = unzCloseCurrentFile(unzip_);
    if (problem == Problem::None && content.size() != info.uncompressed_size) {
        problem = Problem::Damaged;
        error = entry + ": inflates to " + std::to_string(content.size()) + " bytes, the directory says " +
                std::to_string(info.uncompressed_size);
    }
    if (problem == Problem::None && closed != UNZ_OK) {
        problem = Problem::Damaged;
        error = entry + (closed == UNZ_CRCERROR ? ": CRC mismatch" : ": damaged");
    }
    if (problem != Problem::None) return fail(problem, std::move(error));
    problem_ = Problem::None;
    error_.clear();
    return content;
}

}  // namespace bzc
