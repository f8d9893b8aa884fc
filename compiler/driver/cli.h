#pragma once

namespace bzc::driver {

// Runs the bzc command line and returns the exit status: 0 without errors,
// 1 with errors in the input, 2 for usage errors and I/O failures.
int run_cli(int argc, char** argv);

}  // namespace bzc::driver
