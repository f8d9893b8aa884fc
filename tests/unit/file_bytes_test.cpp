// read_file_bytes: the one way bzc reads a whole file that is not a source
// (catalogs, the project file, caches, images, the PDF LibreOffice wrote).
#include "support/file_bytes.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <sys/stat.h>

TEST_CASE("a file's bytes are read as they are, or not at all", "[support]") {
    bzc::test::ScratchFolder folder("bzc-file-bytes");
    std::string bytes("a\0b\r\n\xff", 6);
    folder.write("f.bin", bytes);
    folder.write("empty", "");
    int error = -1;
    CHECK(bzc::read_file_bytes(folder.path / "f.bin", &error) == bytes);
    CHECK(error == 0);
    CHECK(bzc::read_file_bytes(folder.path / "empty") == std::string());
    // Larger than one read, and than the buffer a file that grows gets.
    std::string big(300000, 'x');
    folder.write("big", big);
    CHECK(bzc::read_file_bytes(folder.path / "big") == big);
    CHECK_FALSE(bzc::read_file_bytes(folder.path / "missing", &error));
    CHECK(error == ENOENT);
    CHECK_FALSE(bzc::read_file_bytes(folder.path, &error));
    CHECK(error == EISDIR);
    // A FIFO is not waited on: nobody writes to it.
    REQUIRE(::mkfifo((folder.path / "fifo").c_str(), 0600) == 0);
    CHECK_FALSE(bzc::read_file_bytes(folder.path / "fifo", &error));
    CHECK(error == EINVAL);
    // /proc reports a size of 0 for files that hold bytes.
    auto status = bzc::read_file_bytes("/proc/self/status");
    REQUIRE(status);
    CHECK(status->find("Name:") == 0);
}
