#include "support/text_encoding.h"

#include "support/utf8.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

namespace bzc {

namespace {

// Converts with ICU and fails on the first unmappable or illegal sequence,
// so a wrong guess of the encoding never produces silent mojibake.
bool convert_to_utf8(const char* encoding, std::string_view bytes, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding, &status), ucnv_close);
    if (U_FAILURE(status)) return false;
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return false;
    std::vector<UChar> utf16(bytes.size() + 16);
    int32_t len = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return false;
    int32_t needed = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(nullptr, 0, &needed, utf16.data(), len, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
    out.assign(static_cast<std::size_t>(needed), '\0');
    status = U_ZERO_ERROR;
    u_strToUTF8(out.data(), needed, nullptr, utf16.data(), len, &status);
    return U_SUCCESS(status);
}

// ICU's best guess and its confidence (0–100); empty when it has none.
std::pair<std::string, int> detect_encoding(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), ucsdet_close);
    if (U_FAILURE(status)) return {};
    // The detector only needs a sample; the first 64 KiB keeps it fast on huge files.
    auto sample = bytes.substr(0, 64 * 1024);
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return {};
    const char* name = ucsdet_getName(match, &status);
    int confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || name == nullptr) return {};
    return {name, confidence};
}

void locate(DecodedSource& result, std::string_view bytes, std::size_t offset) {
    result.problem_offset = offset;
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') { ++line; line_start = i + 1; }
    }
    result.problem_line = line;
    // Count the characters before the bad byte; the prefix up to it is valid UTF-8.
    result.problem_column = utf8::count_code_points(bytes.substr(line_start, offset - line_start)) + 1;
}

// Text in UTF-16 has a NUL in one of each two bytes for every ASCII
// character, and for Chinese characters such as 一 (U+4E00) in the other.
// Decide by which side has clearly more NULs in a sample.
bool looks_like_utf16(std::string_view bytes, bool& little_endian) {
    std::size_t n = std::min<std::size_t>(bytes.size(), 8192) & ~std::size_t{1};
    if (n < 4) return false;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (bytes[i] == '\0') (i % 2 == 0 ? even : odd)++;
    }
    if (odd >= n / 16 && odd > 3 * even) { little_endian = true; return true; }
    if (even >= n / 16 && even > 3 * odd) { little_endian = false; return true; }
    return false;
}

// Converted text that is plain ASCII or mostly Chinese: of its non-ASCII
// characters, most are Han characters or CJK punctuation and full-width
// forms, and it has no control characters. A wrong guess of the encoding
// gives anything but that.
bool looks_like_chinese_text(std::string_view text) {
    std::size_t non_ascii = 0, chinese = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t c = utf8::decode(text, pos);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;
        if (c < 0x80) continue;
        ++non_ascii;
        if (utf8::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x2014 || c == 0x2026 ||
            c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00B7) {
            ++chinese;
        }
    }
    return non_ascii == 0 || chinese * 10 >= non_ascii * 8;
}

// Whether the bytes are UTF-8 with a few damaged places rather than text in
// another encoding: valid multi-byte sequences clearly outnumber the invalid
// bytes. A GBK file is invalid UTF-8 almost everywhere.
bool mostly_utf8(std::string_view bytes) {
    std::size_t valid = 0, invalid = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto b = static_cast<unsigned char>(bytes[pos]);
        if (b < 0x80) { ++pos; continue; }
        std::size_t bad = utf8::find_invalid(bytes.substr(pos, 4));
        if (bad == 0) {
            ++invalid;
            ++pos;
            continue;
        }
        std::size_t before = pos;
        char32_t c = utf8::decode(bytes, pos);
        if (c == U'\uFFFD' && pos == before + 1) ++invalid; else ++valid;
    }
    return valid >= 2 * invalid && valid > 0;
}

bool try_convert(const char* encoding, std::string_view bytes, DecodedSource& result) {
    std::string out;
    if (!convert_to_utf8(encoding, bytes, out) || utf8::find_invalid(out) != std::string::npos) return false;
    if (!looks_like_chinese_text(out)) return false;
    if (out.find('\0') != std::string::npos) return false;
    result.converted_from = encoding;
    normalize_line_ends(out);
    result.text = std::move(out);
    return true;
}

}  // namespace

void normalize_line_ends(std::string& text) {
    if (text.find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    text = std::move(out);
}

DecodedSource decode_source(std::string bytes) {
    DecodedSource result;
    std::string_view view(bytes);

    if (view.starts_with("\xEF\xBB\xBF")) {
        view.remove_prefix(3);
    } else if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF")) {
        const char* name = view[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        std::string out;
        if (convert_to_utf8(name, view.substr(2), out)) {
            result.converted_from = name;
            normalize_line_ends(out);
            result.text = std::move(out);
            return result;
        }
    }

    std::size_t bad = utf8::find_invalid(view);
    bool little = false;
    if (bad == std::string_view::npos) {
        std::size_t nul = view.find('\0');
        if (nul == std::string_view::npos) {
            result.text = bytes.size() == view.size() ? std::move(bytes) : std::string(view);
            normalize_line_ends(result.text);
            return result;
        }
        if (looks_like_utf16(view, little) && try_convert(little ? "UTF-16LE" : "UTF-16BE", view, result)) return result;
        result.problem = DecodedSource::Problem::NulByte;
        locate(result, view, nul);
        return result;
    }

    if (looks_like_utf16(view, little) && try_convert(little ? "UTF-16LE" : "UTF-16BE", view, result)) return result;
    // GBK and GB2312 are subsets of GB18030. ICU's detector needs more text
    // than a short file has, so a clean, plausible GB18030 decoding wins.
    if (!mostly_utf8(view) && try_convert("GB18030", view, result)) return result;

    auto [guess, confidence] = detect_encoding(view);
    // Name the guess only when it is a real alternative the detector is fairly sure of.
    if (guess != "UTF-8" && confidence >= 30) result.suspected_encoding = guess;
    result.problem = DecodedSource::Problem::InvalidUtf8;
    locate(result, view, bad);
    return result;
}

}  // namespace bzc
