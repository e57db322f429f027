#pragma once
// "What if": tamper with a byte of a record, drop it, replay it (any wire fault of
// wire_fault_kinds()), and run that member's visit
// again, deterministically, with that one more fault (RunOptions). The original Timeline is
// kept; every what-if is a branch the student can switch to and compare.

#include <memory>
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "state/job.h"
#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub {
struct Cast;  // the scenario's keys and certificates (scenario/cast.h): Botan types, kept out of
              // here
}  // namespace tlsclub

namespace tlsclub::gui {

struct WhatIf {
  std::size_t connection = 0;
  std::size_t record_event = npos;                     // the record's sent RecordEvent
  WireFault::Action action = WireFault::Action::flip;  // any of wire_fault_kinds()
  std::size_t offset = 0;    // tamper: byte of the record, header included
  std::uint8_t mask = 0x01;  // tamper: XOR mask
};

// The wire fault for a what-if: the member's Nth record from that side (RFC-free bookkeeping:
// WireFault counts records per side, the ladder numbers them per connection).
WireFault fault_for(const Connection& connection, const WhatIf& what_if);

struct Branch {
  std::string label;  // "as the scenario says", "tamper byte 40 of record #4"
  std::shared_ptr<const ScenarioSpec> spec;  // what ran (a clock branch has its own)
  std::shared_ptr<const Timeline> timeline;
  std::vector<WireFault> faults;  // what this branch adds to the scenario
  std::size_t connection = npos;  // the visit it changed (npos: all of them)
  std::optional<SimTime> clock;   // a branch with the clock moved
  // Real visitors' visits to the club opened from the app (state/live_club.h): they cannot be
  // run again, since the other side was a real client and not one of the scenario's members.
  bool live = false;
};

// Runs branches on a worker thread. The cast (keys and certificates, the slow part) is built
// once per scenario and reused, so one visit re-runs in milliseconds.
class WhatIfRunner {
 public:
  // Re-run `connection` of `base` (which `spec` produced) with `faults`: the base branch's
  // faults plus the new one.
  void start(std::shared_ptr<const ScenarioSpec> spec, std::shared_ptr<const Timeline> base,
             std::size_t connection, std::vector<WireFault> faults, std::string label);
  // Re-run every visit with the scenario clock at `clock` (certificates keep their dates).
  void start_clock(std::shared_ptr<const ScenarioSpec> spec, SimTime clock, std::string label);
  bool busy() const { return job_.busy(); }
  std::optional<Branch> poll();
  std::optional<Branch> wait();
  // Why the last run failed ("" when it did not).
  const std::string& error() const { return error_; }

 private:
  struct Result {
    Branch branch;
    std::shared_ptr<const Cast> cast;
    std::string error;
  };
  std::optional<Branch> take(std::optional<Result> result);
  Job<Result> job_;
  // The cast of the spec the last branch ran (only the worker touches it while a job runs).
  std::shared_ptr<const ScenarioSpec> cast_spec_;
  std::shared_ptr<const Cast> cast_;
  std::string error_;
};

}  // namespace tlsclub::gui
