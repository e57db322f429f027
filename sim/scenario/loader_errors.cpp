// Where scenario-file errors go and how they read: stable ids, file:line:col, a hint.
#include <algorithm>
#include <array>
#include <cstdio>

#include "scenario/loader_internal.h"

namespace tlsclub {

std::string LoadError::to_string() const {
  std::string s = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error[" +
                  id + "]: " + message;
  if (!hint.empty()) s += " (" + hint + ")";
  return s;
}

namespace loader {

namespace {

// Prose may span lines; every other string is a name, an id or a value printed on one line.
constexpr std::array<std::string_view, 4> kProseKeys{"summary", "text", "question", "request"};

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

bool Section::printable(std::string_view key, const std::string& value, Where where) const {
  const bool prose = std::find(kProseKeys.begin(), kProseKeys.end(), key) != kProseKeys.end();
  return loader::printable(errors_, where, key, value, prose);
}

Where where_of(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

void Errors::add(Where where, ErrorId id, std::string message, std::string hint) {
  list_.push_back({file_, where.line, where.column, std::string(to_string(id)), std::move(message),
                   std::move(hint)});
}

std::vector<LoadError> Errors::take() {
  std::stable_sort(list_.begin(), list_.end(), [](const LoadError& a, const LoadError& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return std::move(list_);
}

// Levenshtein distance, two rows.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  constexpr std::size_t kMaxDistance = 2;
  std::string_view best;
  std::size_t best_distance = kMaxDistance + 1;
  for (const auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (best_distance > kMaxDistance) return {};
  return "did you mean `" + std::string(best) + "`?";
}

std::string join_names(std::span<const std::string_view> names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += i + 1 == names.size() ? " or " : ", ";
    s += names[i];
  }
  return s;
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

Section::Section(const toml::table& table, std::string name,
                 std::span<const std::string_view> allowed, Errors& errors)
    : table_(table), name_(std::move(name)), errors_(errors) {
  for (const auto& [key, value] : table) {
    const std::string_view k = key.str();
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string message = "unknown key `" + std::string(k) + "` " +
                          (name_.empty() ? "at the top level" : "in [" + name_ + "]");
    std::string hint = did_you_mean(k, allowed);
    if (hint.empty()) hint = "expected one of: " + join_names(allowed);
    errors_.add(where_of(key.source()), ErrorId::unknown_key, std::move(message), std::move(hint));
  }
}

Where Section::where(std::string_view key) const {
  const toml::node* n = table_.get(key);
  if (n != nullptr && n->source().begin.line != 0) return where_of(*n);
  return where();
}

void Section::missing(std::string_view key) const {
  errors_.add(where(), ErrorId::missing_key, "[" + name_ + "] needs `" + std::string(key) + "`",
              "add `" + std::string(key) + " = ...` to this table");
}

void Section::wrong_type(std::string_view key, const toml::node& node,
                         std::string_view wanted) const {
  errors_.add(where_of(node), ErrorId::wrong_type,
              "`" + std::string(key) + "` must be " + std::string(wanted) + ", not " +
                  std::string(type_name(node)),
              {});
}

std::optional<std::string> Section::string(std::string_view key, bool required) const {
  const toml::node* n = table_.get(key);
  if (n == nullptr) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (const auto* v = n->as_string()) {
    auto text = unshield(v->get());
    if (!printable(key, text, where_of(*n))) return std::nullopt;
    return text;
  }
  wrong_type(key, *n, "a string");
  return std::nullopt;
}

std::optional<std::int64_t> Section::integer(std::string_view key, bool required) const {
  const toml::node* n = table_.get(key);
  if (n == nullptr) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (const auto* v = n->as_integer()) return v->get();
  wrong_type(key, *n, "an integer");
  return std::nullopt;
}

std::optional<bool> Section::boolean(std::string_view key) const {
  const toml::node* n = table_.get(key);
  if (n == nullptr) return std::nullopt;
  if (const auto* v = n->as_boolean()) return v->get();
  wrong_type(key, *n, "a boolean (true or false)");
  return std::nullopt;
}

std::optional<std::vector<Section::Item>> Section::strings(std::string_view key) const {
  const toml::node* n = table_.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* array = n->as_array();
  if (array == nullptr) {
    wrong_type(key, *n, "an array of strings");
    return std::nullopt;
  }
  std::vector<Item> items;
  bool ok = true;
  for (const auto& element : *array) {
    if (const auto* v = element.as_string()) {
      auto text = unshield(v->get());
      if (!printable(key, text, where_of(element))) {
        ok = false;
        continue;
      }
      items.push_back({std::move(text), where_of(element)});
    } else {
      errors_.add(where_of(element), ErrorId::wrong_type,
                  "every item of `" + std::string(key) + "` must be a string, not " +
                      std::string(type_name(element)),
                  {});
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return items;
}

const toml::table* Section::table(std::string_view key) const {
  const toml::node* n = table_.get(key);
  if (n == nullptr) return nullptr;
  if (const auto* t = n->as_table()) return t;
  wrong_type(key, *n, "a table");
  return nullptr;
}

}  // namespace loader
}  // namespace tlsclub
