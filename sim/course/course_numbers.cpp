// Numbers a lesson takes from its run: `{{badge.lifetime_days}}`, `{{clock}}`, ... in a step,
// question or try-it text are replaced by what the scenario and its run say, so a page can never
// state a date, a duration or a size the run contradicts (a typed "170 days" once did).
#include <algorithm>
#include <array>
#include <chrono>

#include "course/course.h"
#include "load/suggest.h"
#include "scenario/format_names.h"
#include "simulation/anchors.h"

namespace tlsclub {

namespace {

using std::chrono::days;

constexpr std::array<std::string_view, 2> kSides{"client", "server"};
// The names whose values are times or counts of the club's badge or the member's card.
constexpr std::array<std::string_view, 7> kCertificateValues{
    "not_before",    "not_before.date", "not_after",   "not_after.date",
    "lifetime_days", "days_left",       "days_expired"};

// The times of the OCSP response the club staples (RFC 6960 4.2.1).
constexpr std::array<std::string_view, 4> kStapleValues{"this_update", "this_update.date",
                                                        "next_update", "next_update.date"};

constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

std::string date_in_words(SimTime t) {
  const std::chrono::year_month_day ymd{std::chrono::floor<days>(t)};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string time_in_words(SimTime t) {
  const auto in_day = t - std::chrono::floor<days>(t);
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(in_day).count();
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(in_day).count() % 60;
  const auto two = [](long long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return date_in_words(t) + ", " + two(hours) + ":" + two(minutes) + " UTC";
}

// Calendar days from one UTC date to another, as a reader counts them on a calendar.
long long days_between(SimTime from, SimTime to) {
  return (std::chrono::floor<days>(to) - std::chrono::floor<days>(from)).count();
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// What a name asks for, once parsed: nullopt when no placeholder has that name.
struct Name {
  enum class Kind { clock, clock_date, certificate, staple, records, size, secret, key_share } kind;
  std::string owner;  // certificate: "badge" | "card"; size / key_share: the side
  std::string what;   // certificate: one of kCertificateValues; size: the message
};

std::optional<Name> parse_name(std::string_view name) {
  using K = Name::Kind;
  if (name == "clock") return Name{K::clock, "", ""};
  if (name == "clock.date") return Name{K::clock_date, "", ""};
  if (name == "record_count") return Name{K::records, "", ""};
  for (std::string_view owner : {"badge", "card"}) {
    if (!starts_with(name, owner) || name.size() <= owner.size() || name[owner.size()] != '.')
      continue;
    const std::string_view rest = name.substr(owner.size() + 1);
    if (std::find(kCertificateValues.begin(), kCertificateValues.end(), rest) !=
        kCertificateValues.end())
      return Name{K::certificate, std::string(owner), std::string(rest)};
  }
  if (starts_with(name, "staple.")) {
    const std::string_view rest = name.substr(7);
    if (std::find(kStapleValues.begin(), kStapleValues.end(), rest) != kStapleValues.end())
      return Name{K::staple, "", std::string(rest)};
  }
  if (starts_with(name, "size.secret.") && name.size() > 12 &&
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789", 12) == std::string::npos)
    return Name{K::secret, "", std::string(name.substr(12))};
  for (std::string_view side : kSides) {
    if (name == "key_share." + std::string(side)) return Name{K::key_share, std::string(side), ""};
    const std::string prefix = "size." + std::string(side) + ".";
    if (!starts_with(name, prefix)) continue;
    const std::string_view message = name.substr(prefix.size());
    const auto messages = loader::message_names();
    if (std::find(messages.begin(), messages.end(), message) != messages.end())
      return Name{K::size, std::string(side), std::string(message)};
  }
  return std::nullopt;
}

const MessageEvent* message_from(const Connection& c, std::string_view side,
                                 std::string_view message) {
  for (const Event& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body);
        m != nullptr && to_string(m->from) == side && m->message.name == message)
      return m;
  return nullptr;
}

const Field* field_named(const std::vector<Field>& fields, std::string_view name) {
  for (const Field& f : fields) {
    if (f.name == name) return &f;
    if (const Field* inner = field_named(f.children, name)) return inner;
  }
  return nullptr;
}

struct Value {
  std::string text;
  std::string problem;  // why the run cannot give it ("" when `text` holds the value)
};

Value certificate_value(const Name& n, const PlaceholderRun& run) {
  const pki::CertificateSpec* cert = nullptr;
  std::string whose = "the club's badge";
  if (n.owner == "badge") {
    cert = &run.spec->server.certificate.certificate;
  } else {
    whose = run.member + "'s card";
    for (const MemberSpec& m : run.spec->members)
      if (m.name == run.member && m.card) cert = &m.card->certificate;
    if (cert == nullptr) return {"", run.member + " holds no card in this scenario"};
  }
  const SimTime now = run.spec->now;
  if (n.what == "not_before") return {time_in_words(cert->not_before), ""};
  if (n.what == "not_before.date") return {date_in_words(cert->not_before), ""};
  if (n.what == "not_after") return {time_in_words(cert->not_after), ""};
  if (n.what == "not_after.date") return {date_in_words(cert->not_after), ""};
  if (n.what == "lifetime_days")
    return {std::to_string(days_between(cert->not_before, cert->not_after)), ""};
  const long long left = days_between(now, cert->not_after);
  if (n.what == "days_left") {
    if (now > cert->not_after)
      return {"", whose + " has expired by the clock (" + time_in_words(now) +
                      "); `days_expired` counts the days since"};
    return {std::to_string(left), ""};
  }
  if (now <= cert->not_after)
    return {"", whose + " has not expired by the clock (" + time_in_words(now) +
                    "); `days_left` counts the days to its notAfter"};
  return {std::to_string(-left), ""};
}

Value staple_value(const Name& n, const PlaceholderRun& run) {
  const auto& staple = run.spec->server.ocsp_staple;
  if (!staple) return {"", "the club staples no OCSP response in this scenario"};
  const bool date = n.what.ends_with(".date");
  std::optional<SimTime> t = staple->answer.this_update;
  if (n.what.starts_with("next_update")) t = staple->answer.next_update;
  if (!t) return {"", "the stapled response has no nextUpdate"};
  return {date ? date_in_words(*t) : time_in_words(*t), ""};
}

Value value_of(const Name& n, const PlaceholderRun& run) {
  using K = Name::Kind;
  if (n.kind == K::clock) return {time_in_words(run.spec->now), ""};
  if (n.kind == K::clock_date) return {date_in_words(run.spec->now), ""};
  if (n.kind == K::certificate) return certificate_value(n, run);
  if (n.kind == K::staple) return staple_value(n, run);
  const std::size_t index = anchor_connection({run.member, "end"}, *run.timeline);
  if (index == kNoConnection) return {"", "the run has no visit of " + run.member};
  const Connection& c = run.timeline->connections[index];
  if (n.kind == K::records) {
    const auto sent = std::count_if(c.events.begin(), c.events.end(), [](const Event& e) {
      const auto* r = std::get_if<RecordEvent>(&e.body);
      return r != nullptr && r->phase == RecordEvent::Phase::sent;
    });
    return {std::to_string(sent), ""};
  }
  if (n.kind == K::size) {
    const MessageEvent* m = message_from(c, n.owner, n.what);
    if (m == nullptr)
      return {"", "the " + n.owner + " sends no " + n.what + " in " + c.client + "'s visit"};
    return {std::to_string(m->message.bytes.size()), ""};
  }
  if (n.kind == K::secret) {
    for (const Event& e : c.events)
      if (const auto* secret = std::get_if<SecretEvent>(&e.body);
          secret != nullptr && secret->name == n.what)
        return {std::to_string(secret->secret.size()), ""};
    return {"", "no secret `" + n.what + "` is derived in " + c.client + "'s visit"};
  }
  const std::string hello = n.owner == "client" ? "client_hello" : "server_hello";
  const MessageEvent* m = message_from(c, n.owner, hello);
  const Field* share = m == nullptr ? nullptr : field_named(m->message.fields, "key_exchange");
  // The field covers the two-byte length in front of the key (RFC 8446 4.2.8: opaque <1..2^16-1>).
  if (share == nullptr || share->length < 2)
    return {"",
            "the " + n.owner + "'s " + hello + " carries no key share in " + c.client + "'s visit"};
  return {std::to_string(share->length - 2), ""};
}

}  // namespace

std::vector<std::string> placeholder_names() {
  std::vector<std::string> names{"clock", "clock.date", "record_count"};
  for (std::string_view owner : {"badge", "card"})
    for (std::string_view v : kCertificateValues)
      names.push_back(std::string(owner) + "." + std::string(v));
  for (std::string_view v : kStapleValues) names.push_back("staple." + std::string(v));
  names.push_back("size.<side>.<message>");
  names.push_back("size.secret.<name>");
  names.push_back("key_share.<side>");
  return names;
}

std::variant<std::string, PlaceholderProblem> resolve_placeholders(std::string_view text,
                                                                   const PlaceholderRun& run) {
  std::string out;
  std::size_t from = 0;
  while (true) {
    const std::size_t open = text.find("{{", from);
    if (open == std::string_view::npos) break;
    out.append(text.substr(from, open - from));
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos)
      return PlaceholderProblem{ErrorId::unknown_placeholder, "a `{{` is never closed by `}}`",
                                "write a placeholder as {{badge.lifetime_days}}"};
    std::string_view name = text.substr(open + 2, close - open - 2);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    const auto parsed = parse_name(name);
    if (!parsed) {
      const auto names = placeholder_names();
      std::vector<std::string_view> views(names.begin(), names.end());
      std::string hint = load::did_you_mean(name, views);
      if (hint.empty()) hint = "the placeholders are " + load::join_names(views);
      return PlaceholderProblem{ErrorId::unknown_placeholder,
                                "`{{" + std::string(name) + "}}` is not a placeholder",
                                std::move(hint)};
    }
    if (run.spec != nullptr) {
      const bool needs_timeline =
          parsed->kind != Name::Kind::clock && parsed->kind != Name::Kind::clock_date &&
          parsed->kind != Name::Kind::certificate && parsed->kind != Name::Kind::staple;
      if (needs_timeline && run.timeline == nullptr)
        return PlaceholderProblem{ErrorId::bad_placeholder,
                                  "`{{" + std::string(name) + "}}` needs the run, which failed",
                                  "`tlsclub run` the scenario to see why"};
      Value v = value_of(*parsed, run);
      if (!v.problem.empty())
        return PlaceholderProblem{ErrorId::bad_placeholder,
                                  "`{{" + std::string(name) + "}}`: " + v.problem, ""};
      out += v.text;
    }
    from = close + 2;
  }
  out.append(text.substr(from));
  return out;
}

}  // namespace tlsclub
