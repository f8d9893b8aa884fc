#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::emit::docx {

// Reads a zip archive held in memory: the central directory first (the
// authority on names, sizes and offsets, as zip readers agree), then each
// entry on demand, inflated with zlib and checked against the size and CRC
// the directory gives. It reads what bzc gets from other programs (pandoc's
// DOCX), so every offset and size is checked against the bytes there are:
// damaged or hostile input gives an error, never a read past the end or an
// unbounded allocation. Zip64, encryption and methods other than stored
// and deflated are refused; DOCX producers need none of them.
class ZipReader {
public:
    struct Entry {
        std::string name;
        std::uint16_t flags = 0;
        std::uint16_t method = 0;  // 0 stored, 8 deflated
        std::uint16_t dos_time = 0, dos_date = 0;
        std::uint32_t crc = 0;
        std::uint32_t compressed_size = 0, size = 0;
        std::uint32_t local_offset = 0;
    };

    // The largest entry read() inflates unless told otherwise: far above any
    // XML part, far below what a zip bomb would ask for.
    static constexpr std::size_t default_size_limit = 256u << 20;

    // Reads the directory of `archive`, which must outlive the reader.
    // False, with error(), when it is not a zip archive this reader can read.
    bool open(std::string_view archive);

    const std::vector<Entry>& entries() const { return entries_; }
    // The entry of that name, or nullptr.
    const Entry* find(std::string_view name) const;

    // The content of an entry, checked against its declared size and CRC;
    // nullopt, with error(), when it is damaged, encrypted, compressed with
    // another method or larger than `size_limit`.
    std::optional<std::string> read(const Entry& entry, std::size_t size_limit = default_size_limit);
    std::optional<std::string> read(std::string_view name, std::size_t size_limit = default_size_limit);

    // Why the last open() or read() failed, in English (a technical detail
    // that diagnostics quote).
    const std::string& error() const { return error_; }

private:
    bool fail(std::string message);

    std::string_view archive_;
    std::size_t directory_offset_ = 0;  // entries' data lies before it
    std::vector<Entry> entries_;
    std::string error_;
};

}  // namespace bzc::emit::docx
