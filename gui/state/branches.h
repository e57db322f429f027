#pragma once
// The runs of the scenario shown: branch 0 as written, then every what-if and clock branch the
// student asked for, which one is shown, and the worker that runs the next one.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "state/what_if.h"

namespace tlsclub::gui {

class Branches {
 public:
  // A new scenario: its run as written is the only branch, and shown. A what-if still running
  // for the old one is waited for and dropped (it has nothing to say about this one).
  void reset(Branch original);
  // A finished what-if joins the list; returns its index.
  std::size_t add(Branch branch);
  // Real visits to the club opened from the app (state/live_club.h) join the live branch, made
  // with the first of them; later ones make it a new Timeline (the old one may be shown until
  // the caller shows the new one). Returns the live branch's index.
  std::size_t add_live(std::vector<Connection> visits, const std::string& where);
  // The live branch's index, npos before the first real visit to this scenario.
  std::size_t live_index() const { return live_; }
  void show(std::size_t index) { active_ = index; }

  const std::vector<Branch>& all() const { return branches_; }
  std::size_t active_index() const { return active_; }
  const Branch& active() const { return branches_[active_]; }
  const Branch& original() const { return branches_.front(); }

  // The active branch with one more wire fault on one record (`what_if`), on the worker.
  // False when the what-if names no record of the active run, or the run is the live one.
  bool start(const WhatIf& what_if);
  // The run as written with the clock moved by `days`.
  void start_clock_shift(long long days);
  // A try-it task's change, on the run as written.
  void start_fault(std::size_t connection, const WireFault& fault, std::string label);
  void start_clock(SimTime clock, std::string label);

  bool busy() const { return runner_.busy(); }
  // Why the last run failed ("" when it did not).
  const std::string& error() const { return runner_.error(); }
  std::optional<Branch> poll() { return runner_.poll(); }
  std::optional<Branch> wait() { return runner_.wait(); }

 private:
  std::vector<Branch> branches_;
  std::size_t active_ = 0;
  std::size_t live_ = npos;
  WhatIfRunner runner_;
};

}  // namespace tlsclub::gui
