#include "state/branches.h"

#include <chrono>

#include "wire/fault.h"

namespace tlsclub::gui {

void Branches::reset(Branch original) {
  runner_.wait();
  branches_.clear();
  branches_.push_back(std::move(original));
  active_ = 0;
}

std::size_t Branches::add(Branch branch) {
  branches_.push_back(std::move(branch));
  return branches_.size() - 1;
}

bool Branches::start(const WhatIf& w) {
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
