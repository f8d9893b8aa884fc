#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bzc {

// A zip archive read from memory with minizip, the maintained reader of
// zlib's contrib: bzc's one way to read a zip, whether another program wrote
// it (an XLSX comment table from Excel, WPS or LibreOffice; the DOCX pandoc
// makes of formulas) or bzc's own ZipWriter did. minizip knows the variants
// those programs write (Zip64, data descriptors, extra fields). Every entry
// is inflated in bounded steps, its size and CRC checked against the
// directory, so damaged or hostile bytes give an error and a zip bomb stops
// at the caller's limit, never at the memory's.
class ZipArchive {
public:
    enum class Problem {
        None,
        NotZip,     // no readable central directory: not a zip archive, or a truncated or damaged one
        Missing,    // no entry of that name
        Encrypted,  // the entry is encrypted (zip's own password protection)
        TooLarge,   // inflates to more than the limit: a zip bomb, or a part far beyond any real one
        Damaged,    // bad compressed data, an unknown method, a size or CRC mismatch
    };

    // Reads the directory of `bytes`, which must outlive the archive.
    explicit ZipArchive(std::string_view bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // NotZip when the directory could not be read; after read(), how that went.
    Problem problem() const { return problem_; }

    // What went wrong, in English, for a diagnostic to quote as its technical
    // detail (e.g. "word/document.xml: CRC mismatch"); empty when nothing did.
    const std::string& error() const { return error_; }

    // Every entry's name as written, in directory order: for callers that take
    // the whole package (tests comparing a DOCX part by part).
    const std::vector<std::string>& names() const { return names_; }

    // Entry names compare without regard to ASCII case, as OPC part names do
    // (ECMA-376 Part 2, 8.1.1): Excel writes "[Content_Types].xml" and some
    // writers "xl/SharedStrings.xml".
    bool contains(std::string_view name) const;

    // The entry's content, or nullopt with problem() and error() saying why.
    // There is no default limit: each caller knows how large its part can
    // honestly be (support/limits.h). The limit counts bytes actually
    // inflated, not the size the directory claims.
    std::optional<std::string> read(std::string_view name, std::size_t size_limit);

    struct Stream;  // the in-memory "file" minizip reads through (zip_archive.cpp)

private:
    // Where minizip finds an entry (its unz64_file_pos, kept out of this header).
    struct Position {
        std::uint64_t directory_offset = 0;
        std::uint64_t file_number = 0;
    };

    std::optional<std::string> fail(Problem problem, std::string error);

    std::unique_ptr<Stream> stream_;
    void* unzip_ = nullptr;  // unzFile
    std::map<std::string, Position, std::less<>> entries_;  // by lower-case name
    std::vector<std::string> names_;
    Problem problem_ = Problem::None;
    std::string error_;
};

}  // namespace bzc
