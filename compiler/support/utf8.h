#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// Small UTF-8 helpers used by the readers and checks. Validation and
// transcoding of whole files go through ICU (support/text_encoding); these
// work on text that is already known to be valid UTF-8.
namespace bzc::utf8 {

// Byte offset of the first invalid sequence, or npos when the text is valid.
std::size_t find_invalid(std::string_view text);

std::size_t count_code_points(std::string_view text);

// Decodes the code point starting at `pos` and advances `pos` past it.
// Returns U+FFFD for a malformed sequence (after advancing one byte).
char32_t decode(std::string_view text, std::size_t& pos);

// The start of the code point that ends at byte `pos` (0 when `pos` is 0):
// the step back that decode() makes forward.
std::size_t previous_start(std::string_view text, std::size_t pos);
// The code point that ends at byte `pos`; 0 when `pos` is 0.
char32_t decode_before(std::string_view text, std::size_t pos);

void append(std::string& out, char32_t code_point);

// Script tests by code point range; fast enough for every character of a
// large document, unlike a round trip through ICU for each one.
bool is_han(char32_t c);
bool is_ascii_alpha(char32_t c);
bool is_ascii_digit(char32_t c);

std::string_view trim(std::string_view text);      // ASCII and U+3000 white space

}  // namespace bzc::utf8
