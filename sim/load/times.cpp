// Times in loader files: absolute, or offsets from the file's clock.
#include "load/times.h"

#include <cstdint>
#include <string>

namespace tlsclub::load {

namespace {

using namespace std::chrono;

constexpr std::string_view kTimeHint =
    "use \"2026-03-01T20:00:00Z\", \"2026-03-01\" or an offset from the clock such as \"-30d\", "
    "\"+2h\", \"-1s\", \"0\"";

// X.509 can say any year up to 9999 (RFC 5280 4.1.2.5); the simulator keeps to 1970..9999.
bool in_range(SimTime t) {
  constexpr SimTime kFirst{sys_days{year{1970} / January / 1}};
  constexpr SimTime kLast{sys_days{year{9999} / December / 31} + hours{24} - seconds{1}};
  return t >= kFirst && t <= kLast;
}

std::optional<SimTime> from_toml(const toml::date& d, const toml::time& t,
                                 std::optional<toml::time_offset> offset) {
  const year_month_day ymd{year{d.year}, month{d.month}, day{d.day}};
  if (!ymd.ok()) return std::nullopt;
  SimTime s{sys_days{ymd}.time_since_epoch() + hours{t.hour} + minutes{t.minute} +
            seconds{t.second}};
  if (offset) s -= minutes{offset->minutes};
  return s;
}

}  // namespace

std::optional<std::chrono::seconds> parse_offset(std::string_view text) {
  if (text == "0") return seconds{0};
  if (text.size() < 2) return std::nullopt;
  int sign = 1;
  if (text.front() == '+' || text.front() == '-') {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  const char unit = text.back();
  text.remove_suffix(1);
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  std::int64_t scale = 0;
  switch (unit) {
    case 's':
      scale = 1;
      break;
    case 'm':
      scale = 60;
      break;
    case 'h':
      scale = 3600;
      break;
    case 'd':
      scale = 86400;
      break;
    case 'w':
      scale = 7 * std::int64_t{86400};
      break;
    default:
      return std::nullopt;
  }
  return seconds{sign * n * scale};
}

std::optional<SimTime> time_at(const Section& s, std::string_view key, SimTime clock) {
  const toml::node* n = s.node(key);
  if (n == nullptr) return std::nullopt;
  std::optional<SimTime> t;
  bool understood = true;
  if (const auto* text = n->as_string()) {
    if (auto absolute = parse_time(text->get()))
      t = absolute;
    else if (auto offset = parse_offset(text->get()))
      t = clock + *offset;
    else
      understood = false;
  } else if (const auto* i = n->as_integer(); i != nullptr && i->get() == 0) {
    t = clock;
  } else if (const auto* d = n->as_date()) {
    t = from_toml(d->get(), {}, toml::time_offset{});
  } else if (const auto* dt = n->as_date_time()) {
    t = from_toml(dt->get().date, dt->get().time, dt->get().offset);
  } else {
    s.errors().add(where_of(*n), ErrorId::wrong_type,
                   "`" + std::string(key) +
                       "` must be a date, a date-time or an offset string, not " +
                       std::string(type_name(*n)),
                   std::string(kTimeHint));
    return std::nullopt;
  }
  if (!understood || !t) {
    const std::string shown = n->as_string() ? "\"" + n->as_string()->get() + "\"" : "this";
    s.errors().add(where_of(*n), ErrorId::bad_date,
                   "`" + std::string(key) + "` = " + shown + " is not a date, time or offset",
                   std::string(kTimeHint));
    return std::nullopt;
  }
  if (!in_range(*t)) {
    s.errors().add(where_of(*n), ErrorId::bad_date,
                   "`" + std::string(key) + "` falls outside the years 1970 to 9999",
                   "X.509 validity dates must fit in a four-digit year");
    return std::nullopt;
  }
  return t;
}

SimTime time_or(const Section& s, std::string_view key, SimTime clock, seconds fallback) {
  if (s.has(key)) return time_at(s, key, clock).value_or(clock + fallback);
  const SimTime t = clock + fallback;
  if (!in_range(t)) {
    const auto d = duration_cast<days>(fallback).count();
    s.errors().add(s.where(), ErrorId::bad_date,
                   "`" + std::string(key) + "` is left out, and its default (" +
                       (d < 0 ? "" : "+") + std::to_string(d) + "d from the clock " +
                       format_time(clock) + ") falls outside the years 1970 to 9999",
                   "set `" + std::string(key) + "`, or move the scenario's `clock`");
  }
  return t;
}

}  // namespace tlsclub::load
