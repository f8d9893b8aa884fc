#include "emit/pdf/pdf_converter.h"

#include "emit/docx/style_sheet.h"
#include "support/atomic_file.h"
#include "support/file_bytes.h"
#include "support/resources.h"
#include "support/user_cache.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <csignal>
#include <poll.h>
#include <thread>
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
    if (read_file_bytes(path) == content) return 0;
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

// The private directories of runs that were killed (bzc-pdf-<pid>-…, whose
// pid is gone) are removed by the next run.
void remove_abandoned_work_directories() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(ec), ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind("bzc-pdf-", 0) != 0) continue;
        char* end = nullptr;
        long pid = std::strtol(name.c_str() + 8, &end, 10);
        if (pid <= 0 || *end != '-') continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            if (::access(entry.path().c_str(), W_OK) == 0) fs::remove_all(entry.path(), ignored);
        }
    }
}

// The styles bzc's DOCX gives a table's caption and its unit line
// (templates/gbt/styles.yaml): the worker continues a table under them on
// each later page with 表N（续） (layout_fixes.bas, ContinueTables).
nlohmann::json continued_tables() {
    const auto& sheet = docx::StyleSheet::gbt();
    return {{"captions", {sheet.style("BZTableCaption").name, sheet.style("BZAnnexTableCaption").name}},
            {"unit", sheet.style("BZTableText").name}};
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
        return MissingTool{"找不到 LibreOffice（soffice）。PDF 需要它：apt install libreoffice-writer-nogui libreoffice-math-nogui python3-uno "
                           "fonts-noto-cjk fonts-liberation2；或只生成 DOCX（--docx）",
                           "LibreOffice (soffice) was not found. PDF output needs it: apt install "
                           "libreoffice-writer-nogui libreoffice-math-nogui python3-uno fonts-noto-cjk fonts-liberation2; or build DOCX only (--docx)"};
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
    enum class State { Starting, Idle, Busy };
    ChildProcess process;
    fs::path log;
    int lock_fd = -1;
    State state = State::Starting;
    Clock::time_point deadline;  // of the start or of the job in hand
    Clock::time_point started;
    std::size_t job = 0;  // the job in hand when Busy
    bool retry = false;   // …which is a second attempt
    fs::path input;       // …its DOCX and the PDF LibreOffice writes, in the private directory
    fs::path output;
    ~Worker() {
        process.kill();
        if (lock_fd >= 0) ::close(lock_fd);  // releases the profile's lock
    }
};

PdfConverter::PdfConverter(PdfSettings settings) : settings_(std::move(settings)) {}

PdfConverter::~PdfConverter() {
    // Closing its input tells each worker to close LibreOffice and exit;
    // one still starting would first finish starting, and one converting
    // (the build stopped before finish()) its document, both for nothing.
    for (auto& w : workers_) {
        if (!w) continue;
        if (w->state != Worker::State::Idle) {
            w->process.kill();
        } else {
            w->process.finish(std::chrono::seconds(15));
        }
    }
    std::error_code ec;
    if (!work_dir_.empty()) fs::remove_all(work_dir_, ec);
}

// Spawns a worker; it is Starting until its "ready" line arrives.
std::unique_ptr<PdfConverter::Worker> PdfConverter::start_worker(PdfResult& result) {
    auto soffice = find_soffice(settings_);
    auto python = find_python(settings_);
    if (!soffice || !python) {
        auto missing = check_pdf_tools(settings_);
        result = failure(missing ? missing->zh : "找不到 LibreOffice", missing ? missing->en : "LibreOffice not found");
        return nullptr;
    }
    // The worker script, the font map and LibreOffice profiles, kept between
    // runs since a new profile costs LibreOffice 0.3 s.
    fs::path dir = user_cache_directory() / "pdf";
    std::error_code ec;
    fs::create_directories(dir, ec);
    int error = ec ? ec.value() : 0;
    if (!error) error = install_file(dir / "uno_worker.py", embedded_resource("compiler/emit/pdf/uno_worker.py"));
    if (!error) error = install_file(dir / "layout_fixes.bas", embedded_resource("compiler/emit/pdf/layout_fixes.bas"));
    if (!error) error = install_file(dir / "fonts.conf", embedded_resource("templates/pdf/fonts.conf"));
    if (error) {
        result = failure("无法写入缓存目录 " + dir.string() + "：" + std::strerror(error),
                         "cannot write the cache directory " + dir.string() + ": " + std::strerror(error));
        return nullptr;
    }
    // A profile of its own: two LibreOffice instances on one profile wait
    // for each other or fail (toolchain notes 5.2). Each worker, of this
    // run or of a concurrent one, takes the first profile nobody holds.
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
        result = failure("同时运行的 LibreOffice 过多：" + std::to_string(max_profiles) + " 个配置目录都在使用中",
                         "too many LibreOffice instances at once: all " + std::to_string(max_profiles) +
                             " profiles are in use");
        return nullptr;
    }
    std::string name = "profile-" + std::to_string(slot);
    worker->log = dir / (name + ".log");
    std::ofstream(worker->log, std::ios::trunc).close();
    ProcessOptions options;
    options.argv = {*python, (dir / "uno_worker.py").string(), "--soffice", *soffice, "--profile", (dir / name).string(),
                    "--pipe", "bzc-" + std::to_string(::getpid()) + "-" + std::to_string(slot), "--parent",
                    std::to_string(::getpid())};
    options.extra_env = {{"FONTCONFIG_FILE", (dir / "fonts.conf").string()}, {"PYTHONNOUSERSITE", "1"}};
    options.stderr_path = worker->log.string();
    if (!worker->process.start(options, error)) {
        result = failure(std::string("无法启动 PDF 转换进程：") + std::strerror(error),
                         std::string("cannot start the PDF worker: ") + std::strerror(error));
        return nullptr;
    }
    worker->state = Worker::State::Starting;
    worker->deadline = Clock::now() + start_allowance();
    return worker;
}

std::size_t PdfConverter::worker_limit() const {
    if (settings_.workers != 0) return settings_.workers;
    return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

void PdfConverter::start_early(std::size_t expected_jobs) {
    const std::size_t wanted = std::min(worker_limit(), expected_jobs);
    if (workers_.size() < wanted) workers_.resize(wanted);
    for (std::size_t slot = 0; slot < wanted; ++slot) {
        PdfResult ignored;  // convert() starts it again and reports why it failed
        if (!workers_[slot]) workers_[slot] = start_worker(ignored);
    }
}

std::vector<PdfResult> PdfConverter::convert(const std::vector<PdfJob>& jobs) {
    for (const auto& job : jobs) submit(job);
    return finish();
}

std::size_t PdfConverter::submit(PdfJob job) {
    const std::size_t index = jobs_.size();
    jobs_.push_back(std::move(job));
    results_.emplace_back();
    wanted_ = std::max(wanted_, std::min(worker_limit(), jobs_.size()));
    if (workers_.size() < wanted_) workers_.resize(wanted_);
    given_up_.resize(workers_.size(), false);
    std::error_code ec;
    if (work_dir_.empty()) {
        remove_abandoned_work_directories();
        std::string pattern = (fs::temp_directory_path(ec) / ("bzc-pdf-" + std::to_string(::getpid()) + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            int error = errno;
            results_[index] = failure(std::string("无法创建临时目录：") + std::strerror(error),
                                      std::string("cannot create a temporary directory: ") + std::strerror(error));
            return index;
        }
        work_dir_ = pattern;
    }
    queue_.push_back({index, false});
    pump(false);
    return index;
}

std::vector<PdfResult> PdfConverter::finish() {
    while (pump(true)) {
    }
    std::vector<PdfResult> results = std::move(results_);
    jobs_.clear();
    results_.clear();
    wanted_ = 0;
    std::fill(given_up_.begin(), given_up_.end(), false);
    return results;
}

void PdfConverter::finish_job(Worker& w, PdfResult r, const std::string& pdf) {
    std::error_code ec;
    r.retried = w.retry;
    r.seconds = std::chrono::duration<double>(Clock::now() - w.started).count();
    if (r.ok) {
        if (int error = write_file_atomically(jobs_[w.job].pdf, pdf)) {
            r = failure("无法写入 " + jobs_[w.job].pdf.string() + "：" + std::strerror(error),
                        "cannot write " + jobs_[w.job].pdf.string() + ": " + std::strerror(error));
        }
    }
    fs::remove(w.input, ec);
    fs::remove(w.output, ec);
    results_[w.job] = std::move(r);
    w.state = Worker::State::Idle;
}

// The job in hand is lost with its LibreOffice: again on another instance, once.
void PdfConverter::job_crashed(std::size_t slot, PdfResult r) {
    Worker& w = *workers_[slot];
    std::error_code ec;
    fs::remove(w.output, ec);
    if (!w.retry) {
        queue_.push_front({w.job, true});
    } else {
        r.retried = true;
        results_[w.job] = std::move(r);
    }
}

// The next job for an idle worker: a retry first, then the largest DOCX
// waiting, ties in the order they came. A conversion's time grows with the
// document, and with the long ones first the last to finish are short ones,
// so a batch does not end with one worker converting a big document while
// the others idle.
PdfConverter::Queued PdfConverter::take_next_job() {
    auto next = queue_.begin();  // job_crashed puts a retry in front
    if (!next->retry) {
        next = std::max_element(queue_.begin(), queue_.end(), [&](const Queued& a, const Queued& b) {
            return jobs_[a.job].docx.size() < jobs_[b.job].docx.size();
        });
    }
    Queued taken = *next;
    queue_.erase(next);
    return taken;
}

bool PdfConverter::pump(bool block) {
    std::error_code ec;
    // Keep `wanted_` workers while there is work, and hand out jobs.
    for (std::size_t slot = 0; slot < wanted_ && !queue_.empty(); ++slot) {
        if (!workers_[slot] && !given_up_[slot]) {
            workers_[slot] = start_worker(last_start_failure_);
            if (!workers_[slot]) given_up_[slot] = true;
        }
        Worker* w = workers_[slot].get();
        if (!w || w->state != Worker::State::Idle) continue;
        Queued next = take_next_job();
        w->job = next.job;
        w->retry = next.retry;
        w->input = work_dir_ / (std::to_string(next.job) + ".docx");
        w->output = work_dir_ / (std::to_string(next.job) + ".pdf");
        fs::remove(w->output, ec);
        w->started = Clock::now();
        w->deadline = w->started + settings_.timeout;
        w->state = Worker::State::Busy;
        // A private copy, read at once and removed after: no need to wait for the disk.
        if (int error = write_file_atomically(w->input, jobs_[next.job].docx, Durability::Lazy)) {
            finish_job(*w, failure(std::string("无法写入临时文件：") + std::strerror(error),
                                   std::string("cannot write a temporary file: ") + std::strerror(error)));
            continue;
        }
        nlohmann::json request = {{"docx", w->input.string()},
                                  {"pdf", w->output.string()},
                                  {"pdfa", settings_.pdfa},
                                  {"keep_blank_pages", jobs_[next.job].keep_blank_pages},
                                  {"continue_tables", continued_tables()}};
        if (!w->process.write(request.dump() + "\n")) {
            PdfResult r = failure("PDF 转换进程意外退出", "the PDF worker exited unexpectedly");
            r.log_tail = read_log_tail(w->log, 12);
            job_crashed(slot, std::move(r));
            workers_[slot].reset();
        }
    }
    bool alive = false;
    for (std::size_t slot = 0; slot < wanted_; ++slot) alive = alive || workers_[slot] != nullptr;
    if (!alive && !queue_.empty()) {
        bool any_left_to_start = false;
        for (std::size_t slot = 0; slot < wanted_; ++slot) any_left_to_start = any_left_to_start || !given_up_[slot];
        if (!any_left_to_start) {
            // No LibreOffice could be started: every job left fails so.
            for (const auto& q : queue_) results_[q.job] = last_start_failure_;
            queue_.clear();
        }
    }
    bool waiting = false;
    for (std::size_t slot = 0; slot < wanted_; ++slot) {
        waiting = waiting || (workers_[slot] && workers_[slot]->state != Worker::State::Idle);
    }
    if (!waiting) return !queue_.empty();

    // Wait for the first answer or the first deadline (not at all when
    // called between two documents of the build).
    std::vector<struct pollfd> fds;
    auto next_deadline = Clock::time_point::max();
    bool buffered = false;
    for (std::size_t slot = 0; slot < wanted_; ++slot) {
        Worker* w = workers_[slot].get();
        if (!w || w->state == Worker::State::Idle) continue;
        next_deadline = std::min(next_deadline, w->deadline);
        buffered = buffered || w->process.has_buffered_line();
        if (w->process.output_fd() >= 0) fds.push_back({w->process.output_fd(), POLLIN, 0});
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_deadline - Clock::now()).count();
    int timeout_ms = (buffered || !block) ? 0 : static_cast<int>(std::clamp<long long>(wait, 0, 1 << 30));
    if (::poll(fds.data(), fds.size(), timeout_ms) < 0 && errno != EINTR) return false;

    for (std::size_t slot = 0; slot < wanted_; ++slot) {
        Worker* w = workers_[slot].get();
        if (!w || w->state == Worker::State::Idle) continue;
        read_answer(slot);
    }
    return true;
}

// Takes one line (or the lack of one past the deadline) from the worker in
// `slot`, which is starting or converting.
void PdfConverter::read_answer(std::size_t slot) {
    Worker* w = workers_[slot].get();
    std::string line;
    auto status = w->process.read_line(line, std::chrono::milliseconds(0));
    if (status == ChildProcess::ReadStatus::Timeout) {
        if (Clock::now() < w->deadline) return;
        // Past its deadline: the whole LibreOffice goes.
        const bool starting = w->state == Worker::State::Starting;
        const std::string seconds = std::to_string(starting ? start_allowance().count() : settings_.timeout.count());
        PdfResult r = failure(starting ? "LibreOffice 在 " + seconds + " 秒内未能启动，已终止"
                                       : "LibreOffice 在 " + seconds + " 秒内未完成转换，已终止",
                              starting ? "LibreOffice did not start within " + seconds + " s and was stopped"
                                       : "LibreOffice did not finish within " + seconds + " s and was stopped");
        r.log_tail = read_log_tail(w->log, 12);
        if (w->state == Worker::State::Busy) {
            finish_job(*w, std::move(r));
        } else {
            last_start_failure_ = std::move(r);
            given_up_[slot] = true;
        }
        workers_[slot].reset();
        return;
    }
    if (status != ChildProcess::ReadStatus::Line) {
        PdfResult r = failure(w->state == Worker::State::Starting ? "LibreOffice 未能启动" : "PDF 转换进程意外退出",
                              w->state == Worker::State::Starting ? "LibreOffice did not start"
                                                                  : "the PDF worker exited unexpectedly");
        r.log_tail = read_log_tail(w->log, 12);
        if (w->state == Worker::State::Busy) {
            job_crashed(slot, std::move(r));
        } else {
            last_start_failure_ = std::move(r);
            given_up_[slot] = true;
        }
        workers_[slot].reset();
        return;
    }
    nlohmann::json answer = nlohmann::json::parse(line, nullptr, false);
    std::string why = answer.is_object() ? answer.value("error", "") : "";
    if (w->state == Worker::State::Starting) {
        if (answer.is_object() && answer.value("ok", false)) {
            w->state = Worker::State::Idle;
        } else {
            last_start_failure_ = failure("LibreOffice 未能启动" + (why.empty() ? "" : "：" + why),
                                          "LibreOffice did not start" + (why.empty() ? "" : ": " + why));
            last_start_failure_.log_tail = read_log_tail(w->log, 12);
            given_up_[slot] = true;
            workers_[slot].reset();
        }
        return;
    }
    if (!answer.is_object()) {
        finish_job(*w, failure("PDF 转换进程的应答无法识别：" + line, "the PDF worker answered something unexpected: " + line));
        return;
    }
    if (!answer.value("ok", false)) {
        const std::string fix = answer.value("layout_fix", "");
        std::string detail = answer.value("detail", "");
        while (!detail.empty() && (detail.back() == '.' || detail.back() == ' ')) detail.pop_back();
        // A fix-up that fails is bzc's fault, not the document's: say
        // so, and where the DOCX still is.
        PdfResult r = fix.empty()
                          ? failure("LibreOffice 转换失败：" + why, "LibreOffice could not convert the file: " + why)
                          : failure("bzc 在 LibreOffice 中修正版面（" + fix + "）时出错：" + detail +
                                        "。这是 bzc 的缺陷，请连同源文件报告；DOCX 不受影响（--docx）",
                                    "bzc's layout fix-up " + fix + " failed inside LibreOffice: " + detail +
                                        ". This is a bug in bzc; please report it with the source. The DOCX "
                                        "is not affected (--docx)");
        r.log_tail = read_log_tail(w->log, 12);
        if (answer.value("restarted", false) || why.rfind("LibreOffice crashed", 0) == 0) {
            // The worker has started a new LibreOffice itself.
            job_crashed(slot, std::move(r));
            w->state = Worker::State::Idle;
        } else {
            finish_job(*w, std::move(r));
        }
        return;
    }
    // LibreOffice reports success for files it did not finish: read back.
    std::string bytes = read_file_bytes(w->output).value_or("");
    if (!is_complete_pdf(bytes)) {
        finish_job(*w, failure("LibreOffice 报告成功，但输出的 PDF 不存在或不完整",
                               "LibreOffice reported success but the PDF is missing or incomplete"));
        return;
    }
    PdfResult r;
    r.ok = true;
    r.pages = answer.value("pages", 0);
    finish_job(*w, std::move(r), bytes);
}

}  // namespace bzc::emit::pdf
