#pragma once

// Cross-references as Word fields (README, "Cross-references"): a target a
// reference points at carries a hidden bookmark (_Ref…, as Word names the
// ones its own cross-reference dialog makes), and the reference is a REF
// field whose cached result is the text bzc resolved, so that the document
// reads the same before any field update and Word renumbers the reference
// when a committee inserts a clause.

#include "model/document.h"

#include <map>
#include <string>
#include <vector>

namespace bzc::emit::docx {

// A piece of a written reference: plain text, or a REF field to a bookmark
// whose cached result is `text`.
struct ReferencePiece {
    std::string text;
    std::string bookmark;  // empty: plain text
    std::string switches;  // after the bookmark name: \r \t \h or \h
};

class CrossReferences {
public:
    explicit CrossReferences(const model::Document& doc);

    // The bookmark of a target (a model::Section, Table, Figure, Subfigure
    // or Formula), or nullptr when no reference points at it: like Word,
    // bzc bookmarks only what is referred to, so that a document without
    // references has no bookmarks and each bookmark has a reader.
    const std::string* bookmark(const void* target) const;

    // The pieces a resolved reference is written as; empty when it stays
    // plain text (a dangling reference, an element such as 前言 that has no
    // number to follow, a list item).
    const std::vector<ReferencePiece>& pieces(const model::Inline& reference) const;

private:
    struct Target {
        const void* object = nullptr;
        const model::Section* section = nullptr;
        const model::Table* table = nullptr;
        const model::Figure* figure = nullptr;  // also the figure of a subfigure
        const model::Subfigure* subfigure = nullptr;
        const model::Formula* formula = nullptr;
    };

    void index_targets(const model::Document& doc);
    std::vector<ReferencePiece> plan(const std::string& id, const Target& t, const std::string& resolved);
    const std::string& name(const void* object, const std::string& seed);

    std::map<std::string, Target> targets_;                       // id → what it names
    std::map<std::string, std::vector<ReferencePiece>> pieces_;   // id → how a reference to it is written
    std::map<const void*, std::string> bookmarks_;                // target → bookmark name
    std::vector<std::string> names_;                              // taken, for uniqueness
    std::vector<ReferencePiece> none_;
};

// A bookmark name Word accepts and keeps hidden: "_Ref", at most 40
// characters of [A-Za-z0-9_], derived from the target's id (its ASCII
// letters and digits, then a hash of the whole id, so that ids differing
// only in other characters differ) and so stable across renumbering.
std::string bookmark_name(const std::string& seed, unsigned salt = 0);

}  // namespace bzc::emit::docx
