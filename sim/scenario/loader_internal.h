#pragma once
// The scenario loader's inside: where errors go, how a TOML table is read, how values (dates,
// offsets, enums) are parsed. Only loader*.cpp include this (it pulls in toml++).

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "decode/handshake_decoder.h"
#include "scenario/error_ids.h"
#include "scenario/format_keys.h"
#include "scenario/loader.h"
#include "timeline/check_names.h"

namespace tlsclub::loader {

// A place in the file (1-based; 0 when unknown).
struct Where {
  int line = 0;
  int column = 0;
};
Where where_of(const toml::source_region& region);
inline Where where_of(const toml::node& node) {
  return where_of(node.source());
}

// Around toml++ 3.3's unreachable() on some non-ASCII code points (loader_text.cpp): `shield`
// before parsing (nullopt, with the place, for text that uses plane 15, which it needs itself);
// `unshield` every string read back.
std::optional<std::string> shield(std::string_view text, Where& plane15);
std::string unshield(std::string_view text);

// Every error of one file, in the order found; sorted by place at the end.
class Errors {
 public:
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void add(Where where, ErrorId id, std::string message, std::string hint = {});
  bool empty() const { return list_.empty(); }
  std::vector<LoadError> take();

 private:
  std::string file_;
  std::vector<LoadError> list_;
};

std::size_t edit_distance(std::string_view a, std::string_view b);
// "did you mean `issuer`?" when a candidate is within edit distance 2, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
// "a, b or c"
std::string join_names(std::span<const std::string_view> names);
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

// Values. Each reports its own error (bad-date, bad-enum, ...) and returns nullopt.
// A time: "2026-03-01T20:00:00Z", "2026-03-01", a TOML date-time, or an offset from the clock:
// "-30d", "+2h", "-1s", "+5m", "0" (or the integer 0).
// False, with a located bad-value, for text with a control character (C0, DEL, C1); `prose` lets
// line breaks and tabs through. Printed raw, such a character would drive the terminal.
bool printable(Errors& errors, Where where, std::string_view what, const std::string& value,
               bool prose);
std::optional<SimTime> time_at(const Section& s, std::string_view key, SimTime clock);
// The latest "now" a run can have: a std::chrono::system_clock time_point (what Botan takes)
// counts nanoseconds in 64 bits, so it ends on 11 April 2262.
inline constexpr SimTime kLastClock{std::chrono::seconds{9223372036}};
// The same, `fallback` from the clock when the key is absent; a computed time outside the years
// X.509 can say is a located bad-date too (a clock in 1975 puts the default root, -3650d, in 1965).
SimTime time_or(const Section& s, std::string_view key, SimTime clock,
                std::chrono::seconds fallback);
std::optional<std::chrono::seconds> parse_offset(std::string_view text);
// One of `allowed`; otherwise bad-enum listing them (with a did-you-mean).
std::optional<std::size_t> pick(const Section& s, std::string_view key,
                                std::span<const std::string_view> allowed, bool required = false);
// The same for a value already read (an array item).
bool check_name(Errors& errors, Where where, std::string_view what, std::string_view value,
                std::span<const std::string_view> allowed);

// Name tables.
std::span<const std::string_view> key_type_names();             // ecdsa_p256 ...
std::span<const std::string_view> group_names();                // x25519 ...
std::span<const std::string_view> signature_algorithm_names();  // ed25519 ...
std::span<const std::string_view> key_usage_names();
std::span<const std::string_view> eku_names();  // serverAuth ...
std::optional<std::string> eku_oid(std::string_view name_or_oid);
using tlsclub::alert_names;  // the decoder's table (decode/handshake_decoder.h)
std::span<const std::string_view> revocation_reason_names();  // index = RFC 5280 reason code

// Where the references of a scenario were written, for the reference checks.
struct Places {
  std::vector<Where> authority_id, authority_issuer;
  std::vector<std::vector<Section::Item>> crl_revoked;
  Where server_issuer;
  std::vector<Section::Item> server_trusted;
  std::vector<Where> member_name, card_issuer;
  std::vector<std::vector<Section::Item>> member_trusted;
};

// [name] that a file must have: the table, or nullptr after reporting missing-key ("the file needs
// a [name] table" + `what`, with `hint`) or wrong-type.
const toml::table* required_table(const toml::table& root, std::string_view key,
                                  std::string_view what, std::string_view hint, Errors& errors);
// [[name]]: an array of tables (nullptr when absent or wrong, which is reported).
const toml::array* tables_of(const toml::table& root, std::string_view key, Errors& errors);
// Handshake message names a fault or an anchor may name ("certificate_verify", ...).
std::span<const std::string_view> message_names();
// The wire fault actions, in WireFault::Action order: flip, drop, ... downgrade.
std::span<const std::string_view> wire_fault_actions();

// One wire fault table (`action` already picked): from, record | message, offset, mask, alert,
// each checked. The caller sets the member. Lesson files' try-it faults share it.
WireFault read_wire_fault(const Section& s, WireFault::Action action);
// An anchor string (`at`): "<client|server>.<message>", "check.<name>", "alert", "established"
// or "end". Reports what is wrong at `where`: under `id` when given, else as bad-value (the
// shape) or bad-enum (the name).
bool check_anchor(Errors& errors, Where where, std::string_view at,
                  std::optional<ErrorId> id = std::nullopt);

// The sections of the file.
void read_authorities(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors);
void read_server(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors);
void read_members(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors);
// After the members: [[fault]], then [[note]] and [[question]].
void read_faults(const toml::table& root, ScenarioSpec& spec, Errors& errors);
void read_narration(const toml::table& root, ScenarioSpec& spec, Errors& errors);
// A member's [member.expect] (and a lesson's try-it `expect`): the table's keys, and the table
// read.
std::span<const std::string_view> expect_keys();
Expectation read_expect(const Section& s);
// Dangling references, duplicates, cycles, CRL entries: after every section is read.
void check_references(const ScenarioSpec& spec, const Places& places, Errors& errors);

}  // namespace tlsclub::loader
