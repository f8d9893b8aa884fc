#pragma once

// DOCX → PDF through headless LibreOffice kept alive for the whole run
// (uno_worker.py, embedded in bzc). LibreOffice starts once per worker
// (about 1.2 s) instead of once per document, and a `bzc build` of many
// documents converts them on several workers at once, each LibreOffice with
// a profile of its own.

#include "support/subprocess.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bzc::emit::pdf {

struct PdfSettings {
    bool pdfa = false;                  // PDF/A-2b, tagged
    std::chrono::seconds timeout{180};  // per document's conversion
    // LibreOffice's start has its own allowance (the larger of the two counts): a start slowed by
    // a loaded CI machine is not the document's fault, and a short --pdf-timeout meant for
    // conversions must not turn it into a failure.
    std::chrono::seconds start_timeout{60};
    unsigned workers = 0;               // LibreOffice instances at most; 0: one per core, at most 4
    std::string soffice;  // empty: $BZC_SOFFICE, else soffice on PATH or in LibreOffice's usual places
    std::string python;   // empty: $BZC_PYTHON, else /usr/bin/python3 (the one python3-uno serves), else python3
};

struct PdfJob {
    std::string docx;           // the DOCX's bytes
    std::filesystem::path pdf;  // where the PDF goes
    // The blank left-hand pages LibreOffice inserts so that a section starts
    // on a right-hand page stay in the PDF (print layout, for printing on
    // both sides); otherwise they are left out, as LibreOffice does by default.
    bool keep_blank_pages = false;
};

struct PdfResult {
    bool ok = false;
    int pages = 0;
    double seconds = 0;
    bool retried = false;  // LibreOffice crashed once and the document was converted again
    std::string error_zh;  // why it failed, for the user
    std::string error_en;
    std::string log_tail;  // the last lines LibreOffice and the worker wrote to stderr
};

// What the PDF step needs and is missing (soffice, python3-uno), in both
// languages; nullopt when everything is there.
struct MissingTool {
    std::string zh, en;
};
std::optional<MissingTool> check_pdf_tools(const PdfSettings& settings);

class PdfConverter {
public:
    explicit PdfConverter(PdfSettings settings);
    ~PdfConverter();
    PdfConverter(const PdfConverter&) = delete;
    PdfConverter& operator=(const PdfConverter&) = delete;

    // Converts every job, on up to `settings.workers` LibreOffice instances
    // at once; the results are in the order of the jobs. LibreOffice reads
    // and writes only in a private directory of this run (it leaves lock
    // files beside what it opens and its own temporary files beside what it
    // writes, and two runs must not meet there); each PDF is checked to be
    // complete and then written atomically to its place, so it appears
    // whole or not at all. A crash of LibreOffice is retried once on a new
    // instance; a timeout kills the instance and is not retried.
    std::vector<PdfResult> convert(const std::vector<PdfJob>& jobs);

    // The same in steps, for a build that writes its DOCX one by one: each
    // job is handed to a worker as soon as one is free, while bzc goes on
    // with the next document, instead of all of them after the last is
    // written. submit() never waits for LibreOffice; it returns the job's
    // index among the results finish() returns when every submitted job is
    // done.
    std::size_t submit(PdfJob job);
    std::vector<PdfResult> finish();

    // Starts LibreOffice for up to `expected_jobs` documents now, without
    // waiting, so that it starts (about 1.3 s) while bzc checks the sources
    // and writes the DOCX; convert() then takes the instances over. One that
    // could not start is tried again by convert(); ones that are still
    // starting when the converter goes, because no PDF was wanted after all
    // (the check found errors), are killed rather than waited for.
    void start_early(std::size_t expected_jobs);

private:
    struct Worker;
    struct Queued {
        std::size_t job;
        bool retry;  // a second attempt, after LibreOffice crashed on the first
    };
    PdfSettings settings_;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::filesystem::path work_dir_;  // the private directory, made on first use
    // The jobs submitted since the last finish(), their results, and those
    // not yet handed to a worker.
    std::vector<PdfJob> jobs_;
    std::vector<PdfResult> results_;
    std::deque<Queued> queue_;
    std::size_t wanted_ = 0;       // workers to keep for these jobs
    std::vector<bool> given_up_;   // a slot whose worker would not start
    PdfResult last_start_failure_;
    std::unique_ptr<Worker> start_worker(PdfResult& failure);
    // One round: hands out jobs, then reads what the workers answered,
    // waiting for the first answer or deadline when `block`. False when
    // nothing is queued or in hand any more.
    bool pump(bool block);
    void read_answer(std::size_t slot);
    Queued take_next_job();
    void finish_job(Worker& w, PdfResult r, const std::string& pdf = {});
    void job_crashed(std::size_t slot, PdfResult r);
    std::size_t worker_limit() const;
    std::chrono::seconds start_allowance() const { return std::max(settings_.start_timeout, settings_.timeout); }
};

// True when `bytes` look like a whole PDF: the header, and the end-of-file
// marker near the end (LibreOffice can leave a truncated file when it dies).
bool is_complete_pdf(std::string_view bytes);

}  // namespace bzc::emit::pdf
