#include "emit/docx/zip_writer.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <system_error>
#include <thread>

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

// One block of a raw deflate stream (no zlib header, as zip entries hold it):
// the last block ends the stream; any other ends in a sync flush, on a byte
// boundary and not final, so that the next block's bytes can follow it.
// `dictionary` is the input just before the block, which its matches may
// refer back to.
bool deflate_block(std::string_view in, std::string_view dictionary, bool last, std::string& out) {
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    bool ok = dictionary.empty() || deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                                                         static_cast<uInt>(dictionary.size())) == Z_OK;
    // deflateBound covers a finished stream; a sync flush adds an empty
    // stored block (at most 10 bytes with the bits before it).
    out.resize(deflateBound(&z, static_cast<uLong>(in.size())) + 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (ok) {
        int status = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
        ok = last ? status == Z_STREAM_END : status == Z_OK && z.avail_in == 0 && z.avail_out > 0;
    }
    out.resize(z.total_out);
    deflateEnd(&z);
    return ok;
}

// A document.xml runs to megabytes, and deflating it was a third of the
// DOCX writer's time on one core. So large entries are deflated in blocks
// on several threads, as pigz does: each block after the first has the
// 32 KiB before it as its dictionary, so the blocks make one stream a
// fraction of a percent larger than one pass makes (the benchmark's
// document.xml: 123,511 against 123,349 bytes). The blocks are cut by size alone, never
// by the number of threads, so every machine writes the same bytes.
constexpr std::size_t deflate_block_size = 256 * 1024;
constexpr std::size_t deflate_window = 32 * 1024;

}  // namespace

bool deflate_raw(std::string_view in, std::string& out, unsigned threads) {
    const std::size_t blocks = std::max<std::size_t>(1, (in.size() + deflate_block_size - 1) / deflate_block_size);
    std::vector<std::string> parts(blocks);
    std::vector<char> done(blocks, 0);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < blocks; i = next++) {
            std::size_t begin = i * deflate_block_size;
            std::string_view block = in.substr(begin, deflate_block_size);
            std::string_view dictionary = in.substr(begin - std::min(begin, deflate_window), std::min(begin, deflate_window));
            done[i] = deflate_block(block, dictionary, i + 1 == blocks, parts[i]) ? 1 : 0;
        }
    };
    std::vector<std::thread> helpers;
    const std::size_t wanted = std::min<std::size_t>(std::max(1u, threads), blocks) - 1;
    try {
        while (helpers.size() < wanted) helpers.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: this one does the rest.
    }
    work();
    for (auto& t : helpers) t.join();
    if (std::find(done.begin(), done.end(), 0) != done.end()) return false;
    out.clear();
    for (const auto& part : parts) out += part;
    return true;
}

namespace {

unsigned deflate_threads() {
    return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
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
    if (!deflate_raw(content, data, deflate_threads())) return false;
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
