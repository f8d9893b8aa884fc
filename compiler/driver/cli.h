#pragma once

namespace bzc::driver {

// The exit statuses of every command.
constexpr int exit_ok = 0;
constexpr int exit_errors = 1;  // the input has errors
constexpr int exit_usage = 2;   // usage errors, files that cannot be read or written

// Runs the bzc command line and returns the exit status: 0 without errors,
// 1 with errors in the input, 2 for usage errors and I/O failures.
int run_cli(int argc, char** argv);

}  // namespace bzc::driver
