#include "emit/docx/zip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace bzc::emit::docx {

namespace {

constexpr std::uint32_t local_signature = 0x04034b50;
constexpr std::uint32_t directory_signature = 0x02014b50;
constexpr std::uint32_t end_signature = 0x06054b50;
constexpr std::size_t local_header_size = 30;
constexpr std::size_t directory_header_size = 46;
constexpr std::size_t end_record_size = 22;
constexpr std::uint16_t encrypted_flag = 1u << 0;

// Little-endian fields; callers have checked that the bytes are there.
std::uint16_t le16(std::string_view s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}
std::uint32_t le32(std::string_view s, std::size_t at) {
    return static_cast<std::uint32_t>(le16(s, at)) | (static_cast<std::uint32_t>(le16(s, at + 2)) << 16);
}

// Inflates raw deflate data (no zlib header, as zip entries hold it) into
// exactly `size` bytes: more or less output than that is damage.
bool inflate_exact(std::string_view in, std::size_t size, std::string& out) {
    out.assign(size, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    // One spare byte: output that fills it is longer than declared.
    char spare = 0;
    z.next_out = size ? reinterpret_cast<Bytef*>(out.data()) : reinterpret_cast<Bytef*>(&spare);
    z.avail_out = size ? static_cast<uInt>(size) : 1u;
    int status = inflate(&z, Z_FINISH);
    if ((status == Z_BUF_ERROR || status == Z_OK) && size && z.avail_out == 0) {
        // The declared size is used up: the stream must end right here.
        z.next_out = reinterpret_cast<Bytef*>(&spare);
        z.avail_out = 1;
        status = inflate(&z, Z_FINISH);
    }
    bool ok = status == Z_STREAM_END && z.total_out == size;
    inflateEnd(&z);
    return ok;
}

}  // namespace

bool ZipReader::fail(std::string message) {
    error_ = std::move(message);
    return false;
}

bool ZipReader::open(std::string_view archive) {
    archive_ = archive;
    entries_.clear();
    error_.clear();
    if (archive.size() < end_record_size) return fail("too short to be a zip archive");
    // The end record is the last one whose comment reaches the end of the
    // data: search back over at most a 64 KiB comment.
    std::size_t lowest = archive.size() - end_record_size > 0xffff ? archive.size() - end_record_size - 0xffff : 0;
    std::size_t end = std::string_view::npos;
    for (std::size_t at = archive.size() - end_record_size + 1; at-- > lowest;) {
        if (le32(archive, at) == end_signature && at + end_record_size + le16(archive, at + 20) == archive.size()) {
            end = at;
            break;
        }
    }
    if (end == std::string_view::npos) return fail("no end of central directory record");
    std::uint16_t disk = le16(archive, end + 4), directory_disk = le16(archive, end + 6);
    std::uint16_t count_here = le16(archive, end + 8), count = le16(archive, end + 10);
    std::uint32_t directory_size = le32(archive, end + 12), directory_offset = le32(archive, end + 16);
    if (count == 0xffff || directory_size == 0xffffffff || directory_offset == 0xffffffff) {
        return fail("Zip64 archives are not supported");
    }
    if (disk != 0 || directory_disk != 0 || count_here != count) return fail("archives split over several disks are not supported");
    if (directory_offset > end || directory_size > end - directory_offset) return fail("the central directory lies outside the archive");
    directory_offset_ = directory_offset;

    std::size_t at = directory_offset;
    const std::size_t directory_end = directory_offset + directory_size;
    entries_.reserve(count);
    for (std::uint16_t i = 0; i < count; ++i) {
        if (directory_end - at < directory_header_size || le32(archive, at) != directory_signature) {
            return fail("central directory entry " + std::to_string(i + 1) + " is damaged");
        }
        Entry e;
        e.flags = le16(archive, at + 8);
        e.method = le16(archive, at + 10);
        e.dos_time = le16(archive, at + 12);
        e.dos_date = le16(archive, at + 14);
        e.crc = le32(archive, at + 16);
        e.compressed_size = le32(archive, at + 20);
        e.size = le32(archive, at + 24);
        std::size_t name_length = le16(archive, at + 28);
        std::size_t variable = name_length + le16(archive, at + 30) + le16(archive, at + 32);
        e.local_offset = le32(archive, at + 42);
        if (directory_end - at - directory_header_size < variable) {
            return fail("central directory entry " + std::to_string(i + 1) + " runs past the directory");
        }
        e.name.assign(archive.substr(at + directory_header_size, name_length));
        at += directory_header_size + variable;
        entries_.push_back(std::move(e));
    }
    return true;
}

const ZipReader::Entry* ZipReader::find(std::string_view name) const {
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
    return it == entries_.end() ? nullptr : &*it;
}

std::optional<std::string> ZipReader::read(std::string_view name, std::size_t size_limit) {
    const Entry* e = find(name);
    if (!e) {
        fail("the archive has no entry " + std::string(name));
        return std::nullopt;
    }
    return read(*e, size_limit);
}

std::optional<std::string> ZipReader::read(const Entry& e, std::size_t size_limit) {
    error_.clear();
    auto damaged = [&](std::string_view why) {
        fail(e.name + ": " + std::string(why));
        return std::nullopt;
    };
    if (e.flags & encrypted_flag) return damaged("encrypted entries are not supported");
    if (e.method != 0 && e.method != 8) return damaged("compression method " + std::to_string(e.method) + " is not supported");
    if (e.size > size_limit) return damaged("larger than " + std::to_string(size_limit) + " bytes");
    // The local header repeats the name and may have an extra field of its
    // own length; the data follows them and ends before the directory.
    std::size_t at = e.local_offset;
    if (at > directory_offset_ || directory_offset_ - at < local_header_size || le32(archive_, at) != local_signature) {
        return damaged("the local header is missing");
    }
    std::size_t data = at + local_header_size + le16(archive_, at + 26) + le16(archive_, at + 28);
    if (data > directory_offset_ || directory_offset_ - data < e.compressed_size) return damaged("the data runs past the archive");
    std::string_view stored = archive_.substr(data, e.compressed_size);
    std::string content;
    if (e.method == 0) {
        if (e.compressed_size != e.size) return damaged("stored sizes disagree");
        content.assign(stored);
    } else if (stored.size() > std::numeric_limits<uInt>::max() || !inflate_exact(stored, e.size, content)) {
        return damaged("the deflated data is damaged or not of the declared size");
    }
    auto crc = static_cast<std::uint32_t>(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())));
    if (crc != e.crc) return damaged("CRC mismatch");
    return content;
}

}  // namespace bzc::emit::docx
