#include "web/address.h"

#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "state/session.h"

namespace tlsclub::gui::web {

namespace {

namespace fs = std::filesystem;

// (As in browser.cpp: no `=>` or `!==` in an EM_JS body, clang-format splits them.)
EM_JS(void, set_query, (const char* query, int push), {
  const text = UTF8ToString(query);
  if (location.search == text) return;
  if (push)
    history.pushState(null, "", text || location.pathname);
  else
    history.replaceState(null, "", text || location.pathname);
});

EM_JS(int, current_query, (char* buffer, int size), {
  stringToUTF8(location.search, buffer, size);
  return lengthBytesUTF8(location.search);
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

// The lesson and stop, or the library scenario, member and step.
std::string link_to_place(const Session& session) {
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

}  // namespace

std::string link_to(const Session& session, std::string_view front_tab) {
  std::string query = link_to_place(session);
  if (!query.empty() && !front_tab.empty() && front_tab != "club")
    query += "&tab=" + std::string(front_tab);
  return query;
}

std::string place_of(std::string_view query) {
  std::string place;
  std::size_t start = query.starts_with('?') ? 1 : 0;
  while (start < query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string_view part = query.substr(start, end - start);
    if (!part.starts_with("step=") && !part.starts_with("tab="))
      place += (place.empty() ? "?" : "&") + std::string(part);
    start = end + 1;
  }
  return place;
}

void show_address(const std::string& query, bool may_push) {
  char buffer[2048];
  const int length = current_query(buffer, sizeof buffer);
  const bool fits = length >= 0 && length < static_cast<int>(sizeof buffer);
  const bool new_place = may_push && fits && !query.empty() && place_of(buffer) != place_of(query);
  set_query(query.c_str(), new_place ? 1 : 0);
}

}  // namespace tlsclub::gui::web
