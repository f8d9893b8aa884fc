#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bzc::emit::docx {

// A deterministic zip archive built in memory: entries in the order they are
// added, each deflated, with a fixed DOS time (1980-01-01 00:00), fixed
// attributes, no extra fields and no data descriptors. The same entries
// give the same bytes on every run and in every time zone (toolchain notes
// §3). Written on zlib rather than libzip because Debian ships libzip only
// as a shared library, and the bzc executable is linked statically.
// Raw deflate of `in` (as a zip entry holds it), large inputs in blocks on
// up to `threads` threads; the bytes do not depend on `threads`. False when
// zlib fails (out of memory).
bool deflate_raw(std::string_view in, std::string& out, unsigned threads);

class ZipWriter {
public:
    // Adds an entry. Names are UTF-8 (flag bit 11 is set); an entry larger
    // than 4 GiB, or more than 65535 entries, would need Zip64: add() then
    // returns false and the archive is not to be used.
    bool add(std::string_view name, std::string_view content);

    // The whole archive: local entries, central directory, end record.
    std::string finish();

private:
    struct Entry {
        std::string name;
        std::uint32_t crc = 0;
        std::uint32_t compressed_size = 0;
        std::uint32_t size = 0;
        std::uint32_t offset = 0;
        std::uint16_t method = 8;
    };
    std::string out_;
    std::vector<Entry> entries_;
};

}  // namespace bzc::emit::docx
