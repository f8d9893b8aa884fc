#include "emit/docx/parts.h"
#include "emit/docx/xml_out.h"

namespace bzc::emit::docx {

std::string write_core_properties_xml(const model::Metadata& m) {
    XmlOut x;
    x.open("cp:coreProperties", {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                                 {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                                 {"xmlns:dcterms", "http://purl.org/dc/terms/"},
                                 {"xmlns:dcmitype", "http://purl.org/dc/dcmitype/"},
                                 {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
    if (!m.title.empty()) x.element("dc:title", m.title);
    if (!m.title_en.empty()) x.element("dc:subject", m.title_en);
    if (!m.issuer.empty()) x.element("dc:creator", m.issuer);
    if (!m.number.empty()) x.element("dc:identifier", m.number);
    std::string keywords;
    for (const auto& ics : m.ics) keywords += (keywords.empty() ? "ICS " : "；ICS ") + ics;
    if (!m.ccs.empty()) keywords += (keywords.empty() ? "CCS " : "；CCS ") + m.ccs;
    if (!keywords.empty()) x.element("cp:keywords", keywords);
    x.element("dc:language", "zh-CN");
    if (!m.stage_text.empty()) x.element("cp:contentStatus", m.stage_text);
    return x.finish();
}

std::string write_app_properties_xml(const model::Metadata& m) {
    XmlOut x;
    x.open("Properties", {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
                          {"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}});
    x.element("Application", "bzc");
    x.element("DocSecurity", "0");
    if (!m.issuer.empty()) x.element("Company", m.issuer);
    return x.finish();
}

}  // namespace bzc::emit::docx
