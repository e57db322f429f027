// The club open to real visitors from the app (docs/bridge.md#in-the-app): real TLS clients (the
// engine's own `knock`, which checks the club with our verifier) visit it on a free port, and
// each visit joins the queue, steppable like a simulated member's; a port in use is an error the
// window shows; closing the club or the app ends its thread at once.
#include "state/live_club.h"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "../sim/string_makers.h"
#include "bridge/knock.h"
#include "bridge/socket.h"
#include "harness.h"
#include "layout_check.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

using Clock = std::chrono::steady_clock;

// Frames until `done`, at most `seconds` of them (the worker builds the cast, binds, serves).
bool frames_until(test::Harness& h, const std::function<bool()>& done, double seconds = 30.0) {
  const auto until = Clock::now() + std::chrono::duration<double>(seconds);
  while (!done()) {
    if (Clock::now() > until) return false;
    h.frame();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

bool open_club(test::Harness& h, std::uint16_t port = 0) {
  h.session().apply(cmd::OpenClub{port});
  return frames_until(h, [&] {
    const auto state = h.session().live_club().state();
    return state == LiveClub::State::open || state == LiveClub::State::failed;
  });
}

// One of the scenario's members visits the open club with its card, its SNI and its trust.
Timeline knock_as(test::Harness& h, const std::string& member) {
  bridge::KnockOptions options;
  options.port = h.session().live_club().port();
  options.member = member;
  options.reply_wait = bridge::Millis(200);
  return bridge::knock(*h.session().branches().original().spec, options);
}

std::size_t live_visits(test::Harness& h) {
  const std::size_t live = h.session().branches().live_index();
  return live == npos ? 0 : h.session().branches().all()[live].timeline->connections.size();
}

// The live visit whose visitor's name starts with `prefix` ("Alice (", "visitor ").
std::size_t visit_named(const Timeline& t, const std::string& prefix) {
  for (std::size_t c = 0; c < t.connections.size(); ++c)
    if (t.connections[c].client.rfind(prefix, 0) == 0) return c;
  return npos;
}

const Connection& simulated(test::Harness& h, const std::string& member) {
  const Timeline& t = *h.session().branches().original().timeline;
  return t.connections[visit_named(t, member)];
}

}  // namespace

TEST_CASE("real visits to the club opened in the app join the queue with their outcomes") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  REQUIRE(open_club(h));
  const LiveClub& club = h.session().live_club();
  REQUIRE_MESSAGE(club.state() == LiveClub::State::open, club.error());
  CHECK(club.host() == "127.0.0.1");
  CHECK(club.port() != 0);
  CHECK(club.club_name() == "club.example");
  const std::string where = "127.0.0.1:" + std::to_string(club.port());
  CHECK(club.status().find("listening on " + where + " as club.example") != std::string::npos);
  CHECK(club.try_openssl() == "openssl s_client -connect " + where + " -servername club.example");
  CHECK(club.try_curl().find("https://club.example:" + std::to_string(club.port()) + "/") !=
        std::string::npos);
  CHECK(h.session().branches().live_index() == npos);  // no visit yet: the scenario is shown
  h.frames(2);

  // Alice's card is good, Carol's expired, Bob has none: the club's bouncer is the scenario's.
  for (const char* member : {"Alice", "Carol", "Bob"}) knock_as(h, member);
  REQUIRE(frames_until(
      h, [&] { return live_visits(h) == 3; }, 15.0));
  h.frames(2);

  const Branches& branches = h.session().branches();
  REQUIRE(branches.live_index() != npos);
  CHECK(branches.active_index() == branches.live_index());  // the first visit brought it forward
  CHECK(h.session().branch().live);
  CHECK(h.session().branch().label == "live: 3 real visits on " + where);
  CHECK(club.visits() == 3);
  CHECK(club.status().find("3 visits") != std::string::npos);
  const Timeline& t = h.session().timeline();
  REQUIRE(t.connections.size() == 3);
  CHECK(t.title == "A queue at the door (live)");
  CHECK(h.session().playback().steps().connections() == 3);

  // Named by the card shown, or as a visitor with its place in the queue; each ends as the
  // simulated member's visit does.
  const std::size_t alice = visit_named(t, "Alice (127.0.0.1:");
  const std::size_t carol = visit_named(t, "Carol (127.0.0.1:");
  const std::size_t bob = visit_named(t, "visitor ");
  REQUIRE(alice != npos);
  REQUIRE(carol != npos);
  REQUIRE(bob != npos);
  CHECK(t.connections[bob].client ==
        "visitor " + std::to_string(bob + 1) + " (" +
            t.connections[bob].client.substr(t.connections[bob].client.find('(') + 1));
  CHECK(t.connections[alice].outcome == Outcome::admitted);
  for (const auto& refused : {std::pair{carol, "Carol"}, std::pair{bob, "Bob"}}) {
    const char* member = refused.second;  // named: CAPTURE is a lambda (scripts/tidy)
    CAPTURE(member);
    const Connection& live = t.connections[refused.first];
    const Connection& sim = simulated(h, member);
    CHECK(live.outcome == Outcome::refused);
    CHECK(live.refused_by == sim.refused_by);
    CHECK(live.alert == sim.alert);
  }
  CHECK(t.connections[carol].alert == "certificate_expired");

  // Stepped like a member: Carol's visit from its start to its end, the checklist and the club
  // view following the cursor.
  h.session().apply(cmd::Seek{h.session().playback().steps().first_of(carol)});
  CHECK(h.session().position() == Position{carol, 0});
  std::size_t moves = 0;
  while (!h.session().playback().cursor().at_end() && h.session().position().connection == carol) {
    h.session().apply(cmd::StepForward{});
    h.frame();
    ++moves;
  }
  CHECK(moves >= 3);
  h.session().apply(cmd::Seek{h.session().playback().steps().last_of(carol)});
  h.frame();
  bool validity_failed = false;
  for (const Checklist& list : h.view().view().cache.checklists)
    for (const ChecklistCard& card : list.cards)
      for (const ChecklistItem& item : card.items)
        validity_failed |= item.check == "validity" && item.state == CheckState::failed;
  CHECK(validity_failed);
  CHECK(h.view().view().cache.club.card == CheckState::failed);
  CHECK(!h.view().view().cache.club.bouncer.text.empty());
  // Its records are in the ladder and can be selected, as the inspector shows them.
  const LadderLayout& ladder = h.session().playback().ladder();
  const std::size_t row = ladder.row_of_record(carol, 1);
  REQUIRE(row != npos);
  h.session().apply(cmd::Select{carol, ladder.rows()[row].event});
  CHECK(h.session().playback().selection().current().connection == carol);
  CHECK(h.session().playback().selection().record() != nullptr);
  h.frames(2);

  // Nothing to run again: the other side was a real client.
  h.session().apply(cmd::RunWhatIf{{carol, ladder.rows()[row].event, WireFault::Action::drop}});
  CHECK(!h.session().branches().busy());
  CHECK(h.session().branches().all().size() == 2);

  // A visit while another is shown joins the queue and leaves the cursor where it was.
  h.session().apply(cmd::SwitchBranch{0});
  knock_as(h, "Dave");
  REQUIRE(frames_until(
      h, [&] { return live_visits(h) == 4; }, 15.0));
  CHECK(h.session().branches().active_index() == 0);
  h.session().apply(cmd::SwitchBranch{h.session().branches().live_index()});
  CHECK(h.session().timeline().connections.size() == 4);

  // Closed: the server's thread ends within a fraction of a second, and the door is shut.
  const auto asked = Clock::now();
  h.session().apply(cmd::CloseClub{});
  CHECK(club.state() == LiveClub::State::closing);
  REQUIRE(frames_until(
      h, [&] { return club.state() == LiveClub::State::closed; }, 5.0));
  CHECK(Clock::now() - asked < std::chrono::seconds(2));
  CHECK_THROWS_AS(knock_as(h, "Alice"), bridge::BridgeError);
  CHECK(h.session().timeline().connections.size() == 4);  // the visits stay to be stepped
}

TEST_CASE("a port in use is an error the window shows, and any free port opens") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  const bridge::Listener taken = bridge::listen_on("127.0.0.1", 0);
  REQUIRE(open_club(h, taken.port));
  const LiveClub& club = h.session().live_club();
  CHECK(club.state() == LiveClub::State::failed);
  const std::string port = std::to_string(taken.port);
  CHECK(club.error().find("port " + port) != std::string::npos);
  CHECK(club.error().find("in use") != std::string::npos);
  CHECK(club.status().find("could not open") != std::string::npos);
  CHECK(!club.running());
  h.frames(2);  // the bar draws the error and its buttons
  const auto any_port = h.where(Hit::Kind::button, kClubAnyPort);
  REQUIRE(any_port.has_value());
  h.click(*any_port);
  CHECK(club.state() == LiveClub::State::opening);
  REQUIRE(frames_until(h, [&] { return club.state() != LiveClub::State::opening; }));
  CHECK(club.state() == LiveClub::State::open);
  CHECK(club.port() != taken.port);
  // The bar's close button closes it.
  h.frames(2);
  const auto close = h.where(Hit::Kind::button, kCloseClub);
  REQUIRE(close.has_value());
  h.click(*close);
  REQUIRE(frames_until(
      h, [&] { return club.state() == LiveClub::State::closed; }, 5.0));
  h.frames(2);
  CHECK(!h.where(Hit::Kind::button, kCloseClub).has_value());  // no bar once closed
}

TEST_CASE("quitting the app with the club open and a visitor silent at the door ends at once") {
  auto h = std::make_unique<test::Harness>();
  h->open("basics/first-visit-mutual-tls13.toml");
  REQUIRE(open_club(*h));
  REQUIRE(h->session().live_club().state() == LiveClub::State::open);
  // A visitor that connects and says nothing holds a visit open until its time-out (10 s).
  const bridge::Socket silent =
      bridge::connect_within("127.0.0.1", h->session().live_club().port(), bridge::Millis(2000));
  h->frames(3);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // accepted: a visit under way
  const auto asked = Clock::now();
  h.reset();
  CHECK(Clock::now() - asked < std::chrono::seconds(2));
}

TEST_CASE("opening another scenario closes the club, which served the one before") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  REQUIRE(open_club(h));
  const std::uint16_t port = h.session().live_club().port();
  knock_as(h, "Alice");
  REQUIRE(frames_until(
      h, [&] { return live_visits(h) == 1; }, 15.0));
  h.open("basics/first-visit-mutual-tls13.toml");
  CHECK(h.session().live_club().state() == LiveClub::State::closed);
  CHECK(h.session().branches().live_index() == npos);
  CHECK(h.session().branches().all().size() == 1);
  bridge::KnockOptions options;
  options.port = port;
  options.member = "Alice";
  CHECK_THROWS_AS(bridge::knock(h.session().spec(), options), bridge::BridgeError);
}

TEST_CASE("the club bar fits every screen, open with a visit and failed, with no text over text") {
  struct Screen {
    const char* name;
    ImVec2 size;
    float scale;
  };
  const Screen screens[] = {{"1024x640", {1024, 640}, 1.0f},
                            {"1366x768", {1366, 768}, 1.0f},
                            {"1920x1080 at 2x", {1920, 1080}, 2.0f},
                            {"683x768", {683, 768}, 1.0f}};
  const bridge::Listener taken = bridge::listen_on("127.0.0.1", 0);
  for (const Screen& screen : screens) {
    CAPTURE(screen.name);
    test::Harness h(screen.size, screen.scale);
    h.open("basics/queue-of-members.toml");
    REQUIRE(open_club(h));
    knock_as(h, "Carol");
    REQUIRE(frames_until(
        h, [&] { return live_visits(h) == 1; }, 15.0));
    h.frames(4);
    REQUIRE(h.where(Hit::Kind::button, kCloseClub).has_value());
    for (const std::string& problem : test::layout_problems()) CHECK_MESSAGE(false, problem);
    h.session().apply(cmd::CloseClub{});
    REQUIRE(frames_until(
        h, [&] { return h.session().live_club().state() == LiveClub::State::closed; }, 5.0));
    REQUIRE(open_club(h, taken.port));
    h.frames(4);
    REQUIRE(h.where(Hit::Kind::button, kClubAnyPort).has_value());
    for (const std::string& problem : test::layout_problems()) CHECK_MESSAGE(false, problem);
  }
}
