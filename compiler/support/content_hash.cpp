#include "support/content_hash.h"

#include <xxhash.h>

#include <cstdint>
#include <stdexcept>

namespace bzc {

namespace {

std::string hex(XXH128_hash_t h) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        std::uint64_t word = i < 8 ? h.high64 : h.low64;
        int shift = (7 - i % 8) * 8;
        auto byte = static_cast<unsigned>((word >> shift) & 0xff);
        out[2 * i] = digits[byte >> 4];
        out[2 * i + 1] = digits[byte & 0xf];
    }
    return out;
}

}  // namespace

std::string content_hash(std::string_view bytes) { return hex(XXH3_128bits(bytes.data(), bytes.size())); }

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
    if (!state_ || XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_)) != XXH_OK) throw std::bad_alloc();
}

ContentHasher::~ContentHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

ContentHasher& ContentHasher::add(std::string_view piece) {
    auto* state = static_cast<XXH3_state_t*>(state_);
    std::uint64_t length = piece.size();
    XXH3_128bits_update(state, &length, sizeof length);
    XXH3_128bits_update(state, piece.data(), piece.size());
    return *this;
}

std::string ContentHasher::digest() const { return hex(XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_))); }

}  // namespace bzc
