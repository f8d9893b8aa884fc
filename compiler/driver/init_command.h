#pragma once

#include "diagnostics/diagnostic.h"

#include <string>

namespace bzc::driver {

// `bzc init [DIR]`: writes a commented starter bzc.yaml (templates/project/bzc.yaml)
// naming the system after the folder and the standards folder it finds.
// Refuses to replace an existing project file unless `force`.
int run_init(const std::string& directory, bool force, Language lang);

}  // namespace bzc::driver
