#pragma once
// A program started by a test, its output read line by line with a time-out; it never outlives
// the test (killed when it does not stop in time). For the bridge and interop tests.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>

namespace tlsclub::test {

class ChildProcess {
 public:
  // Runs `command` with /bin/sh (exec'd, so the pid is the program's); stdout and stderr are read
  // through one pipe; stdin is /dev/null unless `stdin_open` (then it stays open until
  // close_stdin).
  explicit ChildProcess(const std::string& command, bool stdin_open = false) {
    int out[2], in[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      dup2(out[1], 2);
      if (stdin_open) {
        dup2(in[0], 0);
      } else {
        const int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
      }
      execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    close(in[0]);
    out_ = out[0];
    in_ = in[1];
    if (!stdin_open) close_stdin();
  }
  ~ChildProcess() {
    if (running()) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
    close_stdin();
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }
  bool running() const { return pid_ > 0 && !status_; }
  void signal(int sig) const {
    if (running()) kill(pid_, sig);
  }
  void write_stdin(const std::string& text) const {
    if (in_ >= 0) [[maybe_unused]]
      auto n = write(in_, text.data(), text.size());
  }
  void close_stdin() {
    if (in_ >= 0) close(in_);
    in_ = -1;
  }

  // The next line of output (without '\n'), or nullopt when none came within `wait`.
  std::optional<std::string> read_line(std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
      if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return line;
      }
      if (!fill(deadline)) return std::nullopt;
    }
  }

  // Everything it printed until it exits; its exit code (128 + signal when killed by one), or
  // nullopt when it did not exit within `wait` (then it is killed).
  std::optional<int> wait(std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (fill(deadline)) {
    }
    for (;;) {
      if (status_) return *status_;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        continue;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        status_ = -1;
        return std::nullopt;
      }
      usleep(10000);
    }
  }

  // What was read so far and not returned as a line.
  const std::string& output() const { return buffer_; }

 private:
  // Reads what is there, waiting until `deadline`; false at end of output or time-out.
  bool fill(std::chrono::steady_clock::time_point deadline) {
    if (out_ < 0) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[4096];
    const ssize_t n = read(out_, chunk, sizeof chunk);
    if (n <= 0) {
      close(out_);
      out_ = -1;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  int in_ = -1;
  std::string buffer_;
  std::optional<int> status_;
};

}  // namespace tlsclub::test
