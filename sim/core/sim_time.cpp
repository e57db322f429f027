#include "core/sim_time.h"

#include <cstdio>

namespace tlsclub {

namespace {
bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<SimTime> parse_time(std::string_view text) {
  using namespace std::chrono;
  // YYYY-MM-DD[THH:MM:SSZ]
  if (text.size() != 10 && text.size() != 20) return std::nullopt;
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  const year_month_day ymd{year{to_int(y)}, month{static_cast<unsigned>(to_int(m))},
                           day{static_cast<unsigned>(to_int(d))}};
  if (!ymd.ok()) return std::nullopt;
  seconds tod{0};
  if (text.size() == 20) {
    if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
      return std::nullopt;
    const auto hh = text.substr(11, 2), mm = text.substr(14, 2), ss = text.substr(17, 2);
    if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss)) return std::nullopt;
    const int h = to_int(hh), mi = to_int(mm), s = to_int(ss);
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    tod = hours{h} + minutes{mi} + seconds{s};
  }
  return SimTime{sys_days{ymd}.time_since_epoch() + tod};
}

std::string format_time(SimTime t) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(t);
  const year_month_day ymd{days};
  const hh_mm_ss hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace tlsclub
