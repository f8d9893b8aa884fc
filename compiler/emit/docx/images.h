#pragma once

#include "emit/docx/xml_out.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace bzc::emit::docx {

// An image file to embed, with its size read from the file header. An SVG
// file is embedded as its PNG rendering (data) with the SVG beside it.
struct Image {
    std::string data;
    std::string extension;  // png | jpeg
    std::string svg;        // the SVG file, when the image is one
    std::uint32_t width = 0, height = 0;  // pixels
    double dpi_x = 96, dpi_y = 96;        // from pHYs / JFIF, 96 when the file says nothing
};

// Why an image file cannot be embedded.
struct ImageFailure {
    std::string reason_zh, reason_en;
    bool renderer_missing = false;  // an SVG, and no rsvg-convert to draw its PNG
};

// Reads a PNG, JPEG or SVG file (an SVG is rendered to PNG by rsvg-convert,
// see read_svg_image). On failure returns nothing and says why.
std::optional<Image> read_image(const std::filesystem::path& path, ImageFailure& failure);

// The size an SVG gives itself, in CSS pixels (96 per inch): width and
// height (px, pt, pc, mm, cm, in or no unit), one of them with the viewBox's
// proportions, or the viewBox alone at svg_default_width_mm wide.
// Percentages and font-relative units count as no size.
struct SvgSize {
    double width_px = 0, height_px = 0;
};
inline constexpr double svg_default_width_mm = 150;  // fits the 165 mm text block of the GB/T page
// The SVG checked before anything runs on it: well-formed XML with an <svg>
// root, no DOCTYPE (so no entities, internal or external), and a size.
std::optional<SvgSize> read_svg_size(const std::string& svg, ImageFailure& failure);

// An SVG as an Image: its PNG drawn by rsvg-convert at twice its size (192
// pixels per inch; at most 170 × 250 mm of it, larger ones at less), with a
// resolution that keeps the SVG's own size on the page.
std::optional<Image> read_svg_image(std::string svg, ImageFailure& failure);

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
