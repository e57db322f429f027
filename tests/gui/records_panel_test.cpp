// The Records tab: the visit's records up to the cursor, never beyond (one engine step sends a
// whole flight; the tab lists what predict mode's ladder reveals), and a click opens the record.
#include <doctest/doctest.h>

#include <vector>

#include "harness.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

// The record ids the Records tab listed in the last frame, in order.
std::vector<std::size_t> listed(test::Harness& h) {
  std::vector<std::size_t> ids;
  const Connection& c = h.session().connection();
  for (const Hit& hit : h.view().view().hits)
    if (hit.kind == Hit::Kind::record_row)
      ids.push_back(std::get<RecordEvent>(c.events[hit.index].body).record_id);
  return ids;
}

void show_records(test::Harness& h) {
  h.view().view().request_tab = Tab::records;
  h.frames(2);
}

}  // namespace

TEST_CASE("the Records tab lists the records the ladder has reached, one by one") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  show_records(h);
  CHECK(listed(h) == std::vector<std::size_t>{1});  // the ClientHello being sent, in focus
  h.session().apply(cmd::StepForward{});
  h.frames(2);
  CHECK(listed(h) == std::vector<std::size_t>{1});  // it arrives: nothing of the reply yet
  h.session().apply(cmd::StepForward{});
  h.frames(2);
  CHECK(listed(h) == std::vector<std::size_t>{1, 2});
  h.session().apply(cmd::End{});
  h.frames(2);
  const std::size_t records = listed(h).size();
  CHECK(records >= 8);
  CHECK(listed(h).back() == records);  // numbered in order, none left out
}

TEST_CASE("clicking a row of the Records tab selects that record for the inspector") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::End{});
  show_records(h);
  const std::size_t event = [&] {
    for (const Hit& hit : h.view().view().hits)
      if (hit.kind == Hit::Kind::record_row &&
          std::get<RecordEvent>(h.session().connection().events[hit.index].body).record_id == 4)
        return hit.index;
    return npos;
  }();
  REQUIRE(event != npos);
  const auto at = h.where(Hit::Kind::record_row, event);
  REQUIRE(at.has_value());
  h.click(*at);
  const RecordEvent* r = h.session().playback().selection().record();
  REQUIRE(r != nullptr);
  CHECK(r->record_id == 4);
}
