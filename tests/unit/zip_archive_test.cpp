// bzc's one zip reader (support/zip_archive, on minizip) reads back what
// bzc's ZipWriter writes, so the DOCX writer's archives are known to be
// readable, and refuses damaged or hostile archives with a problem and a
// reason (never a crash, a read past the end or a huge allocation): it reads
// the output of other programs (pandoc's DOCX, committees' XLSX). How the
// comment-table reader words these problems is in comments_table_test.
#include "emit/docx/zip_writer.h"
#include "support/zip_archive.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using bzc::ZipArchive;
using bzc::emit::docx::ZipWriter;
using Problem = ZipArchive::Problem;

namespace {

constexpr std::size_t any_size = std::size_t(64) << 20;

void put16(std::string& s, std::size_t at, std::uint16_t v) {
    s[at] = static_cast<char>(v & 0xff);
    s[at + 1] = static_cast<char>(v >> 8);
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
    put16(s, at, static_cast<std::uint16_t>(v & 0xffff));
    put16(s, at + 2, static_cast<std::uint16_t>(v >> 16));
}
std::uint16_t le16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}
std::uint32_t le32(const std::string& s, std::size_t at) { return le16(s, at) | (std::uint32_t(le16(s, at + 2)) << 16); }

// Offsets in an archive of ZipWriter, which writes no comment and no extra fields.
std::size_t end_record(const std::string& zip) { return zip.size() - 22; }
std::size_t directory(const std::string& zip) { return le32(zip, end_record(zip) + 16); }
// The central directory entry of word/document.xml (the second, deflated).
std::size_t document_entry(const std::string& zip) { return directory(zip) + 46 + le16(zip, directory(zip) + 28); }
std::size_t local_header(const std::string& zip, std::size_t entry) { return le32(zip, entry + 42); }
std::size_t data_of(const std::string& zip, std::size_t entry) { return local_header(zip, entry) + 30 + le16(zip, entry + 28); }

// Text that deflates to a few kilobytes, so that damage in the middle of
// its data lands in the compressed text itself.
std::string numbered_lines() {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "<w:t>" + std::to_string(i * 7919 % 10007) + "</w:t>\n";
    return text;
}

const std::string png("\x89PNG\r\n\x1a\n\x00\x01", 10);

std::string sample_archive() {
    ZipWriter zip;
    REQUIRE(zip.add("[Content_Types].xml", "<Types/>"));
    REQUIRE(zip.add("word/document.xml", numbered_lines()));
    REQUIRE(zip.add("word/media/image1.png", png));  // incompressible: stored
    REQUIRE(zip.add("中文/名称.xml", "名称"));
    REQUIRE(zip.add("empty.txt", ""));
    return zip.finish();
}

// Reads word/document.xml; the problem, with error() required to say something.
Problem read_document(const std::string& bytes, std::string* error = nullptr) {
    ZipArchive zip(bytes);
    auto content = zip.read("word/document.xml", any_size);
    if (content) CHECK(zip.error().empty());
    else CHECK_FALSE(zip.error().empty());
    if (error) *error = zip.error();
    return zip.problem();
}

}  // namespace

TEST_CASE("the zip archive reads back what the zip writer wrote", "[zip]") {
    std::string archive = sample_archive();
    REQUIRE(archive[local_header(archive, document_entry(archive)) + 8] == 8);  // deflated
    ZipArchive zip(archive);
    REQUIRE(zip.problem() == Problem::None);
    CHECK(zip.names() ==
          std::vector<std::string>{"[Content_Types].xml", "word/document.xml", "word/media/image1.png", "中文/名称.xml", "empty.txt"});
    CHECK(zip.read("word/document.xml", any_size) == numbered_lines());
    CHECK(zip.read("word/media/image1.png", any_size) == png);
    CHECK(zip.read("中文/名称.xml", any_size) == std::string("名称"));
    CHECK(zip.read("empty.txt", 0) == std::string());
    CHECK(zip.error().empty());
    // OPC part names ignore ASCII case.
    CHECK(zip.contains("[content_types].XML"));
    CHECK(zip.read("Word/Document.xml", any_size) == numbered_lines());

    CHECK_FALSE(zip.contains("word/missing.xml"));
    CHECK_FALSE(zip.read("word/missing.xml", any_size));
    CHECK(zip.problem() == Problem::Missing);
    CHECK(zip.error() == "no entry word/missing.xml");
    // A good read after a failed one clears the problem.
    CHECK(zip.read("[Content_Types].xml", any_size) == std::string("<Types/>"));
    CHECK(zip.problem() == Problem::None);
    CHECK(zip.error().empty());
}

TEST_CASE("the zip archive finds the directory behind an archive comment", "[zip]") {
    auto with_comment = [](const std::string& comment) {
        std::string archive = sample_archive();
        put16(archive, end_record(archive) + 20, static_cast<std::uint16_t>(comment.size()));
        return archive + comment;
    };
    std::string archive = with_comment("a comment, as zip -z writes one");
    ZipArchive zip(archive);
    REQUIRE(zip.problem() == Problem::None);
    CHECK(zip.names().size() == 5);
    CHECK(zip.read("中文/名称.xml", any_size) == std::string("名称"));
    // minizip takes the last end record signature it finds, here a false one
    // inside the comment: the archive is refused, not misread. No program
    // bzc reads from writes such a comment.
    std::string fooled = with_comment("a comment PK\x05\x06 that looks like a record");
    CHECK(ZipArchive(fooled).problem() == Problem::NotZip);
}

TEST_CASE("every truncation of an archive is an error, not a crash", "[zip]") {
    std::string archive = sample_archive();
    for (std::size_t size = 0; size < archive.size(); ++size) {
        // A copy of exactly that size, so that ASan sees a read past its end.
        std::string cut = archive.substr(0, size);
        ZipArchive zip(cut);
        INFO("cut at " << size);
        CHECK(zip.problem() == Problem::NotZip);
        CHECK(zip.names().empty());
        CHECK_FALSE(zip.read("word/document.xml", any_size));
        CHECK(zip.problem() == Problem::NotZip);
        CHECK_FALSE(zip.error().empty());
    }
}

TEST_CASE("damaged data and lying directories are refused with a reason", "[zip]") {
    const std::string good = sample_archive();
    REQUIRE(read_document(good) == Problem::None);
    const std::size_t entry = document_entry(good);
    const std::size_t local = local_header(good, entry);
    const std::uint32_t size = static_cast<std::uint32_t>(numbered_lines().size());
    std::string error;

    SECTION("a flipped byte in the deflated data") {
        std::string bad = good;
        std::size_t at = data_of(good, entry) + le32(good, entry + 20) / 2;
        bad[at] = static_cast<char>(bad[at] ^ 0x55);
        CHECK(read_document(bad) == Problem::Damaged);
    }
    SECTION("a CRC that does not match the data") {
        std::string bad = good;
        put32(bad, entry + 16, 0x12345678);
        put32(bad, local + 14, 0x12345678);  // the local header agrees, as a writer's bug would have it
        CHECK(read_document(bad, &error) == Problem::Damaged);
        CHECK(error == "word/document.xml: CRC mismatch");
    }
    SECTION("a local header that disagrees with the directory") {
        std::string bad = good;
        put32(bad, entry + 16, 0x12345678);
        CHECK(read_document(bad, &error) == Problem::Damaged);
        CHECK(error.find("local header") != std::string::npos);
    }
    SECTION("a declared size larger than the data inflates to") {
        std::string bad = good;
        put32(bad, entry + 24, size + 1);
        put32(bad, local + 22, size + 1);
        CHECK(read_document(bad, &error) == Problem::Damaged);
        CHECK(error.find("the directory says " + std::to_string(size + 1)) != std::string::npos);
    }
    SECTION("a declared size smaller than the data inflates to") {
        std::string bad = good;
        put32(bad, entry + 24, size - 1);
        put32(bad, local + 22, size - 1);
        CHECK(read_document(bad) == Problem::Damaged);
    }
    SECTION("a huge declared size is refused before anything is inflated") {
        std::string bad = good;
        put32(bad, entry + 24, 0xfffffff0u);
        CHECK(read_document(bad, &error) == Problem::TooLarge);
        CHECK(error.find("more than") != std::string::npos);
    }
    SECTION("stored, though the data is deflated") {
        std::string bad = good;
        put16(bad, entry + 10, 0);
        put16(bad, local + 8, 0);
        CHECK(read_document(bad) == Problem::Damaged);
    }
    SECTION("offsets and sizes that point past the data") {
        std::vector<std::string> lies;
        auto lie = [&](auto change) {
            std::string bad = good;
            change(bad);
            lies.push_back(bad);
        };
        lie([&](std::string& b) { put32(b, entry + 42, static_cast<std::uint32_t>(b.size() - 10)); });  // local header
        lie([&](std::string& b) { put32(b, entry + 42, 0xfffffff0u); });
        lie([&](std::string& b) {  // compressed size
            put32(b, entry + 20, 0x7fffffff);
            put32(b, local + 18, 0x7fffffff);
        });
        lie([&](std::string& b) { put16(b, entry + 28, 0xffff); });  // name length
        lie([&](std::string& b) { put16(b, entry + 30, 0xfff0); });  // extra field length
        lie([&](std::string& b) { put32(b, end_record(b) + 16, static_cast<std::uint32_t>(b.size())); });  // directory offset
        lie([&](std::string& b) { put32(b, end_record(b) + 12, 0x7fffffff); });  // directory size
        lie([&](std::string& b) {  // more entries than the directory holds
            put16(b, end_record(b) + 8, 6);
            put16(b, end_record(b) + 10, 6);
        });
        lie([&](std::string& b) { put16(b, end_record(b) + 4, 1); });  // a part of a split archive
        lie([&](std::string& b) { put32(b, end_record(b) + 16, 0xffffffffu); });  // Zip64 marker without a Zip64 record
        lie([&](std::string& b) { put32(b, entry, 0); });  // directory entry signature
        for (std::size_t i = 0; i < lies.size(); ++i) {
            INFO("lie " << i);
            CHECK(read_document(lies[i]) != Problem::None);
        }
    }
    SECTION("an encrypted entry") {
        std::string bad = good;
        put16(bad, entry + 8, le16(bad, entry + 8) | 1);
        CHECK(read_document(bad, &error) == Problem::Encrypted);
        CHECK(error == "word/document.xml: encrypted");
    }
    SECTION("a compression method other than stored and deflated") {
        std::string bad = good;
        put16(bad, entry + 10, 12);  // bzip2
        CHECK(read_document(bad, &error) == Problem::Damaged);
        CHECK(error.find("compression method 12") != std::string::npos);
    }
    SECTION("not a zip archive at all") {
        for (const std::string& bytes : {std::string(), std::string("PK\x03\x04 a local header and nothing more, then some text"),
                                         std::string(100000, '\0'), std::string("序号,章条编号\n")}) {
            ZipArchive zip(bytes);
            CHECK(zip.problem() == Problem::NotZip);
            CHECK(zip.names().empty());
            CHECK(read_document(bytes, &error) == Problem::NotZip);
            CHECK(error.find("not a zip archive") != std::string::npos);
        }
    }
}

TEST_CASE("a zip bomb stops at the limit", "[zip]") {
    // A MiB of blanks deflates to about a KiB.
    const std::string blanks(std::size_t(1) << 20, ' ');
    ZipWriter writer;
    REQUIRE(writer.add("word/document.xml", blanks));
    const std::string bomb = writer.finish();
    REQUIRE(bomb.size() < 8 * 1024);
    {
        ZipArchive zip(bomb);
        CHECK(zip.read("word/document.xml", blanks.size()) == blanks);  // the limit itself is allowed
        CHECK_FALSE(zip.read("word/document.xml", blanks.size() - 1));
        CHECK(zip.problem() == Problem::TooLarge);
        CHECK(zip.error() == "word/document.xml: inflates to more than " + std::to_string(blanks.size() - 1) + " bytes");
    }
    // A bomb that claims to be small: inflating stops at the claim, and the
    // CRC of what was inflated does not match.
    std::string lying = bomb;
    const std::size_t entry = directory(lying);
    put32(lying, entry + 24, 100);
    put32(lying, local_header(lying, entry) + 22, 100);
    ZipArchive zip(lying);
    CHECK_FALSE(zip.read("word/document.xml", 1000));
    CHECK(zip.problem() == Problem::Damaged);
}
