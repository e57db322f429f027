#include "app/options.h"

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "view/tabs.h"
#include "wire/fault.h"

namespace tlsclub::gui {

namespace {

// "  --tab NAME           bring a panel forward: course club ...", the names from view/tabs.h and
// the what-if actions from the engine's table, wrapped under the option's column.
std::string wrapped(std::string text, const std::vector<std::string_view>& words) {
  constexpr std::size_t kColumn = 23, kWidth = 92;
  std::size_t line = text.size() - text.rfind('\n') - 1;
  for (const auto word : words) {
    if (line + 1 + word.size() > kWidth) {
      text += "\n" + std::string(kColumn - 1, ' ');
      line = kColumn - 1;
    }
    text += " " + std::string(word);
    line += 1 + word.size();
  }
  return text + "\n";
}

std::string tab_line() {
  std::vector<std::string_view> names;
#define TLSCLUB_TAB_NAME(e, name, title, area, key, draw) names.emplace_back(name);
  TLSCLUB_TAB_PANELS(TLSCLUB_TAB_NAME)
#undef TLSCLUB_TAB_NAME
  return wrapped("  --tab NAME           bring a panel forward:", names);
}

std::string what_if_lines() {
  std::vector<std::string_view> names;
  for (const auto& kind : wire_fault_kinds()) names.push_back(kind.name);
  return "  --what-if ACTION:RECORD[:BYTE]\n"
         "                       run the visit again with an attack on record #RECORD and show "
         "it:\n"
         "                       flip:4:40 (or tamper:4:40) flips byte 40 (mask 0x01); any "
         "action\n" +
         wrapped("                       of a scenario's [[fault]] works (e.g. drop:1):", names);
}

std::string usage_text() {
  return R"(tlsclub-gui: TLS Club, an interactive teaching simulator of the TLS handshake

Usage: tlsclub-gui [SCENARIO.toml] [options]

With no file it opens the Course (twelve lessons) beside the scenario you left off at (or
basics/first-visit-mutual-tls13, or the built-in demo when no scenarios/ folder is found).

Options:
  --step N             start at step N of the member's visit (with --member), else of the queue
  --member NAME        start at NAME's visit
)" + tab_line() +
         R"(  --lesson N           start lesson N of the course (docs/lessons, or $TLSCLUB_LESSONS)
  --lesson-stop K      ... at stop K of its walk (steps, questions, try-it tasks; from 0)
  --myths              open the myth cards
  --glossary           open the glossary
  --theme dark|light   colour theme (remembered)
  --level club|engineer|both
                       explanations in the club's words, an engineer's, or both
  --predict            predict mode: answer before the decisive step is shown
  --present            presentation mode, for a projector (remembered; F5 leaves it)
)" + what_if_lines() +
         R"(  --screenshot FILE    render that state to a PNG at a fixed size and exit (used by the tests)
  --size WxH           window size for --screenshot (default 1600x1000)
  --layout FILE        with --screenshot: also write which panels are where (the web
                       edition's check compares its own with it)
  --serve FILE         open FILE and open its club to real visitors: a real TLS server on
                       127.0.0.1 (as `tlsclub serve`); each visit (openssl s_client, curl, a
                       browser) joins the queue as it ends. File ▸ Open the club to real
                       visitors does the same for the scenario shown
  --port N             the club's port (default 4433; 0: any free port)
  --wait-visits N      with --serve and --screenshot: take the picture once N visits have
                       ended (at most 60 s; the tests' live screenshot)
  -h, --help           this text

Keys: ← → step · Space play/pause · Home/End start/end of the visit · PgUp/PgDn member ·
1-9 panel tabs · Ctrl+L course · Ctrl+M myths · Ctrl+G glossary · Ctrl+→/← lesson stops ·
Ctrl+O open · Ctrl+R reload · Ctrl+= / Ctrl+- / Ctrl+0 text size · F1 keys and colours ·
F5 presentation mode (PgDn/PgUp step, B or . blank, Esc leave).
Scenarios are found in $TLSCLUB_SCENARIOS, next to the program or its source tree, or in
share/tlsclub/scenarios. Settings: $XDG_CONFIG_HOME/tlsclub/gui.ini.
)";
}

}  // namespace

const char* usage() {
  static const std::string kText = usage_text();
  return kText.c_str();
}

namespace {

bool to_number(const std::string& s, std::size_t& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool to_int(const std::string& s, int& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The options whose value is kept as it is given, and where each goes.
std::string* text_option(Options& o, const std::string& name) {
  if (name == "--member") return &o.member;
  if (name == "--tab") return &o.tab;
  if (name == "--screenshot") return &o.screenshot;
  if (name == "--layout") return &o.layout;
  if (name == "--theme") return &o.theme;
  if (name == "--level") return &o.level;
  if (name == "--what-if") return &o.what_if;
  return nullptr;
}

bool parse_size(const std::string& v, Options& o, std::string& error) {
  const std::size_t x = v.find('x');
  if (x == std::string::npos || !to_int(v.substr(0, x), o.width) ||
      !to_int(v.substr(x + 1), o.height) || o.width < 320 || o.height < 240) {
    error = "--size needs WIDTHxHEIGHT (at least 320x240), not '" + v + "'";
    return false;
  }
  return true;
}

// --serve FILE, --port N, --wait-visits N: the club open to real visitors.
bool serve_option(const std::string& name, const std::string& v, Options& o, std::string& error) {
  if (name == "--serve") {
    if (!o.scenario.empty()) {
      error = "one scenario file at a time ('" + o.scenario + "' and --serve '" + v + "')";
      return false;
    }
    o.scenario = v;
    o.serve = true;
    return true;
  }
  const bool port = name == "--port";
  std::size_t n = 0;
  if (!to_number(v, n) || n > (port ? 65535u : 999u)) {
    error = name + (port ? " needs a port from 0 to 65535" : " needs a number up to 999") +
            ", not '" + v + "'";
    return false;
  }
  if (port)
    o.port = static_cast<std::uint16_t>(n);
  else
    o.wait_visits = n;
  return true;
}

// What can only be judged once every option is read.
bool choices_valid(const Options& o, std::string& error) {
  if (!o.layout.empty() && o.screenshot.empty()) {
    error = "--layout goes with --screenshot (it describes the picture taken)";
    return false;
  }
  if (o.wait_visits > 0 && (!o.serve || o.screenshot.empty())) {
    error = "--wait-visits goes with --serve and --screenshot (it times the picture)";
    return false;
  }
  if (!o.theme.empty() && o.theme != "dark" && o.theme != "light") {
    error = "--theme is dark or light, not '" + o.theme + "'";
    return false;
  }
  if (!o.level.empty() && o.level != "club" && o.level != "engineer" && o.level != "both") {
    error = "--level is club, engineer or both, not '" + o.level + "'";
    return false;
  }
  return true;
}

}  // namespace

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) {
        error = std::string(name) + " needs a value";
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--predict") {
      o.predict = true;
    } else if (a == "--present") {
      o.present = true;
    } else if (a == "--myths") {
      o.myths = true;
    } else if (a == "--glossary") {
      o.glossary = true;
    } else if (a == "--lesson" || a == "--lesson-stop") {
      const std::string* v = value(a.c_str());
      if (v == nullptr) return std::nullopt;
      std::size_t n = 0;
      if (!to_number(*v, n) || (a == "--lesson" && (n < 1 || n > 99))) {
        error = a + " needs a number, not '" + *v + "'";
        return std::nullopt;
      }
      if (a == "--lesson")
        o.lesson = static_cast<int>(n);
      else
        o.lesson_stop = n;
    } else if (a == "--serve" || a == "--port" || a == "--wait-visits") {
      const std::string* v = value(a.c_str());
      if (v == nullptr || !serve_option(a, *v, o, error)) return std::nullopt;
    } else if (a == "--step") {
      const std::string* v = value("--step");
      if (v == nullptr) return std::nullopt;
      std::size_t n = 0;
      if (!to_number(*v, n)) {
        error = "--step needs a number, not '" + *v + "'";
        return std::nullopt;
      }
      o.step = n;
    } else if (std::string* field = text_option(o, a)) {
      const std::string* v = value(a.c_str());
      if (v == nullptr) return std::nullopt;
      *field = *v;
    } else if (a == "--size") {
      const std::string* v = value("--size");
      if (v == nullptr || !parse_size(*v, o, error)) return std::nullopt;
    } else if (!a.empty() && a[0] == '-') {
      error = "unknown option '" + a + "' (see --help)";
      return std::nullopt;
    } else if (o.scenario.empty()) {
      o.scenario = a;
    } else {
      error = "one scenario file at a time ('" + o.scenario + "' and '" + a + "')";
      return std::nullopt;
    }
  }
  if (!choices_valid(o, error)) return std::nullopt;
  return o;
}

}  // namespace tlsclub::gui
