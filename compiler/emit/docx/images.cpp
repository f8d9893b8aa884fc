#include "emit/docx/images.h"

#include <fstream>
#include <sstream>

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

}  // namespace

bool read_image_header(Image& image) { return png(image) || jpeg(image); }

std::optional<Image> read_image(const std::filesystem::path& path, std::string& reason_zh, std::string& reason_en) {
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
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) {
        reason_zh = "无法读取文件";
        reason_en = "the file cannot be read";
        return std::nullopt;
    }
    Image image;
    image.data = std::move(buffer).str();
    if (!read_image_header(image)) {
        reason_zh = "不是PNG或JPEG图片";
        reason_en = "it is not a PNG or JPEG image";
        return std::nullopt;
    }
    return image;
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
