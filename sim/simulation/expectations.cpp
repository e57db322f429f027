#include "simulation/expectations.h"

namespace tlsclub {

namespace {

std::string describe(Outcome outcome, const std::optional<Side>& by,
                     const std::optional<std::string>& alert, const std::string& check) {
  std::string s(to_string(outcome));
  if (by) s += " by " + std::string(to_string(*by));
  if (alert) s += " with " + *alert;
  if (!check.empty()) s += " (" + check + " fails)";
  return s;
}

}  // namespace

std::string first_failing_check(const Connection& connection) {
  for (const auto& e : connection.events)
    if (const auto* c = std::get_if<CheckEvent>(&e.body); c && !c->passed) return c->check;
  return "";
}

std::vector<RunWarning> run_warnings(const Timeline& timeline) {
  std::vector<RunWarning> out;
  for (const auto& c : timeline.connections)
    for (const auto& e : c.events)
      if (const auto* f = std::get_if<FaultEvent>(&e.body); f && !f->applied)
        out.push_back({c.client, f->number, f->description});
  return out;
}

std::vector<ExpectationResult> check_expectations(const ScenarioSpec& spec,
                                                  const Timeline& timeline) {
  std::vector<ExpectationResult> out;
  for (std::size_t i = 0; i < spec.members.size() && i < timeline.connections.size(); ++i) {
    const auto& expect = spec.members[i].expect;
    if (!expect) continue;
    const Connection& c = timeline.connections[i];
    const std::string failing = first_failing_check(c);
    ExpectationResult r;
    r.member = spec.members[i].name;
    r.met = c.outcome == expect->outcome &&
            (!expect->refused_by || c.refused_by == expect->refused_by) &&
            (!expect->alert || c.alert == expect->alert) &&
            (!expect->failing_check || failing == *expect->failing_check);
    r.expected = describe(expect->outcome, expect->refused_by, expect->alert,
                          expect->failing_check.value_or(""));
    // Say as much about what happened as the expectation asked about.
    r.actual =
        describe(c.outcome, expect->refused_by ? c.refused_by : std::nullopt,
                 expect->alert ? c.alert : std::nullopt, expect->failing_check ? failing : "");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tlsclub
