#include "web/address.h"

#include <emscripten.h>

#include <cstdio>
#include <filesystem>

#include "state/session.h"

namespace tlsclub::gui::web {

namespace {

namespace fs = std::filesystem;

// (As in browser.cpp: no `=>` or `!==` in an EM_JS body, clang-format splits them.)
EM_JS(void, replace_query, (const char* query), {
  const text = UTF8ToString(query);
  if (location.search != text) history.replaceState(null, "", text || location.pathname);
});

// Percent-encodes all but RFC 3986's unreserved characters and '/' (readable scenario paths).
std::string encoded(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~' || c == '/') {
      out += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", u);
      out += hex;
    }
  }
  return out;
}

}  // namespace

std::string link_to(const Session& session) {
  const LessonMode& lessons = session.lessons();
  if (lessons.lesson() != nullptr)
    return "?lesson=" + std::to_string(lessons.walk().lesson() + 1) +
           "&stop=" + std::to_string(lessons.walk().stop());
  const auto& dir = session.shelf().dir();
  const fs::path& file = session.lesson().file;
  if (!dir || file.empty()) return "";
  const fs::path relative = file.lexically_relative(*dir);
  if (relative.empty() || *relative.begin() == "..") return "";
  std::string query = "?scenario=" + encoded(relative.generic_string());
  if (query.ends_with(".toml")) query.resize(query.size() - 5);
  const auto& connections = session.timeline().connections;
  const std::size_t connection = session.position().connection;
  std::size_t step = session.playback().cursor().index();
  if (connections.size() > 1 && connection < connections.size()) {
    query += "&member=" + encoded(connections[connection].client);
    step -= session.playback().steps().first_of(connection);
  }
  if (step > 0) query += "&step=" + std::to_string(step);
  return query;
}

void show_address(const std::string& query) {
  replace_query(query.c_str());
}

}  // namespace tlsclub::gui::web
