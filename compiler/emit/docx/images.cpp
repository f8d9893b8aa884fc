#include "emit/docx/images.h"

#include "support/file_bytes.h"
#include "support/svg_rendering.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace bzc::emit::docx {

namespace {

constexpr std::uintmax_t max_image_bytes = 64u << 20;

std::uint32_t be32(const std::string& s, std::size_t at) {
    return (std::uint32_t(static_cast<unsigned char>(s[at])) << 24) | (std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8) | std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

std::uint16_t be16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}

bool png(Image& image) {
    const std::string& s = image.data;
    if (s.size() < 33 || s.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || s.compare(12, 4, "IHDR") != 0) return false;
    image.width = be32(s, 16);
    image.height = be32(s, 20);
    // pHYs, if any, comes before the first IDAT.
    std::size_t at = 8;
    while (at + 12 <= s.size()) {
        std::uint32_t length = be32(s, at);
        std::string_view type(s.data() + at + 4, 4);
        if (type == "IDAT" || length > s.size()) break;
        if (type == "pHYs" && length >= 9 && at + 17 <= s.size() && s[at + 16] == 1) {  // unit: metre
            std::uint32_t x = be32(s, at + 8), y = be32(s, at + 12);
            if (x > 0 && y > 0) {
                image.dpi_x = x * 0.0254;
                image.dpi_y = y * 0.0254;
            }
        }
        at += 12 + static_cast<std::size_t>(length);
    }
    image.extension = "png";
    return image.width > 0 && image.height > 0;
}

bool jpeg(Image& image) {
    const std::string& s = image.data;
    if (s.size() < 4 || static_cast<unsigned char>(s[0]) != 0xff || static_cast<unsigned char>(s[1]) != 0xd8) return false;
    std::size_t at = 2;
    while (at + 4 <= s.size()) {
        if (static_cast<unsigned char>(s[at]) != 0xff) return false;
        unsigned marker = static_cast<unsigned char>(s[at + 1]);
        if (marker == 0xff) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
            at += 2;
            continue;
        }
        std::size_t length = be16(s, at + 2);
        if (length < 2 || at + 2 + length > s.size()) return false;
        if (marker == 0xe0 && length >= 16 && s.compare(at + 4, 5, std::string("JFIF\0", 5)) == 0) {
            unsigned units = static_cast<unsigned char>(s[at + 11]);
            std::uint16_t x = be16(s, at + 12), y = be16(s, at + 14);
            if (units != 0 && x > 0 && y > 0) {
                image.dpi_x = units == 1 ? x : x * 2.54;
                image.dpi_y = units == 1 ? y : y * 2.54;
            }
        }
        bool start_of_frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (start_of_frame && length >= 7) {
            image.height = be16(s, at + 5);
            image.width = be16(s, at + 7);
            image.extension = "jpeg";
            return image.width > 0 && image.height > 0;
        }
        if (marker == 0xda) return false;  // image data before any frame header
        at += 2 + length;
    }
    return false;
}

// SVG lengths in CSS pixels (96 per inch); nothing for percentages,
// font-relative units and anything else without a size of its own.
std::optional<double> css_pixels(std::string_view text) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || !std::isfinite(value) || value <= 0) return std::nullopt;
    std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    static const std::pair<std::string_view, double> units[] = {
        {"", 1}, {"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}};
    for (const auto& [name, factor] : units) {
        if (unit == name) return value * factor;
    }
    return std::nullopt;
}

// The viewBox's width and height, when it has four numbers and both are positive.
std::optional<std::pair<double, double>> view_box_size(std::string_view text) {
    double numbers[4];
    std::size_t count = 0;
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end) {
        if (*at == ' ' || *at == ',' || *at == '\t' || *at == '\n' || *at == '\r') {
            ++at;
            continue;
        }
        if (count == 4) return std::nullopt;
        auto [next, error] = std::from_chars(at, end, numbers[count]);
        if (error != std::errc() || !std::isfinite(numbers[count])) return std::nullopt;
        ++count;
        at = next;
    }
    if (count != 4 || numbers[2] <= 0 || numbers[3] <= 0) return std::nullopt;
    return std::make_pair(numbers[2], numbers[3]);
}

std::string_view local_name(std::string_view name) {
    auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool looks_like_xml(const std::string& data) {
    std::string_view text(data);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '<';
}

// A name for the formats people try that a DOCX of bzc cannot carry.
std::string_view other_format(const std::string& data) {
    if (data.starts_with("GIF87a") || data.starts_with("GIF89a")) return "GIF";
    if (data.starts_with("BM")) return "BMP";
    if (data.starts_with(std::string_view("II*\0", 4)) || data.starts_with(std::string_view("MM\0*", 4))) return "TIFF";
    if (data.starts_with("RIFF") && data.size() >= 12 && data.compare(8, 4, "WEBP") == 0) return "WebP";
    if (data.starts_with("\x1f\x8b")) return "gzip (SVGZ?)";
    return {};
}

// The render box: twice the SVG's size, at most 170 × 250 mm at 192 pixels
// per inch, so that a hostile width="100000mm" cannot ask for gigapixels.
constexpr double render_zoom = 2;
constexpr double max_render_width_px = 170 / 25.4 * 192;
constexpr double max_render_height_px = 250 / 25.4 * 192;

}  // namespace

bool read_image_header(Image& image) { return png(image) || jpeg(image); }

std::optional<SvgSize> read_svg_size(const std::string& svg, ImageFailure& failure) {
    pugi::xml_document doc;
    // parse_doctype keeps a DOCTYPE as a node so that it can be refused;
    // pugixml itself never expands entities nor reads anything else.
    pugi::xml_parse_result parsed = doc.load_buffer(svg.data(), svg.size(), pugi::parse_default | pugi::parse_doctype);
    if (!parsed) {
        failure.reason_zh = "SVG不是格式正确的XML（第" + std::to_string(parsed.offset) + "字节：" + parsed.description() + "）";
        failure.reason_en = "the SVG is not well-formed XML (byte " + std::to_string(parsed.offset) + ": " + parsed.description() + ")";
        return std::nullopt;
    }
    for (pugi::xml_node node : doc.children()) {
        if (node.type() == pugi::node_doctype) {
            failure.reason_zh = "SVG含有DOCTYPE声明：为防止读取外部实体，bzc不接受DOCTYPE和实体";
            failure.reason_en = "the SVG has a DOCTYPE: bzc refuses DOCTYPEs and entities so that no external entity is read";
            return std::nullopt;
        }
    }
    pugi::xml_node root = doc.document_element();
    if (local_name(root.name()) != "svg") {
        failure.reason_zh = "不是SVG图片（根元素不是<svg>）";
        failure.reason_en = "it is not an SVG image (the root element is not <svg>)";
        return std::nullopt;
    }
    std::optional<double> width = css_pixels(root.attribute("width").value());
    std::optional<double> height = css_pixels(root.attribute("height").value());
    auto box = view_box_size(root.attribute("viewBox").value());
    SvgSize size;
    if (width && height) {
        size = {*width, *height};
    } else if (box && width) {
        size = {*width, *width * box->second / box->first};
    } else if (box && height) {
        size = {*height * box->first / box->second, *height};
    } else if (box) {
        size.width_px = svg_default_width_mm / 25.4 * 96;
        size.height_px = size.width_px * box->second / box->first;
    } else {
        failure.reason_zh = "SVG没有尺寸：根元素须有width和height（px、pt、mm、cm或in）或viewBox";
        failure.reason_en = "the SVG has no size: its root needs width and height (px, pt, mm, cm or in) or a viewBox";
        return std::nullopt;
    }
    return size;
}

std::optional<Image> read_svg_image(std::string svg, ImageFailure& failure) {
    auto size = read_svg_size(svg, failure);
    if (!size) return std::nullopt;
    double scale = std::min({render_zoom, max_render_width_px / size->width_px, max_render_height_px / size->height_px});
    SvgRenderRequest request;
    request.width_px = std::max(1L, std::lround(size->width_px * scale));
    request.height_px = std::max(1L, std::lround(size->height_px * scale));
    request.purpose_zh = "SVG图片的PNG";
    request.purpose_en = "the PNG of an SVG figure";
    RenderedPng rendered = render_svg_to_png(svg, request);
    if (!rendered.ok()) {
        failure.reason_zh = rendered.error_zh;
        failure.reason_en = rendered.error_en;
        failure.renderer_missing = rendered.program_missing;
        return std::nullopt;
    }
    Image image;
    image.data = std::move(rendered.png);
    if (!png(image)) {
        failure.reason_zh = "rsvg-convert生成的PNG无法读取";
        failure.reason_en = "the PNG rsvg-convert wrote cannot be read";
        return std::nullopt;
    }
    // The resolution that puts the PNG at the SVG's own size.
    image.dpi_x = image.width * 96.0 / size->width_px;
    image.dpi_y = image.height * 96.0 / size->height_px;
    image.svg = std::move(svg);
    return image;
}

std::optional<Image> read_image(const std::filesystem::path& path, ImageFailure& failure) {
    std::string& reason_zh = failure.reason_zh;
    std::string& reason_en = failure.reason_en;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        reason_zh = "文件不存在或不是普通文件";
        reason_en = "the file does not exist or is not a regular file";
        return std::nullopt;
    }
    if (std::filesystem::file_size(path, ec) > max_image_bytes) {
        reason_zh = "文件超过64 MiB";
        reason_en = "the file is larger than 64 MiB";
        return std::nullopt;
    }
    std::optional<std::string> bytes = read_file_bytes(path);
    if (!bytes) {
        reason_zh = "无法读取文件";
        reason_en = "the file cannot be read";
        return std::nullopt;
    }
    Image image;
    image.data = std::move(*bytes);
    if (read_image_header(image)) return image;
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".svg" || looks_like_xml(image.data)) return read_svg_image(std::move(image.data), failure);
    if (auto format = other_format(image.data); !format.empty()) {
        reason_zh = "是" + std::string(format) + "图片，只有PNG、JPEG和SVG能嵌入";
        reason_en = "it is a " + std::string(format) + " image; only PNG, JPEG and SVG can be embedded";
        return std::nullopt;
    }
    reason_zh = "不是PNG、JPEG或SVG图片";
    reason_en = "it is not a PNG, JPEG or SVG image";
    return std::nullopt;
}
void write_inline_picture(XmlOut& x, const InlinePicture& picture) {
    std::string w = num(picture.cx), h = num(picture.cy), n = num(picture.id);
    x.open("w:r");
    x.open("w:drawing");
    x.open("wp:inline", {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
    x.empty("wp:extent", {{"cx", w}, {"cy", h}});
    x.empty("wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
    x.empty("wp:docPr", {{"id", n}, {"name", picture.name}});
    x.open("wp:cNvGraphicFramePr");
    x.empty("a:graphicFrameLocks", {{"noChangeAspect", "1"}});
    x.close();
    x.open("a:graphic");
    x.open("a:graphicData", {{"uri", "http://schemas.openxmlformats.org/drawingml/2006/picture"}});
    x.open("pic:pic");
    x.open("pic:nvPicPr");
    x.empty("pic:cNvPr", {{"id", n}, {"name", picture.name}});
    x.empty("pic:cNvPicPr");
    x.close();
    x.open("pic:blipFill");
    if (picture.svg_relationship.empty()) {
        x.empty("a:blip", {{"r:embed", picture.image_relationship}});
    } else {
        x.open("a:blip", {{"r:embed", picture.image_relationship}});
        x.open("a:extLst");
        // The extension's registered uri: Word shows the SVG when it knows it.
        x.open("a:ext", {{"uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"}});
        x.empty("asvg:svgBlip", {{"xmlns:asvg", "http://schemas.microsoft.com/office/drawing/2016/SVG/main"},
                                 {"r:embed", picture.svg_relationship}});
        x.close();
        x.close();
        x.close();
    }
    x.open("a:stretch");
    x.empty("a:fillRect");
    x.close();
    x.close();
    x.open("pic:spPr");
    x.open("a:xfrm");
    x.empty("a:off", {{"x", "0"}, {"y", "0"}});
    x.empty("a:ext", {{"cx", w}, {"cy", h}});
    x.close();
    x.open("a:prstGeom", {{"prst", "rect"}});
    x.empty("a:avLst");
    x.close();
    x.close();
    x.close();  // pic:pic
    x.close();  // graphicData
    x.close();  // graphic
    x.close();  // inline
    x.close();  // drawing
    x.close();  // r
}

}  // namespace bzc::emit::docx
