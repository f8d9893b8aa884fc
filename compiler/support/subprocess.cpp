#include "support/subprocess.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bzc {

namespace {

using Clock = std::chrono::steady_clock;

bool is_executable(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// Rounded up: poll() waits whole milliseconds, and a wait rounded down
// would end just before the deadline, which then looks not reached.
int remaining_ms(Clock::time_point deadline) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

int decode_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// A write to a pipe whose reader has gone raises SIGPIPE, which would end
// bzc. The signal is blocked for the write and a pending one consumed, so
// the write just fails with EPIPE.
ssize_t write_without_sigpipe(int fd, const char* data, std::size_t size) {
    sigset_t pipe_only, old;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
    ssize_t n = ::write(fd, data, size);
    int saved = errno;
    if (n < 0 && saved == EPIPE) {
        struct timespec zero {};
        while (sigtimedwait(&pipe_only, nullptr, &zero) > 0) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = saved;
    return n;
}

std::vector<std::string> child_environment(const ProcessOptions& options) {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        auto overridden = std::any_of(options.extra_env.begin(), options.extra_env.end(), [&](const auto& kv) {
            return entry.size() > kv.first.size() && entry.substr(0, kv.first.size()) == kv.first &&
                   entry[kv.first.size()] == '=';
        });
        if (!overridden) env.emplace_back(entry);
    }
    for (const auto& [name, value] : options.extra_env) env.push_back(name + "=" + value);
    return env;
}

}  // namespace

std::optional<std::string> find_program(std::string_view name) {
    if (name.empty()) return std::nullopt;
    if (name.find('/') != std::string_view::npos) {
        std::string path(name);
        return is_executable(path) ? std::optional<std::string>(path) : std::nullopt;
    }
    const char* path_env = std::getenv("PATH");
    std::string_view dirs = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
    while (true) {
        auto colon = dirs.find(':');
        std::string dir(dirs.substr(0, colon));
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + std::string(name);
        if (is_executable(candidate)) return candidate;
        if (colon == std::string_view::npos) break;
        dirs.remove_prefix(colon + 1);
    }
    return std::nullopt;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept { *this = std::move(other); }

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        kill();
        pid_ = std::exchange(other.pid_, -1);
        input_ = std::exchange(other.input_, -1);
        output_ = std::exchange(other.output_, -1);
        pending_ = std::move(other.pending_);
    }
    return *this;
}

ChildProcess::~ChildProcess() { kill(); }

bool ChildProcess::start(const ProcessOptions& options, int& error) {
    kill();
    error = 0;
    if (options.argv.empty()) {
        error = EINVAL;
        return false;
    }
    auto program = find_program(options.argv.front());
    if (!program) {
        error = ENOENT;
        return false;
    }
    int in_pipe[2], out_pipe[2];
    if (::pipe2(in_pipe, O_CLOEXEC) != 0) {
        error = errno;
        return false;
    }
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        error = errno;
        ::close(in_pipe[0]);
        ::close(in_pipe[1]);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    const std::string err = options.stderr_path.empty() ? "/dev/null" : options.stderr_path;
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (!options.working_directory.empty()) {
        posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());
    }
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Default signal handling and mask in the child; its own process group.
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> args = options.argv;
    args.front() = *program;
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings = child_environment(options);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    int spawned = posix_spawn(&pid, program->c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    if (spawned != 0) {
        ::close(in_pipe[1]);
        ::close(out_pipe[0]);
        error = spawned;
        return false;
    }
    pid_ = pid;
    input_ = in_pipe[1];
    output_ = out_pipe[0];
    pending_.clear();
    return true;
}

bool ChildProcess::write(std::string_view data) {
    while (!data.empty()) {
        if (input_ < 0) return false;
        ssize_t n = write_without_sigpipe(input_, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            close_fd(input_);
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void ChildProcess::close_input() { close_fd(input_); }

ChildProcess::ReadStatus ChildProcess::read_line(std::string& line, std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    while (true) {
        auto newline = pending_.find('\n');
        if (newline != std::string::npos) {
            line = pending_.substr(0, newline);
            pending_.erase(0, newline + 1);
            return ReadStatus::Line;
        }
        if (output_ < 0) return ReadStatus::EndOfFile;
        struct pollfd p {output_, POLLIN, 0};
        int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0) {
            if (errno == EINTR) continue;
            return ReadStatus::Error;
        }
        if (ready == 0) return ReadStatus::Timeout;
        char buffer[65536];
        ssize_t n = ::read(output_, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return ReadStatus::Error;
        }
        if (n == 0) {
            close_fd(output_);
            if (pending_.empty()) return ReadStatus::EndOfFile;
            line = std::move(pending_);
            pending_.clear();
            return ReadStatus::Line;
        }
        pending_.append(buffer, static_cast<std::size_t>(n));
    }
}

int ChildProcess::reap(bool block) {
    if (pid_ <= 0) return -1;
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == 0) return -2;  // still running
    pid_ = -1;
    return r < 0 ? -1 : decode_status(status);
}

int ChildProcess::finish(std::chrono::milliseconds grace) {
    close_input();
    auto deadline = Clock::now() + grace;
    while (pid_ > 0) {
        int status = reap(false);
        if (status != -2) {
            close_fd(output_);
            return status;
        }
        if (Clock::now() >= deadline) break;
        ::usleep(10000);
    }
    if (pid_ <= 0) {
        close_fd(output_);
        return -1;
    }
    ::kill(-pid_, SIGKILL);
    int status = reap(true);
    close_fd(output_);
    return status;
}

void ChildProcess::kill() {
    close_fd(input_);
    close_fd(output_);
    if (pid_ > 0) {
        ::kill(-pid_, SIGKILL);
        reap(true);
    }
    pending_.clear();
}

bool ChildProcess::communicate(std::string_view input, std::string& output, std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    if (input_ >= 0) ::fcntl(input_, F_SETFL, ::fcntl(input_, F_GETFL) | O_NONBLOCK);
    if (input.empty()) close_input();
    output += pending_;
    pending_.clear();
    while (output_ >= 0) {
        struct pollfd fds[2] = {{output_, POLLIN, 0}, {input_, POLLOUT, 0}};
        int count = input_ >= 0 ? 2 : 1;
        int ready = ::poll(fds, static_cast<nfds_t>(count), remaining_ms(deadline));
        if (ready < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (ready == 0) return false;  // the deadline
        if (count == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = write_without_sigpipe(input_, input.data(), input.size());
            if (n > 0) input.remove_prefix(static_cast<std::size_t>(n));
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || input.empty()) close_input();
        }
        if (fds[0].revents & (POLLIN | POLLERR | POLLHUP)) {
            char buffer[65536];
            ssize_t n = ::read(output_, buffer, sizeof buffer);
            if (n == 0) close_fd(output_);
            if (n > 0) output.append(buffer, static_cast<std::size_t>(n));
            if (n < 0 && errno != EINTR && errno != EAGAIN) return false;
        }
    }
    close_input();
    return true;
}

ProgramResult run_program(const ProcessOptions& options, std::string_view input, std::chrono::milliseconds timeout) {
    ProgramResult result;
    ChildProcess child;
    if (!child.start(options, result.start_error)) return result;
    auto deadline = Clock::now() + timeout;
    if (!child.communicate(input, result.output, timeout)) {
        result.timed_out = Clock::now() >= deadline;
        child.kill();
        if (!result.timed_out) result.exit_status = -1;
        return result;
    }
    result.exit_status = child.finish(std::chrono::milliseconds(remaining_ms(deadline)));
    if (result.exit_status < 0 && Clock::now() >= deadline) result.timed_out = true;
    return result;
}

}  // namespace bzc
