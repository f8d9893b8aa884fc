#pragma once

#include <cstddef>
#include <string>

namespace bzc {

// What loading a source file found out about its bytes.
struct DecodedSource {
    enum class Problem { None, InvalidUtf8, NulByte };

    std::string text;            // UTF-8, LF line ends, no BOM (valid only if problem == None)
    std::string converted_from;  // "GB18030", "UTF-16LE" …; empty when the file was UTF-8
    Problem problem = Problem::None;
    std::size_t problem_offset = 0;  // byte offset into the original bytes
    std::size_t problem_line = 0;    // 1-based line/column of the problem in the original bytes
    std::size_t problem_column = 0;
    std::string suspected_encoding;  // for InvalidUtf8: what ICU's detector thought it was
};

// Turns the bytes of a source file into UTF-8 text with LF line ends.
// UTF-8 (with or without BOM) is taken as it is; UTF-16 with a BOM, and
// UTF-16 or GB18030/GBK that ICU's detector recognises with confidence and
// that converts without a single error, are converted (the caller warns).
// Anything else is reported with the position of the first bad byte.
DecodedSource decode_source(std::string bytes);

// CRLF and lone CR become LF; editors on old Windows and Mac systems write them.
void normalize_line_ends(std::string& text);

}  // namespace bzc
