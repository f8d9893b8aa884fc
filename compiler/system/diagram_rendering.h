#pragma once

#include <optional>
#include <string>

// The 体系结构图 as a PNG for the DOCX: LibreOffice 7.4 shows no SVG picture
// of a DOCX, and Word before 2016 neither, so the document carries a PNG
// rendered by rsvg-convert (librsvg2-bin) with the SVG beside it for the
// Word versions that prefer it. bzc draws no pixels itself.
namespace bzc::standard_system {

struct RenderedPng {
    std::string png;
    std::string error_zh, error_en;  // why there is none
    bool ok() const { return !png.empty(); }
};

// Renders the SVG at twice its size (sharp on paper and on high-density
// screens). The program is $BZC_RSVG_CONVERT, else rsvg-convert on PATH; a
// missing one names the package to install.
RenderedPng render_png(const std::string& svg);

}  // namespace bzc::standard_system
