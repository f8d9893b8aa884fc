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

bool looks_like_utf16(std::string_view bytes, bool& little_endian) {
    // Text in UTF-16 has a NUL in every other byte for ASCII characters; count
    // them by parity over a sample.
    std::size_t even = 0, odd = 0, n = std::min<std::size_t>(bytes.size(), 4096);
    for (std::size_t i = 0; i < n; ++i) {
        if (bytes[i] == '\0') (i % 2 == 0 ? even : odd)++;
    }
    if (n < 4 || n % 2 != 0) {
        if (n < 4) return false;
    }
    if (odd > n / 8 && even == 0) { little_endian = true; return true; }
    if (even > n / 8 && odd == 0) { little_endian = false; return true; }
    return false;
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
    if (bad == std::string_view::npos) {
        std::size_t nul = view.find('\0');
        if (nul != std::string_view::npos) {
            bool little = false;
            if (looks_like_utf16(view, little)) {
                std::string out;
                const char* name = little ? "UTF-16LE" : "UTF-16BE";
                if (convert_to_utf8(name, view, out)) {
                    result.converted_from = name;
                    normalize_line_ends(out);
                    result.text = std::move(out);
                    return result;
                }
            }
            result.problem = DecodedSource::Problem::NulByte;
            locate(result, view, nul);
            return result;
        }
        result.text = bytes.size() == view.size() ? std::move(bytes) : std::string(view);
        normalize_line_ends(result.text);
        return result;
    }

    bool little = false;
    if (looks_like_utf16(view, little)) {
        std::string out;
        const char* name = little ? "UTF-16LE" : "UTF-16BE";
        if (convert_to_utf8(name, view, out) && utf8::find_invalid(out) == std::string::npos) {
            result.converted_from = name;
            normalize_line_ends(out);
            result.text = std::move(out);
            return result;
        }
    }

    auto [guess, confidence] = detect_encoding(view);
    // GBK and GB2312 are subsets of GB18030, which ICU reports for all three.
    if (guess == "GB18030" && confidence >= 10) {
        std::string out;
        if (convert_to_utf8("GB18030", view, out)) {
            result.converted_from = "GB18030";
            normalize_line_ends(out);
            result.text = std::move(out);
            return result;
        }
    }
    result.problem = DecodedSource::Problem::InvalidUtf8;
    result.suspected_encoding = guess;
    locate(result, view, bad);
    return result;
}

}  // namespace bzc
