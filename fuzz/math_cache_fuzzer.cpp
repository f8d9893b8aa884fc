// An entry of the formula cache (~/.cache/bzc/math, emit/docx/math_cache.h):
// a cache shared through a CI cache or a home folder is input like any
// other. The input is the entry after its question — its format line, style
// and TeX, which the target puts before it, since an entry for another
// question is never read — so mutations spend their time on the verdict and
// the OMML. A stored answer is taken as a build takes it: read into a
// conversion, then written into a DOCX. An element that loads must store
// back to the same text it loads again from (else the target aborts).
#include "fuzz_target.h"

#include "emit/docx/docx_writer.h"
#include "emit/docx/math_cache.h"
#include "frontend/markdown/markdown_reader.h"
#include "support/source_manager.h"

#include <cstdlib>

namespace {

using namespace bzc::emit::docx;

// A small standard using the formula x^2 both ways, compiled once.
struct Standard {
    bzc::SourceManager sources;
    bzc::model::Document document;
    Standard() {
        bzc::DiagnosticSink sink;
        std::uint32_t file = sources.add("input.md",
                                         "---\nnumber: DB43/T 2345—2022\ntitle: 机关事务标准化工作指南\n---\n"
                                         "# 范围\n\n本文件规定了$x^2$。\n\n```math\nx^2\n```\n");
        document = bzc::frontend::read_markdown(file, sources, sink);
    }
};

}  // namespace

BZC_FUZZ_TARGET(math_cache_fuzzer) {
    static const Standard standard;
    const std::string tex = "x^2";
    const MathStyle style = !input.empty() && (static_cast<unsigned char>(input[0]) & 1) ? MathStyle::Display : MathStyle::Inline;
    std::string entry = encode_stored_answer(style, tex, {});
    entry.erase(entry.size() - std::string_view("not-converted\n").size());
    entry += input.empty() ? std::string_view() : input.substr(1);
    std::optional<StoredAnswer> answer = decode_stored_answer(entry, style, tex);
    decode_stored_answer(input, style, tex);  // the question's lines mutated too
    if (!answer || !answer->converted) return;
    MathConversion conversion;
    TexUse use{style, tex, {{1, 1, 1}}};
    if (!conversion.add_stored(use, answer->omml)) return;
    const std::string stored = MathConversion::stored_form(conversion.find(style, tex));
    MathConversion again;
    if (!again.add_stored(use, stored) || MathConversion::stored_form(again.find(style, tex)) != stored) std::abort();
    // Into a DOCX, as a build puts it: the other style of x^2 stays TeX.
    DocxOptions options;
    options.math.pandoc = "/nonexistent/pandoc";
    write_docx(standard.document, options, MathConversionJob::known(std::move(conversion)));
}
