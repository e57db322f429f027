// Lesson mode: the walk's order (questions before their step), the cursor on each step's anchor,
// questions that hold the walk until answered and are scored against the lesson's answer, try-it
// tasks compared with what the changed run did, progress kept across runs, "Show me" of a myth.
#include <doctest/doctest.h>

#include <map>

#include "../sim/string_makers.h"
#include "state/anchors.h"
#include "state/course_walk.h"
#include "state/session.h"
#include "state/settings.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

std::filesystem::path library() {
  return std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";
}

LessonPlace place(std::string scenario, std::string at, std::string member = "") {
  return {std::move(scenario), {std::move(member), std::move(at)}, 0};
}

// A lesson on the server-only visit: three steps, two questions, two try-it tasks.
CourseLesson fixture_lesson() {
  const std::string file = "basics/server-only-tls13.toml";
  CourseLesson l;
  l.id = "02-fixture";
  l.number = 2;
  l.title = "Meeting the club (fixture)";
  l.objectives = {"Follow a TLS 1.3 handshake"};
  l.introduction = "Alice visits the club.";
  l.steps = {{place(file, "client.client_hello"), "Alice says hello.", "RFC 8446 4.1.2"},
             {place(file, "server.certificate_verify"), "The badge's key signs.", "RFC 8446 4.4.3"},
             {place(file, "end"), "Alice is in.", ""}};
  LessonQuestion signs;
  signs.place = place(file, "server.certificate_verify");
  signs.kind = tlsclub::QuestionKind::choice;
  signs.question = "What does the badge's key do?";
  signs.choices = {"It encrypts the traffic", "It signs the transcript"};
  signs.answer = "It signs the transcript";
  signs.explanation = "Certificate keys sign (RFC 8446 4.4.3).";
  LessonQuestion outcome;
  outcome.place = place(file, "end");
  outcome.kind = tlsclub::QuestionKind::outcome;
  outcome.question = "Will Alice get in?";
  outcome.answer = "admitted";
  l.questions = {signs, outcome};
  TryTask flip;
  flip.scenario = file;
  flip.task = "Flip one byte of the club's Finished.";
  WireFault f;
  f.from = Side::server;
  f.message = "finished";
  f.offset = 20;
  flip.fault = f;
  flip.expect.outcome = Outcome::refused;
  flip.expect.refused_by = Side::client;
  flip.expect.alert = "bad_record_mac";
  TryTask wrong = flip;  // a lesson that claims the wrong thing: shown as "no match"
  wrong.expect = {};
  wrong.expect.outcome = Outcome::admitted;
  l.tries = {flip, wrong};
  l.summary = "Keys from the key exchange; the badge signs.";
  return l;
}

Course fixture_course() {
  Course c;
  c.lessons = {fixture_lesson()};
  MythCard myth;
  myth.id = "server-certificate-encrypts";
  myth.claim = "Server certificates encrypt the data.";
  myth.truth = "They sign.";
  myth.rfc = "RFC 8446 4.4.3";
  myth.lesson = 2;
  MythEvidence e;
  e.place = place("basics/first-visit-mutual-tls13.toml", "server.certificate_verify");
  e.field = "field.signature";
  e.shows = "The badge's key signs the transcript.";
  myth.evidence = {e};
  c.myths = {myth};
  return c;
}

// Where a lesson shows a place: a message's arrow as it arrives (the record carrying it), other
// anchors (a check, an alert, "end") where they happen.
std::size_t anchor_position(const Session& s, const LessonPlace& p) {
  const auto at = resolve_anchor(p.anchor, s.timeline(), s.playback().steps());
  REQUIRE(at);
  const auto e = anchor_event(p.anchor, s.timeline());
  const std::size_t c = anchor_connection(p.anchor, s.timeline());
  const auto& events = s.timeline().connections[c].events;
  if (!e || !std::holds_alternative<MessageEvent>(events[*e].body)) return *at;
  SelectionModel carrying;
  carrying.attach(&s.timeline());
  carrying.select_event(c, *e);
  REQUIRE(carrying.record_event() != npos);
  const auto& record = std::get<RecordEvent>(events[carrying.record_event()].body);
  const std::size_t row = s.playback().ladder().row_of_record(c, record.record_id);
  REQUIRE(row != npos);
  return s.playback().ladder().rows()[row].arrives_at;
}

// The label of the ladder arrow in focus.
const std::string& focus_label(const Session& s) {
  return s.playback()
      .ladder()
      .rows()[s.playback().ladder().focus_row(s.playback().cursor().index())]
      .label;
}

}  // namespace

TEST_CASE("a lesson is walked step by step, each question just before the step it is about") {
  const CourseLesson l = fixture_lesson();
  // Positions as a run would give them: hello 1, certificate_verify 4, end 9.
  const std::map<std::string, std::size_t> at = {
      {"client.client_hello", 1}, {"server.certificate_verify", 4}, {"end", 9}};
  const auto stops = walk_order(
      l, [&](const LessonPlace& p) -> std::optional<std::size_t> { return at.at(p.anchor.at); });
  using K = WalkStop::Kind;
  const std::vector<WalkStop> expected = {{K::step, 0},     {K::question, 0}, {K::step, 1},
                                          {K::question, 1}, {K::step, 2},     {K::try_it, 0},
                                          {K::try_it, 1},   {K::summary, 0}};
  CHECK(stops == expected);
}

TEST_CASE("a question no step reaches is asked after its scenario's last step, else at the end") {
  CourseLesson l = fixture_lesson();
  l.tries.clear();
  l.questions[0].place.anchor.at = "alert";                     // never happens in this visit
  l.questions[1].place.scenario = "versions/ecdhe-tls12.toml";  // no step of that scenario
  const auto stops = walk_order(l, [](const LessonPlace& p) -> std::optional<std::size_t> {
    if (p.anchor.at == "alert") return std::nullopt;
    return p.anchor.at == "end" ? 9 : p.anchor.at == "client.client_hello" ? 1 : 4;
  });
  using K = WalkStop::Kind;
  const std::vector<WalkStop> expected = {{K::step, 0},     {K::step, 1},     {K::step, 2},
                                          {K::question, 0}, {K::question, 1}, {K::summary, 0}};
  CHECK(stops == expected);
}

TEST_CASE("the walk will not pass a question until it is answered, steps are counted") {
  using K = WalkStop::Kind;
  CourseWalk walk;
  walk.begin(0, {{K::step, 0}, {K::question, 0}, {K::step, 1}, {K::summary, 0}}, 0);
  LessonProgress progress;
  CHECK(walk.steps() == 2);
  CHECK(walk.next(progress));
  CHECK(walk.stop() == 1);
  CHECK_FALSE(walk.next(progress));  // unanswered
  CHECK(walk.stop() == 1);
  progress.answers[0] = "anything";
  CHECK(walk.next(progress));
  CHECK(walk.step_number(walk.stop()) == 2);
  CHECK(walk.stop_of_step(2) == 2);
  CHECK(walk.back());
  CHECK(walk.stop() == 1);
}

TEST_CASE("outcome, alert and failing_check questions offer the names, with the lesson's answer") {
  LessonQuestion q;
  q.kind = tlsclub::QuestionKind::outcome;
  q.answer = "refused";
  CHECK(question_choices(q) == std::vector<std::string>{"admitted", "refused"});
  q.kind = tlsclub::QuestionKind::alert;
  q.answer = "bad_record_mac";
  const auto alerts = question_choices(q);
  CHECK(std::count(alerts.begin(), alerts.end(), "bad_record_mac") == 1);
  CHECK(std::count(alerts.begin(), alerts.end(), "unknown_ca") == 1);
  q.kind = tlsclub::QuestionKind::failing_check;
  q.answer = "some_new_check";  // not among the usual ones: added, so it can be chosen
  const auto checks = question_choices(q);
  CHECK(checks.back() == "some_new_check");
  CHECK(std::count(checks.begin(), checks.end(), "validity") == 1);
}

TEST_CASE("Start opens the step's scenario with the cursor on its anchor, answers are scored") {
  Session s(library());
  s.set_course(fixture_course());
  const CourseLesson& l = s.lessons().course()->lessons[0];
  s.apply(cmd::StartLesson{0, true});
  REQUIRE(s.lessons().lesson() == &l);
  CHECK(s.lesson().file == library() / "basics/server-only-tls13.toml");
  CHECK(s.playback().cursor().index() == anchor_position(s, l.steps[0].place));
  CHECK(s.lessons().message().empty());

  s.apply(cmd::LessonNext{});  // the question about CertificateVerify
  REQUIRE(s.lessons().walk().current() == WalkStop{WalkStop::Kind::question, 0});
  const std::size_t cv = anchor_position(s, l.questions[0].place);
  CHECK(s.playback().cursor().index() == cv - 1);  // the step is not shown before the answer
  CHECK(s.lessons().choices() == l.questions[0].choices);
  s.apply(cmd::LessonNext{});
  CHECK(s.lessons().walk().current() ==
        WalkStop{WalkStop::Kind::question, 0});  // held until answered

  s.apply(cmd::LessonAnswer{"It encrypts the traffic"});
  CHECK(s.playback().cursor().index() ==
        cv);  // now it is shown: the arrow carrying it, and it selected
  CHECK(focus_label(s).find("CertificateVerify") != std::string::npos);
  REQUIRE(s.playback().selection().message() != nullptr);
  CHECK(s.playback().selection().message()->message.name == "certificate_verify");
  s.apply(cmd::LessonAnswer{"It signs the transcript"});  // answered once: the first one counts
  CHECK(answered(l, s.lessons().progress_of(l)) == 1);
  CHECK(correct(l, s.lessons().progress_of(l)) == 0);

  s.apply(cmd::LessonNext{});
  CHECK(s.lessons().walk().current() == WalkStop{WalkStop::Kind::step, 1});
  CHECK(s.playback().cursor().index() == cv);
  s.apply(cmd::LessonNext{});  // "Will Alice get in?"
  s.apply(cmd::LessonAnswer{"admitted"});
  CHECK(correct(l, s.lessons().progress_of(l)) == 1);
  CHECK(s.lessons().progress_of(l).seen == 2);
  s.apply(cmd::LessonNext{});
  CHECK(s.playback().cursor().index() == s.playback().steps().last_of(0));  // "end"
  CHECK(s.lessons().progress_of(l).seen == 3);
  CHECK_FALSE(s.lessons().progress_of(l).done);
}

TEST_CASE("a try-it task runs as a what-if and its expectation is compared with the run") {
  Session s(library());
  s.set_course(fixture_course());
  s.apply(cmd::StartLesson{0, true});
  s.apply(cmd::LessonGoTo{5});  // the first try
  REQUIRE(s.lessons().walk().current() == WalkStop{WalkStop::Kind::try_it, 0});
  s.apply(cmd::RunTry{});
  s.wait_for_jobs();
  REQUIRE(s.lessons().try_results()[0]);
  CHECK(s.lessons().try_results()[0]->met);
  CHECK(s.lessons().try_results()[0]->expected == "refused by client with bad_record_mac");
  CHECK(s.lessons().try_results()[0]->actual == "refused by client with bad_record_mac");
  CHECK(s.branches().all().size() == 2);
  CHECK(s.branches().active_index() == 1);
  CHECK(s.connection().alert == "bad_record_mac");

  s.apply(cmd::LessonNext{});  // the lesson that says "admitted": the run disagrees
  s.apply(cmd::RunTry{});
  s.wait_for_jobs();
  REQUIRE(s.lessons().try_results()[1]);
  CHECK_FALSE(s.lessons().try_results()[1]->met);
  CHECK(s.lessons().try_results()[1]->expected == "admitted");
  CHECK(s.lessons().try_results()[1]->actual == "refused");
  CHECK(s.branches().all().size() == 3);
  CHECK(s.branch().faults.size() == 1);  // a try starts from the visit as written

  s.apply(cmd::LessonNext{});
  CHECK(s.lessons().walk().current().kind == WalkStop::Kind::summary);
  CHECK(s.lessons().progress_of(s.lessons().course()->lessons[0]).done);
}

TEST_CASE("moving the clock in a try-it task runs every visit at that clock") {
  Course course = fixture_course();
  TryTask& t = course.lessons[0].tries[0];
  t.fault.reset();
  t.clock = SimTime{} + std::chrono::days(365 * 80);  // long after the badge's notAfter
  t.expect = {};
  t.expect.outcome = Outcome::refused;
  t.expect.alert = "certificate_expired";
  t.expect.failing_check = "validity";
  Session s(library());
  s.set_course(std::move(course));
  s.apply(cmd::StartLesson{0, true});
  s.apply(cmd::LessonGoTo{5});
  s.apply(cmd::RunTry{});
  s.wait_for_jobs();
  REQUIRE(s.lessons().try_results()[0]);
  CHECK(s.lessons().try_results()[0]->actual ==
        "refused with certificate_expired (validity fails)");
  CHECK(s.lessons().try_results()[0]->met);
  CHECK(s.branch().clock == t.clock);
}

TEST_CASE("progress survives the settings file and the walk resumes where it stopped") {
  Settings saved;
  {
    Session s(library());
    s.set_course(fixture_course());
    s.apply(cmd::StartLesson{0, true});
    s.apply(cmd::LessonNext{});
    s.apply(cmd::LessonAnswer{"It signs the transcript"});
    s.apply(cmd::LessonNext{});  // step 2
    saved.progress = s.lessons().progress();
  }
  const Settings back = parse_settings(format_settings(saved));
  REQUIRE(back.progress.contains("02-fixture"));
  const LessonProgress& p = back.progress.at("02-fixture");
  CHECK(p.seen == 2);
  CHECK(p.answers.at(0) == "It signs the transcript");
  CHECK_FALSE(p.done);

  Session s(library());
  s.set_course(fixture_course());
  s.set_progress(back.progress);
  s.apply(cmd::StartLesson{0, true});
  CHECK(s.lessons().walk().current() == WalkStop{WalkStop::Kind::step, 1});
  CHECK(correct(s.lessons().course()->lessons[0],
                s.lessons().progress_of(s.lessons().course()->lessons[0])) == 1);
  s.apply(cmd::StartLesson{0, false});  // start over: answers forgotten
  CHECK(s.lessons().walk().stop() == 0);
  CHECK(s.lessons().progress_of(s.lessons().course()->lessons[0]).answers.empty());
}

TEST_CASE("settings files from before lesson mode still load, and progress lines round-trip") {
  const Settings old = parse_settings("theme = light\nlast_lesson = /x.toml\n");
  CHECK(old.progress.empty());
  CHECK(old.last_lesson == "/x.toml");
  Settings s;
  s.progress["01-what-a-certificate-is"].seen = 7;
  s.progress["01-what-a-certificate-is"].done = true;
  s.progress["03-who-encrypts-what"].answers[2] = "It signs the transcript";
  const Settings back = parse_settings(format_settings(s));
  CHECK(back.progress == s.progress);
  // Junk in a lesson line is ignored, the rest kept.
  const Settings junk =
      parse_settings("lesson.x.seen = many\nlesson..seen = 3\nlesson.y.answer.z = a\n");
  CHECK(junk.progress.at("x").seen == 0);
  CHECK_FALSE(junk.progress.contains(""));
  CHECK_FALSE(junk.progress.contains("y"));
}

TEST_CASE("a myth card's Show me opens the scenario at the step and selects the field") {
  Session s(library());
  s.set_course(fixture_course());
  s.apply(cmd::ShowEvidence{0, 0});
  CHECK(s.lesson().file == library() / "basics/first-visit-mutual-tls13.toml");
  CHECK(s.playback().cursor().index() ==
        anchor_position(s, s.lessons().course()->myths[0].evidence[0].place));
  REQUIRE(s.playback().selection().message() != nullptr);
  CHECK(s.playback().selection().message()->message.name == "certificate_verify");
  const std::size_t f = s.playback().selection().current().field;
  REQUIRE(f != npos);
  CHECK(s.playback().selection().fields().field(f).explain_key == "field.signature");
}

TEST_CASE("the real course: every step of every lesson puts the cursor on its anchor") {
  const auto dir = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "docs" / "lessons";
  CourseLoad loaded = load_course(dir, library());
  REQUIRE(std::holds_alternative<Course>(loaded));
  Session s(library());
  s.set_course(std::move(std::get<Course>(loaded)));
  REQUIRE(s.lessons().course()->lessons.size() == 12);
  for (std::size_t l = 0; l < s.lessons().course()->lessons.size(); ++l) {
    const CourseLesson& lesson = s.lessons().course()->lessons[l];
    CAPTURE(lesson.id);
    s.apply(cmd::StartLesson{l, false});
    REQUIRE(s.lessons().lesson() == &lesson);
    CHECK(s.lessons().walk().steps() == lesson.steps.size());
    // A question about the very step a lesson step narrates is asked just before that step.
    const auto& stops = s.lessons().walk().stops();
    for (std::size_t i = 0; i < stops.size(); ++i) {
      if (stops[i].kind != WalkStop::Kind::question) continue;
      const LessonPlace& q = lesson.questions[stops[i].index].place;
      for (std::size_t j = 0; j < stops.size(); ++j) {
        if (stops[j].kind != WalkStop::Kind::step) continue;
        const LessonPlace& p = lesson.steps[stops[j].index].place;
        if (p.scenario == q.scenario && p.anchor.member == q.anchor.member &&
            p.anchor.at == q.anchor.at) {
          CAPTURE(i);
          CHECK(i < j);
          break;
        }
      }
    }
    for (std::size_t stop = 0; stop < s.lessons().walk().stops().size(); ++stop) {
      s.apply(cmd::LessonGoTo{stop});
      const WalkStop& w = s.lessons().walk().current();
      if (w.kind != WalkStop::Kind::step) continue;
      CAPTURE(stop);
      const LessonStep& step = lesson.steps[w.index];
      CHECK(s.lessons().message().empty());
      CHECK(s.lesson().file == library() / step.place.scenario);
      CHECK(s.playback().cursor().index() == anchor_position(s, step.place));
    }
  }
}
