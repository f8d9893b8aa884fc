#include "emit/pdf/pdf_converter.h"

#include "support/atomic_file.h"
#include "support/resources.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

namespace bzc::emit::pdf {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int max_profiles = 16;

std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// bzc's own cache: the worker script, the font map and LibreOffice
// profiles, kept between runs since a new profile costs LibreOffice 0.3 s.
fs::path cache_directory() {
    std::string xdg = env_or_empty("XDG_CACHE_HOME");
    if (!xdg.empty()) return fs::path(xdg) / "bzc";
    std::string home = env_or_empty("HOME");
    if (!home.empty() && ::access(home.c_str(), W_OK) == 0) return fs::path(home) / ".cache" / "bzc";
    return fs::temp_directory_path() / ("bzc-" + std::to_string(::getuid()));
}

std::optional<std::string> find_soffice(const PdfSettings& s) {
    for (const std::string& candidate : {s.soffice, env_or_empty("BZC_SOFFICE")}) {
        if (!candidate.empty()) return find_program(candidate);
    }
    if (auto p = find_program("soffice")) return p;
    for (const char* p : {"/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"}) {
        if (auto found = find_program(p)) return found;
    }
    return std::nullopt;
}

// Debian's python3-uno serves the system python3: a python3 earlier on PATH
// (pyenv, a virtualenv) usually cannot import uno.
std::optional<std::string> find_python(const PdfSettings& s) {
    for (const std::string& candidate : {s.python, env_or_empty("BZC_PYTHON")}) {
        if (!candidate.empty()) return find_program(candidate);
    }
    if (auto p = find_program("/usr/bin/python3")) return p;
    return find_program("python3");
}

// Writes a file of the worker's directory unless it already holds `content`.
int install_file(const fs::path& path, std::string_view content) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::string existing((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (existing == content) return 0;
    }
    return write_file_atomically(path, content);
}

std::string read_log_tail(const fs::path& log, std::size_t max_lines) {
    std::ifstream in(log);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        // Printed at every start of LibreOffice without Java; not a cause.
        if (line.find("javaldx") != std::string::npos || line.empty()) continue;
        lines.push_back(line);
    }
    std::string tail;
    for (std::size_t i = lines.size() > max_lines ? lines.size() - max_lines : 0; i < lines.size(); ++i) {
        tail += lines[i];
        tail += '\n';
    }
    return tail;
}

PdfResult failure(std::string zh, std::string en) {
    PdfResult r;
    r.error_zh = std::move(zh);
    r.error_en = std::move(en);
    return r;
}

}  // namespace

bool is_complete_pdf(std::string_view bytes) {
    if (bytes.size() < 32 || bytes.substr(0, 5) != "%PDF-") return false;
    std::string_view end = bytes.substr(bytes.size() - std::min<std::size_t>(bytes.size(), 1024));
    return end.find("%%EOF") != std::string_view::npos;
}

std::optional<MissingTool> check_pdf_tools(const PdfSettings& settings) {
    if (!find_soffice(settings)) {
        return MissingTool{"找不到 LibreOffice（soffice）。PDF 需要它：apt install libreoffice-writer-nogui python3-uno "
                           "fonts-noto-cjk fonts-liberation2；或只生成 DOCX（--docx）",
                           "LibreOffice (soffice) was not found. PDF output needs it: apt install "
                           "libreoffice-writer-nogui python3-uno fonts-noto-cjk fonts-liberation2; or build DOCX only (--docx)"};
    }
    auto python = find_python(settings);
    ProcessOptions probe;
    if (python) probe.argv = {*python, "-c", "import uno"};
    if (!python || !run_program(probe, "", std::chrono::seconds(30)).ok()) {
        return MissingTool{"python3 无法导入 uno 模块。PDF 需要 python3-uno：apt install python3-uno（或用 BZC_PYTHON 指定能导入 uno 的 python3）",
                           "python3 cannot import uno. PDF output needs python3-uno: apt install python3-uno (or set "
                           "BZC_PYTHON to a python3 that can import uno)"};
    }
    return std::nullopt;
}

struct PdfConverter::Worker {
    ChildProcess process;
    fs::path log;
    int lock_fd = -1;
    ~Worker() {
        process.kill();
        if (lock_fd >= 0) ::close(lock_fd);  // releases the profile's lock
    }
};

PdfConverter::PdfConverter(PdfSettings settings) : settings_(std::move(settings)) {}

PdfConverter::~PdfConverter() { stop_worker(false); }

void PdfConverter::stop_worker(bool kill) {
    if (!worker_) return;
    // Closing its input tells the worker to close LibreOffice and exit.
    if (kill) {
        worker_->process.kill();
    } else {
        worker_->process.finish(std::chrono::seconds(15));
    }
    worker_.reset();
}

bool PdfConverter::start_worker(PdfResult& result) {
    auto soffice = find_soffice(settings_);
    auto python = find_python(settings_);
    if (!soffice || !python) {
        auto missing = check_pdf_tools(settings_);
        result = failure(missing ? missing->zh : "找不到 LibreOffice", missing ? missing->en : "LibreOffice not found");
        return false;
    }
    fs::path dir = cache_directory() / "pdf";
    std::error_code ec;
    fs::create_directories(dir, ec);
    int error = ec ? ec.value() : 0;
    if (!error) error = install_file(dir / "uno_worker.py", embedded_resource("compiler/emit/pdf/uno_worker.py"));
    if (!error) error = install_file(dir / "fonts.conf", embedded_resource("templates/pdf/fonts.conf"));
    if (error) {
        result = failure("无法写入缓存目录 " + dir.string() + "：" + std::strerror(error),
                         "cannot write the cache directory " + dir.string() + ": " + std::strerror(error));
        return false;
    }
    // A profile of its own: two LibreOffice instances on one profile wait
    // for each other or fail (toolchain notes 5.2). Concurrent bzc runs
    // take the first profile no other run holds.
    auto worker = std::make_unique<Worker>();
    int slot = -1;
    for (int i = 0; i < max_profiles && slot < 0; ++i) {
        fs::path lock = dir / ("profile-" + std::to_string(i) + ".lock");
        int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            worker->lock_fd = fd;
            slot = i;
        } else {
            ::close(fd);
        }
    }
    if (slot < 0) {
        result = failure("同时运行的 bzc 过多：" + std::to_string(max_profiles) + " 个 LibreOffice 配置目录都在使用中",
                         "too many bzc runs at once: all " + std::to_string(max_profiles) + " LibreOffice profiles are in use");
        return false;
    }
    std::string name = "profile-" + std::to_string(slot);
    worker->log = dir / (name + ".log");
    std::ofstream(worker->log, std::ios::trunc).close();
    ProcessOptions options;
    options.argv = {*python, (dir / "uno_worker.py").string(), "--soffice", *soffice, "--profile", (dir / name).string(),
                    "--pipe", "bzc-" + std::to_string(::getpid()) + "-" + std::to_string(slot)};
    options.extra_env = {{"FONTCONFIG_FILE", (dir / "fonts.conf").string()}, {"PYTHONNOUSERSITE", "1"}};
    options.stderr_path = worker->log.string();
    if (!worker->process.start(options, error)) {
        result = failure(std::string("无法启动 PDF 转换进程：") + std::strerror(error),
                         std::string("cannot start the PDF worker: ") + std::strerror(error));
        return false;
    }
    std::string line;
    auto status = worker->process.read_line(line, settings_.timeout);
    nlohmann::json ready = nlohmann::json::parse(line, nullptr, false);
    if (status != ChildProcess::ReadStatus::Line || !ready.is_object() || !ready.value("ok", false)) {
        std::string why = ready.is_object() ? ready.value("error", "") : "";
        if (status == ChildProcess::ReadStatus::Timeout) why = "no answer within " + std::to_string(settings_.timeout.count()) + " s";
        worker->process.kill();
        result = failure("LibreOffice 未能启动" + (why.empty() ? "" : "：" + why), "LibreOffice did not start" + (why.empty() ? "" : ": " + why));
        result.log_tail = read_log_tail(worker->log, 12);
        return false;
    }
    worker_ = std::move(worker);
    return true;
}

PdfResult PdfConverter::convert_once(const fs::path& docx, const fs::path& temporary, bool& crashed) {
    crashed = false;
    PdfResult result;
    if (!worker_ && !start_worker(result)) return result;
    nlohmann::json request = {{"docx", docx.string()}, {"pdf", temporary.string()}, {"pdfa", settings_.pdfa}};
    std::string line;
    auto started = Clock::now();
    bool sent = worker_->process.write(request.dump() + "\n");
    auto status = sent ? worker_->process.read_line(line, settings_.timeout) : ChildProcess::ReadStatus::EndOfFile;
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (status == ChildProcess::ReadStatus::Timeout) {
        result = failure("LibreOffice 在 " + std::to_string(settings_.timeout.count()) + " 秒内未完成转换，已终止",
                         "LibreOffice did not finish within " + std::to_string(settings_.timeout.count()) + " s and was stopped");
        result.log_tail = read_log_tail(worker_->log, 12);
        stop_worker(true);
        return result;
    }
    if (status != ChildProcess::ReadStatus::Line) {
        crashed = true;
        result = failure("PDF 转换进程意外退出", "the PDF worker exited unexpectedly");
        result.log_tail = read_log_tail(worker_->log, 12);
        stop_worker(true);
        return result;
    }
    nlohmann::json answer = nlohmann::json::parse(line, nullptr, false);
    if (!answer.is_object()) {
        result = failure("PDF 转换进程的应答无法识别：" + line, "the PDF worker answered something unexpected: " + line);
        return result;
    }
    if (!answer.value("ok", false)) {
        std::string why = answer.value("error", "");
        crashed = answer.value("restarted", false) || why.rfind("LibreOffice crashed", 0) == 0;
        result = failure("LibreOffice 转换失败：" + why, "LibreOffice could not convert the file: " + why);
        result.log_tail = read_log_tail(worker_->log, 12);
        return result;
    }
    result.pages = answer.value("pages", 0);
    // LibreOffice reports success for files it did not finish; read back.
    std::ifstream in(temporary, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!is_complete_pdf(bytes)) {
        return failure("LibreOffice 报告成功，但输出的 PDF 不存在或不完整", "LibreOffice reported success but the PDF is missing or incomplete");
    }
    result.ok = true;
    return result;
}

PdfResult PdfConverter::convert(const fs::path& docx, const fs::path& pdf) {
    std::error_code ec;
    fs::path source = fs::absolute(docx, ec);
    fs::path target = fs::absolute(pdf, ec);
    fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    bool crashed = false;
    PdfResult result = convert_once(source, temporary, crashed);
    if (!result.ok && crashed) {
        fs::remove(temporary, ec);
        result = convert_once(source, temporary, crashed);
        result.retried = true;
    }
    if (result.ok) {
        fs::rename(temporary, target, ec);
        if (ec) {
            result = failure("无法写入 " + target.string() + "：" + ec.message(), "cannot write " + target.string() + ": " + ec.message());
        }
    }
    fs::remove(temporary, ec);
    return result;
}

}  // namespace bzc::emit::pdf
