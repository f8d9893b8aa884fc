#pragma once

#include "emit/docx/xml_out.h"

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

// A picture in the line of text (wp:inline), as Word writes one: the image
// of the relationship `image_relationship`, `cx` × `cy` EMU; with an
// `svg_relationship`, the SVG that Office 2016 and later show in its place
// (the asvg:svgBlip extension; other readers keep to the image). The part
// declares the prefixes wp, a, pic and r on its root.
struct InlinePicture {
    std::string image_relationship;
    std::string svg_relationship;  // optional
    std::uint32_t id = 0;          // unique among the drawings of the part
    std::string name;
    long long cx = 0, cy = 0;
};
void write_inline_picture(XmlOut& x, const InlinePicture& picture);

}  // namespace bzc::emit::docx
