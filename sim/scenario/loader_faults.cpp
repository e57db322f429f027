// Scenario files: [[fault]], the attacks of a man in the middle. Wire faults hit one record of
// one member's connection (docs/scenario-format.md, "[[fault]]"); an impostor answers in the
// club's place with a badge of its own.
#include <algorithm>
#include <array>

#include "scenario/loader_internal.h"

namespace tlsclub::loader {

namespace {

// The actions a [[fault]] may name: the wire faults' table, then the impostor (not a wire fault).
constexpr std::string_view kImpostor = "impostor";
const std::vector<std::string_view>& action_names() {
  static const auto kNames = [] {
    std::vector<std::string_view> names;
    for (const auto& k : wire_fault_kinds()) names.push_back(k.name);
    names.push_back(kImpostor);
    return names;
  }();
  return kNames;
}
constexpr std::array<std::string_view, 2> kSides{"client", "server"};

// A member named in a fault, a note or a question must exist.
bool member_known(const Section& s, const ScenarioSpec& spec, const std::string& name) {
  std::vector<std::string_view> names;
  for (const auto& m : spec.members) names.push_back(m.name);
  if (std::find(names.begin(), names.end(), name) != names.end()) return true;
  std::string hint = did_you_mean(name, names);
  if (hint.empty()) hint = "the members are " + join_names(names);
  s.errors().add(s.where("member"), ErrorId::dangling_reference,
                 "member `" + name + "` is not a [[member]] name", std::move(hint));
  return false;
}

void read_impostor(const Section& s, ScenarioSpec& spec) {
  for (const auto key : {"from", "record", "message", "offset", "mask", "alert"})
    if (s.has(key))
      s.errors().add(s.where(key), ErrorId::bad_value,
                     "`" + std::string(key) + "` does not go with `action = \"impostor\"`",
                     "an impostor is named by `member` and `authority` only");
  const auto member = s.string("member", true);
  const auto authority = s.string("authority", true);
  if (!member || !authority || !member_known(s, spec, *member)) return;
  std::vector<std::string_view> ids;
  for (const auto& a : spec.authorities) ids.push_back(a.id);
  if (std::find(ids.begin(), ids.end(), *authority) == ids.end()) {
    std::string hint = did_you_mean(*authority, ids);
    if (hint.empty()) hint = "the authorities are " + join_names(ids);
    s.errors().add(s.where("authority"), ErrorId::dangling_reference,
                   "authority `" + *authority + "` is not an [[authority]] id", std::move(hint));
    return;
  }
  for (auto& m : spec.members)
    if (m.name == *member) m.intercepted_by = *authority;
}

void read_scenario_wire_fault(const Section& s, ScenarioSpec& spec, WireFault::Action action) {
  if (s.has("authority"))
    s.errors().add(s.where("authority"), ErrorId::bad_value,
                   "`authority` only goes with `action = \"impostor\"`", {});
  std::string member;
  if (auto v = s.string("member")) {
    if (!member_known(s, spec, *v)) return;
    member = *v;
  }
  WireFault f = read_wire_fault(s, action);
  f.member = std::move(member);
  spec.faults.push_back(std::move(f));
}

}  // namespace

WireFault read_wire_fault(const Section& s, WireFault::Action action) {
  WireFault f;
  f.action = action;
  if (action == WireFault::Action::downgrade) {
    // Only a ClientHello can be downgraded.
    f.from = Side::client;
    f.message = "client_hello";
    if (s.has("from") || s.has("record") || s.has("message"))
      s.errors().add(s.where(), ErrorId::bad_value,
                     "a downgrade always hits the member's ClientHello",
                     "leave out `from`, `record` and `message`");
  } else {
    if (auto v = pick(s, "from", kSides, true)) f.from = *v == 0 ? Side::client : Side::server;
    const bool by_record = s.has("record"), by_message = s.has("message");
    if (by_record == by_message)
      s.errors().add(s.where(), by_record ? ErrorId::bad_value : ErrorId::missing_key,
                     "a fault names either the `record` (1, 2, ... from that side) or the "
                     "`message` it hits",
                     "e.g. `message = \"certificate_verify\"` or `record = 3`");
    if (auto v = s.integer("record")) {
      if (*v < 1)
        s.errors().add(s.where("record"), ErrorId::bad_value, "`record` counts from 1", {});
      else
        f.record = static_cast<std::size_t>(*v);
    }
    if (auto v = s.string("message")) {
      if (check_name(s.errors(), s.where("message"), "message", *v, message_names()))
        f.message = *v;
    }
  }
  if (auto v = s.integer("offset")) {
    if (*v < 0)
      s.errors().add(s.where("offset"), ErrorId::bad_value, "`offset` must not be negative", {});
    else
      f.offset = static_cast<std::size_t>(*v);
  }
  if (auto v = s.integer("mask")) {
    if (*v < 1 || *v > 255)
      s.errors().add(s.where("mask"), ErrorId::bad_value, "`mask` must be 1 to 255 (0x01 to 0xff)",
                     "it is XORed into the byte; 0 would change nothing");
    else
      f.mask = static_cast<std::uint8_t>(*v);
  }
  if (auto v = pick(s, "alert", alert_names())) f.alert = std::string(alert_names()[*v]);
  const auto only = [&](const char* key, WireFault::Action a) {
    if (s.has(key) && action != a)
      s.errors().add(s.where(key), ErrorId::bad_value,
                     "`" + std::string(key) + "` only goes with `action = \"" +
                         std::string(to_string(a)) + "\"`",
                     {});
  };
  only("offset", WireFault::Action::flip);
  only("mask", WireFault::Action::flip);
  only("alert", WireFault::Action::inject_alert);
  return f;
}

std::span<const std::string_view> wire_fault_actions() {
  return std::span(action_names()).first(wire_fault_kinds().size());
}

void read_faults(const toml::table& root, ScenarioSpec& spec, Errors& errors) {
  const toml::array* array = tables_of(root, "fault", errors);
  if (array == nullptr) return;
  std::size_t number = 0;
  for (const auto& element : *array) {
    ++number;
    const Section s(*element.as_table(), "fault", kFaultKeys, errors);
    const auto action = pick(s, "action", action_names(), true);
    if (!action) continue;
    if (action_names()[*action] == kImpostor) {
      read_impostor(s, spec);
      continue;
    }
    const std::size_t before = spec.faults.size();
    read_scenario_wire_fault(s, spec, wire_fault_kinds()[*action].action);
    if (spec.faults.size() > before) {
      spec.faults.back().number = number;
      spec.faults.back().line = s.where().line;
    }
  }
}

}  // namespace tlsclub::loader
