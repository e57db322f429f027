// The ladder: a header per member, one arrow per record labelled with what it carries, the step
// in focus, and a click on an arrow jumps there.
#include "state/ladder_layout.h"

#include <doctest/doctest.h>

#include "../sim/string_makers.h"
#include "harness.h"
#include "state/lesson.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

const LadderRow* record_row(const LadderLayout& ladder, std::size_t connection, std::size_t id) {
  const std::size_t r = ladder.row_of_record(connection, id);
  return r == npos ? nullptr : &ladder.rows()[r];
}

}  // namespace

TEST_CASE("every record is one arrow, labelled with its messages and coloured by its keys") {
  const Lesson lesson = demo_lesson();
  const StepIndex steps(lesson.timeline);
  const LadderLayout ladder(lesson.timeline, steps);
  const Connection& c = lesson.timeline.connections[0];
  std::size_t sent = 0;
  for (const Event& e : c.events)
    if (const auto* r = std::get_if<RecordEvent>(&e.body);
        r && r->phase == RecordEvent::Phase::sent)
      ++sent;
  CHECK(ladder.rows().size() == sent + 2);  // a header, the records, the outcome
  CHECK(ladder.rows().front().kind == LadderRow::Kind::member);
  CHECK(ladder.rows().back().kind == LadderRow::Kind::outcome);
  CHECK(ladder.rows().back().admitted);

  const LadderRow* hello = record_row(ladder, 0, 1);
  REQUIRE(hello != nullptr);
  CHECK(hello->label == "ClientHello");
  CHECK(hello->protection == Protection::plaintext);
  CHECK(hello->from == Side::client);
  const LadderRow* flight = record_row(ladder, 0, 4);
  REQUIRE(flight != nullptr);
  CHECK(flight->label ==
        "EncryptedExtensions · CertificateRequest · Certificate · CertificateVerify · Finished");
  CHECK(flight->protection == Protection::handshake_keys);
  CHECK(flight->encrypted);
  const LadderRow* close = record_row(ladder, 0, 9);
  REQUIRE(close != nullptr);
  CHECK(close->label == "Alert: close_notify");
  CHECK(close->protection == Protection::alert);
}

TEST_CASE("the focus row is the record delivered at that step, else the one just sent") {
  const Lesson lesson = demo_lesson();
  const StepIndex steps(lesson.timeline);
  const LadderLayout ladder(lesson.timeline, steps);
  CHECK(ladder.rows()[ladder.focus_row(0)].record_id == 1);  // ClientHello on its way
  CHECK(ladder.rows()[ladder.focus_row(4)].record_id == 4);  // the club's flight arrives
  CHECK(ladder.position_of_row(ladder.focus_row(4)) == 4);
}

TEST_CASE("a refused member's outcome row names who refused and with which alert") {
  LessonResult result = open_lesson(test::scenarios_dir() / "basics/queue-of-members.toml");
  REQUIRE(std::holds_alternative<Lesson>(result));
  const Timeline& t = std::get<Lesson>(result).timeline;
  const StepIndex steps(t);
  const LadderLayout ladder(t, steps);
  const std::size_t carol_end = ladder.header_row(3) - 1;  // Dave's header follows Carol's outcome
  CHECK(ladder.rows()[carol_end].kind == LadderRow::Kind::outcome);
  CHECK(ladder.rows()[carol_end].label ==
        "Carol turned away by the club: the card fails the validity check "
        "(certificate_expired)");
}

TEST_CASE("clicking an arrow jumps to its step and selects it everywhere") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  const std::size_t row = h.session().playback().ladder().row_of_record(0, 4);
  const auto at = h.where(Hit::Kind::ladder_row, row);
  REQUIRE(at.has_value());
  h.click(*at);
  CHECK(h.session().playback().cursor().index() == 4);
  const RecordEvent* r = h.session().playback().selection().record();
  REQUIRE(r != nullptr);
  CHECK(r->record_id == 4);
  CHECK(h.session().playback().selection().message() ==
        nullptr);  // the record itself, not a message
}

TEST_CASE("a queue of many members keeps the ladder's work to the visible rows") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  std::size_t drawn = 0;
  for (const Hit& hit : h.view().view().hits) drawn += hit.kind == Hit::Kind::ladder_row;
  CHECK(drawn > 3);
  CHECK(drawn <
        h.session().playback().ladder().rows().size());  // ImGuiListClipper: only what shows
}
