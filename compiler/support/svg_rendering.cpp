#include "support/svg_rendering.h"

#include "support/subprocess.h"
#include "support/system_errors.h"

#include <cstdlib>
#include <sstream>

namespace bzc {

namespace {

std::string renderer_name() {
    const char* configured = std::getenv("BZC_RSVG_CONVERT");
    return configured && *configured ? configured : "rsvg-convert";
}

RenderedPng failure(std::string zh, std::string en) {
    RenderedPng r;
    r.error_zh = std::move(zh);
    r.error_en = std::move(en);
    return r;
}

// The zoom as rsvg-convert reads it, the same text for the same value.
std::string zoom_text(double zoom) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << zoom;
    return out.str();
}

}  // namespace

std::optional<std::string> find_svg_renderer() { return find_program(renderer_name()); }

RenderedPng svg_renderer_missing(const std::string& purpose_zh, const std::string& purpose_en) {
    std::string name = renderer_name();
    RenderedPng r = failure("找不到rsvg-convert（" + name + "）：" + purpose_zh + "需要它，请安装librsvg2-bin（apt install librsvg2-bin）",
                            "rsvg-convert (" + name + ") was not found: " + purpose_en +
                                " needs it; install librsvg2-bin (apt install librsvg2-bin)");
    r.program_missing = true;
    return r;
}

RenderedPng render_svg_to_png(const std::string& svg, const SvgRenderRequest& request) {
    auto program = find_svg_renderer();
    if (!program) return svg_renderer_missing(request.purpose_zh, request.purpose_en);
    ProcessOptions options;
    options.argv = {*program, "--format=png"};
    if (request.width_px > 0 && request.height_px > 0) {
        options.argv.push_back("--width=" + std::to_string(request.width_px));
        options.argv.push_back("--height=" + std::to_string(request.height_px));
    } else {
        options.argv.push_back("--zoom=" + zoom_text(request.zoom));
    }
    ProgramResult run = run_program(options, svg, request.timeout);
    if (run.start_error) {
        auto [zh, en] = describe_system_error(run.start_error);
        return failure("无法启动rsvg-convert（" + *program + "）：" + zh, "cannot start rsvg-convert (" + *program + "): " + en);
    }
    std::string seconds = std::to_string(request.timeout.count());
    if (run.timed_out) {
        return failure("rsvg-convert在" + seconds + "秒内未完成，已终止", "rsvg-convert did not finish within " + seconds + " s and was stopped");
    }
    static constexpr std::string_view png_signature = "\x89PNG\r\n\x1a\n";
    if (run.exit_status != 0 || !std::string_view(run.output).starts_with(png_signature)) {
        std::string status = std::to_string(run.exit_status);
        return failure("rsvg-convert未能生成PNG（退出状态" + status + "）", "rsvg-convert wrote no PNG (exit status " + status + ")");
    }
    RenderedPng r;
    r.png = std::move(run.output);
    return r;
}

}  // namespace bzc
