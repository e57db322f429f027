// Stepping: one position per engine step of every visit; ← → Home End Space move it, instantly.
#include "state/stepping.h"

#include <doctest/doctest.h>

#include "harness.h"
#include "state/lesson.h"

using namespace tlsclub;
using namespace tlsclub::gui;

TEST_CASE("the step index has steps+1 positions per visit, flattened across the queue") {
  LessonResult result = open_lesson(test::scenarios_dir() / "basics/queue-of-members.toml");
  REQUIRE(std::holds_alternative<Lesson>(result));
  const Timeline& t = std::get<Lesson>(result).timeline;
  REQUIRE(t.connections.size() == 4);
  const StepIndex steps(t);
  std::size_t expected = 0;
  for (const Connection& c : t.connections) expected += c.steps + 1;
  CHECK(steps.size() == expected);
  CHECK(steps.at(0) == Position{0, 0});
  CHECK(steps.at(steps.first_of(2)) == Position{2, 0});
  CHECK(steps.at(steps.last_of(1)) == Position{1, t.connections[1].steps});
  CHECK(steps.index_of({3, 2}) == steps.first_of(3) + 2);
  CHECK(steps.index_of({3, 999}) == steps.last_of(3));  // clamped to the visit
}

TEST_CASE("the cursor stops at both ends and playback steps at its speed") {
  StepCursor cursor;
  cursor.reset(5);
  CHECK_FALSE(cursor.back());
  CHECK(cursor.forward());
  CHECK(cursor.seek(99));
  CHECK(cursor.index() == 4);
  CHECK_FALSE(cursor.forward());
  cursor.set_speed(2.0);
  cursor.play();  // at the end: plays from the start again
  CHECK(cursor.index() == 0);
  CHECK(cursor.tick(0.4) == 0);
  CHECK(cursor.tick(0.2) == 1);  // 0.6 s at 2 steps/s: one step due
  cursor.pause();
  CHECK(cursor.tick(10.0) == 0);
}

TEST_CASE("arrow keys step forward and back, End and Home jump within the visit") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  CHECK(h.session().playback().cursor().index() == 0);
  h.press(test::kRight);
  h.press(test::kRight);
  h.press(test::kRight);
  CHECK(h.session().playback().cursor().index() == 3);
  h.press(test::kLeft);
  CHECK(h.session().playback().cursor().index() == 2);
  h.press(test::kEnd);
  CHECK(h.session().position().step == h.session().connection().steps);
  h.press(test::kHome);
  CHECK(h.session().playback().cursor().index() == 0);
}

TEST_CASE("Space plays at the chosen speed until the end, and pauses") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.press(test::kSpace);
  REQUIRE(h.session().playback().cursor().playing());
  h.frame(1.0);  // 1.5 steps per second by default
  CHECK(h.session().playback().cursor().index() == 1);
  h.press(test::kSpace);
  CHECK_FALSE(h.session().playback().cursor().playing());
  h.session().apply(cmd::SetSpeed{20.0});
  h.press(test::kSpace);
  for (int i = 0; i < 5; ++i) h.frame(1.0);
  CHECK(h.session().playback().cursor().at_end());
  CHECK_FALSE(h.session().playback().cursor().playing());
}

TEST_CASE("Page Down and Page Up go from member to member in a queue") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  h.press(test::kPageDown);
  CHECK(h.session().position() == Position{1, 0});
  CHECK(h.session().connection().client == "Bob");
  h.press(test::kPageDown);
  h.press(test::kPageUp);
  CHECK(h.session().connection().client == "Bob");
}

TEST_CASE("the inspector follows the step: the arrow in focus is selected") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.press(test::kRight);
  h.press(test::kRight);  // step 2: the ServerHello arrives
  const MessageEvent* m = h.session().playback().selection().message();
  REQUIRE(m != nullptr);
  CHECK(m->message.name == "server_hello");
}
