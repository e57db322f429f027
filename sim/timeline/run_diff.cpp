#include "timeline/run_diff.h"

#include <algorithm>
#include <set>

#include "timeline/outcome.h"

namespace tlsclub {

std::vector<AlignedPair> align_sequences(const std::vector<std::string>& a,
                                         const std::vector<std::string>& b) {
  // lcs[i][j]: length of a longest common subsequence of a[i..] and b[j..]. Handshakes have a
  // dozen messages, so the full table is small.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<AlignedPair> out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.emplace_back(i++, j++);
    } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.emplace_back(i++, std::nullopt);
    } else {
      out.emplace_back(std::nullopt, j++);
    }
  }
  return out;
}

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::same:
      return "same";
    case StepKind::changed:
      return "changed";
    case StepKind::only_a:
      return "only_a";
    case StepKind::only_b:
      return "only_b";
  }
  return "same";
}

std::optional<std::size_t> first_difference(const Bytes& a, const Bytes& b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (ia == a.end() && ib == b.end()) return std::nullopt;
  return static_cast<std::size_t>(ia - a.begin());
}

namespace {

// The bytes a field covers; empty when its offset and length lie outside the message.
Bytes field_bytes(const DecodedMessage& m, const Field& f) {
  if (f.offset > m.bytes.size() || f.length > m.bytes.size() - f.offset) return {};
  const auto begin = m.bytes.begin() + static_cast<std::ptrdiff_t>(f.offset);
  return {begin, begin + static_cast<std::ptrdiff_t>(f.length)};
}

// The n-th field named `name` (a name may repeat), or nullptr.
const Field* nth_named(const std::vector<Field>& fields, const std::string& name, std::size_t n) {
  for (const auto& f : fields)
    if (f.name == name && n-- == 0) return &f;
  return nullptr;
}

// How many fields before `index` share its name: pairs repeated names in order.
std::size_t ordinal(const std::vector<Field>& fields, std::size_t index) {
  return static_cast<std::size_t>(
      std::count_if(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(index),
                    [&](const Field& f) { return f.name == fields[index].name; }));
}

void add_once(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

std::vector<std::string> differing_fields(const DecodedMessage& a, const DecodedMessage& b) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const Field& fa = a.fields[i];
    const Field* fb = nth_named(b.fields, fa.name, ordinal(a.fields, i));
    if (fb == nullptr || fb->value != fa.value || field_bytes(b, *fb) != field_bytes(a, fa))
      add_once(names, fa.name);
  }
  for (std::size_t j = 0; j < b.fields.size(); ++j)
    if (nth_named(a.fields, b.fields[j].name, ordinal(b.fields, j)) == nullptr)
      add_once(names, b.fields[j].name);
  return names;
}

namespace {

std::vector<const MessageEvent*> messages_of(const Connection& c) {
  std::vector<const MessageEvent*> out;
  for (const auto& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body)) out.push_back(m);
  return out;
}

std::vector<std::string> keys_of(const std::vector<const MessageEvent*>& messages) {
  std::vector<std::string> keys;
  keys.reserve(messages.size());
  for (const auto* m : messages)
    keys.push_back(std::string(to_string(m->from)) + " " + m->message.name);
  return keys;
}

RunSummary summary_of(const Connection& c) {
  RunSummary s{c.client, outcome_sentence(c), c.outcome, c.refused_by, c.alert, c.version, ""};
  for (const auto& e : c.events)
    if (const auto* est = std::get_if<EstablishedEvent>(&e.body)) {
      if (s.version.empty()) s.version = est->version;
      s.cipher_suite = est->cipher_suite;
      break;
    }
  return s;
}

// A failed check as "client: validity at depth 0": who checked, what, where in the chain. The
// subject is left out so two members' cards compare by what failed, not whose they are.
std::set<std::string> failed_checks(const Connection& c) {
  std::set<std::string> out;
  for (const auto& e : c.events)
    if (const auto* k = std::get_if<CheckEvent>(&e.body); k && !k->passed)
      out.insert(std::string(to_string(k->by)) + ": " + k->check + " at depth " +
                 std::to_string(k->depth));
  return out;
}

std::set<std::string> secrets(const Connection& c) {
  std::set<std::string> out;
  for (const auto& e : c.events)
    if (const auto* s = std::get_if<SecretEvent>(&e.body)) out.insert(s->name);
  return out;
}

std::vector<std::string> minus(const std::set<std::string>& x, const std::set<std::string>& y) {
  std::vector<std::string> out;
  std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  return out;
}

}  // namespace

RunDiff diff_connections(const Connection& a, const Connection& b) {
  RunDiff d;
  const auto ma = messages_of(a), mb = messages_of(b);
  for (const auto& [ia, ib] : align_sequences(keys_of(ma), keys_of(mb))) {
    const MessageEvent& m = ia ? *ma[*ia] : *mb[*ib];
    DiffStep step{StepKind::same, m.from, m.message.name, std::nullopt, {}};
    if (!ib) {
      step.kind = StepKind::only_a;
    } else if (!ia) {
      step.kind = StepKind::only_b;
    } else if (auto at = first_difference(ma[*ia]->message.bytes, mb[*ib]->message.bytes)) {
      step.kind = StepKind::changed;
      step.first_difference = at;
      step.fields = differing_fields(ma[*ia]->message, mb[*ib]->message);
    }
    d.steps.push_back(std::move(step));
  }
  d.a = summary_of(a);
  d.b = summary_of(b);
  const auto fa = failed_checks(a), fb = failed_checks(b);
  d.failed_checks_only_a = minus(fa, fb);
  d.failed_checks_only_b = minus(fb, fa);
  const auto sa = secrets(a), sb = secrets(b);
  d.secrets_only_a = minus(sa, sb);
  d.secrets_only_b = minus(sb, sa);
  return d;
}

bool RunDiff::same_outcome() const {
  return a.result == b.result && a.refused_by == b.refused_by && a.alert == b.alert;
}

bool RunDiff::same() const {
  const bool messages = std::all_of(steps.begin(), steps.end(),
                                    [](const DiffStep& s) { return s.kind == StepKind::same; });
  return messages && same_outcome() && a.version == b.version && a.cipher_suite == b.cipher_suite &&
         failed_checks_only_a.empty() && failed_checks_only_b.empty() && secrets_only_a.empty() &&
         secrets_only_b.empty();
}

}  // namespace tlsclub
