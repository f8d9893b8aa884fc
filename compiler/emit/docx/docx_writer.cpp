#include "emit/docx/docx_writer.h"

#include "emit/docx/document_writer.h"
#include "emit/docx/parts.h"

namespace bzc::emit::docx {

DocxResult write_docx(const model::Document& doc, const DocxOptions& options) {
    return write_docx(doc, options, MathConversionJob::start(doc, options.math));
}

DocxResult write_docx(const model::Document& doc, const DocxOptions& options, MathConversionJob math_job) {
    const StyleSheet& sheet = StyleSheet::gbt();
    Package package;
    Numbering numbering(sheet);

    // Relationships first (each is checked against the parts when zipped),
    // so that the document knows the ids of its headers and footers.
    const std::string document = "word/document.xml";
    package.relate("", rel::office_document, document);
    package.relate("", rel::core_properties, "docProps/core.xml");
    package.relate("", rel::extended_properties, "docProps/app.xml");
    package.relate(document, rel::styles, "word/styles.xml");
    package.relate(document, rel::numbering, "word/numbering.xml");
    package.relate(document, rel::settings, "word/settings.xml");
    package.relate(document, rel::font_table, "word/fontTable.xml");
    package.relate(document, rel::footnotes, "word/footnotes.xml");
    HeaderFooterIds ids;
    ids.header_odd = package.relate(document, rel::header, "word/header1.xml");
    ids.header_even = package.relate(document, rel::header, "word/header2.xml");
    ids.footer_odd = package.relate(document, rel::footer, "word/footer1.xml");
    ids.footer_even = package.relate(document, rel::footer, "word/footer2.xml");

    // pandoc converts the formulas while the parts are written; the math
    // goes into its places once it has finished.
    DocumentWriter writer(doc, sheet, numbering, package, options, ids);
    std::string document_xml = writer.document_xml();
    std::string footnotes = writer.footnotes_xml();
    MathConversion math = math_job.finish();
    package.add_part(document, content_type::document, writer.place_math(document_xml, math));
    footnotes = writer.place_math(footnotes, math);
    package.add_part("word/styles.xml", content_type::styles, write_styles_xml(sheet));
    package.add_part("word/numbering.xml", content_type::numbering, numbering.xml());
    package.add_part("word/settings.xml", content_type::settings, write_settings_xml(writer.has_toc()));
    package.add_part("word/fontTable.xml", content_type::font_table, write_font_table_xml(sheet));
    package.add_part("word/footnotes.xml", content_type::footnotes, std::move(footnotes));
    package.add_part("word/header1.xml", content_type::header, write_header_xml(doc.metadata, false));
    package.add_part("word/header2.xml", content_type::header, write_header_xml(doc.metadata, true));
    package.add_part("word/footer1.xml", content_type::footer, write_footer_xml(false));
    package.add_part("word/footer2.xml", content_type::footer, write_footer_xml(true));
    for (auto& media : writer.media_parts) package.add_part(media.name, media.type, std::move(media.data));
    package.add_part("docProps/core.xml", content_type::core_properties, write_core_properties_xml(doc.metadata));
    package.add_part("docProps/app.xml", content_type::extended_properties, write_app_properties_xml(doc.metadata));

    DocxResult result;
    result.bytes = package.zip();
    result.problems = std::move(writer.problems);
    result.math_problems = std::move(math.problems);
    return result;
}

std::string docx_file_name(const model::Document& doc, const std::string& fallback_stem) {
    std::string name;
    for (char c : doc.metadata.number) {
        auto u = static_cast<unsigned char>(c);
        bool rejected = u < 0x20 || u == 0x7f || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        name += rejected ? '-' : c;
    }
    // No leading or trailing blanks, no trailing dot (Windows drops it), no hidden file.
    while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(0, 1);
    if (name.empty()) name = fallback_stem.empty() ? "standard" : fallback_stem;
    return name + ".docx";
}

}  // namespace bzc::emit::docx
