#pragma once

#include <string>
#include <utility>

namespace bzc {

// A Chinese and an English description of an errno value, for the reasons
// of I/O diagnostics (strerror speaks only the C locale's language).
std::pair<std::string, std::string> describe_system_error(int error);

}  // namespace bzc
