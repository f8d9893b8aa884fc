#pragma once

#include "diagnostics/diagnostic.h"
#include "model/references.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

// The offline catalog of standards (rules/catalog/README.md): editions with
// title, status and dates. The seed in rules/catalog/ is compiled into bzc;
// projects add files of their own (bzc.yaml `catalog:`, --catalog).
namespace bzc::catalog {

class Catalog {
public:
    // The seed catalog, rules/catalog/*.txt.
    static Catalog seed();

    // Reads a catalog file. A malformed record is reported as CAT-01 at its
    // line and column in `file` (a SourceManager id) and skipped. A record
    // for an edition already in the catalog replaces it: project files
    // correct the seed.
    void read(std::string_view text, std::uint32_t file, std::string_view name, DiagnosticSink& sink);

    // Adds one dated edition, replacing a record of the same edition: the
    // standards of a repository are added over the catalog files.
    void add(model::CatalogRecord record);

    // The record of one dated edition, or null.
    const model::CatalogRecord* edition(const model::Designation& d) const;
    // The newest edition of the document (by year), or null.
    const model::CatalogRecord* latest(const model::Designation& d) const;
    // Both, as the analysis stores them for a citation.
    model::CatalogMatch match(const model::Designation& d) const;

    std::size_t size() const { return size_; }
    const std::vector<std::string>& versions() const { return versions_; }  // "standardization.txt 2026-11-22"
    // Every edition of the document `d` names, oldest first.
    template <class F> void for_each_edition(const model::Designation& d, F&& f) const {
        auto found = documents_.find(d.undated());
        if (found == documents_.end()) return;
        for (const auto& record : found->second) f(record);
    }
    template <class F> void for_each(F&& f) const {
        for (const auto& [key, editions] : documents_)
            for (const auto& record : editions) f(record);
    }

private:
    // Editions by undated designation ("GB/T 1.1"), oldest first.
    std::map<std::string, std::vector<model::CatalogRecord>, std::less<>> documents_;
    std::vector<std::string> versions_;
    std::size_t size_ = 0;
};

}  // namespace bzc::catalog
