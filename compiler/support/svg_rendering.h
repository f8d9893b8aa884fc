#pragma once

#include <chrono>
#include <optional>
#include <string>

// SVG to PNG through rsvg-convert (librsvg2-bin): the one place bzc runs it,
// for the 体系结构图 of `bzc system` and the SVG figures of a standard. A
// DOCX carries the PNG with the SVG beside it, since LibreOffice 7.4 and
// Word before 2016 show no SVG picture; bzc draws no pixels itself.
//
// The SVG goes to rsvg-convert on standard input, so it has no base file:
// librsvg then loads no external file or URL an SVG names (images, xi:include,
// external entities), and the PNG depends on the SVG's bytes alone (the same
// SVG gives the same PNG, checked with librsvg 2.54).
namespace bzc {

struct RenderedPng {
    std::string png;
    std::string error_zh, error_en;  // why there is none
    bool program_missing = false;    // rsvg-convert is not installed (a set-up problem)
    bool ok() const { return !png.empty(); }
};

struct SvgRenderRequest {
    // Either a zoom of the SVG's own size or an exact size in pixels
    // (width_px and height_px both set).
    double zoom = 2;
    long width_px = 0, height_px = 0;
    std::chrono::seconds timeout{60};
    // What the PNG is for, in the message when rsvg-convert is missing:
    // "体系结构图的PNG" / "the PNG of the structure diagram".
    std::string purpose_zh, purpose_en;
};

// The program: $BZC_RSVG_CONVERT, else rsvg-convert on PATH; nothing when
// neither is found.
std::optional<std::string> find_svg_renderer();

// The message for a missing rsvg-convert: the program looked for, what needs
// it and the package to install (librsvg2-bin).
RenderedPng svg_renderer_missing(const std::string& purpose_zh, const std::string& purpose_en);

RenderedPng render_svg_to_png(const std::string& svg, const SvgRenderRequest& request);

}  // namespace bzc
