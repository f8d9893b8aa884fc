#pragma once

#include "checks/language/lexicon.h"
#include "checks/text_context.h"
#include "diagnostics/diagnostic.h"
#include "model/document.h"

#include <map>
#include <set>
#include <string>
#include <vector>

// The language family (VRB, LNG): its units and what they share.
namespace bzc::checks::language {

// The family's one pass over the text: every run is read once with the
// lexicon of rules/language.yaml, and each token goes to the units below.
void check_language(const model::Document& doc, DiagnosticSink& sink);

// What a run of text is, for the language rules.
enum class Place {
    Skip,              // titles of documents and terms: 规范性引用文件, 参考文献, 索引, [来源：…]
    Scope,             // 范围: the wording family checks it (SCP-04, SCP-05)
    Provision,         // normative text, and the notes of figures and footnotes of tables (C.4)
    Informative,       // 前言, 引言, definitions, 注, 示例, footnotes of the text
    InformativeAnnex,  // the body of an informative annex (optional requirements allowed)
};

// Footnotes referred to from a table or a figure: they may state
// requirements (rules catalog C.4). for_each_text gives the runs of the
// body before the footnotes, so noting every run is enough.
class ObjectFootnotes {
public:
    explicit ObjectFootnotes(const model::Document& doc) : doc_(doc) {}
    void note(const model::Inlines& inlines, const TextContext& context);
    bool contains(const model::Inlines& footnote_content);

private:
    void collect(const model::Inlines& inlines);
    const model::Document& doc_;
    std::set<std::string, std::less<>> labels_;
    std::map<const model::Inlines*, bool> resolved_;
};

Place place_of(const TextContext& context, ObjectFootnotes& footnotes, const model::Inlines& inlines);

// The kind of informative text, as a message argument {element}: 注, 前言 …
DiagnosticArg element_arg(const TextContext& context);

// A run of text as the units see it.
struct Run {
    const FlatText& flat;
    const TextContext& context;
    Place place;
    const std::string& text() const { return flat.text(); }
};

// The units, one file each; each gets every token of every run that is not
// Place::Skip, sentence boundaries included.
void verbal_forms(const Run& run, const Token& token, DiagnosticSink& sink);   // VRB-01 … VRB-08
void legal_wording(const Run& run, const Token& token, DiagnosticSink& sink);  // LNG-01
void pointers(const Run& run, const Token& token, DiagnosticSink& sink);       // LNG-02, LNG-03

// LNG-04 needs whole sentences: the vague words of a sentence are reported
// at its end when it states a requirement.
class Verifiability {
public:
    explicit Verifiability(DiagnosticSink& sink) : sink_(sink) {}
    void token(const Run& run, const Token& token);
    void end_run(const Run& run);

private:
    void end_sentence(const Run& run);
    DiagnosticSink& sink_;
    bool requirement_ = false;
    std::vector<Token> vague_;
};

}  // namespace bzc::checks::language
