#include "support/binary_codec.h"

namespace bzc {

BinaryWriter& BinaryWriter::number(std::uint64_t value) {
    do {
        unsigned char byte = value & 0x7f;
        value >>= 7;
        if (value) byte |= 0x80;
        bytes_.push_back(static_cast<char>(byte));
    } while (value);
    return *this;
}

BinaryWriter& BinaryWriter::signed_number(std::int64_t value) {
    // Zig-zag, so that small negative numbers stay short.
    return number((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
}

BinaryWriter& BinaryWriter::text(std::string_view value) {
    number(value.size());
    bytes_.append(value);
    return *this;
}

std::uint64_t BinaryReader::number() {
    std::uint64_t value = 0;
    for (unsigned shift = 0; ok_; shift += 7) {
        if (position_ >= bytes_.size() || shift > 63) {
            ok_ = false;
            break;
        }
        auto byte = static_cast<unsigned char>(bytes_[position_++]);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return value;
    }
    return 0;
}

std::int64_t BinaryReader::signed_number() {
    std::uint64_t raw = number();
    return static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1);
}

std::string BinaryReader::text() {
    std::uint64_t size = number();
    if (!ok_ || size > bytes_.size() - position_) {
        ok_ = false;
        return {};
    }
    std::string value(bytes_.substr(position_, size));
    position_ += size;
    return value;
}

std::size_t BinaryReader::count() {
    std::uint64_t n = number();
    if (!ok_ || n > bytes_.size() - position_) {
        ok_ = false;
        return 0;
    }
    return static_cast<std::size_t>(n);
}

}  // namespace bzc
