// The comment table of `bzc report` (征求意见汇总处理表): the bytes of the
// file through driver::read_comments_bytes, which picks the reader as bzc
// does: a zip (or an OLE .xls) goes to the XLSX reader (minizip, pugixml),
// anything else is decoded as every source (driver::add_source) and read as
// CSV. What is read then goes where bzc report sends it: the statistics,
// the table's DOCX body, and the reports of its findings.
//
// A mutation of a real workbook's bytes almost always breaks its deflate
// stream or its CRC, so the XML inside would be met only by chance. An
// input that starts with a NUL byte (which no CSV bzc accepts does) is
// therefore the parts of a workbook, separated by NUL bytes: the sheet,
// the shared strings, and optionally the workbook and its relationships.
// They are zipped here, with correct CRCs, and the zip read as above.
#include "fuzz_target.h"

#include "driver/comments_input.h"
#include "emit/docx/zip_writer.h"
#include "explanation/comments_table.h"
#include "explanation/report_docx.h"
#include "support/source_manager.h"

namespace {

std::string zip_of_parts(std::string_view parts) {
    static constexpr const char* names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                                            "xl/_rels/workbook.xml.rels"};
    static constexpr const char* defaults[] = {
        "", "",
        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"征求意见汇总处理表\" r:id=\"rId1\"/></sheets></workbook>",
        "<Relationships><Relationship Id=\"rId1\" Type=\"/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"};
    bzc::emit::docx::ZipWriter zip;
    for (std::size_t i = 0; i < std::size(names); ++i) {
        // A part left empty is left out (the sheet's absence is a finding too).
        std::size_t end = std::min(parts.find('\0'), parts.size());
        std::string_view part = parts.empty() ? std::string_view(defaults[i]) : parts.substr(0, end);
        if (!part.empty()) zip.add(names[i], part);
        parts = end < parts.size() ? parts.substr(end + 1) : std::string_view();
    }
    return zip.finish();
}

}  // namespace

BZC_FUZZ_TARGET(comments_table_fuzzer) {
    bzc::SourceManager sources;
    bzc::DiagnosticSink sink;
    std::string bytes = !input.empty() && input[0] == '\0' ? zip_of_parts(input.substr(1)) : std::string(input);
    // The name of the default CSV: a workbook is recognised by its content.
    auto table = bzc::driver::read_comments_bytes("征求意见汇总处理表.csv", std::move(bytes), sources, sink);
    if (table) {
        bzc::explanation::comment_statistics(*table);
        bzc::explanation::comments_table_document_xml("《机关事务标准化工作指南》征求意见汇总处理表", *table);
    }
    sink.finish(std::nullopt);
    bzc::fuzz::write_reports(sink.diagnostics(), sources);
}
