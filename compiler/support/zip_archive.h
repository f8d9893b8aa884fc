#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bzc {

// A zip archive that another program wrote (an XLSX workbook a committee
// saved in Excel, WPS or LibreOffice), read from memory with minizip, the
// maintained reader of zlib's contrib: it knows the variants those programs
// write (Zip64, data descriptors, extra fields), which bzc's own DOCX-minded
// reader (emit/docx/zip_reader.h) refuses. Every entry is inflated in
// bounded steps and its CRC checked, so damaged or hostile bytes give an
// error and a zip bomb stops at the caller's limit, never at the memory's.
class ZipArchive {
public:
    enum class Problem {
        None,
        NotZip,     // no central directory: not a zip archive, or a truncated one
        Missing,    // no entry of that name
        Encrypted,  // the entry is encrypted (zip's own password protection)
        TooLarge,   // inflates to more than the limit: a zip bomb, or a part far beyond any real one
        Damaged,    // bad compressed data, an unknown method or a CRC mismatch
    };

    // Reads the directory of `bytes`, which must outlive the archive.
    explicit ZipArchive(std::string_view bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // NotZip when the directory could not be read; None otherwise.
    Problem problem() const { return problem_; }

    // Entry names compare without regard to ASCII case, as OPC part names do
    // (ECMA-376 Part 2, 8.1.1): Excel writes "[Content_Types].xml" and some
    // writers "xl/SharedStrings.xml".
    bool contains(std::string_view name) const;

    // The entry's content, or nullopt with problem() saying why. The limit
    // counts bytes actually inflated, not the size the directory claims.
    std::optional<std::string> read(std::string_view name, std::size_t size_limit);

    struct Stream;  // the in-memory "file" minizip reads through (zip_archive.cpp)

private:
    // Where minizip finds an entry (its unz64_file_pos, kept out of this header).
    struct Position {
        std::uint64_t directory_offset = 0;
        std::uint64_t file_number = 0;
    };

    std::unique_ptr<Stream> stream_;
    void* unzip_ = nullptr;  // unzFile
    std::map<std::string, Position, std::less<>> entries_;  // by lower-case name
    Problem problem_ = Problem::None;
};

}  // namespace bzc
