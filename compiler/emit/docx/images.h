#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace bzc::emit::docx {

// An image file to embed, with its size read from the file header.
struct Image {
    std::string data;
    std::string extension;  // png | jpeg
    std::uint32_t width = 0, height = 0;  // pixels
    double dpi_x = 96, dpi_y = 96;        // from pHYs / JFIF, 96 when the file says nothing
};

// Reads a PNG or JPEG file. On failure returns nothing and sets `reason`
// (Chinese and English) to what is wrong.
std::optional<Image> read_image(const std::filesystem::path& path, std::string& reason_zh, std::string& reason_en);

// Reads the size from PNG or JPEG bytes; false when they are neither.
bool read_image_header(Image& image);

}  // namespace bzc::emit::docx
