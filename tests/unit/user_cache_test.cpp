// user_cache_directory: where bzc keeps the PDF worker and the formula
// cache, and that a folder in the shared temporary directory is used only
// when it is the user's own.
#include "support/user_cache.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using bzc::test::EnvironmentVariable;

mode_t mode_of(const std::filesystem::path& p) {
    struct stat st {};
    ::lstat(p.c_str(), &st);
    return st.st_mode;
}

}  // namespace

TEST_CASE("the user's cache: XDG_CACHE_HOME, the home folder, else a private folder in the temporary directory", "[support]") {
    bzc::test::ScratchFolder scratch("bzc-user-cache");
    {
        EnvironmentVariable xdg("XDG_CACHE_HOME", "/somewhere/cache");
        CHECK(bzc::user_cache_directory() == "/somewhere/cache/bzc");
    }
    EnvironmentVariable xdg("XDG_CACHE_HOME", nullptr);
    {
        EnvironmentVariable home("HOME", scratch.path.c_str());
        CHECK(bzc::user_cache_directory() == scratch.path / ".cache" / "bzc");
    }
    EnvironmentVariable home("HOME", nullptr);
    EnvironmentVariable tmpdir("TMPDIR", scratch.path.c_str());
    const std::filesystem::path shared = scratch.path / ("bzc-" + std::to_string(::getuid()));
    CHECK(bzc::user_cache_directory() == shared);
    CHECK((mode_of(shared) & 0777) == 0700);
    CHECK(bzc::user_cache_directory() == shared);  // the next run finds it again
    // Opened to others (or made by someone else): not used; a private folder of this run instead.
    ::chmod(shared.c_str(), 0777);
    std::filesystem::path other = bzc::user_cache_directory();
    CHECK(other != shared);
    CHECK(other.parent_path() == scratch.path);
    CHECK(other.filename().string().rfind("bzc-" + std::to_string(::getuid()) + "-", 0) == 0);
    CHECK((mode_of(other) & 0777) == 0700);
    // A link in its place, even to a private folder, is not the user's folder either.
    std::filesystem::remove_all(shared);
    std::filesystem::create_directory(scratch.path / "elsewhere");
    ::chmod((scratch.path / "elsewhere").c_str(), 0700);
    std::filesystem::create_directory_symlink(scratch.path / "elsewhere", shared);
    CHECK(bzc::user_cache_directory() != shared);
}
