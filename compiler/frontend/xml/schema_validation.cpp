#include "frontend/xml/schema_validation.h"

#include "support/resources.h"
#include "support/source_manager.h"
#include "support/utf8.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstring>
#include <memory>

namespace bzc::frontend {

namespace {

constexpr int max_schema_errors = 20;

// True when the prolog (before the root element) declares a DOCTYPE.
std::size_t find_doctype(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { ++i; continue; }
        if (text.substr(i).starts_with("<?")) {
            auto end = text.find("?>", i);
            if (end == std::string_view::npos) return std::string_view::npos;
            i = end + 2;
            continue;
        }
        if (text.substr(i).starts_with("<!--")) {
            auto end = text.find("-->", i);
            if (end == std::string_view::npos) return std::string_view::npos;
            i = end + 3;
            continue;
        }
        if (text.substr(i).starts_with("<!DOCTYPE") || text.substr(i).starts_with("<!ENTITY")) return i;
        return std::string_view::npos;
    }
    return std::string_view::npos;
}

struct SchemaHolder {
    xmlSchemaPtr schema = nullptr;
    SchemaHolder() {
        std::string_view xsd = embedded_resource("grammar/bzc.xsd");
        std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> ctxt(
            xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size())), xmlSchemaFreeParserCtxt);
        if (ctxt) schema = xmlSchemaParse(ctxt.get());
    }
    ~SchemaHolder() {
        if (schema) xmlSchemaFree(schema);
    }
};

struct ErrorContext {
    std::uint32_t file;
    const SourceManager* sources;
    DiagnosticSink* sink;
    int reported = 0;
};

std::string clean_message(const char* message) {
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

// Schema errors carry a line but no column: point at the element's tag on that line.
SourceLocation locate_schema_error(const ErrorContext& ctx, const xmlError* error) {
    std::uint32_t line = error->line > 0 ? static_cast<std::uint32_t>(error->line) : 1;
    std::uint32_t column = 1;
    const auto* node = static_cast<const xmlNode*>(error->node);
    if (node && node->name) {
        std::string_view text = ctx.sources->file(ctx.file).line_text(line);
        std::string tag = "<";
        if (node->ns && node->ns->prefix) tag += std::string(reinterpret_cast<const char*>(node->ns->prefix)) + ":";
        tag += reinterpret_cast<const char*>(node->name);
        auto pos = text.find(tag);
        if (pos != std::string_view::npos) column = static_cast<std::uint32_t>(utf8::count_code_points(text.substr(0, pos)) + 1);
    }
    return {ctx.file, line, column};
}

// The first well-formedness error: libxml2 goes on after it and its last
// error is often "premature end of data" at the end of the file.
struct FirstError {
    bool seen = false;
    int line = 0;
    int column = 0;
    std::string message;
};

void on_parse_error(void* user, xmlErrorPtr error) {
    auto* first = static_cast<FirstError*>(user);
    if (first->seen || error->level < XML_ERR_ERROR) return;
    first->seen = true;
    first->line = error->line;
    first->column = error->int2;
    first->message = clean_message(error->message);
}

void on_schema_error(void* user, xmlErrorPtr error) {
    auto* ctx = static_cast<ErrorContext*>(user);
    if (++ctx->reported > max_schema_errors) return;
    ctx->sink->report("XML-02", locate_schema_error(*ctx, error), {{"reason", clean_message(error->message)}});
}

}  // namespace

bool validate_xml_source(std::uint32_t file, const SourceManager& sources, DiagnosticSink& sink) {
    const std::string& text = sources.file(file).text;
    std::size_t doctype = find_doctype(text);
    if (doctype != std::string_view::npos) {
        sink.report("XML-03", sources.location_at_offset(file, doctype));
        return false;
    }

    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser(xmlNewParserCtxt(), xmlFreeParserCtxt);
    if (!parser) return false;
    // No NOENT (entities are not substituted), no DTDLOAD, no network; errors
    // are collected from the context instead of printed.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    FirstError first;
    xmlSetStructuredErrorFunc(&first, on_parse_error);
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlCtxtReadMemory(parser.get(), text.data(), static_cast<int>(text.size()), sources.file(file).path.c_str(),
                          "UTF-8", options),
        xmlFreeDoc);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc || !parser->wellFormed) {
        // libxml2 counts columns in characters already.
        SourceLocation where{file, static_cast<std::uint32_t>(std::max(first.line, 1)),
                             static_cast<std::uint32_t>(std::max(first.column, 1))};
        if (first.message.find("Excessive depth") != std::string::npos) {
            // libxml2 stops at 256 levels; say it in the terms of bzc's limits.
            sink.report("LIMIT-02", where, {{"limit", "256"}});
            return false;
        }
        sink.report("XML-01", where, {{"reason", first.seen ? first.message : "unknown error"}});
        return false;
    }
    if (doc->intSubset || doc->extSubset) {
        sink.report("XML-03", {file, 1, 1});
        return false;
    }

    static SchemaHolder holder;
    if (!holder.schema) throw std::logic_error("the embedded grammar/bzc.xsd does not compile");
    std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
        xmlSchemaNewValidCtxt(holder.schema), xmlSchemaFreeValidCtxt);
    ErrorContext ctx{file, &sources, &sink};
    xmlSchemaSetValidStructuredErrors(validator.get(), on_schema_error, &ctx);
    int result = xmlSchemaValidateDoc(validator.get(), doc.get());
    return result == 0 && ctx.reported == 0;
}

}  // namespace bzc::frontend
