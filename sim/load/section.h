#pragma once
// Reading a loader file's TOML tables: one table key by key (Section), and the [name] and
// [[name]] tables of the file. Every mistake is reported to the file's Errors where it was made;
// the readers then give nothing, so the caller keeps its default and reads on.

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "load/errors.h"

namespace tlsclub::load {

// "a string", "an integer", ...
std::string_view type_name(const toml::node& node);

// One table of the file, read key by key. Keys outside `allowed` are reported at once
// (unknown-key, with a did-you-mean hint); accessors report wrong types and missing required keys
// and return nullopt then, so the caller simply keeps its default.
class Section {
 public:
  Section(const toml::table& table, std::string name, std::span<const std::string_view> allowed,
          Errors& errors);

  const toml::node* node(std::string_view key) const { return table_.get(key); }
  bool has(std::string_view key) const { return table_.contains(key); }
  Where where() const { return where_of(table_); }
  Where where(std::string_view key) const;  // the value's place, or the table's
  Errors& errors() const { return errors_; }
  const std::string& name() const { return name_; }

  std::optional<std::string> string(std::string_view key, bool required = false) const;
  std::optional<std::int64_t> integer(std::string_view key, bool required = false) const;
  std::optional<bool> boolean(std::string_view key) const;
  // An array of strings, each with its place.
  struct Item {
    std::string value;
    Where where;
  };
  std::optional<std::vector<Item>> strings(std::string_view key) const;
  const toml::table* table(std::string_view key) const;
  void missing(std::string_view key) const;

 private:
  void wrong_type(std::string_view key, const toml::node& node, std::string_view wanted) const;
  // False (and a located bad-value) for a string with control characters in it.
  bool printable(std::string_view key, const std::string& value, Where where) const;
  const toml::table& table_;
  std::string name_;
  Errors& errors_;
};

// [name] that a file must have: the table, or nullptr after reporting missing-key ("the file needs
// a [name] table" + `what`, with `hint`) or wrong-type.
const toml::table* required_table(const toml::table& root, std::string_view key,
                                  std::string_view what, std::string_view hint, Errors& errors);
// [[name]]: an array of tables (nullptr when absent or wrong, which is reported).
const toml::array* tables_of(const toml::table& root, std::string_view key, Errors& errors);

}  // namespace tlsclub::load
