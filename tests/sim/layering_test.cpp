// The layering, written down (docs/architecture.md): which folder may include which. The engine
// (sim/) never depends on the app; inside it, each folder builds on the ones below it only, so a
// change low in the stack is seen by what sits above and never the other way round. A new include
// that crosses a line fails here with its file and line, and the table is where a deliberate new
// dependency is argued for.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Folder -> the folders its files may include (besides their own). sim/ first, bottom up:
// core → decode / pki / wire / explain → timeline → scenario → endpoint → simulation →
// export / bridge / course → cli; load (the TOML reading both loaders share) needs core alone and
// serves scenario, course and cli; capture (reading real captures) needs core and decode and
// serves cli.
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"sim/core", {}},
    {"sim/explain", {}},
    {"sim/decode", {"core"}},
    // Captures: files, packets, TCP streams, record headers and key logs; names from decode.
    {"sim/capture", {"core", "decode"}},
    {"sim/pki", {"core"}},
    {"sim/wire", {"core"}},
    {"sim/timeline", {"core", "decode", "explain", "wire"}},
    {"sim/load", {"core"}},
    {"sim/scenario", {"core", "decode", "load", "pki", "timeline", "wire"}},
    {"sim/endpoint", {"core", "decode", "pki", "scenario", "timeline"}},
    {"sim/simulation", {"core", "decode", "endpoint", "scenario", "timeline", "wire"}},
    {"sim/export",
     {"core", "decode", "endpoint", "explain", "scenario", "simulation", "timeline", "wire"}},
    {"sim/bridge", {"core", "decode", "endpoint", "scenario", "simulation", "timeline", "wire"}},
    {"sim/course", {"explain", "load", "scenario", "simulation", "timeline", "wire"}},
    // (endpoint, pki: tlsclub verify reads certificate files and hands them to the bouncer;
    // decode: the protocol's names for the codes a capture's JSON holds.)
    {"sim/cli",
     {"bridge", "capture", "core", "course", "decode", "endpoint", "explain", "export", "load",
      "pki", "scenario", "simulation", "timeline"}},
    // The app: state is the headless half (no ImGui), view draws it, app is the shell. State
    // may open the club to real visitors (bridge, in state/live_club.cpp only: its header keeps
    // the sockets and Botan out of the panels' sight), and read a visit's records as an
    // eavesdropper would (capture, in state/wire_watch.cpp: the Wire panel).
    {"gui/state",
     {"bridge", "capture", "core", "course", "decode", "explain", "export", "scenario",
      "simulation", "timeline", "wire"}},
    {"gui/view", {"core", "decode", "explain", "simulation", "state", "timeline", "wire"}},
    {"gui/app", {"course", "state", "view", "wire", "GL", "GLFW"}},
    // The web edition's shell: the desktop shell's shared parts in a browser tab.
    // (course: the page's own check of the lessons, as `tlsclub lessons check` does natively.)
    {"gui/web", {"app", "course", "state", "timeline", "view"}},
};

// The libraries each part may name in an include: only sim/ talks to Botan, only gui/view and
// the shells (gui/app, gui/web) draw, only gui/web talks to the browser (emscripten).
bool library_allowed(const std::string& folder, const std::string& header) {
  const bool botan = header.rfind("botan/", 0) == 0;
  const bool drawing = header.rfind("imgui", 0) == 0 || header.rfind("GLFW/", 0) == 0 ||
                       header.rfind("GL/", 0) == 0 || header.rfind("stb_", 0) == 0;
  const bool browser = header.rfind("emscripten", 0) == 0;
  if (botan) return folder.rfind("sim/", 0) == 0;
  if (drawing) return folder == "gui/view" || folder == "gui/app" || folder == "gui/web";
  if (browser) return folder == "gui/web";
  return true;
}

}  // namespace

TEST_CASE("every include of sim/ and gui/ follows the layering table") {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  const std::regex include(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
  std::size_t files = 0, includes = 0;
  for (const auto& row : kAllowed) {
    // Named, not a structured binding: clang-tidy's clang 14 cannot capture one in doctest's
    // *_MESSAGE lambdas.
    const std::string& folder = row.first;
    const std::set<std::string>& allowed = row.second;
    REQUIRE_MESSAGE(fs::is_directory(root / folder), folder, " is in the table but not the tree");
    for (const auto& entry : fs::directory_iterator(root / folder)) {
      const auto ext = entry.path().extension();
      if (ext != ".h" && ext != ".cpp") continue;
      ++files;
      std::ifstream in(entry.path());
      std::size_t number = 0;
      for (std::string line; std::getline(in, line);) {
        ++number;
        std::smatch m;
        if (!std::regex_search(line, m, include)) continue;
        ++includes;
        const std::string header = m[2];
        const std::string where =
            fs::relative(entry.path(), root).generic_string() + ":" + std::to_string(number);
        CHECK_MESSAGE(library_allowed(folder, header), where, " includes <", header,
                      ">, which this part of the tree must not use");
        if (m[1] != "\"") continue;
        const auto slash = header.find('/');
        if (slash == std::string::npos) continue;  // a header beside it
        const std::string target = header.substr(0, slash);
        const std::string own = folder.substr(folder.find('/') + 1);
        CHECK_MESSAGE((target == own || allowed.count(target) == 1), where, " includes \"", header,
                      "\": ", folder, " may not depend on ", target,
                      " (tests/sim/layering_test.cpp has the table)");
      }
    }
  }
  CHECK(files > 150);
  CHECK(includes > 500);
}

TEST_CASE("every folder of sim/ and gui/ has a row in the layering table") {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  for (const char* part : {"sim", "gui"})
    for (const auto& entry : fs::directory_iterator(root / part)) {
      if (!entry.is_directory()) continue;
      const std::string folder = std::string(part) + "/" + entry.path().filename().string();
      CHECK_MESSAGE(kAllowed.count(folder) == 1, folder,
                    " is not in tests/sim/layering_test.cpp: say what it may include");
    }
}

TEST_CASE("only sim/scenario includes the scenario loader's inside (scenario/loader_internal.h)") {
  // What both loaders share is the public sim/load; the rest of loader_internal.h is the scenario
  // loader's own, and a file elsewhere that reached into it would tie itself to those details.
  const fs::path root(TLSCLUB_SOURCE_DIR);
  REQUIRE(fs::exists(root / "sim" / "scenario" / "loader_internal.h"));
  const std::regex include(R"re(^\s*#\s*include\s*"scenario/loader_internal\.h")re");
  std::size_t files = 0;
  for (const char* part : {"sim", "gui", "tests"})
    for (const auto& entry : fs::recursive_directory_iterator(root / part)) {
      const auto ext = entry.path().extension();
      if (ext != ".h" && ext != ".cpp") continue;
      ++files;
      if (entry.path().parent_path() == root / "sim" / "scenario") continue;
      std::ifstream in(entry.path());
      std::size_t number = 0;
      for (std::string line; std::getline(in, line);) {
        ++number;
        CHECK_MESSAGE(!std::regex_search(line, include),
                      fs::relative(entry.path(), root).generic_string(), ":", number,
                      " includes scenario/loader_internal.h: use sim/load (or a public header of "
                      "sim/scenario) instead");
      }
    }
  CHECK(files > 200);
}

TEST_CASE("no header of gui/state reaches a Botan header, even through sim/") {
  // The app names no Botan type, so its headers must not make every file that includes them
  // compile Botan's: follow quoted includes from each gui/state header through the tree.
  const fs::path root(TLSCLUB_SOURCE_DIR);
  const std::regex include(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
  const auto resolve = [&](const std::string& header) -> fs::path {
    for (const char* base : {"sim", "gui"})
      if (fs::exists(root / base / header)) return root / base / header;
    return {};
  };
  std::size_t headers = 0;
  for (const auto& entry : fs::directory_iterator(root / "gui" / "state")) {
    if (entry.path().extension() != ".h") continue;
    ++headers;
    // Breadth first, remembering who included whom, so a failure shows the chain.
    std::map<fs::path, fs::path> parent{{entry.path(), {}}};
    std::vector<fs::path> queue{entry.path()};
    for (std::size_t i = 0; i < queue.size(); ++i) {
      std::ifstream in(queue[i]);
      for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, include)) continue;
        const std::string header = m[2];
        if (m[1] == "<") {
          if (header.rfind("botan/", 0) != 0) continue;
          std::string chain = "<" + header + ">";
          for (fs::path at = queue[i]; !at.empty(); at = parent[at])
            chain = fs::relative(at, root).generic_string() + " → " + chain;
          FAIL_CHECK(chain);
          continue;
        }
        const fs::path next = resolve(header);
        if (next.empty() || parent.count(next)) continue;
        parent[next] = queue[i];
        queue.push_back(next);
      }
    }
  }
  CHECK(headers > 15);
}

TEST_CASE("in the app, only gui/state/live_club.cpp includes the bridge") {
  // The sockets stay behind one file: every other part of the app, and the web edition (which
  // has no bridge), compiles without them.
  const fs::path root(TLSCLUB_SOURCE_DIR);
  const std::regex include(R"re(^\s*#\s*include\s*"bridge/)re");
  std::size_t found = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root / "gui")) {
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (!std::regex_search(line, include)) continue;
      const std::string file = fs::relative(entry.path(), root).generic_string();
      CHECK_MESSAGE(file == "gui/state/live_club.cpp", file, " includes the bridge");
      ++found;
    }
  }
  CHECK(found == 1);
}
