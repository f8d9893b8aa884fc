// Figures (catalog §C.5): the image centred, subfigures side by side with
// their a) b) captions, the figure's notes and footnotes (a, b …, numbered
// per figure, catalog §C.4), then 图1/图A.1 and the title centred below.
// Images are PNG or JPEG files embedded as media parts, sized
// from their header (pixels and resolution, 96 dpi when the file says
// nothing) and scaled down to the text width. An SVG file is embedded as a
// PNG drawn by rsvg-convert (what LibreOffice and Word before 2016 show) with
// the SVG beside it (asvg:svgBlip, what Word 2016 and later show), sized
// from the SVG's width, height and viewBox (images.h, read_svg_size).

#include "emit/docx/document_writer.h"
#include "model/walk.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <set>

namespace bzc::emit::docx {

namespace {

constexpr long long emu_per_inch = 914400;
constexpr long long emu_per_twip = 635;
constexpr std::size_t subfigures_per_row = 3;

std::filesystem::path image_path(const std::string& path, const DocxOptions& options) {
    std::filesystem::path file(path);
    return file.is_relative() ? options.base_dir / file : file;
}

std::string image_key(const std::string& path, const DocxOptions& options) {
    return image_path(path, options).lexically_normal().string();
}

// Whether `file`, with its links resolved, lies inside `root`. A path that
// cannot be resolved (a link to itself) is left to read_image, which finds
// no regular file there.
bool inside_folder(const std::filesystem::path& root, const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::path real_root = std::filesystem::weakly_canonical(root, ec);
    if (ec) return true;
    std::filesystem::path real_file = std::filesystem::weakly_canonical(file, ec);
    if (ec) return true;
    auto [r, f] = std::mismatch(real_root.begin(), real_root.end(), real_file.begin(), real_file.end());
    return r == real_root.end();
}

// A figure's image: confined to the image root, then read (images.h).
std::optional<Image> read_figure_image(const std::string& path, const DocxOptions& options, ImageFailure& failure) {
    const std::filesystem::path root = options.image_root.empty() ? options.base_dir : options.image_root;
    const std::filesystem::path file = image_path(path, options);
    if (!inside_folder(root.empty() ? std::filesystem::path(".") : root, file)) {
        failure.reason_zh = "路径指向项目文件夹（无项目文件时为文档所在的文件夹）之外，bzc不读取其外的文件";
        failure.reason_en = "the path leads outside the project's folder (without a project file, the document's folder); bzc reads no file outside it";
        return std::nullopt;
    }
    return read_image(file, failure);
}

}  // namespace

std::vector<ImageProblem> find_image_problems(const model::Document& doc, const DocxOptions& options, ReadImages* read) {
    std::vector<ImageProblem> problems;
    std::set<std::string> seen;
    auto probe = [&](const std::string& path, const SourceLocation& where) {
        std::string key = image_key(path, options);
        if (path.empty() || !seen.insert(key).second) return;
        ImageFailure failure;
        auto image = read_figure_image(path, options, failure);
        if (!image) {
            problems.push_back({where, path, failure.reason_zh, failure.reason_en, failure.renderer_missing});
        } else if (read) {
            read->emplace(key, std::move(*image));
        }
    };
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (!b.is<model::Figure>()) continue;
            const auto& f = b.as<model::Figure>();
            probe(f.image, b.location);
            for (const auto& sub : f.subfigures) probe(sub.image, sub.location);
        }
    });
    return problems;
}

void DocumentWriter::figure(const model::Figure& f, const BlockContext& c) {
    SourceLocation where = block_location_;
    // The footnotes it refers to, in the order the numbering lettered them
    // (analysis/numbering.cpp: the title, then the subfigures' captions):
    // the title is written below them, so they are collected before it.
    ObjectMarks marks;
    std::function<void(const model::Inlines&)> collect = [&](const model::Inlines& list) {
        for (const auto& in : list) {
            collect(in.children);
            if (in.kind == model::InlineKind::FootnoteReference) remember_object_mark(marks, in);
        }
    };
    collect(f.caption);
    for (const auto& sub : f.subfigures) collect(sub.caption);
    object_marks_ = &marks;
    std::string name = f.number;
    if (!f.image.empty()) {
        image_paragraph(f.image, where, text_width(), name);
    } else if (!f.subfigures.empty()) {
        // A borderless table: one cell per subfigure, image above its caption.
        std::size_t per_row = std::min(subfigures_per_row, f.subfigures.size());
        int cell = text_width() / static_cast<int>(per_row);
        x_.open("w:tbl");
        x_.open("w:tblPr");
        x_.empty("w:tblW", {{"w:w", num(cell * static_cast<int>(per_row))}, {"w:type", "dxa"}});
        x_.empty("w:jc", {{"w:val", "center"}});
        x_.open("w:tblBorders");
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) x_.empty(side, {{"w:val", "nil"}});
        x_.close();
        x_.empty("w:tblLayout", {{"w:type", "fixed"}});
        x_.close();
        x_.open("w:tblGrid");
        for (std::size_t i = 0; i < per_row; ++i) x_.empty("w:gridCol", {{"w:w", num(cell)}});
        x_.close();
        for (std::size_t first = 0; first < f.subfigures.size(); first += per_row) {
            x_.open("w:tr");
            x_.open("w:trPr");
            x_.empty("w:cantSplit");
            x_.close();
            for (std::size_t i = first; i < first + per_row; ++i) {
                x_.open("w:tc");
                x_.open("w:tcPr");
                x_.empty("w:tcW", {{"w:w", num(cell)}, {"w:type", "dxa"}});
                x_.empty("w:vAlign", {{"w:val", "bottom"}});
                x_.close();
                if (i < f.subfigures.size()) {
                    const auto& sub = f.subfigures[i];
                    image_paragraph(sub.image, sub.location, cell - 216, name + " " + sub.number);
                    begin_paragraph(ParagraphFormat("Normal").aligned("center"));
                    int bookmark = bookmark_start(&sub);
                    run(sub.number, {});
                    bookmark_end(bookmark);
                    if (!sub.caption.empty()) {
                        run("　", {});
                        inlines(sub.caption, {});
                    }
                    end_paragraph();
                } else {
                    empty_paragraph(ParagraphFormat("Normal"));
                }
                x_.close();
            }
            x_.close();
        }
        x_.close();
    }
    object_marks_ = nullptr;  // a note's footnotes are the text's (1), 2) …)
    for (const auto& n : f.notes) note(n, c);
    object_footnotes(marks);
    object_marks_ = &marks;
    begin_paragraph(ParagraphFormat(c.annex ? "BZAnnexFigureCaption" : "BZFigureCaption"));
    int bookmark = bookmark_start(&f);
    run(f.number, {});
    bookmark_end(bookmark);
    if (!f.caption.empty()) {
        run("　", {});
        inlines(f.caption, {});
    }
    end_paragraph();
    object_marks_ = nullptr;
}

void DocumentWriter::image_paragraph(const std::string& path, const SourceLocation& where, int max_width, const std::string& name) {
    std::string key = image_key(path, options_);
    auto found = media_.find(key);
    if (found == media_.end()) {
        ImageFailure failure;
        std::optional<Image> image;
        if (auto already = options_.read_images.find(key); already != options_.read_images.end()) {
            image = already->second;
        } else {
            image = read_figure_image(path, options_, failure);
        }
        if (!image) {
            problems.push_back({where, path, failure.reason_zh, failure.reason_en, failure.renderer_missing});
            begin_paragraph(ParagraphFormat("Normal").aligned("center").kept_with_next());
            run("［图片无法嵌入：" + path + "］", {});
            end_paragraph();
            return;
        }
        // Parts numbered in the order of first use: the same source gives the same names.
        std::string stem = "word/media/image" + std::to_string(media_.size() + 1);
        EmbeddedImage embedded;
        std::string part = stem + "." + image->extension;
        embedded.image_relationship = package_.relate("word/document.xml", rel::image, part);
        media_parts.push_back({part, image->extension == "png" ? content_type::png : content_type::jpeg, std::move(image->data)});
        if (!image->svg.empty()) {
            embedded.svg_relationship = package_.relate("word/document.xml", rel::image, stem + ".svg");
            media_parts.push_back({stem + ".svg", content_type::svg, std::move(image->svg)});
        }
        embedded.image = std::move(*image);
        found = media_.emplace(key, std::move(embedded)).first;
    }
    const Image& image = found->second.image;
    double cx = image.width / image.dpi_x * emu_per_inch;
    double cy = image.height / image.dpi_y * emu_per_inch;
    const PageSetup& page = sheet_.page();
    double max_cx = static_cast<double>(max_width) * emu_per_twip;
    double max_cy = (page.height - page.top - page.bottom) * 0.75 * emu_per_twip;
    double scale = std::min({1.0, max_cx / cx, max_cy / cy});
    begin_paragraph(ParagraphFormat("Normal").aligned("center").kept_with_next());
    write_inline_picture(x_, {found->second.image_relationship, found->second.svg_relationship, ++drawing_ids_, name,
                              std::llround(cx * scale), std::llround(cy * scale)});
    end_paragraph();
}

}  // namespace bzc::emit::docx
