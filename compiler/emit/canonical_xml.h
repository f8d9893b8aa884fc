#pragma once

#include "model/document.h"

#include <string>

namespace bzc::emit {

// The document model written out in the XML DSL (grammar/bzc.xsd). Numbers
// computed by the analysis pass appear as `number` attributes for readers of
// the file; the XML reader ignores them and numbers afresh. Reading this
// output back and writing it again gives the same bytes.
std::string write_canonical_xml(const model::Document& doc);

}  // namespace bzc::emit
