// The DOCX writer's parts: the zip container, the OPC package, the style
// sheet, file names, image headers, and what the body writer makes of tables
// with merged cells, untitled clauses, notes, lists, footnotes and images.
// The whole package of the samples is validated by tests/docx/validate_docx.py.
#include "emit/docx/cross_references.h"
#include "emit/docx/docx_writer.h"
#include "emit/docx/images.h"
#include "emit/docx/package.h"
#include "emit/docx/style_sheet.h"
#include "emit/docx/zip_writer.h"
#include "support/svg_rendering.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

using namespace bzc::emit::docx;

namespace {

std::uint32_t le32(const std::string& s, std::size_t at) {
    return static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8) |
           (static_cast<unsigned char>(s[at + 2]) << 16) | (std::uint32_t(static_cast<unsigned char>(s[at + 3])) << 24);
}
std::uint16_t le16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}

// A minimal reader of the archives ZipWriter makes: local headers in order.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& zip) {
    std::vector<std::pair<std::string, std::string>> entries;
    std::size_t at = 0;
    while (at + 30 <= zip.size() && le32(zip, at) == 0x04034b50) {
        REQUIRE(le16(zip, at + 10) == 0);       // time 00:00
        REQUIRE(le16(zip, at + 12) == 0x0021);  // 1980-01-01
        std::uint16_t method = le16(zip, at + 8);
        std::uint32_t compressed = le32(zip, at + 18), size = le32(zip, at + 22);
        std::uint16_t name_length = le16(zip, at + 26), extra = le16(zip, at + 28);
        REQUIRE(extra == 0);
        std::string name = zip.substr(at + 30, name_length);
        std::string data = zip.substr(at + 30 + name_length + extra, compressed);
        std::string content(size, '\0');
        if (method == 8) {
            z_stream z{};
            inflateInit2(&z, -MAX_WBITS);
            z.next_in = reinterpret_cast<Bytef*>(data.data());
            z.avail_in = static_cast<uInt>(data.size());
            z.next_out = reinterpret_cast<Bytef*>(content.data());
            z.avail_out = static_cast<uInt>(content.size());
            REQUIRE(inflate(&z, Z_FINISH) == Z_STREAM_END);
            inflateEnd(&z);
        } else {
            REQUIRE(method == 0);
            content = data;
        }
        REQUIRE(crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())) == le32(zip, at + 14));
        entries.emplace_back(name, content);
        at += 30 + name_length + extra + compressed;
    }
    return entries;
}

std::map<std::string, std::string> docx_parts(const std::string& markdown, std::vector<ImageProblem>* problems = nullptr,
                                              std::string* bytes = nullptr,
                                              const std::filesystem::path& base_dir = bzc::test::source_path("samples/jgsw-guide")) {
    auto c = bzc::test::compile_text(markdown);
    DocxOptions options;
    options.base_dir = base_dir;
    DocxResult result = write_docx(c.document, options);
    if (problems) *problems = result.problems;
    if (bytes) *bytes = result.bytes;
    std::map<std::string, std::string> parts;
    for (auto& [name, content] : unzip(result.bytes)) parts[name] = content;
    return parts;
}

// The text of every paragraph of a style, in order.
std::vector<std::string> paragraphs(const std::string& document, const std::string& style) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(document.c_str()));
    std::vector<std::string> out;
    for (auto p : doc.select_nodes(("//w:p[w:pPr/w:pStyle/@w:val='" + style + "']").c_str())) {
        std::string text;
        pugi::xpath_node_set pieces = p.node().select_nodes(".//w:t|.//w:br|.//w:r/w:tab");
        pieces.sort();  // a union comes in no particular order
        for (auto t : pieces) {
            std::string name = t.node().name();
            text += name == "w:br" ? "\n" : name == "w:tab" ? "\t" : t.node().text().get();
        }
        out.push_back(text);
    }
    return out;
}

const char* cover =
    "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\nstage: 征求意见稿\nissuer: 湖南省市场监督管理局\n---\n";

}  // namespace

TEST_CASE("zip archives are deterministic and readable", "[docx]") {
    auto make = [] {
        ZipWriter zip;
        REQUIRE(zip.add("[Content_Types].xml", "<Types/>"));
        REQUIRE(zip.add("word/document.xml", std::string(5000, 'x')));
        REQUIRE(zip.add("word/media/image1.png", std::string("\x89PNG\r\n\x1a\n", 8)));
        REQUIRE(zip.add("中文/名称.xml", "名称"));
        return zip.finish();
    };
    std::string a = make(), b = make();
    CHECK(a == b);
    auto entries = unzip(a);
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].first == "[Content_Types].xml");
    CHECK(entries[1].second == std::string(5000, 'x'));
    CHECK(entries[3].first == "中文/名称.xml");
    CHECK(entries[3].second == "名称");
    CHECK(le32(a, a.size() - 22) == 0x06054b50);  // end of central directory, no comment
}

TEST_CASE("large entries are deflated in blocks, the same bytes on any number of threads", "[docx][zip]") {
    auto inflate_all = [](const std::string& deflated, std::size_t size) {
        std::string content(size, '\0');
        z_stream z{};
        REQUIRE(inflateInit2(&z, -MAX_WBITS) == Z_OK);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
        z.avail_in = static_cast<uInt>(deflated.size());
        z.next_out = reinterpret_cast<Bytef*>(content.data());
        z.avail_out = static_cast<uInt>(content.size());
        int status = inflate(&z, Z_FINISH);
        bool whole = z.avail_in == 0;  // the stream ends where the bytes do
        inflateEnd(&z);
        CHECK(status == Z_STREAM_END);
        CHECK(whole);
        return content;
    };
    // Text that repeats across the 256 KiB block boundaries (as a document's
    // paragraphs do), and bytes that do not repeat at all.
    std::string text;
    for (int i = 0; text.size() < 1'300'000; ++i) text += "<w:p><w:r><w:t>第" + std::to_string(i % 997) + "条 要求</w:t></w:r></w:p>";
    std::string noise;
    std::uint32_t x = 12345;
    for (int i = 0; i < 600'000; ++i) noise += static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    constexpr std::size_t block = 256 * 1024;
    for (std::size_t size : {std::size_t(0), std::size_t(1), block - 1, block, block + 1, 3 * block + 17, text.size()}) {
        for (const std::string* source : {&text, &noise}) {
            std::string_view in = std::string_view(*source).substr(0, size);
            std::string one, two, four;
            REQUIRE(deflate_raw(in, one, 1));
            REQUIRE(deflate_raw(in, two, 2));
            REQUIRE(deflate_raw(in, four, 4));
            CHECK(one == two);
            CHECK(one == four);
            CHECK(inflate_all(one, in.size()) == in);
        }
    }
    // The blocks cost next to nothing: each starts from the text before it.
    std::string blocks;
    REQUIRE(deflate_raw(text, blocks, 2));
    z_stream z{};
    REQUIRE(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string single(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(text.data());
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(single.data());
    z.avail_out = static_cast<uInt>(single.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    single.resize(z.total_out);
    deflateEnd(&z);
    CHECK(blocks.size() <= single.size() + 64);
    // A zip entry of that size reads back whole.
    ZipWriter zip;
    REQUIRE(zip.add("word/document.xml", text));
    auto entries = unzip(zip.finish());
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].second == text);
}

TEST_CASE("the package refuses a relationship to a part that does not exist", "[docx]") {
    Package p;
    p.add_part("word/document.xml", content_type::document, "<w:document/>");
    p.relate("", rel::office_document, "word/document.xml");
    p.relate("word/document.xml", rel::header, "word/header1.xml");
    CHECK_THROWS_AS(p.zip(), std::logic_error);
    p.add_part("word/header1.xml", content_type::header, "<w:hdr/>");
    auto entries = unzip(p.zip());
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].first == "[Content_Types].xml");
    CHECK(entries[1].first == "_rels/.rels");
    CHECK(entries[3].first == "word/_rels/document.xml.rels");
    CHECK(entries[3].second.find("Target=\"header1.xml\"") != std::string::npos);
    CHECK(entries[0].second.find("PartName=\"/word/header1.xml\"") != std::string::npos);
}

TEST_CASE("the style sheet holds the SET vocabulary and refuses inconsistent data", "[docx]") {
    const StyleSheet& s = StyleSheet::gbt();
    CHECK(s.style("BZChapter").name == "标准文件_章标题");
    CHECK(s.style("BZChapter").font == "黑体");
    CHECK(s.style("BZParagraph").first_line == 420);  // 2 characters of 五号
    CHECK(s.style("BZNote").size == 18);              // 小五
    CHECK(s.list("annex").levels[0].text == "附录%1");
    CHECK(s.default_font == "宋体");
    CHECK(s.default_size == 21);
    CHECK(s.page().text_width() == 11906 - 1134 - 1134 - 283);
    const char* base = "sizes: {五号: 21}\ndefaults: {font: 宋体, latin: Times New Roman, size: 五号, lang: zh-CN}\n";
    // A list level linked to a style that another list numbers.
    CHECK_THROWS(StyleSheet::parse(std::string(base) +
                                   "lists:\n  - {key: a, id: 1, levels: [{format: decimal, text: '%1', style: X}]}\n"
                                   "  - {key: b, id: 2, levels: [{format: decimal, text: '%1'}]}\n"
                                   "styles:\n  - {id: Normal, name: Normal, source: x}\n  - {id: X, name: x, list: b, level: 0, source: x}\n"));
    // A style without the source of its values.
    CHECK_THROWS(StyleSheet::parse(std::string(base) + "styles:\n  - {id: Normal, name: Normal}\n"));
    CHECK_THROWS_AS(s.style("NoSuchStyle"), std::logic_error);
}

TEST_CASE("the style sheet compiled into bzc is templates/gbt/styles.yaml", "[docx]") {
    StyleSheet file = StyleSheet::parse(bzc::test::read_file(bzc::test::source_path("templates/gbt/styles.yaml")));
    const StyleSheet& compiled = StyleSheet::gbt();
    CHECK(write_styles_xml(compiled) == write_styles_xml(file));
    REQUIRE(compiled.lists().size() == file.lists().size());
    for (std::size_t i = 0; i < file.lists().size(); ++i) {
        const auto& a = compiled.lists()[i];
        const auto& b = file.lists()[i];
        CHECK(a.key == b.key);
        CHECK(a.id == b.id);
        REQUIRE(a.levels.size() == b.levels.size());
        for (std::size_t k = 0; k < a.levels.size(); ++k) {
            CHECK(a.levels[k].text == b.levels[k].text);
            CHECK(a.levels[k].format == b.levels[k].format);
            CHECK(a.levels[k].style == b.levels[k].style);
            CHECK(a.levels[k].suffix == b.levels[k].suffix);
            CHECK(a.levels[k].left == b.levels[k].left);
            CHECK(a.levels[k].hanging == b.levels[k].hanging);
        }
    }
    CHECK(compiled.sizes() == file.sizes());
    CHECK(compiled.page().top == file.page().top);
}

TEST_CASE("output files are named after the designation", "[docx]") {
    auto name = [](const std::string& number, const std::string& stem = "standard") {
        bzc::model::Document doc;
        doc.metadata.number = number;
        return docx_file_name(doc, stem);
    };
    CHECK(name("DB43/T 2345—2022") == "DB43-T 2345—2022.docx");
    CHECK(name("GB/T 1.1—2020") == "GB-T 1.1—2020.docx");
    CHECK(name("T/CAGOA 001—2024") == "T-CAGOA 001—2024.docx");
    CHECK(name("DB43/T ××××—××××") == "DB43-T ××××—××××.docx");
    CHECK(name("Q/AB:C*1?\"<>|\\2 ") == "Q-AB-C-1------2.docx");
    CHECK(name("", "my-draft") == "my-draft.docx");
    CHECK(name(" . ", "") == "standard.docx");
}

TEST_CASE("image sizes come from PNG and JPEG headers", "[docx]") {
    Image png;
    png.data = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x03\xc0\0\0\x02\x30\x08\x02\0\0\0\0\0\0\0", 33) +
               std::string("\0\0\0\x09pHYs\0\0\x0b\x13\0\0\x0b\x13\x01\0\0\0\0", 21) + std::string("\0\0\0\0IDAT", 8);
    REQUIRE(read_image_header(png));
    CHECK(png.extension == "png");
    CHECK(png.width == 960);
    CHECK(png.height == 560);
    CHECK(png.dpi_x == Approx(72).epsilon(0.01));  // 2835 dots per metre
    Image jpeg;
    jpeg.data = std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\x01\0\x96\0\x96\0\0", 20) +
                std::string("\xff\xc0\0\x11\x08\x01\x2c\x01\x90\x03\x01\x22\0\x02\x11\x01\x03\x11\x01", 19);
    REQUIRE(read_image_header(jpeg));
    CHECK(jpeg.extension == "jpeg");
    CHECK(jpeg.width == 400);
    CHECK(jpeg.height == 300);
    CHECK(jpeg.dpi_x == 150);
    Image gif;
    gif.data = "GIF89a";
    CHECK_FALSE(read_image_header(gif));
}

TEST_CASE("merged cells fill the grid of every row exactly", "[docx]") {
    auto parts = docx_parts(std::string(cover) +
                            "# 范围\n\n本文件规定了要求。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n"
                            "# 统计\n\n统计见[](#tab-s)。\n\n表：标准统计表 {#tab-s}\n单位为项\n\n"
                            "<table>\n<thead>\n<tr><th rowspan=\"2\">子体系</th><th colspan=\"2\">外部</th><th rowspan=\"2\">合计</th></tr>\n"
                            "<tr><th>国家</th><th>行业</th></tr>\n</thead>\n<tbody>\n"
                            "<tr><td rowspan=\"2\">基础</td><td>1</td><td>2</td><td rowspan=\"3\">9</td></tr>\n"
                            "<tr><td colspan=\"2\">3</td></tr>\n<tr><td>甲</td><td>4</td><td>5</td></tr>\n"
                            "</tbody>\n</table>\n\n表注：表中数字为示例。\n");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(parts["word/document.xml"].c_str()));
    auto table = doc.select_node("//w:tbl").node();
    REQUIRE(table);
    int grid = static_cast<int>(table.select_nodes("w:tblGrid/w:gridCol").size());
    CHECK(grid == 4);
    int rows = 0, header_rows = 0, continued = 0;
    for (auto tr : table.children("w:tr")) {
        ++rows;
        if (tr.child("w:trPr").child("w:tblHeader")) ++header_rows;
        int width = 0;
        for (auto tc : tr.children("w:tc")) {
            auto span = tc.child("w:tcPr").child("w:gridSpan");
            width += span ? span.attribute("w:val").as_int() : 1;
            auto merge = tc.child("w:tcPr").child("w:vMerge");
            if (merge && !merge.attribute("w:val")) ++continued;
        }
        CHECK(width == grid);
    }
    CHECK(rows == 6);  // two header rows, three body rows, the notes row
    CHECK(header_rows == 2);
    CHECK(continued == 2 + 1 + 2);  // 子体系, 合计 in the header; 基础; 9 twice
    CHECK(paragraphs(parts["word/document.xml"], "BZTableCaption") == std::vector<std::string>{"表1　标准统计表"});
    CHECK(paragraphs(parts["word/document.xml"], "BZNote") == std::vector<std::string>{"注：表中数字为示例。"});
}

TEST_CASE("clauses, notes, lists and footnotes in the body", "[docx]") {
    auto parts = docx_parts(std::string(cover) +
                            "# 范围\n\n本文件规定了要求。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n"
                            "# 要求\n\n##\n\n第一段在编号之后[^a]。\n\n注：一个注。\n\n##\n\n第二条。\n\n"
                            "1. 甲；\n2. 乙。\n\n另一列项：\n\n1. 丙；\n2. 丁。\n\n"
                            "注：注一。\n\n注：注二。\n\n[^a]: 脚注的内容。\n");
    const std::string& d = parts["word/document.xml"];
    CHECK(paragraphs(d, "BZUntitled1") == std::vector<std::string>{"第一段在编号之后1)。", "第二条。"});
    CHECK(paragraphs(d, "BZNote") == std::vector<std::string>{"注：一个注。"});
    CHECK(paragraphs(d, "BZNoteNumbered") == std::vector<std::string>{"注1：注一。", "注2：注二。"});
    // Each a) b) list restarts: a w:num of its own with a start override.
    const std::string& n = parts["word/numbering.xml"];
    std::size_t overrides = 0;
    for (std::size_t at = n.find("<w:startOverride"); at != std::string::npos; at = n.find("<w:startOverride", at + 1)) ++overrides;
    CHECK(overrides == 2);
    CHECK(parts["word/footnotes.xml"].find("脚注的内容。") != std::string::npos);
    CHECK(d.find("w:customMarkFollows=\"1\"") != std::string::npos);
    CHECK(parts.count("word/header1.xml"));
    CHECK(parts["word/header1.xml"].find("DB43/T 2345—2022") != std::string::npos);
}

TEST_CASE("images are embedded once each, and a missing one is reported with a placeholder", "[docx]") {
    std::vector<ImageProblem> problems;
    auto parts = docx_parts(std::string(cover) +
                            "# 范围\n\n本文件规定了要求。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n"
                            "# 结构\n\n见[](#f1)、[](#f2)和[](#f3)。\n\n![结构图](figures/structure.png){#f1}\n\n![结构图二](figures/structure.png){#f2}\n\n"
                            "![缺失](figures/missing.png){#f3}\n",
                            &problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "figures/missing.png");
    CHECK(problems[0].location.line > 0);
    CHECK(parts.count("word/media/image1.png"));
    CHECK_FALSE(parts.count("word/media/image2.png"));
    CHECK(paragraphs(parts["word/document.xml"], "BZFigureCaption") == std::vector<std::string>{"图1　结构图", "图2　结构图二", "图3　缺失"});
    CHECK(parts["word/document.xml"].find("［图片无法嵌入：figures/missing.png］") != std::string::npos);
}

TEST_CASE("the cover banner and logo follow the family of the designation", "[docx]") {
    auto banner = [](const std::string& number, const std::string& issuer) {
        auto parts = docx_parts("---\nnumber: " + number + "\ntitle: 机关事务标准化工作指南\nissuer: " + issuer + "\n---\n# 范围\n\n本文件规定了要求。\n");
        auto b = paragraphs(parts["word/document.xml"], "BZCoverBanner");
        return b.empty() ? std::string() : b[0];
    };
    CHECK(banner("GB/T 1.1—2020", "国家市场监督管理总局") == "中华人民共和国国家标准");
    CHECK(banner("GB/Z 1—2020", "国家市场监督管理总局") == "中华人民共和国国家标准化指导性技术文件");
    CHECK(banner("GB/T ××××—××××", "国家市场监督管理总局") == "中华人民共和国国家标准");
    CHECK(banner("JB/T 1234—2020", "工业和信息化部") == "中华人民共和国　机械行业标准");
    CHECK(banner("DB43/T 2345—2022", "湖南省市场监督管理局") == "湖南省地方标准");
    CHECK(banner("DB4301/T 1—2022", "长沙市市场监督管理局") == "长沙市地方标准");
    CHECK(banner("T/CAGOA 001—2024", "中国机关后勤协会") == "团体标准");
    CHECK(banner("Q/HNJG 001—2024", "湖南某集团有限公司") == "湖南某集团有限公司企业标准");
}

namespace {

// The paragraphs of document.xml in order, each with its style, its text and
// the properties of the section it ends (empty for most); the properties of
// the last section, at the end of the body, come last with an empty style.
struct LaidOutParagraph {
    std::string style, text;
    pugi::xml_node section;
};
std::vector<LaidOutParagraph> laid_out(const std::string& document, pugi::xml_document& doc) {
    REQUIRE(doc.load_string(document.c_str()));
    std::vector<LaidOutParagraph> out;
    for (auto p : doc.select_nodes("/w:document/w:body/w:p")) {
        LaidOutParagraph l;
        l.style = p.node().child("w:pPr").child("w:pStyle").attribute("w:val").value();
        for (auto t : p.node().select_nodes(".//w:t")) l.text += t.node().text().get();
        l.section = p.node().child("w:pPr").child("w:sectPr");
        out.push_back(l);
    }
    out.push_back({"", "", doc.select_node("/w:document/w:body/w:sectPr").node()});
    return out;
}

// The section properties that apply to paragraph i: those of the first
// section end at or after it.
pugi::xml_node section_of(const std::vector<LaidOutParagraph>& ps, std::size_t i) {
    for (; i < ps.size(); ++i)
        if (ps[i].section) return ps[i].section;
    return {};
}

int columns(pugi::xml_node section) {
    auto num = section.child("w:cols").attribute("w:num");
    return num ? num.as_int() : 1;
}

}  // namespace

TEST_CASE("footnotes of tables and figures are printed under them, lettered per object, not at the page foot", "[docx]") {
    auto parts = docx_parts(std::string(cover) +
                            "# 范围\n\n本文件给出了指导[^t]。\n\n"
                            "图：组织结构[^f] {#fig-1}\n\n![](figures/structure.png)\n\n"
                            "表：标准清单 {#tab-1}\n\n| 编号[^x] | 名称[^y] |\n|---|---|\n| 1 | 甲 |\n\n"
                            "[^t]: 正文的脚注。\n[^f]: 图的脚注。\n[^x]: 表的脚注。\n[^y]: 表的另一个脚注。\n");
    const std::string& d = parts["word/document.xml"];
    // (The space after each mark is a run of its own, which the XML reader
    // of these tests drops.)
    CHECK(paragraphs(d, "FootnoteText") ==
          std::vector<std::string>{"a图的脚注。", "a表的脚注。", "b表的另一个脚注。"});
    // The figure's footnote stands between the image and 图1, above the title.
    pugi::xml_document doc;
    auto ps = laid_out(d, doc);
    auto at = [&](const std::string& style, const std::string& text) {
        for (std::size_t i = 0; i < ps.size(); ++i)
            if (ps[i].style == style && ps[i].text == text) return i;
        return ps.size();
    };
    std::size_t footnote = at("FootnoteText", "a图的脚注。");
    REQUIRE(footnote < ps.size());
    CHECK(ps[footnote + 1].style == "BZFigureCaption");
    CHECK(ps[footnote + 1].text == "图1　组织结构a");
    // Only the text's own footnote is a Word footnote.
    const std::string& notes = parts["word/footnotes.xml"];
    CHECK(notes.find("正文的脚注。") != std::string::npos);
    for (const char* object_note : {"图的脚注。", "表的脚注。", "表的另一个脚注。"}) {
        CHECK(notes.find(object_note) == std::string::npos);
    }
    CHECK(d.find("w:footnoteReference") != std::string::npos);
}

TEST_CASE("the 索引 starts a new page, its entries in two columns, the page numbers and headers going on", "[docx]") {
    const std::string chapters =
        "# 范围\n\n本文件界定了术语。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n# 术语和定义\n\n下列术语和定义适用于本文件。\n\n"
        "## 公务用车\nofficial vehicle\n党政机关的机动车。\n\n## 长途公务出行 {pinyin=chang2tu2gong1wu4chu1xing2}\nlong-distance official travel\n"
        "超出所在城市的公务出行。\n\n";
    auto parts = docx_parts("---\nnumber: T/CAGOA 001—2024\ntitle: 公务用车管理　术语\nstage: 征求意见稿\nindex: auto\n---\n" + chapters);
    pugi::xml_document doc;
    auto ps = laid_out(parts["word/document.xml"], doc);
    // Letters and list titles in the letter style; 长途 under C by its override.
    CHECK(paragraphs(parts["word/document.xml"], "BZIndexLetter") ==
          std::vector<std::string>{"汉语拼音索引", "C", "G", "英文对应词索引", "L", "O"});
    // Each entry: the term, a tab, the number; the tab stop of the entries'
    // style at the right edge of a column, with a dotted leader to it.
    CHECK(paragraphs(parts["word/document.xml"], "BZIndexItem") ==
          std::vector<std::string>{"长途公务出行\t3.2", "公务用车\t3.1", "long-distance official travel\t3.2", "official vehicle\t3.1"});
    {
        pugi::xml_document styles;
        REQUIRE(styles.load_string(parts["word/styles.xml"].c_str()));
        auto stop = styles.select_node("//w:style[@w:styleId='BZIndexItem']/w:pPr/w:tabs/w:tab").node();
        CHECK(std::string(stop.attribute("w:val").value()) == "right");
        CHECK(std::string(stop.attribute("w:leader").value()) == "dot");
        // A4 less the margins and gutter (9,355 twips), less the gap between the columns (425), halved.
        CHECK(stop.attribute("w:pos").as_int() == 4465);
    }
    std::size_t heading = 0;
    while (heading < ps.size() && ps[heading].style != "BZIndexHeading") ++heading;
    REQUIRE(heading < ps.size());
    // The section before the 索引 ends just before it: the 索引 starts a new
    // page, across it the title and the first list title.
    REQUIRE(heading > 0);
    CHECK(ps[heading - 1].section);
    pugi::xml_node title_section = section_of(ps, heading);
    CHECK(std::string(title_section.child("w:type").attribute("w:val").value()) == "nextPage");
    CHECK(columns(title_section) == 1);
    CHECK(ps[heading + 1].text == "汉语拼音索引");
    CHECK(ps[heading + 1].section == title_section);
    // Every letter and entry in two columns, the titles across the page.
    for (std::size_t i = heading + 1; i < ps.size(); ++i) {
        if (ps[i].style == "BZIndexItem" || (ps[i].style == "BZIndexLetter" && ps[i].text.size() == 1)) {
            INFO(ps[i].text);
            CHECK(columns(section_of(ps, i)) == 2);
            CHECK(std::string(section_of(ps, i).child("w:type").attribute("w:val").value()) == "continuous");
        } else if (ps[i].style == "BZIndexLetter") {
            CHECK(columns(section_of(ps, i)) == 1);
        }
    }
    // Page numbers restart twice only (I for the front matter, 1 for the
    // body); every section after the cover names the header and footer.
    int restarts = 0, sections = 0;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (!ps[i].section) continue;
        ++sections;
        if (ps[i].section.child("w:pgNumType").attribute("w:start")) ++restarts;
        if (sections > 1) CHECK(ps[i].section.child("w:headerReference"));
    }
    CHECK(restarts == 2);
    // The cover, the front matter, the body; the 索引's title and first list
    // title, its columns, the second list title, its columns; the closing rule.
    CHECK(sections == 8);
    // The last section, after the columns, holds the closing rule across the page.
    CHECK(columns(ps.back().section) == 1);

    // A hand-written 索引 without list titles: the title alone across the page.
    // The gap or leaders typed before a number give way to the tab; an entry
    // without a number after a gap or a Han character prints as written.
    auto written = docx_parts(std::string(cover) + chapters +
                              "# 索引\n\nG\n\n- 公务用车　3.1\n- 公务用车……3.1\n- 公务用车 **3.1**\n- GPS3.1\n- 公务用车3.1 \n");
    CHECK(paragraphs(written["word/document.xml"], "BZIndexItem") ==
          std::vector<std::string>{"公务用车\t3.1", "公务用车\t3.1", "公务用车 3.1", "GPS3.1", "公务用车\t3.1"});
    pugi::xml_document doc2;
    auto ps2 = laid_out(written["word/document.xml"], doc2);
    std::size_t h2 = 0;
    while (h2 < ps2.size() && ps2[h2].style != "BZIndexHeading") ++h2;
    REQUIRE(h2 + 2 < ps2.size());
    CHECK(ps2[h2].section);  // the title closes the section across the page
    CHECK(ps2[h2 + 1].style == "BZIndexLetter");
    CHECK(columns(section_of(ps2, h2 + 1)) == 2);
}

namespace {

using bzc::test::ScratchFolder;

std::optional<SvgSize> svg_size(const std::string& root_attributes, ImageFailure& failure) {
    return read_svg_size("<svg xmlns=\"http://www.w3.org/2000/svg\" " + root_attributes + "><rect width=\"1\" height=\"1\"/></svg>",
                         failure);
}

const char* figure_body =
    "# 范围\n\n本文件规定了要求。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n"
    "# 结构\n\n";

}  // namespace

TEST_CASE("SVG sizes come from width, height and viewBox", "[docx][svg]") {
    ImageFailure failure;
    auto size = svg_size("width=\"40mm\" height=\"20mm\"", failure);
    REQUIRE(size);
    CHECK(size->width_px == Approx(40 / 25.4 * 96));
    CHECK(size->height_px == Approx(20 / 25.4 * 96));
    size = svg_size("width=\"2in\" viewBox=\"0 0 100 50\"", failure);
    REQUIRE(size);
    CHECK(size->width_px == Approx(192));
    CHECK(size->height_px == Approx(96));
    size = svg_size("height=\"72pt\" viewBox=\"0,0,300,150\"", failure);
    REQUIRE(size);
    CHECK(size->width_px == Approx(192));
    size = svg_size("width=\"3cm\" height=\"120\"", failure);
    REQUIRE(size);
    CHECK(size->width_px == Approx(3 / 2.54 * 96));
    CHECK(size->height_px == Approx(120));
    // The viewBox alone: the documented default width, its proportions.
    size = svg_size("width=\"100%\" viewBox=\"0 0 300 150\"", failure);
    REQUIRE(size);
    CHECK(size->width_px == Approx(svg_default_width_mm / 25.4 * 96));
    CHECK(size->height_px == Approx(size->width_px / 2));
    for (const char* sizeless : {"", "width=\"100%\" height=\"50%\"", "width=\"10em\" height=\"2em\"", "viewBox=\"0 0 0 10\"",
                                 "width=\"-3mm\" height=\"4mm\"", "viewBox=\"0 0 10\""}) {
        ImageFailure none;
        CHECK_FALSE(svg_size(sizeless, none));
        CHECK(none.reason_en.find("no size") != std::string::npos);
    }
}

TEST_CASE("an SVG that is malformed, not SVG or has a DOCTYPE is refused before anything runs on it", "[docx][svg]") {
    ImageFailure failure;
    CHECK_FALSE(read_svg_size("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><g></svg>", failure));
    CHECK(failure.reason_en.find("not well-formed XML") != std::string::npos);
    failure = {};
    CHECK_FALSE(read_svg_size("<html width=\"10\" height=\"10\"/>", failure));
    CHECK(failure.reason_en.find("root element is not <svg>") != std::string::npos);
    failure = {};
    // An external entity (XXE): refused whole, never expanded nor fetched.
    CHECK_FALSE(read_svg_size("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&xxe;</text></svg>",
                              failure));
    CHECK(failure.reason_en.find("DOCTYPE") != std::string::npos);
}

TEST_CASE("an SVG figure is embedded as a PNG at twice its size with the SVG beside it", "[docx][svg]") {
    REQUIRE(bzc::find_svg_renderer());  // librsvg2-bin is a dependency of bzc
    ScratchFolder folder("bzc-docx-svg-test");
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80mm\" height=\"40mm\" viewBox=\"0 0 80 40\">"
        "<rect x=\"1\" y=\"1\" width=\"78\" height=\"38\" fill=\"none\" stroke=\"#000\"/></svg>\n";
    folder.write("figures/flow.svg", svg);
    folder.write("figures/sizeless.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>");
    folder.write("figures/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"5\"");
    folder.write("figures/anim.gif", "GIF89a\x01\0\x01\0");
    std::string markdown = std::string(cover) + figure_body +
                           "见[](#f1)、[](#f2)、[](#f3)、[](#f4)和[](#f5)。\n\n![流程](figures/flow.svg){#f1}\n\n![流程二](figures/flow.svg){#f2}\n\n"
                           "![无尺寸](figures/sizeless.svg){#f3}\n\n![损坏](figures/broken.svg){#f4}\n\n![动图](figures/anim.gif){#f5}\n";
    std::vector<ImageProblem> problems;
    std::string bytes;
    auto parts = docx_parts(markdown, &problems, &bytes, folder.path);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].path == "figures/sizeless.svg");
    CHECK(problems[0].reason_en.find("no size") != std::string::npos);
    CHECK(problems[1].path == "figures/broken.svg");
    CHECK(problems[1].reason_en.find("not well-formed") != std::string::npos);
    CHECK(problems[2].path == "figures/anim.gif");
    CHECK(problems[2].reason_en.find("GIF") != std::string::npos);
    for (const auto& p : problems) CHECK(p.location.line > 0);
    // One PNG and one SVG part for the file used twice.
    REQUIRE(parts.count("word/media/image1.png"));
    CHECK(parts["word/media/image1.png"].starts_with("\x89PNG\r\n\x1a\n"));
    CHECK(parts["word/media/image1.svg"] == svg);
    CHECK_FALSE(parts.count("word/media/image2.png"));
    Image png;
    png.data = parts["word/media/image1.png"];
    REQUIRE(read_image_header(png));
    CHECK(png.width == 605);  // 80 mm at 192 pixels per inch
    CHECK(png.height == 302);
    CHECK(parts["[Content_Types].xml"].find("image/svg+xml") != std::string::npos);
    CHECK(parts["[Content_Types].xml"].find("image/png") != std::string::npos);
    pugi::xml_document document, relationships;
    REQUIRE(document.load_string(parts["word/document.xml"].c_str()));
    REQUIRE(relationships.load_string(parts["word/_rels/document.xml.rels"].c_str()));
    auto pictures = document.select_nodes("//pic:pic");
    REQUIRE(pictures.size() == 2);
    for (auto picture : pictures) {
        auto blip = picture.node().select_node(".//a:blip").node();
        auto svg_blip = picture.node().select_node(".//asvg:svgBlip").node();
        REQUIRE(svg_blip);
        auto target = [&](const char* id) {
            return relationships.select_node(("//*[@Id='" + std::string(id) + "']").c_str()).node().attribute("Target").value();
        };
        CHECK(std::string(target(blip.attribute("r:embed").value())) == "media/image1.png");
        CHECK(std::string(target(svg_blip.attribute("r:embed").value())) == "media/image1.svg");
        // The SVG's own size: 80 × 40 mm in EMU.
        auto extent = picture.node().select_node(".//a:xfrm/a:ext").node();
        CHECK(extent.attribute("cx").as_llong() == Approx(80 / 25.4 * 914400).margin(2));
        CHECK(extent.attribute("cy").as_llong() == Approx(40 / 25.4 * 914400).margin(2));
    }
    CHECK(parts["word/document.xml"].find("［图片无法嵌入：figures/sizeless.svg］") != std::string::npos);
    // The same SVG gives the same bytes.
    std::string again;
    docx_parts(markdown, nullptr, &again, folder.path);
    CHECK(again == bytes);
}

TEST_CASE("an SVG wider than the text block is scaled down to it", "[docx][svg]") {
    ScratchFolder folder("bzc-docx-svg-wide-test");
    folder.write("figures/wide.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400mm\" height=\"100mm\"><rect width=\"9\" height=\"9\"/></svg>");
    auto parts = docx_parts(std::string(cover) + figure_body + "见[](#f1)。\n\n![宽图](figures/wide.svg){#f1}\n", nullptr, nullptr, folder.path);
    pugi::xml_document document;
    REQUIRE(document.load_string(parts["word/document.xml"].c_str()));
    auto extent = document.select_node("//a:xfrm/a:ext").node();
    long long text_width_emu = (11906 - 1134 - 1134 - 283) * 635LL;
    CHECK(extent.attribute("cx").as_llong() == Approx(text_width_emu).margin(2));
    CHECK(extent.attribute("cy").as_llong() == Approx(text_width_emu / 4.0).margin(2));
    // The PNG is not drawn at 400 mm × 2: at most 170 mm at 192 pixels per inch.
    Image png;
    png.data = parts["word/media/image1.png"];
    REQUIRE(read_image_header(png));
    CHECK(png.width <= 1286);
}

TEST_CASE("rsvg-convert loads nothing an SVG names outside itself", "[docx][svg]") {
    // The SVG goes to rsvg-convert on standard input, without a base file:
    // an image it names by absolute path or URL is not read.
    std::string png_file = bzc::test::source_path("samples/jgsw-guide/figures/structure.png");
    auto drawn = [](const std::string& inside) {
        bzc::SvgRenderRequest request;
        request.width_px = 40;
        request.height_px = 40;
        return bzc::render_svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                                      "width=\"20\" height=\"20\">" + inside + "</svg>", request);
    };
    auto empty = drawn("");
    auto with_file = drawn("<image x=\"0\" y=\"0\" width=\"20\" height=\"20\" xlink:href=\"file://" + png_file + "\"/>"
                           "<image x=\"0\" y=\"0\" width=\"20\" height=\"20\" href=\"" + png_file + "\"/>");
    REQUIRE(empty.ok());
    REQUIRE(with_file.ok());
    CHECK(with_file.png == empty.png);
}

TEST_CASE("without rsvg-convert an SVG figure names librsvg2-bin", "[docx][svg]") {
    ScratchFolder folder("bzc-docx-svg-missing-test");
    folder.write("figures/flow.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10mm\" height=\"10mm\"/>");
    ::setenv("BZC_RSVG_CONVERT", "/nonexistent/rsvg-convert", 1);
    std::vector<ImageProblem> problems;
    docx_parts(std::string(cover) + figure_body + "见[](#f1)。\n\n![流程](figures/flow.svg){#f1}\n", &problems, nullptr, folder.path);
    ::unsetenv("BZC_RSVG_CONVERT");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].renderer_missing);
    CHECK(problems[0].reason_en.find("librsvg2-bin") != std::string::npos);
}

namespace {

// The elements of a part in document order (XPath unions need not be), its
// white-space text kept as Word keeps it (xml:space="preserve").
std::vector<pugi::xml_node> in_order(const pugi::xml_document& doc, std::initializer_list<const char*> names) {
    std::vector<pugi::xml_node> out;
    std::function<void(pugi::xml_node)> visit = [&](pugi::xml_node n) {
        for (const char* name : names) {
            if (std::string(n.name()) == name) out.push_back(n);
        }
        for (auto child : n.children()) visit(child);
    };
    visit(doc.document_element());
    return out;
}

// The complex fields of a part: instruction, cached result, dirty flag.
struct FieldOut {
    std::string instruction, result;
    bool dirty = false;
};

std::vector<FieldOut> complex_fields(const std::string& part) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(part.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::vector<FieldOut> out, open;
    std::vector<bool> separated;
    for (pugi::xml_node n : in_order(doc, {"w:fldChar", "w:instrText", "w:t"})) {
        std::string name = n.name();
        if (name == "w:fldChar") {
            std::string kind = n.attribute("w:fldCharType").value();
            if (kind == "begin") {
                open.push_back({"", "", n.attribute("w:dirty").as_bool()});
                separated.push_back(false);
            } else if (kind == "separate" && !open.empty()) {
                separated.back() = true;
            } else if (kind == "end" && !open.empty()) {
                out.push_back(open.back());
                open.pop_back();
                separated.pop_back();
            }
        } else if (!open.empty() && name == "w:instrText") {
            open.back().instruction += n.text().get();
        } else if (!open.empty() && separated.back()) {
            open.back().result += n.text().get();
        }
    }
    CHECK(open.empty());
    return out;
}

// Bookmarks of document.xml: name → the text they enclose; checks that
// starts and ends pair up, ids and names are unique and ids in order.
std::map<std::string, std::string> bookmarks(const std::string& part) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(part.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::map<std::string, std::string> text_of;  // id → text
    std::map<std::string, std::string> name_of;  // id → name
    std::vector<std::string> open;
    int last_id = -1;
    for (pugi::xml_node n : in_order(doc, {"w:bookmarkStart", "w:bookmarkEnd", "w:t"})) {
        std::string name = n.name();
        std::string id = n.attribute("w:id").value();
        if (name == "w:bookmarkStart") {
            CHECK(name_of.count(id) == 0);
            CHECK(std::stoi(id) > last_id);
            last_id = std::stoi(id);
            name_of[id] = n.attribute("w:name").value();
            open.push_back(id);
        } else if (name == "w:bookmarkEnd") {
            auto at = std::find(open.begin(), open.end(), id);
            REQUIRE(at != open.end());
            open.erase(at);
        } else {
            for (const auto& o : open) text_of[o] += n.text().get();
        }
    }
    CHECK(open.empty());
    std::map<std::string, std::string> out;
    for (const auto& [id, name] : name_of) {
        CHECK(out.count(name) == 0);
        CHECK(name.size() <= 40);
        CHECK(name.rfind("_Ref", 0) == 0);
        CHECK(name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos);
        out[name] = text_of[id];
    }
    return out;
}

// The text of the first paragraph holding `needle`: runs and field results, no instructions.
std::string paragraph_with(const std::string& part, const std::string& needle) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(part.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    for (auto p : doc.select_nodes("//w:p")) {
        std::string text;
        for (auto t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
        if (text.find(needle) != std::string::npos) return text;
    }
    return "";
}

const char* referring_standard = R"(# 范围
见[](#ch-req)、[](#c-org)、[](#c-untitled)、[](#tab-1)、[](#fig-1)、[](#fig-1b)、[](#eq-1)、[](#annex-a)、[](#item-b)、[](#t-1)、[](#tab-a1)、[](#intro-1)、[](#bib-1)、[](#foreword)[^n]。

# 术语和定义
## 术语 {#t-1}
term
定义。

# 要求 {#ch-req}
## 组织 {#c-org}
应：
1. 第一；
2. 第二。{#item-b}

注：按[](#eq-1)计算。

表：表 {#tab-1}

| a |
|---|
| 见[](#c-untitled) |

图：组图 {#fig-1}

![一](a.png){#fig-1a} ![二](b.png){#fig-1b}

```math {#eq-1}
x = 1
```
## {#c-untitled}
无标题条。

# 附录（规范性） 附录 {#annex-a}
表：附录表 {#tab-a1}

| a |
|---|
| 1 |

[^n]: 另见[](#annex-a)。
)";

}  // namespace

TEST_CASE("cross-references are REF fields to bookmarks on their targets, cached as resolved", "[docx][xref]") {
    std::string markdown = bzc::test::with_cover(referring_standard) +
                           "\n# 引言\n## 背景 {#intro-1}\n文本。\n\n# 参考文献\n- 第一条文献 {#bib-1}\n\n# 前言 {#foreword}\n文本。\n";
    std::string bytes, again;
    auto parts = docx_parts(markdown, nullptr, &bytes);
    docx_parts(markdown, nullptr, &again);
    CHECK(bytes == again);  // bookmark names and ids are deterministic
    const std::string& d = parts["word/document.xml"];

    // The text reads as before: the cached results are the resolved numbers.
    CHECK(paragraph_with(d, "见第3章") ==
          "见第3章、3.1、3.2、表1、图1、图1 b)、公式(1)、附录A、3.1 b)、2.1、表A.1、0.1、[1]、前言1)。");
    CHECK(paragraph_with(d, "按公式") == "注：按公式(1)计算。");
    CHECK(paragraph_with(d, "见3.2") == "见3.2");
    CHECK(paragraph_with(parts["word/footnotes.xml"], "另见") == "1) 另见附录A。");

    auto marks = bookmarks(d);
    // Only what is referred to: not 图1 a), not the list item, 参考文献 or 前言.
    CHECK(marks.size() == 11);
    std::map<std::string, std::string> instruction_of;  // cached result → instruction
    for (const std::string* part : {&d, static_cast<const std::string*>(&parts["word/footnotes.xml"])}) {
        for (const auto& f : complex_fields(*part)) {
            if (f.instruction.find(" REF ") != 0) continue;
            CHECK_FALSE(f.dirty);
            std::string name = f.instruction.substr(5, f.instruction.find(' ', 5) - 5);
            REQUIRE(marks.count(name) == 1);
            std::string switches = f.instruction.substr(5 + name.size());
            // A bookmarked text gives the cached result; a paragraph number is Word's.
            if (switches == " \\h ") CHECK(marks[name] == f.result);
            instruction_of[f.result] = switches;
        }
    }
    CHECK(instruction_of["3"] == " \\r \\t \\h ");    // 第3章: 第 and 章 around the field
    CHECK(instruction_of["3.1"] == " \\r \\t \\h ");  // a titled clause (and 3.1 b) stays text)
    CHECK(instruction_of["3.2"] == " \\r \\t \\h ");  // untitled
    CHECK(instruction_of["2.1"] == " \\r \\t \\h ");  // a term entry
    CHECK(instruction_of["0.1"] == " \\r \\t \\h ");  // 引言
    CHECK(instruction_of["附录A"] == " \\r \\h ");
    CHECK(instruction_of["表1"] == " \\h ");
    CHECK(instruction_of["表A.1"] == " \\h ");
    CHECK(instruction_of["图1"] == " \\h ");
    CHECK(instruction_of["b)"] == " \\h ");  // 图1 b): the figure's field, a space, the subfigure's
    CHECK(instruction_of["(1)"] == " \\h ");
    CHECK(instruction_of.count("[1]") == 0);
    CHECK(instruction_of.count("前言") == 0);
    // No reference, no bookmark: the same document without them has none.
    auto plain = docx_parts(bzc::test::with_cover("# 范围\n\n本文件规定了要求。\n\n## 条 {#c}\n\n文本。\n"));
    CHECK(plain["word/document.xml"].find("w:bookmarkStart") == std::string::npos);
}

TEST_CASE("bookmark names are hidden, short, of safe characters and distinct", "[docx][xref]") {
    std::string a = bookmark_name("tab-list"), b = bookmark_name("tab_list");
    CHECK(a.rfind("_Ref_tab_list_", 0) == 0);
    CHECK(a != b);
    CHECK(bookmark_name("tab-list") == a);
    std::string chinese = bookmark_name("表-一");
    CHECK(chinese.rfind("_Ref_", 0) == 0);
    CHECK(chinese.size() == 13);  // _Ref_ and the hash
    std::string longest = bookmark_name(std::string(200, 'x'));
    CHECK(longest.size() == 40);
    CHECK(bookmark_name("x", 1) != bookmark_name("x"));
}

TEST_CASE("print layout: the cover counts as I, each front element and the body start on a right-hand page", "[docx]") {
    const std::string chapters =
        "# 范围\n\n本文件给出了指导。\n\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n\n"
        "# 要求\n\n应记录。\n";
    // 目次 asked for, 前言 made from the cover data, 引言 written.
    auto c = bzc::test::compile_text("---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\ntoc: true\n"
                                     "issuer: 湖南省市场监督管理局\n---\n# 引言\n\n引言文字。\n\n" + chapters);
    auto sections_of = [&](bool print) {
        DocxOptions options;
        options.base_dir = bzc::test::source_path("samples/jgsw-guide");
        options.print_layout = print;
        std::string document;
        for (auto& [name, content] : unzip(write_docx(c.document, options).bytes)) {
            if (name == "word/document.xml") document = content;
        }
        pugi::xml_document doc;
        REQUIRE(doc.load_string(document.c_str()));
        std::vector<std::string> out;  // type, page number format, start of each section, in order
        for (auto s : doc.select_nodes("//w:sectPr")) {
            pugi::xml_node n = s.node();
            out.push_back(std::string(n.child("w:type").attribute("w:val").value()) + " " +
                          n.child("w:pgNumType").attribute("w:fmt").value() + " " +
                          n.child("w:pgNumType").attribute("w:start").value());
        }
        return out;
    };
    // Cover, then 目次, 前言 and 引言 each a section going on from the cover's
    // I on a right-hand page (目次 III, 前言 V …), then the body from 1.
    CHECK(sections_of(true) == std::vector<std::string>{"nextPage upperRoman 1", "oddPage upperRoman ", "oddPage upperRoman ",
                                                        "oddPage upperRoman ", "oddPage decimal 1"});
    // Drafts as SET writes them: no number on the cover, the front matter one
    // section from I, each section on the next page.
    CHECK(sections_of(false) == std::vector<std::string>{"nextPage  ", "nextPage upperRoman 1", "nextPage decimal 1"});
}
