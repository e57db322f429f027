#include "load/section.h"

#include <algorithm>
#include <array>

#include "load/suggest.h"
#include "load/toml_shield.h"
#include "load/values.h"

namespace tlsclub::load {

namespace {

// Prose may span lines; every other string is a name, an id or a value printed on one line.
constexpr std::array<std::string_view, 4> kProseKeys{"summary", "text", "question", "request"};

}  // namespace

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

bool Section::printable(std::string_view key, const std::string& value, Where where) const {
  const bool prose = std::find(kProseKeys.begin(), kProseKeys.end(), key) != kProseKeys.end();
  return load::printable(errors_, where, key, value, prose);
}

const toml::table* required_table(const toml::table& root, std::string_view key,
                                  std::string_view what, std::string_view hint, Errors& errors) {
  const toml::node* n = root.get(key);
  if (n == nullptr) {
    errors.add({1, 1}, ErrorId::missing_key,
               "the file needs a [" + std::string(key) + "] table" + std::string(what),
               std::string(hint));
    return nullptr;
  }
  if (const auto* table = n->as_table()) return table;
  const std::string name(key);
  errors.add(
      where_of(*n), ErrorId::wrong_type,
      "`" + name + "` must be a table, not " + std::string(type_name(*n)),
      n->is_array() ? "write one [" + name + "] header, not [[" + name + "]]" : std::string());
  return nullptr;
}

// A single [name] table where [[name]] belongs is a common slip.
const toml::array* tables_of(const toml::table& root, std::string_view key, Errors& errors) {
  const toml::node* n = root.get(key);
  if (n == nullptr) return nullptr;
  const auto* array = n->as_array();
  if (array != nullptr && array->is_array_of_tables()) return array;
  errors.add(
      where_of(*n), ErrorId::wrong_type,
      "`" + std::string(key) + "` must be an array of tables, not " + std::string(type_name(*n)),
      "write each one under its own [[" + std::string(key) + "]] header");
  return nullptr;
}

}  // namespace tlsclub::load
