#pragma once
// tlsclub-gui's command line.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tlsclub::gui {

struct Options {
  std::string scenario;             // a .toml file; "" = the last lesson, else the default one
  std::optional<std::size_t> step;  // start at this step (of the member, or of the whole queue)
  std::string member;               // start at this member's visit
  std::string tab;                  // bring this panel tab forward
  std::string screenshot;           // render once to this PNG and exit
  std::string layout;               // with the screenshot: which panels are where, to this file
  int width = 1600, height = 1000;
  std::string theme;  // "dark" / "light"; "" = as remembered
  std::string level;  // "club" / "engineer" / "both"
  bool predict = false;
  bool present = false;  // presentation mode
  std::string
      what_if;     // "tamper:RECORD:BYTE", "drop:RECORD", "replay:RECORD" on the member's visit
  int lesson = 0;  // start lesson N of the course (1-based; 0: none)
  std::optional<std::size_t> lesson_stop;  // ... at this stop of its walk (0-based)
  bool myths = false;                      // open the myth cards
  bool glossary = false;                   // open the glossary
  bool help = false;
  // --serve FILE: open FILE and open its club to real visitors (docs/bridge.md#in-the-app) on
  // `port` (also the port File ▸ Open the club to real visitors uses; 0: any free port).
  bool serve = false;
  std::uint16_t port = 4433;
  std::size_t wait_visits = 0;  // with --serve and --screenshot: the picture after this many
};

// Parses argv; on a bad argument returns nothing and sets `error`.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error);
const char* usage();

}  // namespace tlsclub::gui
