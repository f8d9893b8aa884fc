// The zip reader reads what ZipWriter writes, and refuses damaged or
// hostile archives with an error (never a crash, a read past the end or a
// huge allocation): it reads the output of another program (pandoc).
#include "emit/docx/zip_reader.h"
#include "emit/docx/zip_writer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using bzc::emit::docx::ZipReader;
using bzc::emit::docx::ZipWriter;

namespace {

void put16(std::string& s, std::size_t at, std::uint16_t v) {
    s[at] = static_cast<char>(v & 0xff);
    s[at + 1] = static_cast<char>(v >> 8);
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
    put16(s, at, static_cast<std::uint16_t>(v & 0xffff));
    put16(s, at + 2, static_cast<std::uint16_t>(v >> 16));
}

// Offsets in an archive of ZipWriter (no comment, no extra fields).
std::size_t end_record(const std::string& zip) { return zip.size() - 22; }
std::size_t directory(const std::string& zip) {
    std::size_t at = end_record(zip) + 16;
    return static_cast<unsigned char>(zip[at]) | (static_cast<unsigned char>(zip[at + 1]) << 8) |
           (static_cast<unsigned char>(zip[at + 2]) << 16) | (std::size_t(static_cast<unsigned char>(zip[at + 3])) << 24);
}

std::uint16_t le16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}

// The central directory entry of word/document.xml, the deflated one.
std::size_t document_entry(const std::string& zip) {
    std::size_t first = directory(zip);
    return first + 46 + le16(zip, first + 28);
}

// Text that deflates to a few kilobytes, so that damage in the middle of
// its data lands in the compressed text itself.
std::string numbered_lines() {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "<w:t>" + std::to_string(i * 7919 % 10007) + "</w:t>\n";
    return text;
}

std::string sample_archive() {
    ZipWriter zip;
    REQUIRE(zip.add("[Content_Types].xml", "<Types/>"));
    REQUIRE(zip.add("word/document.xml", numbered_lines()));
    REQUIRE(zip.add("word/media/image1.png", std::string("\x89PNG\r\n\x1a\n\x00\x01", 10)));  // stored
    REQUIRE(zip.add("中文/名称.xml", "名称"));
    REQUIRE(zip.add("empty.txt", ""));
    return zip.finish();
}

}  // namespace

TEST_CASE("the zip reader reads back what the zip writer wrote", "[zip]") {
    std::string archive = sample_archive();
    ZipReader zip;
    REQUIRE(zip.open(archive));
    REQUIRE(zip.entries().size() == 5);
    CHECK(zip.entries()[0].name == "[Content_Types].xml");
    CHECK(zip.entries()[1].method == 8);
    CHECK(zip.entries()[2].method == 0);  // incompressible: stored
    CHECK(zip.entries()[3].name == "中文/名称.xml");
    CHECK(zip.entries()[1].dos_date == 0x0021);  // 1980-01-01, as the writer dates every entry
    CHECK(zip.read("word/document.xml") == numbered_lines());
    CHECK(zip.read("word/media/image1.png") == std::string("\x89PNG\r\n\x1a\n\x00\x01", 10));
    CHECK(zip.read("中文/名称.xml") == std::string("名称"));
    CHECK(zip.read("empty.txt") == std::string());
    CHECK_FALSE(zip.read("word/missing.xml"));
    CHECK(zip.error().find("no entry") != std::string::npos);
    CHECK(zip.find("word/document.xml") == &zip.entries()[1]);
    CHECK(zip.find("nothing") == nullptr);
}

TEST_CASE("the zip reader finds the directory behind an archive comment", "[zip]") {
    std::string archive = sample_archive();
    std::string comment = "a comment PK\x05\x06 that looks like a record";
    put16(archive, end_record(archive) + 20, static_cast<std::uint16_t>(comment.size()));
    archive += comment;
    ZipReader zip;
    REQUIRE(zip.open(archive));
    CHECK(zip.entries().size() == 5);
    CHECK(zip.read("中文/名称.xml") == std::string("名称"));
}

TEST_CASE("every truncation of an archive is an error, not a crash", "[zip]") {
    std::string archive = sample_archive();
    for (std::size_t size = 0; size < archive.size(); ++size) {
        std::string cut = archive.substr(0, size);
        ZipReader zip;
        bool opened = zip.open(cut);
        if (!opened) {
            CHECK_FALSE(zip.error().empty());
            continue;
        }
        // A cut that keeps a whole end record is a prefix that is still a
        // zip only by accident; its entries must then read or fail cleanly.
        for (const auto& e : zip.entries()) (void)zip.read(e);
    }
}

TEST_CASE("damaged data and inconsistent directories are refused with a reason", "[zip]") {
    const std::string good = sample_archive();
    auto read_document = [](const std::string& archive, std::string& error) {
        ZipReader zip;
        if (!zip.open(archive)) {
            error = zip.error();
            return false;
        }
        bool ok = zip.read("word/document.xml").has_value();
        error = zip.error();
        return ok;
    };
    std::string error;
    REQUIRE(read_document(good, error));

    const std::size_t entry = document_entry(good);
    SECTION("a flipped byte in the deflated data") {
        std::string bad = good;
        ZipReader zip;
        REQUIRE(zip.open(good));
        const auto* e = zip.find("word/document.xml");
        std::size_t data = e->local_offset + 30 + e->name.size();
        bad[data + e->compressed_size / 2] = static_cast<char>(bad[data + e->compressed_size / 2] ^ 0x55);
        CHECK_FALSE(read_document(bad, error));
        CHECK_FALSE(error.empty());
    }
    SECTION("a CRC that does not match") {
        std::string bad = good;
        put32(bad, entry + 16, 0x12345678);
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("CRC") != std::string::npos);
    }
    SECTION("a declared size larger than the data inflates to") {
        std::string bad = good;
        put32(bad, entry + 24, static_cast<std::uint32_t>(numbered_lines().size() + 1));
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("declared size") != std::string::npos);
    }
    SECTION("a declared size smaller than the data inflates to") {
        std::string bad = good;
        put32(bad, entry + 24, static_cast<std::uint32_t>(numbered_lines().size() - 1));
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("declared size") != std::string::npos);
    }
    SECTION("a huge declared size is refused before anything is allocated") {
        std::string bad = good;
        put32(bad, entry + 24, 0xfffffff0u);
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("larger than") != std::string::npos);
    }
    SECTION("stored sizes that disagree") {
        std::string bad = good;
        put16(bad, entry + 10, 0);  // "stored", though the data is deflated
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("stored sizes") != std::string::npos);
    }
    SECTION("a local header offset past the data") {
        std::string bad = good;
        put32(bad, entry + 42, static_cast<std::uint32_t>(bad.size() - 10));
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("local header") != std::string::npos);
    }
    SECTION("a compressed size running past the archive") {
        std::string bad = good;
        put32(bad, entry + 20, 0x7fffffff);
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("runs past the archive") != std::string::npos);
    }
    SECTION("a name running past the central directory") {
        std::string bad = good;
        put16(bad, entry + 28, 0xffff);
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("runs past") != std::string::npos);
    }
    SECTION("a central directory outside the archive") {
        std::string bad = good;
        put32(bad, end_record(bad) + 16, static_cast<std::uint32_t>(bad.size()));
        CHECK_FALSE(read_document(bad, error));
        CHECK(error.find("outside") != std::string::npos);
    }
    SECTION("more entries announced than the directory holds") {
        std::string bad = good;
        put16(bad, end_record(bad) + 8, 6);
        put16(bad, end_record(bad) + 10, 6);
        CHECK_FALSE(read_document(bad, error));
    }
    SECTION("Zip64, split archives, encryption and unknown methods") {
        std::string zip64 = good;
        put32(zip64, end_record(zip64) + 16, 0xffffffffu);
        CHECK_FALSE(read_document(zip64, error));
        CHECK(error.find("Zip64") != std::string::npos);
        std::string split = good;
        put16(split, end_record(split) + 4, 1);
        CHECK_FALSE(read_document(split, error));
        std::string encrypted = good;
        put16(encrypted, directory(encrypted) + 8, 0x0801);
        ZipReader zip;
        REQUIRE(zip.open(encrypted));
        CHECK_FALSE(zip.read(zip.entries()[0]));
        CHECK(zip.error().find("encrypted") != std::string::npos);
        std::string bzip2 = good;
        put16(bzip2, directory(bzip2) + 10, 12);
        REQUIRE(zip.open(bzip2));
        CHECK_FALSE(zip.read(zip.entries()[0]));
        CHECK(zip.error().find("method 12") != std::string::npos);
    }
    SECTION("not a zip archive at all") {
        CHECK_FALSE(read_document("", error));
        CHECK_FALSE(read_document("PK\x03\x04 just a local header and nothing more, and then some text", error));
        CHECK(error.find("end of central directory") != std::string::npos);
        CHECK_FALSE(read_document(std::string(100000, '\0'), error));
    }
}
