#include "load/values.h"

#include <algorithm>
#include <cstdio>

#include "load/suggest.h"

namespace tlsclub::load {

namespace {

// The first control character (C0, DEL, C1) in `text`, as "U+001B at character 4": printed raw,
// one would move the terminal's cursor, change its colours or end a C string early.
std::optional<std::string> control_character(std::string_view text, bool prose) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80) ++characters;  // count code points, not bytes
    unsigned code = 0x100;
    if (b < 0x20 || b == 0x7F)
      code = b;
    else if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      code = static_cast<unsigned char>(text[i + 1]);
    if (code == 0x100) continue;
    const bool line_break = code == '\n' || code == '\t' ||
                            (code == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
    if (prose && line_break) continue;
    char name[8];
    std::snprintf(name, sizeof name, "U+%04X", code);
    return std::string(name) + " at character " + std::to_string(characters);
  }
  return std::nullopt;
}

}  // namespace

bool printable(Errors& errors, Where where, std::string_view what, const std::string& value,
               bool prose) {
  const auto found = control_character(value, prose);
  if (!found) return true;
  errors.add(where, ErrorId::bad_value,
             "`" + std::string(what) + "` contains a control character (" + *found + ")",
             prose ? "only line breaks and tabs may appear in text"
                   : "names and values are one line of visible characters");
  return false;
}

bool check_name(Errors& errors, Where where, std::string_view what, std::string_view value,
                std::span<const std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
  std::string hint = did_you_mean(value, allowed);
  const std::string list = allowed.size() <= 12 ? "allowed: " + join_names(allowed) : "";
  if (!hint.empty() && !list.empty()) hint += " ";
  hint += list;
  if (hint.empty()) hint = "docs/scenario-format.md lists the names";
  errors.add(where, ErrorId::bad_enum,
             "`" + std::string(what) + "` = \"" + std::string(value) + "\" is not allowed",
             std::move(hint));
  return false;
}

std::optional<std::size_t> pick(const Section& s, std::string_view key,
                                std::span<const std::string_view> allowed, bool required) {
  const auto value = s.string(key, required);
  if (!value) return std::nullopt;
  if (!check_name(s.errors(), s.where(key), key, *value, allowed)) return std::nullopt;
  return static_cast<std::size_t>(std::find(allowed.begin(), allowed.end(), *value) -
                                  allowed.begin());
}

}  // namespace tlsclub::load
