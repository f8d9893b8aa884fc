#pragma once

#include "emit/docx/images.h"
#include "emit/docx/math_conversion.h"
#include "model/document.h"
#include "support/source_location.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace bzc::emit::docx {

// Image files already read (and SVGs already drawn) by find_image_problems,
// by their normalised path, so that write_docx does not read them again.
using ReadImages = std::map<std::string, Image>;

struct DocxOptions {
    std::filesystem::path base_dir;  // image paths are relative to the source's folder
    // Images must lie inside this folder, with every link resolved (the
    // project's folder; empty: base_dir). A path that leaves it — absolute,
    // through ../ or a symbolic link — would let a pull request put any file
    // the CI machine can read into the DOCX.
    std::filesystem::path image_root;
    MathOptions math;                // the pandoc that converts TeX to OMML
    ReadImages read_images;
    // The page numbering of print (GB/T 1.1—2020 as published): the cover
    // counts as page I without showing it, and 目次, 前言, 引言 and the body
    // each start on a right-hand page, so 目次 is III. Otherwise that of
    // drafts (SET's): 目次 is I and each element starts on the next page.
    bool print_layout = false;
};

// A figure whose image could not be embedded: the DOCX holds a marked
// placeholder in its place.
struct ImageProblem {
    SourceLocation location;
    std::string path;
    std::string reason_zh, reason_en;
    bool renderer_missing = false;  // an SVG, and no rsvg-convert: a set-up problem, not the document's
};

struct DocxResult {
    std::string bytes;                  // the .docx file
    std::vector<ImageProblem> problems;
    std::vector<MathProblem> math_problems;  // formulas written as TeX source
};

// The document as a Word file in the GB/T 1.1—2020 layout: the SET style
// vocabulary (templates/gbt/styles.yaml), clause numbers from style-linked
// multilevel lists, a cover, a 目次/前言/引言 section numbered I, II …, and
// the body numbered from 1 with the designation in the header. Reads only
// the model (and the image files it names); formulas become Word math
// through one pandoc call when the document has any. The same model gives
// the same bytes.
DocxResult write_docx(const model::Document& doc, const DocxOptions& options);
// The same with the conversion of its formulas already under way
// (MathConversionJob::start with options.math).
DocxResult write_docx(const model::Document& doc, const DocxOptions& options, MathConversionJob math);

// The images write_docx cannot embed (missing files, formats other than
// PNG, JPEG and SVG, SVGs that are malformed, have no size or that
// rsvg-convert cannot draw), found without writing anything: `bzc build`
// reports them with the findings of the check, before it decides to write.
// The images that can be embedded go to `read`, for DocxOptions::read_images.
std::vector<ImageProblem> find_image_problems(const model::Document& doc, const DocxOptions& options, ReadImages* read = nullptr);

// The file name for a document: its designation with the characters file
// systems reject (/ \ : * ? " < > | and control characters) replaced by '-',
// the em dash kept — "DB43/T 2345—2022" → "DB43-T 2345—2022.docx". Falls back
// to `fallback_stem` when the document has no designation.
std::string docx_file_name(const model::Document& doc, const std::string& fallback_stem);

}  // namespace bzc::emit::docx
