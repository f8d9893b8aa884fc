#include "system/diagram_rendering.h"

#include "support/subprocess.h"
#include "support/system_errors.h"

#include <cstdlib>

namespace bzc::standard_system {

namespace {

RenderedPng failure(std::string zh, std::string en) {
    RenderedPng r;
    r.error_zh = std::move(zh);
    r.error_en = std::move(en);
    return r;
}

}  // namespace

RenderedPng render_png(const std::string& svg) {
    const char* configured = std::getenv("BZC_RSVG_CONVERT");
    std::string name = configured && *configured ? configured : "rsvg-convert";
    auto program = find_program(name);
    if (!program) {
        return failure("找不到rsvg-convert（" + name + "）：体系结构图的PNG需要它，请安装librsvg2-bin（apt install librsvg2-bin）",
                       "rsvg-convert (" + name + ") was not found: the PNG of the structure diagram needs it; "
                       "install librsvg2-bin (apt install librsvg2-bin)");
    }
    ProcessOptions options;
    options.argv = {*program, "--format=png", "--zoom=2"};
    ProgramResult run = run_program(options, svg, std::chrono::seconds(60));
    if (run.start_error) {
        auto [zh, en] = describe_system_error(run.start_error);
        return failure("无法启动rsvg-convert（" + *program + "）：" + zh, "cannot start rsvg-convert (" + *program + "): " + en);
    }
    if (run.timed_out) return failure("rsvg-convert在60秒内未完成，已终止", "rsvg-convert did not finish within 60 s and was stopped");
    static constexpr std::string_view png_signature = "\x89PNG\r\n\x1a\n";
    if (run.exit_status != 0 || !std::string_view(run.output).starts_with(png_signature)) {
        std::string status = std::to_string(run.exit_status);
        return failure("rsvg-convert未能生成PNG（退出状态" + status + "）", "rsvg-convert wrote no PNG (exit status " + status + ")");
    }
    RenderedPng r;
    r.png = std::move(run.output);
    return r;
}

}  // namespace bzc::standard_system
