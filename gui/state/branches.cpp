#include "state/branches.h"

#include <chrono>

#include "wire/fault.h"

namespace tlsclub::gui {

void Branches::reset(Branch original) {
  runner_.wait();
  branches_.clear();
  branches_.push_back(std::move(original));
  active_ = 0;
  live_ = npos;
}

std::size_t Branches::add(Branch branch) {
  branches_.push_back(std::move(branch));
  return branches_.size() - 1;
}

std::size_t Branches::add_live(std::vector<Connection> visits, const std::string& where) {
  if (live_ == npos) {
    Branch live;
    live.spec = original().spec;  // the club served this scenario
    auto timeline = std::make_shared<Timeline>();
    timeline->title = original().timeline->title + " (live)";
    timeline->seed = original().timeline->seed;
    timeline->tls_version = original().timeline->tls_version;
    timeline->clock = original().timeline->clock;
    live.timeline = std::move(timeline);
    live.live = true;
    live_ = add(std::move(live));
  }
  Branch& live = branches_[live_];
  // A new Timeline, made before the old one is released: the panels' caches key on its address.
  auto timeline = std::make_shared<Timeline>(*live.timeline);
  for (Connection& visit : visits) {
    // A visitor who showed no card is named by its place in the queue and where it came from.
    if (visit.client.empty() || visit.client.back() != ')')
      visit.client =
          "visitor " + std::to_string(timeline->connections.size() + 1) + " (" + visit.client + ")";
    timeline->connections.push_back(std::move(visit));
  }
  const std::size_t n = timeline->connections.size();
  live.timeline = std::move(timeline);
  live.label =
      "live: " + std::to_string(n) + (n == 1 ? " real visit" : " real visits") + " on " + where;
  return live_;
}

bool Branches::start(const WhatIf& w) {
  if (active().live) return false;  // nothing to run again: the other side was a real client
  const Timeline& t = *active().timeline;
  if (w.connection >= t.connections.size() ||
      w.record_event >= t.connections[w.connection].events.size() ||
      !std::holds_alternative<RecordEvent>(t.connections[w.connection].events[w.record_event].body))
    return false;
  const Connection& c = t.connections[w.connection];
  std::vector<WireFault> faults = active().faults;
  faults.push_back(fault_for(c, w));
  const auto& record = std::get<RecordEvent>(c.events[w.record_event].body);
  const WireFaultKind& kind = kind_of(w.action);
  std::string label = kind.takes_byte ? "tamper byte " + std::to_string(w.offset) + " of record"
                                      : std::string(kind.branch);
  label += " #" + std::to_string(record.record_id);
  label += " (" + c.client + ")";
  runner_.start(active().spec, active().timeline, w.connection, std::move(faults),
                std::move(label));
  return true;
}

void Branches::start_clock_shift(long long days) {
  const SimTime clock = original().spec->now + std::chrono::days(days);
  start_clock(clock, "clock " + std::string(days >= 0 ? "+" : "") + std::to_string(days) +
                         " days: " + format_time(clock));
}

void Branches::start_fault(std::size_t connection, const WireFault& fault, std::string label) {
  std::vector<WireFault> faults = original().faults;
  faults.push_back(fault);
  runner_.start(original().spec, original().timeline, connection, std::move(faults),
                std::move(label));
}

void Branches::start_clock(SimTime clock, std::string label) {
  runner_.start_clock(original().spec, clock, std::move(label));
}

}  // namespace tlsclub::gui
