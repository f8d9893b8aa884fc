#pragma once

#include <filesystem>

namespace bzc {

// bzc's cache of the user, kept between runs and shared by them:
// $XDG_CACHE_HOME/bzc, else ~/.cache/bzc, else (no writable home, as for a
// service account) the folder bzc-<uid> in the temporary directory, made
// private (0700) — or, when another user made that name first or opened it
// to others, a new private folder for this run (left to the cleaning of
// the temporary directory). Each
// user of it takes a subfolder (pdf/, math/); everything in it may be
// deleted at any time and is made again.
std::filesystem::path user_cache_directory();

}  // namespace bzc
