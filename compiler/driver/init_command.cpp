#include "driver/init_command.h"

#include "driver/cli.h"
#include "support/atomic_file.h"
#include "support/resources.h"
#include "support/system_errors.h"

#include <filesystem>
#include <iostream>

namespace bzc::driver {

namespace fs = std::filesystem;

namespace {

void replace_all(std::string& text, std::string_view placeholder, const std::string& value) {
    for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos + value.size())) {
        text.replace(pos, placeholder.size(), value);
    }
}

// Standards usually live in a folder of their own; name it when there is one.
std::string standards_glob(const fs::path& folder) {
    std::error_code ec;
    for (const char* name : {"standards", "标准", "src", "docs"}) {
        if (fs::is_directory(folder / name, ec)) return std::string(name) + "/**/*.md";
    }
    return "**/*.md";
}

}  // namespace

int run_init(const std::string& directory, bool force, Language lang) {
    bool zh = lang == Language::Chinese;
    std::error_code ec;
    fs::path folder = fs::absolute(directory.empty() ? fs::path(".") : fs::path(directory), ec).lexically_normal();
    if (!fs::is_directory(folder, ec)) {
        std::cerr << "bzc: " << folder.string() << (zh ? "：不是目录" : ": not a directory") << '\n';
        return exit_usage;
    }
    fs::path target = folder / "bzc.yaml";
    if (fs::exists(target, ec) && !force) {
        std::cerr << "bzc: " << target.string() << (zh ? "：项目文件已存在，未改动（用--force覆盖）" : ": the project file exists and was left alone (--force replaces it)") << '\n';
        return exit_usage;
    }
    std::string text(embedded_resource("templates/project/bzc.yaml"));
    std::string name = folder.filename().string();
    if (name.empty()) name = "标准体系";
    // A YAML scalar of its own: quoted, so that a folder named "3+7N: x" stays text.
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    replace_all(text, "{{project}}", quoted);
    replace_all(text, "{{standards}}", standards_glob(folder));
    if (int error = write_file_atomically(target, text)) {
        auto [reason_zh, reason_en] = describe_system_error(error);
        std::cerr << "bzc: " << target.string() << (zh ? "：无法写入：" : ": cannot be written: ") << (zh ? reason_zh : reason_en) << '\n';
        return exit_usage;
    }
    std::cout << target.string() << '\n';
    return exit_ok;
}

}  // namespace bzc::driver
