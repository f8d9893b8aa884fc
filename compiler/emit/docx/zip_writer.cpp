#include "emit/docx/zip_writer.h"

#include <zlib.h>

#include <limits>

namespace bzc::emit::docx {

namespace {

// 1980-01-01 00:00:00, the earliest DOS date: time 0, date (0 << 9) | (1 << 5) | 1.
constexpr std::uint16_t dos_time = 0x0000;
constexpr std::uint16_t dos_date = 0x0021;
constexpr std::uint16_t utf8_flag = 1u << 11;
constexpr std::uint16_t version_needed = 20;  // 2.0: deflate

void put16(std::string& out, std::uint16_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>(v >> 8);
}

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// Raw deflate (no zlib header), as zip entries hold it.
bool deflate_raw(std::string_view in, std::string& out) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    out.resize(deflateBound(&z, static_cast<uLong>(in.size())));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int status = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return status == Z_STREAM_END;
}

}  // namespace

bool ZipWriter::add(std::string_view name, std::string_view content) {
    constexpr std::size_t limit = std::numeric_limits<std::uint32_t>::max();
    if (content.size() >= limit || name.size() > 0xffff || entries_.size() >= 0xffff || out_.size() >= limit) return false;
    Entry e;
    e.name = std::string(name);
    e.size = static_cast<std::uint32_t>(content.size());
    e.crc = static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(content.data()),
                                             static_cast<uInt>(content.size())));
    std::string data;
    if (!deflate_raw(content, data)) return false;
    if (data.size() >= content.size()) {  // incompressible (a PNG): store it
        data.assign(content);
        e.method = 0;
    }
    e.compressed_size = static_cast<std::uint32_t>(data.size());
    e.offset = static_cast<std::uint32_t>(out_.size());

    put32(out_, 0x04034b50);
    put16(out_, version_needed);
    put16(out_, utf8_flag);
    put16(out_, e.method);
    put16(out_, dos_time);
    put16(out_, dos_date);
    put32(out_, e.crc);
    put32(out_, e.compressed_size);
    put32(out_, e.size);
    put16(out_, static_cast<std::uint16_t>(e.name.size()));
    put16(out_, 0);  // no extra field
    out_ += e.name;
    out_ += data;
    if (out_.size() >= limit) return false;
    entries_.push_back(std::move(e));
    return true;
}

std::string ZipWriter::finish() {
    auto directory_offset = static_cast<std::uint32_t>(out_.size());
    for (const auto& e : entries_) {
        put32(out_, 0x02014b50);
        put16(out_, version_needed);  // made by: MS-DOS, version 2.0
        put16(out_, version_needed);
        put16(out_, utf8_flag);
        put16(out_, e.method);
        put16(out_, dos_time);
        put16(out_, dos_date);
        put32(out_, e.crc);
        put32(out_, e.compressed_size);
        put32(out_, e.size);
        put16(out_, static_cast<std::uint16_t>(e.name.size()));
        put16(out_, 0);  // extra field
        put16(out_, 0);  // comment
        put16(out_, 0);  // disk number
        put16(out_, 0);  // internal attributes
        put32(out_, 0);  // external attributes
        put32(out_, e.offset);
        out_ += e.name;
    }
    auto directory_size = static_cast<std::uint32_t>(out_.size() - directory_offset);
    put32(out_, 0x06054b50);
    put16(out_, 0);
    put16(out_, 0);
    put16(out_, static_cast<std::uint16_t>(entries_.size()));
    put16(out_, static_cast<std::uint16_t>(entries_.size()));
    put32(out_, directory_size);
    put32(out_, directory_offset);
    put16(out_, 0);  // comment length
    entries_.clear();
    return std::move(out_);
}

}  // namespace bzc::emit::docx
