#pragma once

#include "model/document.h"

#include <functional>
#include <string>
#include <string_view>

namespace bzc::frontend {

// Reads a raw HTML <table> block (the DSL's way to write merged cells) into
// a Table: rows, rowspan/colspan, alignment, a <caption>, and inline
// <sub>/<sup>/<em>/<strong>/<br> in cells. Parsed with libxml2's HTML
// parser, which never fetches anything. Returns an error text, empty on success.
std::string read_html_table(std::string_view html, const std::function<SourceLocation(long line)>& locate,
                            model::Table& table);

}  // namespace bzc::frontend
