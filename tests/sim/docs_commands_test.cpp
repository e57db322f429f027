// Every command the README and docs/ show in a ```sh or ```console block runs as shown, so a
// trainer who copies one into a terminal never meets a typo, a renamed option or a missing file.
//
// Each document gets a fresh sandbox folder (copies of scenarios/ and docs/, so a command that
// writes, such as `tlsclub lessons markdown docs/lessons`, cannot change the source tree; plus the
// fixtures of tests/sim/data/docs/) and its commands run there in order, each under a time limit:
// - `tlsclub ...` runs the built CLI; exit 0 unless the line ends in `# exit N`.
// - `tlsclub serve ...` runs until it prints "listening on" (on a free port instead of the one
//   shown, so parallel tests do not collide) and is stopped with SIGINT at the end of its block.
// - `tlsclub knock HOST:PORT ...` visits that serve when the same block started one; otherwise it
//   knocks on a closed port and must say "nothing is listening": the options parsed and the
//   scenario loaded.
// - A usage synopsis (`tlsclub export [FILE] [--tls 1.2|1.3] ...`) is checked against `--help`.
// - `NAME=VALUE` lines are evaluated once and set for the rest of the document; `cd DIR` moves
//   the rest of its block.
// - `<!-- file: NAME -->` just before a fenced block saves that block's text as NAME in the
//   sandbox (`<!-- append: NAME -->` adds it at the end), so a guide's example scenario is what
//   the following commands run.
// - Programs that cannot run here are listed in kUnrunnable with the reason; for them the test
//   checks what it can (the script parses, the GUI accepts the options, the files named exist).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr auto kCommandTimeout = std::chrono::seconds(60);

// ---- what the documents show ----

struct Command {
  int line = 0;
  std::string text;  // continuation lines joined, the trailing comment taken off
  int expected_exit = 0;
  bool background = false;  // ended in `&`
};

struct Block {
  int line = 0;
  std::string save_as;  // from <!-- file: NAME --> or <!-- append: NAME -->
  bool append = false;
  std::string body;
  std::vector<Command> commands;
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The position of a `#` that starts a comment (after a space, outside quotes), or npos.
std::size_t comment_start(const std::string& s) {
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (quote) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '\'' || s[i] == '"') {
      quote = s[i];
    } else if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string::npos;
}

Command finish(Command c) {
  static const std::regex exit_note(R"(\bexit\s+(\d+)\b)");
  if (const auto hash = comment_start(c.text); hash != std::string::npos) {
    std::smatch m;
    const std::string comment = c.text.substr(hash);
    if (std::regex_search(comment, m, exit_note)) c.expected_exit = std::stoi(m[1]);
    c.text = c.text.substr(0, hash);
  }
  c.text = trim(c.text);
  if (!c.text.empty() && c.text.back() == '&' && (c.text.size() < 2 || c.text.end()[-2] != '&')) {
    c.background = true;
    c.text = trim(c.text.substr(0, c.text.size() - 1));
  }
  return c;
}

// The commands of one ```sh or ```console block: `\` continues a line, and so does a line that
// starts with `[` (a usage synopsis wrapped); console blocks take only `$ ` lines (the rest is
// output); comments and blank lines are skipped.
std::vector<Command> commands_of(const std::vector<std::pair<int, std::string>>& lines,
                                 bool console) {
  std::vector<Command> out;
  std::optional<Command> open;
  bool continues = false;
  for (const auto& [number, raw] : lines) {
    std::string line = raw;
    if (continues || (open && trim(line).rfind('[', 0) == 0)) {
      open->text = trim(open->text) + " " + trim(line);
    } else {
      if (open) out.push_back(finish(*open));
      open.reset();
      if (console) {
        if (line.rfind("$ ", 0) != 0) continue;
        line = line.substr(2);
      }
      if (trim(line).empty() || trim(line)[0] == '#') continue;
      open = Command{number, trim(line)};
    }
    continues = !open->text.empty() && open->text.back() == '\\';
    if (continues) open->text.pop_back();
  }
  if (open) out.push_back(finish(*open));
  return out;
}

std::vector<Block> blocks_of(const fs::path& doc) {
  static const std::regex save_note(R"(^<!--\s*(file|append):\s*(\S+)\s*-->$)");
  std::ifstream in(doc);
  std::vector<Block> out;
  std::string line, previous, fence_lang;
  std::vector<std::pair<int, std::string>> body;
  Block block;
  bool in_fence = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (trim(line).rfind("```", 0) == 0) {
      if (!in_fence) {
        in_fence = true;
        const std::string info = trim(trim(line).substr(3));
        fence_lang = info.substr(0, info.find(' '));
        block = Block{};
        block.line = number + 1;
        std::smatch m;
        if (std::regex_match(previous, m, save_note)) {
          block.save_as = m[2];
          block.append = m[1] == "append";
        }
        body.clear();
      } else {
        in_fence = false;
        if (fence_lang == "sh" || fence_lang == "console")
          block.commands = commands_of(body, fence_lang == "console");
        if (!block.commands.empty() || !block.save_as.empty()) out.push_back(block);
      }
    } else if (in_fence) {
      body.emplace_back(number, line);
      block.body += line + "\n";
    }
    if (!trim(line).empty()) previous = trim(line);
  }
  return out;
}

std::vector<fs::path> documents() {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  std::vector<fs::path> out{root / "README.md"};
  for (const auto& entry : fs::recursive_directory_iterator(root / "docs"))
    if (entry.path().extension() == ".md") out.push_back(entry.path());
  std::sort(out.begin() + 1, out.end());
  return out;
}

// ---- running them ----

struct Process {
  pid_t pid = -1;
  int fd = -1;
  std::string out;
};

Process spawn(const std::string& script, const fs::path& cwd) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    setpgid(0, 0);  // its own group: a time-out or SIGINT reaches every process it started
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    if (chdir(cwd.c_str()) != 0) _exit(127);
    execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0], {}};
}

// Whether some whole line of `out` starts with `prefix` (a warning on stderr may mention the
// same words mid-line before the line awaited is printed).
bool has_line_starting(const std::string& out, const std::string& prefix) {
  for (std::size_t at = 0; at < out.size();) {
    const auto end = out.find('\n', at);
    if (end == std::string::npos) return false;
    if (out.compare(at, prefix.size(), prefix) == 0) return true;
    at = end + 1;
  }
  return false;
}

// Reads what the process prints until it closes its output, prints a line starting with
// `until`, or the deadline.
bool read_until(Process& p, std::chrono::steady_clock::time_point deadline,
                const std::string& until = {}) {
  while (true) {
    if (!until.empty() && has_line_starting(p.out, until)) return true;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd pfd{p.fd, POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[4096];
    const ssize_t n = read(p.fd, buffer, sizeof buffer);
    if (n <= 0) return until.empty();
    p.out.append(buffer, static_cast<std::size_t>(n));
  }
}

// Waits for the exit code; -1 for a signal.
int reap(Process& p) {
  int status = 0;
  waitpid(p.pid, &status, 0);
  close(p.fd);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Result {
  int code = -1;
  bool timed_out = false;
  std::string out;
};

Result run(const std::string& script, const fs::path& cwd) {
  auto p = spawn(script, cwd);
  Result r;
  if (!read_until(p, std::chrono::steady_clock::now() + kCommandTimeout)) {
    kill(-p.pid, SIGKILL);
    r.timed_out = true;
  }
  r.code = reap(p);
  r.out = std::move(p.out);
  return r;
}

std::string shell_quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A loopback port the kernel just chose and nothing listens on; without one, port 0 would be
// knocked on and "closed" for the wrong reason.
int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  const bool bound = bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                     getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0;
  close(s);
  REQUIRE(bound);
  return ntohs(a.sin_port);
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string first_word(const std::string& s) {
  const auto w = words(s);
  return w.empty() ? "" : w[0];
}

// ---- what cannot run in a unit test, and what is checked instead ----

struct Unrunnable {
  std::string program;  // the command's first word (after `sudo`, `bash`), or "openssl s_client"
  std::string reason;
};

const std::vector<Unrunnable> kUnrunnable = {
    {"scripts/run", "installs packages, builds, and opens a window: minutes, and a display"},
    {"scripts/test", "builds and runs every test, this one included"},
    {"scripts/bootstrap.sh", "installs Debian packages and builds Botan"},
    {"scripts/fuzz", "builds the fuzz preset and fuzzes for minutes"},
    {"scripts/web", "installs packages, builds the web edition (minutes) and serves it"},
    {"scripts/web-check", "builds the web edition and drives headless Chromium"},
    {".ci/run", "CI's whole run: builds and runs every test, this one included"},
    {"sudo", "changes the machine"},
    {"apt", "installs system packages"},
    {"apt-get", "installs system packages"},
    {"cmake", "configures or builds: minutes (the build running this test did it)"},
    {"ctest", "runs every test, this one included"},
    {"tlsclub-gui", "opens a window; the options are checked against its --help"},
    {"openssl s_client", "needs a live server; tests/interop visits tlsclub serve with it"},
    {"openssl s_server", "a live server; tests/interop knocks on it"},
    {"gnutls-cli", "needs a live server; tests/interop visits tlsclub serve with it"},
    {"gnutls-serv", "a live server; tests/interop knocks on it"},
    {"wireshark", "a desktop program"},
    {"tshark", "reads the user's capture with Wireshark's dissectors; the export tests check it"},
};

// The program a command runs, as kUnrunnable names it.
std::string program_of(const std::string& command) {
  auto w = words(command);
  while (!w.empty() && (w[0] == "sudo" || w[0] == "bash" || w[0] == "sh" || w[0] == "echo")) {
    if (w[0] == "sudo") return "sudo";
    if (w[0] == "echo") {  // `echo hello | openssl s_client ...`: the program after the pipe
      const auto bar = command.find('|');
      return bar == std::string::npos ? "echo" : program_of(command.substr(bar + 1));
    }
    w.erase(w.begin());
  }
  if (w.empty()) return "";
  if (w[0] == "openssl" && w.size() > 1) return "openssl " + w[1];
  if (fs::path(w[0]).filename() == "tlsclub-gui") return "tlsclub-gui";
  return w[0];
}

const Unrunnable* unrunnable(const std::string& command) {
  const auto program = program_of(command);
  for (const auto& u : kUnrunnable)
    if (u.program == program) return &u;
  return nullptr;
}

// The options (`--name`) a line uses, each of which `--help` must list.
std::vector<std::string> options_of(const std::string& command) {
  static const std::regex option(R"((?:^|[\s\[|])(--[a-z][a-z0-9-]*))");
  std::vector<std::string> out;
  for (std::sregex_iterator it(command.begin(), command.end(), option), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

// Files a line names (by their extension), relative to where it runs.
std::vector<std::string> files_named(const std::string& command) {
  static const std::regex file(R"(^[^$*<>]+\.(toml|pem|der|pcap|keys|json|md|svg|crt|key)$)");
  std::vector<std::string> out;
  for (auto w : words(command)) {
    if (const auto colon = w.rfind(':'); colon != std::string::npos) w = w.substr(colon + 1);
    if (std::regex_match(w, file)) out.push_back(w);
  }
  return out;
}

// ---- one document ----

class DocRun {
 public:
  explicit DocRun(const fs::path& doc) : doc_(doc) {
    static int count = 0;
    sandbox_ = fs::temp_directory_path() /
               ("tlsclub-docs-" + std::to_string(getpid()) + "-" + std::to_string(++count));
    fs::remove_all(sandbox_);
    fs::create_directories(sandbox_);
    const fs::path root(TLSCLUB_SOURCE_DIR);
    for (const char* tree : {"scenarios", "docs"})
      fs::copy(root / tree, sandbox_ / tree, fs::copy_options::recursive);
    const auto fixtures = root / "tests/sim/data/docs";
    if (fs::exists(fixtures)) fs::copy(fixtures, sandbox_, fs::copy_options::recursive);
    cli_ = TLSCLUB_CLI;
    gui_ = fs::path(cli_).parent_path().parent_path() / "gui" / "tlsclub-gui";
  }
  ~DocRun() {
    std::error_code ec;
    fs::remove_all(sandbox_, ec);
  }
  DocRun(const DocRun&) = delete;
  DocRun& operator=(const DocRun&) = delete;

  void run_all() {
    for (const auto& block : blocks_of(doc_)) run_block(block);
  }

 private:
  std::string where(const Command& c) const {
    return fs::relative(doc_, TLSCLUB_SOURCE_DIR).string() + ":" + std::to_string(c.line) + ": `" +
           c.text + "`";
  }

  std::string script(const std::string& command) const {
    return "tlsclub() { " + shell_quoted(cli_) + " \"$@\"; }; " + variables_ + command;
  }

  void run_block(const Block& block) {
    if (!block.save_as.empty()) {
      const auto mode = block.append ? std::ios::app : std::ios::trunc;
      std::ofstream(sandbox_ / block.save_as, std::ios::out | mode) << block.body;
      return;
    }
    cwd_ = sandbox_;
    for (const auto& c : block.commands) run_command(c);
    stop_server();
  }

  void run_command(Command c) {
    // `build/default/sim/tlsclub run ...` is the CLI too.
    if (const auto w = words(c.text); !w.empty() && fs::path(w[0]).filename() == "tlsclub")
      c.text = "tlsclub" + c.text.substr(w[0].size());
    INFO(where(c));
    static const std::regex assignment(R"(^([A-Za-z_][A-Za-z0-9_]*)=(.*)$)");
    std::smatch m;
    if (std::regex_match(c.text, m, assignment)) {
      const auto r = run(script(c.text + "; printf %s \"$" + std::string(m[1]) + "\""), cwd_);
      CHECK_MESSAGE(r.code == 0, r.out);
      variables_ += std::string(m[1]) + "=" + shell_quoted(r.out) + "; ";
      return;
    }
    if (first_word(c.text) == "cd") {
      const auto words_ = words(c.text);
      REQUIRE(words_.size() == 2);
      cwd_ /= words_[1];
      CHECK_MESSAGE(fs::is_directory(cwd_), "no such folder: ", cwd_.string());
      return;
    }
    if (const auto* u = unrunnable(c.text)) return check_unrunnable(c, *u);
    const auto w = words(c.text);
    static const std::regex synopsis(R"(\s\[[^\]:]+\])");  // [FILE], not [::1]
    if (w[0] == "tlsclub" && std::regex_search(c.text, synopsis)) return check_synopsis(c);
    if (w[0] == "tlsclub" && w.size() > 1 && w[1] == "serve") return start_server(c);
    if (w[0] == "tlsclub" && w.size() > 1 && w[1] == "knock") return knock(c);
    CHECK_MESSAGE(!c.background, "cannot run a background command other than tlsclub serve");
    const auto program = first_word(c.text);
    if (program != "tlsclub" && run("command -v " + shell_quoted(program), cwd_).code != 0) {
      MESSAGE("skipped, ", program, " is not installed: ", where(c));
      return;
    }
    const auto r = run(script(c.text), cwd_);
    CHECK_MESSAGE(!r.timed_out, "timed out after 60 s\n", r.out);
    CHECK_MESSAGE(r.code == c.expected_exit, "exit ", r.code, ", expected ", c.expected_exit, "\n",
                  r.out);
  }

  void check_synopsis(const Command& c) {
    const auto w = words(c.text);
    const auto help = run(script("tlsclub " + w[1] + " --help"), cwd_);
    CHECK_MESSAGE(help.code == 0, help.out);
    for (const auto& option : options_of(c.text))
      CHECK_MESSAGE(help.out.find(option) != std::string::npos, "--help does not list ", option);
  }

  void check_unrunnable(const Command& c, const Unrunnable& u) {
    const fs::path root(TLSCLUB_SOURCE_DIR);
    if (u.program.rfind("scripts/", 0) == 0 || u.program == ".ci/run") {
      const auto path = root / u.program;
      CHECK_MESSAGE(access(path.c_str(), X_OK) == 0, path.string(), " is not an executable");
      const auto parsed = run("bash -n " + shell_quoted(path.string()), root);
      CHECK_MESSAGE(parsed.code == 0, "bash -n: ", parsed.out);
      return;
    }
    for (const auto& file : files_named(c.text))
      CHECK_MESSAGE(fs::exists(cwd_ / file), "names a file that is not there: ", file);
    if (u.program == "tlsclub-gui" && !fs::exists(gui_)) {
      MESSAGE("tlsclub-gui is not built here (it needs Dear ImGui and GLFW): ", where(c));
    } else if (u.program == "tlsclub-gui") {
      const auto help = run(shell_quoted(gui_.string()) + " --help", cwd_);
      CHECK_MESSAGE(help.code == 0, gui_.string(), " --help: ", help.out);
      for (const auto& option : options_of(c.text))
        CHECK_MESSAGE(help.out.find(option) != std::string::npos, "the GUI has no ", option);
    }
  }

  // `--port N` becomes a free port: another test may hold the one the docs show.
  void start_server(const Command& c) {
    CHECK_MESSAGE(!server_, "one serve per block");
    if (server_) return;
    static const std::regex port(R"(--port\s+\S+)");
    std::string command = std::regex_replace(c.text, port, "");
    command =
        "exec " + shell_quoted(cli_) + command.substr(std::string("tlsclub").size()) + " --port 0";
    server_ = spawn(variables_ + command, cwd_);
    const bool listening =
        read_until(*server_, std::chrono::steady_clock::now() + kCommandTimeout, "listening on");
    CHECK_MESSAGE(listening, "tlsclub serve did not start listening\n", server_->out);
    std::smatch m;
    static const std::regex address(R"((?:^|\n)listening on [^\s]*:(\d+))");
    if (listening && std::regex_search(server_->out, m, address)) server_port_ = m[1];
    server_where_ = where(c);
  }

  void stop_server() {
    if (!server_) return;
    INFO(server_where_);
    kill(-server_->pid, SIGINT);
    if (!read_until(*server_, std::chrono::steady_clock::now() + std::chrono::seconds(15)))
      kill(-server_->pid, SIGKILL);
    const int code = reap(*server_);
    CHECK_MESSAGE(code == 0, "tlsclub serve stopped with exit ", code, "\n", server_->out);
    server_.reset();
  }

  void knock(const Command& c) {
    static const std::regex target(R"(((?:127\.0\.0\.1|localhost|\[::1\]):)\d+)");
    if (server_) {
      const auto r = run(script(std::regex_replace(c.text, target, "$01" + server_port_)), cwd_);
      CHECK_MESSAGE(r.code == c.expected_exit, "exit ", r.code, ", expected ", c.expected_exit,
                    "\n", r.out);
      return;
    }
    // No server in this block: a closed port, so the visit ends before any TLS.
    const auto closed =
        std::regex_replace(c.text, target, "127.0.0.1:" + std::to_string(free_port()));
    const auto r = run(script(closed), cwd_);
    CHECK_MESSAGE((r.code == 2 && r.out.find("nothing is listening") != std::string::npos),
                  "knocking on a closed port: exit ", r.code, "\n", r.out);
  }

  fs::path doc_, sandbox_, cwd_, gui_;
  std::string cli_, variables_, server_port_, server_where_;
  std::optional<Process> server_;
};

}  // namespace

TEST_CASE("the docs' command blocks are read as a trainer would type them") {
  const std::vector<std::pair<int, std::string>> lines = {
      {1, "tlsclub run x.toml   # exit 1"},   {2, "# a comment"},
      {3, "tlsclub export a.toml \\"},        {4, "    --svg 'a #b.svg' --markdown a.md"},
      {5, "tlsclub serve [FILE] [--port N]"}, {6, "              [--timeout S]"},
      {7, "tlsclub serve --port 4433 &"},
  };
  const auto c = commands_of(lines, false);
  REQUIRE(c.size() == 4);
  CHECK(c[0].text == "tlsclub run x.toml");
  CHECK(c[0].expected_exit == 1);
  CHECK(c[1].line == 3);
  CHECK(c[1].text == "tlsclub export a.toml --svg 'a #b.svg' --markdown a.md");
  CHECK(c[1].expected_exit == 0);
  CHECK(c[2].text == "tlsclub serve [FILE] [--port N] [--timeout S]");
  CHECK(options_of(c[2].text) == std::vector<std::string>{"--port", "--timeout"});
  CHECK(c[3].background);
  CHECK(c[3].text == "tlsclub serve --port 4433");

  const auto console = commands_of({{1, "$ tlsclub list"}, {2, "Alice admitted"}}, true);
  REQUIRE(console.size() == 1);
  CHECK(console[0].text == "tlsclub list");
  CHECK(unrunnable("echo hi | openssl s_client -connect x") != nullptr);
  CHECK(unrunnable("openssl x509 -in a.pem") == nullptr);
  CHECK(unrunnable("build/default/gui/tlsclub-gui --help") != nullptr);
  CHECK(files_named("tshark -o tls.keylog_file:q.keys -r q.pcap") ==
        std::vector<std::string>{"q.keys", "q.pcap"});
}

TEST_CASE("every command shown in the README and docs/ runs") {
  std::size_t commands = 0;
  for (const auto& doc : documents()) {
    for (const auto& b : blocks_of(doc)) commands += b.commands.size();
    SUBCASE(fs::relative(doc, TLSCLUB_SOURCE_DIR).string().c_str()) {
      DocRun(doc).run_all();
    }
  }
  CHECK(commands >= 20);
}
