#pragma once

// Running the programs bzc delegates to (pandoc, python3 with LibreOffice):
// no shell, so file names need no quoting; a deadline on everything, since
// a converter that hangs must not hang a CI job; and the whole process tree
// killed on timeout, since LibreOffice runs as children of its launcher.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace bzc {

// The full path of an executable found on PATH (or `name` itself when it
// holds a slash and is executable).
std::optional<std::string> find_program(std::string_view name);

struct ProcessOptions {
    std::vector<std::string> argv;                               // argv[0]: a path or a name on PATH
    std::vector<std::pair<std::string, std::string>> extra_env;  // set on top of this process's environment
    std::string stderr_path;  // where the child's stderr goes; empty: /dev/null
    std::string working_directory;
};

// A child with pipes to its standard input and output, in a process group
// of its own (so a terminal's Ctrl-C reaches bzc, which then shuts it down,
// and kill() reaches its grandchildren). The destructor kills what is left.
class ChildProcess {
public:
    ChildProcess() = default;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ~ChildProcess();

    // Starts the program; on failure returns false with `error` set to an
    // errno value (ENOENT: not found).
    bool start(const ProcessOptions& options, int& error);
    bool running() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }
    // The read end of the child's standard output, to poll() several
    // children at once; -1 once it is closed.
    int output_fd() const { return output_; }
    // True when a whole line has been read ahead and waits in the buffer
    // (poll() on the descriptor would not show it).
    bool has_buffered_line() const { return pending_.find('\n') != std::string::npos; }

    // Writes all of `data` to the child's standard input; false when the
    // child has closed it (or exited).
    bool write(std::string_view data);
    void close_input();

    enum class ReadStatus { Line, EndOfFile, Timeout, Error };
    // The next line of the child's standard output, without its newline.
    ReadStatus read_line(std::string& line, std::chrono::milliseconds timeout);

    // Writes all of `input` (then closes the child's standard input) while
    // reading its whole standard output into `output`, both at once since
    // each pipe holds only 64 KB. False on the deadline or an I/O error.
    bool communicate(std::string_view input, std::string& output, std::chrono::milliseconds timeout);

    // Waits up to `grace` for the child to exit, then kills its process
    // group. Returns the exit status (128 + signal when killed by one).
    int finish(std::chrono::milliseconds grace);
    // Kills the whole process group at once.
    void kill();

private:
    pid_t pid_ = -1;
    int input_ = -1;
    int output_ = -1;
    std::string pending_;  // read from the output, not yet returned as a line
    int reap(bool block);
};

struct ProgramResult {
    int start_error = 0;  // errno when the program could not be started
    bool timed_out = false;
    int exit_status = -1;  // 128 + signal when killed by one
    std::string output;    // standard output, as bytes
    bool ok() const { return start_error == 0 && !timed_out && exit_status == 0; }
};

// Runs a program to completion: `input` on its standard input, its standard
// output collected, everything within `timeout`.
ProgramResult run_program(const ProcessOptions& options, std::string_view input, std::chrono::milliseconds timeout);

}  // namespace bzc
