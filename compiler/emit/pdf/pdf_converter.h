#pragma once

// DOCX → PDF through a headless LibreOffice kept alive for the whole run
// (uno_worker.py, embedded in bzc). One converter serves every document of
// a `bzc build`: LibreOffice starts once (about 1.2 s) instead of once per
// document.

#include "support/subprocess.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace bzc::emit::pdf {

struct PdfSettings {
    bool pdfa = false;  // PDF/A-2b, tagged
    std::chrono::seconds timeout{180};  // per document, LibreOffice's start included
    std::string soffice;  // empty: found on PATH or at /usr/bin/soffice, or $BZC_SOFFICE
    std::string python;   // empty: $BZC_PYTHON, else /usr/bin/python3 (the one python3-uno serves), else python3
};

struct PdfResult {
    bool ok = false;
    int pages = 0;
    double seconds = 0;
    bool retried = false;      // LibreOffice crashed once and the document was converted again
    std::string error_zh;      // why it failed, for the user
    std::string error_en;
    std::string log_tail;      // the last lines LibreOffice and the worker wrote to stderr
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

    // Converts `docx` into `pdf`, which appears whole or not at all: the
    // worker writes a temporary file beside it, which is checked to be a
    // complete PDF before the rename. A crash of LibreOffice is retried
    // once with a new instance; a timeout kills it and is not retried.
    PdfResult convert(const std::filesystem::path& docx, const std::filesystem::path& pdf);

private:
    struct Worker;
    PdfSettings settings_;
    std::unique_ptr<Worker> worker_;
    bool start_worker(PdfResult& failure);
    void stop_worker(bool kill);
    PdfResult convert_once(const std::filesystem::path& docx, const std::filesystem::path& temporary, bool& crashed);
};

// True when `bytes` look like a whole PDF: the header, and the end-of-file
// marker near the end (LibreOffice can leave a truncated file when it dies).
bool is_complete_pdf(std::string_view bytes);

}  // namespace bzc::emit::pdf
