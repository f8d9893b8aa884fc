#pragma once

#include <string>
#include <string_view>

namespace bzc {

// A 128-bit XXH3 digest of `bytes` as 32 hex digits: the address of a
// source's text in the check cache. Not cryptographic; the cache only needs
// that different texts practically never share one.
std::string content_hash(std::string_view bytes);

// Accumulates several pieces into one digest; each piece is length-prefixed
// so that ("ab", "c") and ("a", "bc") differ.
class ContentHasher {
public:
    ContentHasher();
    ~ContentHasher();
    ContentHasher(const ContentHasher&) = delete;
    ContentHasher& operator=(const ContentHasher&) = delete;
    ContentHasher& add(std::string_view piece);
    std::string digest() const;

private:
    void* state_;
};

}  // namespace bzc
