// GUI frame cost with a queue of 500 members (a mix of good cards, expired cards and visitors
// without one), drawn headless through the real AppView, and the cost of one step.
// Targets (docs/gui.md#never-waiting): under 4 ms of CPU per frame; a step well under one frame.
// Run: build/default/tests/bench/gui_frame_bench
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <vector>

#include "../gui/harness.h"
#include "state/lesson.h"
#include "state/what_if.h"

using namespace tlsclub;
using namespace tlsclub::gui;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

ScenarioSpec queue_of(std::size_t members) {
  ScenarioSpec spec = demo_scenario();
  spec.title = "A queue of " + std::to_string(members) + " members";
  const MemberSpec alice = spec.members.front();
  spec.members.clear();
  for (std::size_t i = 0; i < members; ++i) {
    MemberSpec m = alice;
    m.name = "Member " + std::to_string(i + 1);
    m.card->certificate.common_name = m.name;
    if (i % 3 == 1) {
      m.card.reset();  // a visitor: certificate_required
    } else if (i % 5 == 2) {
      m.card->certificate.not_before = spec.now - std::chrono::days(400);
      m.card->certificate.not_after = spec.now - std::chrono::days(30);  // expired
    }
    m.expect.reset();
    spec.members.push_back(std::move(m));
  }
  return spec;
}

struct Stats {
  double mean = 0, p95 = 0, worst = 0;
};

Stats stats(std::vector<double> v) {
  Stats s;
  for (double x : v) s.mean += x;
  s.mean /= static_cast<double>(v.size());
  std::sort(v.begin(), v.end());
  s.p95 = v[v.size() * 95 / 100];
  s.worst = v.back();
  return s;
}

constexpr std::size_t kMembers = 500;

// The queue run by the engine, with what it holds and how long the run took.
Lesson queue_lesson() {
  const auto start = Clock::now();
  Lesson lesson = lesson_from_spec(queue_of(kMembers));
  const double run_ms = ms_since(start);
  std::size_t admitted = 0, events = 0, steps = 0;
  for (const Connection& c : lesson.timeline.connections) {
    admitted += c.outcome == Outcome::admitted;
    events += c.events.size();
    steps += c.steps;
  }
  std::printf("queue: %zu members (%zu admitted), %zu events, %zu steps; engine run %.0f ms\n",
              kMembers, admitted, events, steps, run_ms);
  return lesson;
}

// The session adopts the queue (timed), and the cursor goes to a visit in the middle of it.
void adopt(test::Harness& h, Lesson lesson) {
  const auto start = Clock::now();
  h.session().set_lesson(std::move(lesson));
  std::printf("lesson adopted (step index, ladder layout of %zu rows, questions): %.1f ms\n",
              h.session().playback().ladder().rows().size(), ms_since(start));
  h.session().apply(cmd::Seek{h.session().playback().steps().first_of(kMembers / 2) + 3});
  h.frames(10);
}

// Frames that only draw: the cursor stays, as between a student's key presses.
void draw_only_frames(test::Harness& h) {
  std::vector<double> frame_ms;
  for (int i = 0; i < 300; ++i) {
    const auto start = Clock::now();
    h.frame();
    frame_ms.push_back(ms_since(start));
  }
  const Stats frame = stats(frame_ms);
  std::size_t rows_drawn = 0;
  for (const Hit& hit : h.view().view().hits) rows_drawn += hit.kind == Hit::Kind::ladder_row;
  std::printf("a frame draws %d vertices in %d lists; %zu of %zu ladder rows (the visible ones)\n",
              ImGui::GetDrawData()->TotalVtxCount, ImGui::GetDrawData()->CmdListsCount, rows_drawn,
              h.session().playback().ladder().rows().size());
  std::printf("frame (draw only):  mean %.3f ms, p95 %.3f ms, worst %.3f ms   target < 4 ms: %s\n",
              frame.mean, frame.p95, frame.worst, frame.p95 < 4.0 ? "met" : "MISSED");
}

// A step: the state moves (narration, selection), then the frame that shows it (caches).
void step_frames(test::Harness& h) {
  std::vector<double> step_ms, step_frame_ms;
  for (int i = 0; i < 300; ++i) {
    auto start = Clock::now();
    h.session().apply(i % 2 == 0 ? Command{cmd::StepForward{}} : Command{cmd::NextMember{}});
    step_ms.push_back(ms_since(start));
    start = Clock::now();
    h.frame();
    step_frame_ms.push_back(ms_since(start));
  }
  const Stats step = stats(step_ms);
  const Stats step_frame = stats(step_frame_ms);
  std::printf("one step (state):   mean %.3f ms, p95 %.3f ms, worst %.3f ms\n", step.mean, step.p95,
              step.worst);
  std::printf("frame after a step: mean %.3f ms, p95 %.3f ms, worst %.3f ms\n", step_frame.mean,
              step_frame.p95, step_frame.worst);
  std::printf("step + its frame:   p95 %.3f ms   target < one frame (16.7 ms): %s\n",
              step.p95 + step_frame.p95, step.p95 + step_frame.p95 < 16.7 ? "met" : "MISSED");
}

// The same what-if run twice from the main line: the first builds the cast, the second reuses it.
std::array<double, 2> what_if_twice(test::Harness& h, const WhatIf& what_if) {
  std::array<double, 2> ms{};
  for (double& each : ms) {
    h.session().apply(cmd::SwitchBranch{0});
    const auto start = Clock::now();
    h.session().apply(cmd::RunWhatIf{what_if});
    h.session().wait_for_jobs();
    each = ms_since(start);
  }
  return ms;
}

// What if, on one visit of the queue: a byte of its record #1 flipped.
void what_if_in_the_queue(test::Harness& h) {
  const Connection& c = h.session().connection();
  std::size_t record = 0;
  for (std::size_t i = 0; i < c.events.size(); ++i)
    if (const auto* r = std::get_if<RecordEvent>(&c.events[i].body);
        r && r->phase == RecordEvent::Phase::sent && r->record_id == 1)
      record = i;
  const std::size_t member = h.session().position().connection;
  const auto ms = what_if_twice(h, {member, record, WireFault::Action::flip, 20, 1});
  std::printf(
      "what if (one visit of %zu re-run, incl. copying the 500-visit Timeline into the branch): "
      "first %.0f ms (builds the "
      "cast), then %.0f ms\n",
      kMembers, ms[0], ms[1]);
}

}  // namespace

int main() {
  Lesson lesson = queue_lesson();
  test::Harness h;
  adopt(h, std::move(lesson));
  draw_only_frames(h);
  step_frames(h);
  what_if_in_the_queue(h);

  // The same on a one-member lesson: the re-run itself, without copying a big Timeline.
  h.session().set_lesson(demo_lesson());
  const auto ms = what_if_twice(h, {0, 1, WireFault::Action::flip, 20, 1});
  std::printf("what if (the demo's one visit): first %.1f ms (builds the cast), then %.1f ms\n",
              ms[0], ms[1]);
  return 0;
}
