#pragma once

// The text walk lives with the model (model/text_context.h) because the
// analysis of citations uses it too; checks name it unqualified.
#include "model/text_context.h"

namespace bzc::checks {
using model::FlatText;
using model::for_each_text;
using model::TextContext;
}  // namespace bzc::checks
