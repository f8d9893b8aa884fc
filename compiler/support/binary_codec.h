#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bzc {

// A compact encoding for bzc's own caches: unsigned integers as LEB128
// varints, strings length-prefixed. The check cache is read and written on
// every run of `bzc check`, including the ones that must answer within
// 100 ms, and decoding it through a generic document model (CBOR into JSON
// values, then into structs) cost more than the whole rest of such a run.
// There is no schema in the bytes: the reader must ask for exactly what the
// writer wrote, and a cache format change bumps the cache's version.
class BinaryWriter {
public:
    BinaryWriter& number(std::uint64_t value);
    BinaryWriter& signed_number(std::int64_t value);
    BinaryWriter& text(std::string_view value);
    BinaryWriter& flag(bool value) { return number(value ? 1 : 0); }
    const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
};

// Reads what a BinaryWriter wrote. Input it did not write (a truncated or
// damaged file) never reads out of bounds: the reader fails, every later
// read gives zero or empty, and ok() tells.
class BinaryReader {
public:
    explicit BinaryReader(std::string_view bytes) : bytes_(bytes) {}
    std::uint64_t number();
    std::int64_t signed_number();
    std::string text();
    bool flag() { return number() != 0; }
    // An element count: one that more elements than bytes remain could hold
    // is damage, so a loop over it cannot run away.
    std::size_t count();
    bool ok() const { return ok_; }
    bool at_end() const { return position_ == bytes_.size(); }

private:
    std::string_view bytes_;
    std::size_t position_ = 0;
    bool ok_ = true;
};

}  // namespace bzc
