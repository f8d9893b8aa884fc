// The two clocks of the PDF step: LibreOffice's start has its own allowance,
// so a short --pdf-timeout meant for conversions does not fail a start
// slowed by a loaded machine, and a start that never ends is still stopped.
// The faults are injected into bzc's UNO worker (BZC_PDF_WORKER_FAULT);
// LibreOffice itself is real, as the README's set-up installs it.
#include "emit/pdf/pdf_converter.h"

#include "emit/docx/docx_writer.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <filesystem>

namespace {

using namespace bzc::emit::pdf;
namespace fs = std::filesystem;

struct WorkerFault {
    explicit WorkerFault(const char* fault) { ::setenv("BZC_PDF_WORKER_FAULT", fault, 1); }
    ~WorkerFault() { ::unsetenv("BZC_PDF_WORKER_FAULT"); }
};

// Converts one job with `fault` injected into the worker: the job's PDF
// must not appear, whatever went wrong.
PdfResult convert_one_with_fault(const char* fault, const PdfSettings& settings) {
    WorkerFault injected(fault);
    PdfConverter converter(settings);
    fs::path dir = fs::temp_directory_path() / ("bzc-pdf-converter-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path pdf = dir / (std::string(fault) + ".pdf");
    auto results = converter.convert({PdfJob{"never converted: the worker fails first", pdf}});
    REQUIRE(results.size() == 1);
    CHECK_FALSE(fs::exists(pdf));
    fs::remove_all(dir);
    return results[0];
}

PdfSettings one_worker(int timeout_seconds, int start_timeout_seconds = 60) {
    PdfSettings settings;
    settings.workers = 1;
    settings.timeout = std::chrono::seconds(timeout_seconds);
    settings.start_timeout = std::chrono::seconds(start_timeout_seconds);
    return settings;
}

}  // namespace

TEST_CASE("a conversion past --pdf-timeout is stopped, counted from the end of the start", "[pdf]") {
    // 1 s is shorter than any LibreOffice start.
    REQUIRE_FALSE(check_pdf_tools(one_worker(1)).has_value());
    PdfResult result = convert_one_with_fault("hang", one_worker(1));
    CHECK_FALSE(result.ok);
    CHECK(result.error_en == "LibreOffice did not finish within 1 s and was stopped");
}

TEST_CASE("a LibreOffice that never reports started is stopped after the start allowance", "[pdf]") {
    PdfResult result = convert_one_with_fault("hang-start", one_worker(1, 2));
    CHECK_FALSE(result.ok);
    CHECK(result.error_en == "LibreOffice did not start within 2 s and was stopped");
    CHECK(result.error_zh == "LibreOffice 在 2 秒内未能启动，已终止");
}

TEST_CASE("a --pdf-timeout longer than the start allowance also allows the start", "[pdf]") {
    PdfResult result = convert_one_with_fault("hang-start", one_worker(3, 1));
    CHECK(result.error_en == "LibreOffice did not start within 3 s and was stopped");
}

TEST_CASE("waiting documents go to a free worker largest first", "[pdf]") {
    auto docx_with_paragraphs = [](int count) {
        std::string markdown = "# 范围\n\n";
        for (int i = 0; i < count; ++i) markdown += "本文件规定了机关事务管理的要求，适用于各级机关。\n\n";
        auto compiled = bzc::test::compile_text(markdown);
        return bzc::emit::docx::write_docx(compiled.document, {}).bytes;
    };
    fs::path dir = fs::temp_directory_path() / ("bzc-pdf-order-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    PdfSettings settings;
    settings.workers = 1;
    REQUIRE_FALSE(check_pdf_tools(settings).has_value());
    PdfConverter converter(settings);
    // All three wait while the one LibreOffice starts (over half a second).
    CHECK(converter.submit({docx_with_paragraphs(1), dir / "small.pdf"}) == 0);
    CHECK(converter.submit({docx_with_paragraphs(120), dir / "large.pdf"}) == 1);
    CHECK(converter.submit({docx_with_paragraphs(40), dir / "medium.pdf"}) == 2);
    auto results = converter.finish();
    REQUIRE(results.size() == 3);
    for (const auto& r : results) CHECK(r.ok);
    CHECK(results[1].pages > results[2].pages);
    // Each PDF is renamed into place when its conversion ends.
    auto written = [&](const char* name) { return fs::last_write_time(dir / name); };
    CHECK(written("large.pdf") < written("medium.pdf"));
    CHECK(written("medium.pdf") < written("small.pdf"));
    // The converter is ready for another batch, numbered from 0 again.
    auto again = converter.convert({PdfJob{docx_with_paragraphs(1), dir / "again.pdf"}});
    REQUIRE(again.size() == 1);
    CHECK(again[0].ok);
    fs::remove_all(dir);
}

namespace {

// Processes whose command line names this run's LibreOffice pipes
// (bzc-<pid>-<slot>): the workers and the LibreOffice they started.
int processes_of_this_run() {
    const std::string mark = "bzc-" + std::to_string(::getpid()) + "-";
    int count = 0;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(entry.path() / "cmdline", std::ios::binary);
        std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (cmdline.find(mark) != std::string::npos) ++count;
    }
    return count;
}

// Processes appear (exec) and go (SIGKILL) a little after the calls that
// start and stop them return.
template <typename Condition>
bool within_seconds(int seconds, Condition condition) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

}  // namespace

TEST_CASE("LibreOffice started early and then not wanted is stopped with the converter", "[pdf]") {
    PdfSettings settings;
    settings.workers = 1;
    REQUIRE_FALSE(check_pdf_tools(settings).has_value());
    auto converter = std::make_unique<PdfConverter>(settings);
    converter->start_early(3);  // one worker at most, as settings.workers says
    CHECK(within_seconds(10, [] { return processes_of_this_run() >= 1; }));
    // No convert(): the check found errors, say. Waiting for the start to
    // finish and then closing LibreOffice properly takes over a second;
    // killing it, a few milliseconds.
    auto before = std::chrono::steady_clock::now();
    converter.reset();
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::milliseconds(500));
    CHECK(within_seconds(5, [] { return processes_of_this_run() == 0; }));
}
