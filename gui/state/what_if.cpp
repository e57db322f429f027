#include "state/what_if.h"

#include "scenario/cast.h"
#include "simulation/connection_run.h"
#include "simulation/simulation.h"

namespace tlsclub::gui {

WireFault fault_for(const Connection& c, const WhatIf& w) {
  const auto& record = std::get<RecordEvent>(c.events[w.record_event].body);
  WireFault f;
  f.member = c.client;
  f.from = record.from;
  std::size_t nth = 0;
  for (const Event& e : c.events) {
    const auto* r = std::get_if<RecordEvent>(&e.body);
    if (r == nullptr || r->phase != RecordEvent::Phase::sent || r->from != record.from) continue;
    ++nth;
    if (r->record_id == record.record_id) break;
  }
  f.record = nth;
  f.action = w.action;
  if (kind_of(w.action).takes_byte) {
    f.offset = w.offset;
    f.mask = w.mask == 0 ? std::uint8_t{1} : w.mask;
  }
  return f;
}

void WhatIfRunner::start(std::shared_ptr<const ScenarioSpec> spec,
                         std::shared_ptr<const Timeline> base, std::size_t connection,
                         std::vector<WireFault> faults, std::string label) {
  if (busy()) return;
  std::shared_ptr<const Cast> cast = spec == cast_spec_ ? cast_ : nullptr;
  cast_spec_ = spec;
  cast_.reset();
  job_.start([spec, base, connection, faults = std::move(faults), label = std::move(label),
              cast = std::move(cast)]() mutable {
    Result result;
    try {
      if (!cast) cast = std::make_shared<const Cast>(build_cast(*spec));
      RunOptions options;
      options.faults = faults;
      auto timeline = std::make_shared<Timeline>(*base);
      timeline->connections[connection] = run_connection(*spec, *cast, connection, options);
      result.branch = {std::move(label),  spec,       std::move(timeline),
                       std::move(faults), connection, {}};
      result.cast = std::move(cast);
    } catch (const std::exception& e) {
      result.error = e.what();
    }
    return result;
  });
}

void WhatIfRunner::start_clock(std::shared_ptr<const ScenarioSpec> spec, SimTime clock,
                               std::string label) {
  if (busy()) return;
  job_.start([spec, clock, label = std::move(label)] {
    Result result;
    try {
      auto moved = std::make_shared<ScenarioSpec>(*spec);
      moved->now = clock;
      auto timeline = std::make_shared<const Timeline>(run_scenario(*moved));
      result.branch = {std::move(label), std::move(moved), std::move(timeline), {}, npos, clock};
    } catch (const std::exception& e) {
      result.error = e.what();
    }
    return result;
  });
}

std::optional<Branch> WhatIfRunner::take(std::optional<Result> result) {
  if (!result) return std::nullopt;
  error_ = result->error;
  if (!error_.empty()) return std::nullopt;
  if (result->cast) cast_ = std::move(result->cast);
  return std::move(result->branch);
}

std::optional<Branch> WhatIfRunner::poll() {
  return take(job_.poll());
}

std::optional<Branch> WhatIfRunner::wait() {
  return take(job_.wait());
}

}  // namespace tlsclub::gui
