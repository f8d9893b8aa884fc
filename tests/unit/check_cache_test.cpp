// The check cache of `bzc check` over a repository: its encoding (every
// field back as written; a damaged file read as no cache, never out of
// bounds), the file stamps that spare reading unchanged sources and their
// guard against edits within one timestamp tick, and the stored findings of
// the checks between standards.
#include "repository/check_cache.h"
#include "support/binary_codec.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace fs = std::filesystem;
using bzc::repository::CheckCache;
using bzc::repository::CheckRecord;
using bzc::repository::FileStamp;
using bzc::repository::StoredFinding;

namespace {

struct CacheFolder {
    fs::path path = fs::temp_directory_path() / ("bzc-cache-test-" + std::to_string(::getpid()));
    CacheFolder() { fs::remove_all(path); }
    ~CacheFolder() { fs::remove_all(path); }
    fs::path file() const { return path / "check-v2.bin"; }
    std::string bytes() const {
        std::ifstream in(file(), std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    void write(const std::string& bytes) const { std::ofstream(file(), std::ios::binary | std::ios::trunc) << bytes; }
};

StoredFinding finding(std::string rule, std::uint32_t line) {
    StoredFinding f;
    f.rule = std::move(rule);
    f.line = line;
    f.column = 3;
    f.severity = bzc::Severity::Warning;
    f.args = {{"number", "DB50/T 1016—2020", "DB50/T 1016—2020"}, {"other", "标准/乙.md", ""}};
    f.fix = bzc::Fix{"应该", "应"};
    return f;
}

// A cache with one of everything in it.
CheckCache filled_cache(const fs::path& folder) {
    CheckCache cache = CheckCache::load(folder, "configuration-1");
    bzc::repository::StandardIdentity identity;
    identity.number = "DB50/T 1016—2020";
    identity.title = "公务用车管理规范";
    identity.replaces = {"DB50/T 1016—2015"};
    identity.stage = bzc::model::Stage::Published;
    identity.effective = "2020-06-01";
    identity.category = "230";
    identity.number_line = 2;
    identity.title_line = 3;
    identity.category_line = 9;
    cache.put_identity("digest-a", identity);
    CheckRecord record;
    record.content = "digest-a";
    record.dependencies = {{"GB/T 1.1", "fingerprint"}, {"DB50/T 9", ""}};
    record.findings = {finding("REF-03", 12)};
    record.suppressed = 2;
    record.stage = bzc::model::Stage::Published;
    record.cited = {"GB/T 1.1"};
    record.scope = "本文件规定了公务用车的要求。";
    cache.put_record("standards/甲.md", record);
    FileStamp stamp{120, 5, 77, 1'000'000'000, 1'000'000'500};
    cache.put_stamp("standards/甲.md", stamp, "digest-a", 9'000'000'000);
    cache.put_between_findings("inputs-1", {{"standards/甲.md", {finding("REPO-04", 3)}}});
    return cache;
}

}  // namespace

TEST_CASE("the binary codec reads back what it wrote, and fails on what it did not", "[cache]") {
    bzc::BinaryWriter w;
    w.number(0).number(127).number(128).number(UINT64_MAX).signed_number(-1).signed_number(INT64_MIN).text("").text("机关事务").flag(true);
    bzc::BinaryReader r(w.bytes());
    CHECK(r.number() == 0);
    CHECK(r.number() == 127);
    CHECK(r.number() == 128);
    CHECK(r.number() == UINT64_MAX);
    CHECK(r.signed_number() == -1);
    CHECK(r.signed_number() == INT64_MIN);
    CHECK(r.text().empty());
    CHECK(r.text() == "机关事务");
    CHECK(r.flag());
    CHECK(r.ok());
    CHECK(r.at_end());
    CHECK(r.number() == 0);  // past the end
    CHECK_FALSE(r.ok());

    SECTION("a length beyond the bytes is damage, not a read past them") {
        bzc::BinaryWriter long_text;
        long_text.number(1000).number(1);
        bzc::BinaryReader damaged(long_text.bytes());
        CHECK(damaged.text().empty());
        CHECK_FALSE(damaged.ok());
    }
    SECTION("a count more elements than the bytes could hold is damage") {
        bzc::BinaryWriter huge;
        huge.number(UINT64_MAX / 2);
        bzc::BinaryReader damaged(huge.bytes());
        CHECK(damaged.count() == 0);
        CHECK_FALSE(damaged.ok());
    }
    SECTION("a varint of more than 64 bits is damage") {
        const std::string eleven_continued_bytes(11, '\xff');
        bzc::BinaryReader damaged(eleven_continued_bytes);
        CHECK(damaged.number() == 0);
        CHECK_FALSE(damaged.ok());
    }
}

TEST_CASE("the cache keeps every field of identities, records, stamps and findings between standards", "[cache]") {
    CacheFolder folder;
    REQUIRE(filled_cache(folder.path).save() == 0);
    CheckCache loaded = CheckCache::load(folder.path, "configuration-1");
    const auto* identity = loaded.identity("digest-a");
    REQUIRE(identity);
    CHECK(identity->number == "DB50/T 1016—2020");
    CHECK(identity->designation.has_value());
    CHECK(identity->title == "公务用车管理规范");
    CHECK(identity->replaces == std::vector<std::string>{"DB50/T 1016—2015"});
    CHECK(identity->stage == bzc::model::Stage::Published);
    CHECK(identity->effective == "2020-06-01");
    CHECK(identity->category == "230");
    CHECK(identity->category_line == 9);
    const CheckRecord* record = loaded.record("standards/甲.md");
    REQUIRE(record);
    CHECK(record->dependencies.size() == 2);
    CHECK(record->dependencies[1].second.empty());
    REQUIRE(record->findings.size() == 1);
    CHECK(record->findings[0].rule == "REF-03");
    CHECK(record->findings[0].severity == bzc::Severity::Warning);
    CHECK(record->findings[0].args[1][1] == "标准/乙.md");
    REQUIRE(record->findings[0].fix);
    CHECK(record->findings[0].fix->replacement == "应");
    CHECK(record->suppressed == 2);
    CHECK(record->read);
    CHECK(record->stage == bzc::model::Stage::Published);
    CHECK(record->scope == "本文件规定了公务用车的要求。");
    const std::string* content = loaded.unchanged_content("standards/甲.md", FileStamp{120, 5, 77, 1'000'000'000, 1'000'000'500});
    REQUIRE(content);
    CHECK(*content == "digest-a");
    const auto* between = loaded.between_findings("inputs-1");
    REQUIRE(between);
    CHECK(between->at("standards/甲.md").at(0).rule == "REPO-04");
    CHECK_FALSE(loaded.between_findings("inputs-2"));
    CHECK_FALSE(loaded.changed());
    // Another configuration (another bzc, project file or option) starts from empty.
    CHECK_FALSE(CheckCache::load(folder.path, "configuration-2").identity("digest-a"));
}

TEST_CASE("a damaged cache is read as no cache at every point of damage", "[cache]") {
    CacheFolder folder;
    REQUIRE(filled_cache(folder.path).save() == 0);
    const std::string whole = folder.bytes();
    for (std::size_t size = 0; size < whole.size(); ++size) {
        folder.write(whole.substr(0, size));
        CheckCache loaded = CheckCache::load(folder.path, "configuration-1");
        INFO("truncated to " << size << " of " << whole.size() << " bytes");
        CHECK_FALSE(loaded.identity("digest-a"));
        CHECK_FALSE(loaded.record("standards/甲.md"));
    }
    // Bytes flipped one at a time: never a crash or a read out of bounds
    // (the sanitized build checks); what loads is whole or empty.
    for (std::size_t at = 0; at < whole.size(); ++at) {
        std::string flipped = whole;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x5a);
        folder.write(flipped);
        CheckCache loaded = CheckCache::load(folder.path, "configuration-1");
        if (const CheckRecord* record = loaded.record("standards/甲.md")) CHECK(record->dependencies.size() <= flipped.size());
    }
    folder.write(whole + "x");  // trailing bytes: not what was written
    CHECK_FALSE(CheckCache::load(folder.path, "configuration-1").record("standards/甲.md"));
}

TEST_CASE("a file stamp stands for the text only when the file had settled before it was read", "[cache]") {
    CacheFolder folder;
    CheckCache cache = CheckCache::load(folder.path, "configuration-1");
    const std::int64_t second = 1'000'000'000;
    FileStamp stamp{100, 1, 2, 50 * second, 50 * second};
    SECTION("read well after its last change: later runs trust the stamp") {
        cache.put_stamp("a.md", stamp, "digest-a", 53 * second);
        REQUIRE(cache.unchanged_content("a.md", stamp));
        CHECK(*cache.unchanged_content("a.md", stamp) == "digest-a");
        FileStamp rewritten = stamp;
        rewritten.changed_ns += 1;  // the same size and modification time set back: ctime tells
        CHECK_FALSE(cache.unchanged_content("a.md", rewritten));
        FileStamp replaced = stamp;
        replaced.inode = 3;  // saved by an editor as a new file
        CHECK_FALSE(cache.unchanged_content("a.md", replaced));
        CHECK_FALSE(cache.unchanged_content("b.md", stamp));
    }
    SECTION("read within two seconds of its last change: another write in the same tick could keep the stamp") {
        cache.put_stamp("a.md", stamp, "digest-a", 51 * second);
        CHECK_FALSE(cache.unchanged_content("a.md", stamp));
    }
    SECTION("a stamp no longer trusted is dropped, not kept from an earlier run") {
        cache.put_stamp("a.md", stamp, "digest-a", 53 * second);
        FileStamp edited = stamp;
        edited.modified_ns = edited.changed_ns = 60 * second;
        cache.put_stamp("a.md", edited, "digest-b", 60 * second + 1);
        CHECK_FALSE(cache.unchanged_content("a.md", stamp));
        CHECK_FALSE(cache.unchanged_content("a.md", edited));
    }
    SECTION("retain forgets the stamps of sources gone or changed") {
        cache.put_stamp("a.md", stamp, "digest-a", 53 * second);
        cache.put_stamp("b.md", stamp, "digest-b", 53 * second);
        cache.retain({{"a.md", "digest-a2"}});
        CHECK_FALSE(cache.unchanged_content("a.md", stamp));
        CHECK_FALSE(cache.unchanged_content("b.md", stamp));
    }
}
