#include "emit/docx/math_conversion.h"

#include "emit/docx/math_cache.h"
#include "emit/docx/zip_writer.h"
#include "model/walk.h"
#include "support/limits.h"
#include "support/subprocess.h"
#include "support/system_errors.h"
#include "support/utf8.h"
#include "support/zip_archive.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace bzc::emit::docx {

namespace {

constexpr std::string_view wordprocessing_namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view math_namespace = "http://schemas.openxmlformats.org/officeDocument/2006/math";

// The text of a marker paragraph: a word pandoc leaves as it is (no
// punctuation for its smart typography to change) and that no formula
// paragraph can read as, since a formula pandoc gives up on keeps its $.
constexpr std::string_view marker_prefix = "bzcmath";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void add_math_of(const model::Inlines& list, const std::function<void(const model::Inline&)>& add) {
    for (const auto& in : list) {
        if (in.kind == model::InlineKind::Math) add(in);
        add_math_of(in.children, add);
    }
}

MathProblem no_converter(SourceLocation where, std::string zh, std::string en) {
    MathProblem p;
    p.kind = MathProblem::Kind::NoConverter;
    p.location = where;
    p.reason_zh = std::move(zh);
    p.reason_en = std::move(en);
    return p;
}

MathProblem failed_run(SourceLocation where, const ProgramResult& run, const MathOptions& options) {
    const std::string& name = options.pandoc;
    if (run.start_error == ENOENT) {
        return no_converter(where, "未找到pandoc（" + name + "）", "pandoc (" + name + ") was not found");
    }
    if (run.start_error) {
        auto [zh, en] = describe_system_error(run.start_error);
        return no_converter(where, "无法启动pandoc（" + name + "）：" + zh, "cannot start pandoc (" + name + "): " + en);
    }
    if (run.timed_out) {
        std::string seconds = std::to_string((options.timeout.count() + 999) / 1000);
        return no_converter(where, "pandoc在" + seconds + "秒内未完成，已终止", "pandoc did not finish within " + seconds + " s and was stopped");
    }
    if (run.exit_status < 0) return no_converter(where, "与pandoc的输入输出失败", "the exchange with pandoc failed");
    std::string status = std::to_string(run.exit_status);
    return no_converter(where, "pandoc以状态" + status + "退出", "pandoc exited with status " + status);
}

// The index a marker paragraph names, or nullopt for any other paragraph.
std::optional<std::size_t> marker_index(pugi::xml_node paragraph, std::size_t count) {
    if (paragraph.find_node([](pugi::xml_node n) {
            std::string_view name = n.name();
            return name == "m:oMath" || name == "m:oMathPara";
        })) {
        return std::nullopt;
    }
    std::string text;
    for (pugi::xpath_node t : paragraph.select_nodes(".//w:t")) text += t.node().text().get();
    if (text.size() <= marker_prefix.size() || text.compare(0, marker_prefix.size(), marker_prefix) != 0) return std::nullopt;
    std::size_t index = 0;
    for (std::size_t i = marker_prefix.size(); i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || index > count) return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(text[i] - '0');
    }
    if (index >= count) return std::nullopt;
    return index;
}

// Whether no element under `math` lies deeper than limits::max_math_depth.
bool within_depth_limit(pugi::xml_node math) {
    std::size_t depth = 0;
    pugi::xml_node n = math;
    for (;;) {
        if (n.first_child()) {
            n = n.first_child();
            if (++depth > limits::max_math_depth) return false;
            continue;
        }
        while (n != math && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n == math) return true;
        n = n.next_sibling();
    }
}

// The one m:oMath of the paragraphs pandoc made of a formula, or an empty
// node when they are anything else (TeX left as text, several paragraphs).
pugi::xml_node only_formula(const std::vector<pugi::xml_node>& paragraphs) {
    if (paragraphs.size() != 1) return {};
    pugi::xml_node math;
    auto take = [&](pugi::xml_node node) {
        if (math) return false;
        math = node;
        return true;
    };
    for (pugi::xml_node child : paragraphs.front().children()) {
        std::string_view name = child.name();
        if (name == "w:pPr") continue;
        if (name == "m:oMath") {
            if (!take(child)) return {};
        } else if (name == "m:oMathPara") {
            for (pugi::xml_node inner : child.children()) {
                std::string_view inner_name = inner.name();
                if (inner_name == "m:oMathParaPr") continue;
                if (inner_name != "m:oMath" || !take(inner)) return {};
            }
        } else {
            return {};
        }
    }
    return math;
}

}  // namespace

std::string tex_for_pandoc(std::string_view tex) {
    std::string out;
    out.reserve(tex.size());
    for (std::size_t i = 0; i < tex.size(); ++i) {
        char c = tex[i];
        if (c == '\\' && i + 1 < tex.size()) {
            // \% and \\ are not comments; the escaped character is kept as is.
            out += c;
            out += tex[++i];
        } else if (c == '%') {
            // A comment also swallows its line end (TeX joins the lines).
            while (i < tex.size() && tex[i] != '\n') ++i;
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    std::size_t first = 0, last = out.size();
    while (first < last && is_blank(out[first])) ++first;
    while (last > first && is_blank(out[last - 1])) --last;
    return out.substr(first, last - first);
}

std::string tex_excerpt(std::string_view tex) {
    constexpr std::size_t most = 60;
    std::string line = tex_for_pandoc(tex);
    std::size_t at = 0;
    for (std::size_t count = 0; at < line.size() && count < most; ++count) utf8::decode(line, at);
    if (at >= line.size()) return line;
    return line.substr(0, at) + "…";
}

std::vector<TexUse> collect_tex(const model::Document& doc) {
    std::vector<TexUse> uses;
    std::map<std::pair<MathStyle, std::string>, std::size_t> index;  // (style, TeX for pandoc) → use
    auto add = [&](MathStyle style, const std::string& tex, SourceLocation where) {
        std::string key = tex_for_pandoc(tex);
        if (key.empty()) return;
        auto [it, inserted] = index.try_emplace({style, std::move(key)}, uses.size());
        if (inserted) uses.push_back({style, tex, {}});
        uses[it->second].locations.push_back(where);
    };
    model::for_each_blocks(doc, [&](const model::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (b.is<model::Formula>()) add(MathStyle::Display, b.as<model::Formula>().tex, b.location);
        }
    });
    auto add_inline = [&](const model::Inline& in) { add(MathStyle::Inline, in.text, in.location); };
    model::for_each_inlines(doc, [&](const model::Inlines& list) { add_math_of(list, add_inline); });
    return uses;
}

std::string pandoc_markdown(const std::vector<TexUse>& uses) {
    std::string out;
    for (std::size_t i = 0; i < uses.size(); ++i) {
        const char* delimiter = uses[i].style == MathStyle::Display ? "$$" : "$";
        out += marker_prefix;
        out += std::to_string(i);
        out += "\n\n";
        out += delimiter;
        out += tex_for_pandoc(uses[i].tex);
        out += delimiter;
        out += "\n\n";
    }
    return out;
}

MathConversion::MathConversion() = default;
MathConversion::MathConversion(MathConversion&&) noexcept = default;
MathConversion& MathConversion::operator=(MathConversion&&) noexcept = default;
MathConversion::~MathConversion() = default;

bool MathConversion::read_pandoc_document(std::string_view document_xml, const std::vector<TexUse>& uses,
                                          SourceLocation document) {
    auto parsed = std::make_unique<pugi::xml_document>();
    // Single white-space text is content in m:t (a space of \text{a b}).
    pugi::xml_parse_result ok = parsed->load_buffer(document_xml.data(), document_xml.size(),
                                                    pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
    if (!ok) {
        problems.push_back(no_converter(document, std::string("pandoc生成的word/document.xml无法解析：") + ok.description(),
                                        std::string("pandoc's word/document.xml cannot be parsed: ") + ok.description()));
        return false;
    }
    // The OMML is copied into bzc's document under the prefixes m: and w:,
    // so pandoc's document must use them for the same namespaces.
    pugi::xml_node root = parsed->child("w:document");
    if (!root || root.attribute("xmlns:w").value() != wordprocessing_namespace ||
        root.attribute("xmlns:m").value() != math_namespace || !root.child("w:body")) {
        problems.push_back(no_converter(document, "pandoc生成的word/document.xml不是预期的WordprocessingML（命名空间前缀w:、m:）",
                                        "pandoc's word/document.xml is not the expected WordprocessingML (prefixes w: and m:)"));
        return false;
    }
    std::vector<std::vector<pugi::xml_node>> paragraphs(uses.size());
    std::optional<std::size_t> current;
    for (pugi::xml_node p : root.child("w:body").children("w:p")) {
        if (auto i = marker_index(p, uses.size())) current = i;
        else if (current) paragraphs[*current].push_back(p);
    }
    for (std::size_t i = 0; i < uses.size(); ++i) {
        pugi::xml_node math = only_formula(paragraphs[i]);
        if (math && within_depth_limit(math)) {
            auto& by_tex = uses[i].style == MathStyle::Display ? display_ : inline_;
            by_tex.emplace(tex_for_pandoc(uses[i].tex), math);
        } else {
            add_not_converted(uses[i]);
        }
    }
    documents_.push_back(std::move(parsed));
    return true;
}

bool MathConversion::add_stored(const TexUse& use, std::string_view omml) {
    if (documents_.empty() || documents_.back()->document_element().name() != std::string_view("stored")) {
        documents_.push_back(std::make_unique<pugi::xml_document>());
        documents_.back()->append_child("stored");
    }
    pugi::xml_node holder = documents_.back()->document_element().append_child("answer");
    pugi::xml_parse_result ok = holder.append_buffer(omml.data(), omml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                                     pugi::encoding_utf8);
    pugi::xml_node math = holder.first_child();
    if (!ok || !math || math.next_sibling() || math.type() != pugi::node_element || math.name() != std::string_view("m:oMath") ||
        !within_depth_limit(math)) {
        // Left in place, unused: pugixml removes a node's children
        // recursively, and a forged entry may nest a million deep; the
        // document frees its memory by pages.
        holder.set_name("refused");
        return false;
    }
    auto& by_tex = use.style == MathStyle::Display ? display_ : inline_;
    by_tex.emplace(tex_for_pandoc(use.tex), math);
    return true;
}

void MathConversion::add_not_converted(const TexUse& use) {
    for (const auto& where : use.locations) {
        MathProblem p;
        p.location = where;
        p.tex = use.tex;
        problems.push_back(std::move(p));
    }
}

void MathConversion::absorb(MathConversion&& other) {
    for (auto& d : other.documents_) documents_.push_back(std::move(d));
    display_.merge(other.display_);
    inline_.merge(other.inline_);
    problems.insert(problems.end(), std::make_move_iterator(other.problems.begin()), std::make_move_iterator(other.problems.end()));
    other = MathConversion();
}

std::string MathConversion::stored_form(pugi::xml_node math) {
    std::ostringstream out;
    math.print(out, "", pugi::format_raw);
    return std::move(out).str();
}

pugi::xml_node MathConversion::find(MathStyle style, std::string_view tex) const {
    const auto& by_tex = style == MathStyle::Display ? display_ : inline_;
    if (by_tex.empty()) return {};
    auto it = by_tex.find(tex_for_pandoc(tex));
    return it == by_tex.end() ? pugi::xml_node() : it->second;
}

namespace {

// One pandoc run over every TeX string, and the reading of its DOCX.
// bzc reads only the document.xml of pandoc's DOCX, so pandoc starts from a
// reference document with an empty style sheet (--reference-doc) rather
// than its default one: reading that takes pandoc a third of the time it
// needs for a document's formulas. A temporary file, removed afterwards;
// without one pandoc uses its default.
class EmptyReferenceDocument {
public:
    EmptyReferenceDocument() {
        constexpr std::string_view main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        constexpr std::string_view relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        constexpr std::string_view types = "http://schemas.openxmlformats.org/package/2006/content-types";
        const std::string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        ZipWriter zip;
        bool added =
            zip.add("[Content_Types].xml",
                    declaration + "<Types xmlns=\"" + std::string(types) +
                        "\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Override PartName=\"/word/document.xml\" "
                        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        "<Override PartName=\"/word/styles.xml\" "
                        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>") &&
            zip.add("_rels/.rels", declaration + "<Relationships xmlns=\"" + std::string(relationships) +
                                       "\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                       "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>") &&
            zip.add("word/document.xml",
                    declaration + "<w:document xmlns:w=\"" + std::string(main) + "\"><w:body><w:sectPr/></w:body></w:document>") &&
            zip.add("word/_rels/document.xml.rels",
                    declaration + "<Relationships xmlns=\"" + std::string(relationships) +
                        "\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        "relationships/styles\" Target=\"styles.xml\"/></Relationships>") &&
            zip.add("word/styles.xml", declaration + "<w:styles xmlns:w=\"" + std::string(main) + "\"/>");
        std::error_code ec;
        std::string path = (std::filesystem::temp_directory_path(ec) / "bzc-pandoc-reference-XXXXXX.docx").string();
        if (!added || ec) return;
        int fd = ::mkstemps(path.data(), 5);
        if (fd < 0) return;
        std::string bytes = zip.finish();
        std::string_view rest = bytes;
        while (!rest.empty()) {
            ssize_t n = ::write(fd, rest.data(), rest.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            rest.remove_prefix(static_cast<std::size_t>(n));
        }
        bool written = ::close(fd) == 0 && rest.empty();
        if (written) path_ = std::move(path);
        else ::unlink(path.c_str());
    }
    EmptyReferenceDocument(const EmptyReferenceDocument&) = delete;
    EmptyReferenceDocument& operator=(const EmptyReferenceDocument&) = delete;
    ~EmptyReferenceDocument() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    const std::string& path() const { return path_; }  // empty when none could be written

private:
    std::string path_;
};

MathConversion run_pandoc(const std::vector<TexUse>& uses, const MathOptions& options, SourceLocation whole) {
    MathConversion result;
    EmptyReferenceDocument reference;
    ProcessOptions process;
    process.argv = {options.pandoc, "--from=markdown", "--to=docx", "--output=-"};
    if (!reference.path().empty()) process.argv.push_back("--reference-doc=" + reference.path());
    ProgramResult run = run_program(process, pandoc_markdown(uses), options.timeout);
    if (!run.ok()) {
        result.problems.push_back(failed_run(whole, run, options));
        return result;
    }
    ZipArchive zip(run.output);
    std::optional<std::string> document_xml = zip.read("word/document.xml", limits::max_pandoc_document_bytes);
    if (!document_xml) {
        result.problems.push_back(no_converter(whole, "pandoc的输出不是可读的DOCX：" + zip.error(),
                                               "pandoc's output is not a readable DOCX: " + zip.error()));
        return result;
    }
    result.read_pandoc_document(*document_xml, uses, whole);
    return result;
}

}  // namespace

MathConversionJob MathConversionJob::start(const model::Document& doc, const MathOptions& options) {
    MathConversionJob job;
    std::vector<TexUse> uses = collect_tex(doc);
    MathCache cache = uses.empty() ? MathCache() : MathCache::open(options.cache_directory, options.pandoc);
    std::vector<TexUse> asked;  // of pandoc
    for (auto& use : uses) {
        std::optional<StoredAnswer> answer = cache.find(use.style, tex_for_pandoc(use.tex));
        if (answer && !answer->converted) job.stored_.add_not_converted(use);
        else if (!answer || !job.stored_.add_stored(use, answer->omml)) asked.push_back(std::move(use));
    }
    if (asked.empty()) return job;  // no math, or all of it known: pandoc is not started at all
    // The answer is handed over as soon as pandoc has given it; the cache
    // entries are written after that, beside the rest of the DOCX, not
    // before it (27 files took 9 ms of a first build's critical path).
    std::promise<MathConversion> answer;
    job.result_ = answer.get_future();
    auto work = [asked = std::move(asked), options, cache, whole = SourceLocation{doc.file, 0, 0},
                 answer = std::move(answer)]() mutable {
        struct Entry {
            MathStyle style;
            std::string tex;
            StoredAnswer answer;
        };
        MathConversion result;
        std::vector<Entry> entries;  // made before the result, whose nodes they print, is handed over
        try {
            result = run_pandoc(asked, options, whole);
            // Only a pandoc that ran and answered is remembered, for each formula.
            bool answered = std::none_of(result.problems.begin(), result.problems.end(),
                                         [](const MathProblem& p) { return p.kind == MathProblem::Kind::NoConverter; });
            for (const auto& use : asked) {
                if (!answered) break;
                std::string tex = tex_for_pandoc(use.tex);
                pugi::xml_node math = result.find(use.style, tex);
                StoredAnswer stored = math ? StoredAnswer{true, MathConversion::stored_form(math)} : StoredAnswer{};
                entries.push_back({use.style, std::move(tex), std::move(stored)});
            }
        } catch (...) {
            answer.set_exception(std::current_exception());  // finish() throws it, as before
            return;
        }
        answer.set_value(std::move(result));
        for (const auto& e : entries) cache.store(e.style, e.tex, e.answer);
    };
    // Held by a shared pointer so that it is still here to run when no thread can be had.
    auto task = std::make_shared<decltype(work)>(std::move(work));
    try {
        job.storing_ = std::async(std::launch::async, [task] { (*task)(); });
    } catch (const std::system_error&) {
        (*task)();  // pandoc runs now, and the caller waits for it here
    }
    return job;
}

MathConversionJob MathConversionJob::known(MathConversion conversion) {
    MathConversionJob job;
    job.stored_ = std::move(conversion);
    return job;
}

MathConversionJob::~MathConversionJob() {
    if (storing_.valid()) storing_.wait();
}

MathConversion MathConversionJob::finish() {
    MathConversion all = std::move(stored_);
    if (result_.valid()) all.absorb(result_.get());
    return all;
}

MathConversion convert_math(const model::Document& doc, const MathOptions& options) {
    return MathConversionJob::start(doc, options).finish();
}

}  // namespace bzc::emit::docx
