// Predict mode and the ladder: a row the cursor has not reached shows nothing that answers the
// question asked before it (no message names, sizes, keys, alerts or outcome); outside predict
// mode the ladder shows the whole run as before.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../sim/string_makers.h"
#include "harness.h"
#include "state/ladder_layout.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

// Every label the ladder draws at the cursor, as the panel decides it.
std::vector<std::string> drawn_labels(const Session& s) {
  const Playback& p = s.playback();
  std::vector<std::string> out;
  for (std::size_t r = 0; r < p.ladder().rows().size(); ++r)
    out.emplace_back(visible_label(p.ladder(), r, p.cursor().index(), p.predict().enabled()));
  return out;
}

bool any_contains(const std::vector<std::string>& labels, const std::string& words) {
  for (const std::string& label : labels)
    if (label.find(words) != std::string::npos) return true;
  return false;
}

// Moves the cursor to `at`, answering (rightly) every question on the way.
void reach(test::Harness& h, std::size_t at) {
  const Playback& p = h.session().playback();
  for (int tries = 0; tries < 20 && p.cursor().index() != at; ++tries) {
    h.session().apply(cmd::Seek{at});
    if (const auto q = p.pending_question())
      h.session().apply(cmd::Answer{*q, p.predict().questions()[*q].answer});
  }
  REQUIRE(p.cursor().index() == at);
}

// The first row the ladder draws as a "?" at the cursor (npos for none).
std::size_t first_hidden_row(const Session& s) {
  const Playback& p = s.playback();
  for (std::size_t r : shown_rows(p.ladder(), p.cursor().index(), p.predict().enabled()))
    if (p.ladder().rows()[r].kind == LadderRow::Kind::record &&
        !row_revealed(p.ladder(), r, p.cursor().index(), p.predict().enabled()))
      return r;
  return npos;
}

// The club's flight of the mutual TLS 1.3 demo: EncryptedExtensions … CertificateVerify, Finished.
constexpr std::size_t kFlight = 4;

}  // namespace

TEST_CASE("predicting, a record still in flight is not named until it arrives") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::SetPredict{true});
  h.frames(2);
  const LadderLayout& ladder = h.session().playback().ladder();
  const std::size_t flight = ladder.row_of_record(0, kFlight);
  REQUIRE(flight != npos);
  const std::size_t arrives = ladder.position_of_row(flight);
  REQUIRE(ladder.rows()[flight].sent_at < arrives);

  // Every position before the flight arrives, in flight or not sent yet: a placeholder only.
  for (std::size_t at = 0; at < arrives; ++at) {
    CAPTURE(at);
    reach(h, at);
    const auto labels = drawn_labels(h.session());
    CHECK_FALSE(any_contains(labels, "CertificateVerify"));
    CHECK_FALSE(any_contains(labels, "admitted"));
    CHECK_FALSE(any_contains(labels, "Alert"));
    CHECK(labels[flight] == kUnrevealedLabel);
    CHECK_FALSE(row_revealed(ladder, flight, at, true));
  }

  reach(h, arrives);
  CHECK(drawn_labels(h.session())[flight] ==
        "EncryptedExtensions · CertificateRequest · Certificate · CertificateVerify · Finished");
}

TEST_CASE("predicting, the outcome stays hidden until the question before it is answered") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::SetPredict{true});
  const auto& questions = h.session().playback().predict().questions();
  REQUIRE_FALSE(questions.empty());
  const std::size_t last = questions.size() - 1;  // "Is Alice admitted?", asked at the end
  CHECK(questions[last].text == "Is Alice admitted?");
  reach(h, questions[last].position - 1);
  h.press(test::kEnd);
  const auto pending = h.session().playback().pending_question();
  REQUIRE(pending == std::optional<std::size_t>(last));
  h.frames(2);
  const std::size_t outcome = h.session().playback().ladder().rows().size() - 1;
  auto labels = drawn_labels(h.session());
  CHECK_FALSE(any_contains(labels, "admitted"));
  CHECK(labels[outcome] == kUndecidedLabel);
  // Nothing after the cursor names its messages either.
  const LadderLayout& ladder = h.session().playback().ladder();
  const std::size_t cursor = h.session().playback().cursor().index();
  for (std::size_t r = 0; r < ladder.rows().size(); ++r)
    if (ladder.rows()[r].kind != LadderRow::Kind::member && ladder.position_of_row(r) > cursor)
      CHECK((labels[r] == kUnrevealedLabel || labels[r] == kUndecidedLabel));

  h.session().apply(
      cmd::Answer{*pending, h.session().playback().predict().questions()[*pending].answer});
  h.frames(2);
  labels = drawn_labels(h.session());
  CHECK(labels[outcome] == "Alice admitted (TLS 1.3)");
  CHECK(any_contains(labels, "CertificateVerify"));
}

TEST_CASE("outside predict mode the ladder names every record of the run from the start") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.frames(2);
  REQUIRE(h.session().playback().cursor().index() == 0);
  const LadderLayout& ladder = h.session().playback().ladder();
  const auto labels = drawn_labels(h.session());
  for (std::size_t r = 0; r < ladder.rows().size(); ++r) {
    CHECK(row_revealed(ladder, r, 0, false));
    if (ladder.rows()[r].kind != LadderRow::Kind::outcome)
      CHECK(labels[r] == ladder.rows()[r].label);
  }
  CHECK(any_contains(labels, "CertificateVerify"));
  CHECK(labels.back() == kUndecidedLabel);  // the outcome waits for its step in every mode
}

TEST_CASE("predicting, a click on a record still in flight does not jump to its arrival") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::SetPredict{true});
  const LadderLayout& ladder = h.session().playback().ladder();
  const std::size_t flight = ladder.row_of_record(0, kFlight);
  REQUIRE(flight != npos);
  // Stand where the flight is on the wire, the questions on the way answered.
  reach(h, ladder.rows()[flight].sent_at);
  REQUIRE(h.session().playback().cursor().index() < ladder.position_of_row(flight));
  const std::size_t before = h.session().playback().cursor().index();
  h.frames(2);
  // The records on the wire are one "?" row: the first of them.
  const std::size_t hidden = first_hidden_row(h.session());
  REQUIRE(hidden <= flight);
  const auto where = h.where(Hit::Kind::ladder_row, hidden);
  REQUIRE(where.has_value());
  h.click(*where);
  CHECK(h.session().playback().cursor().index() == before);
}

TEST_CASE("predicting, the ladder does not tell by its length how many records are still to come") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");  // visits that are admitted and visits that are refused
  const Playback& p = h.session().playback();
  h.session().apply(cmd::SetPredict{true});
  h.session().apply(cmd::Seek{0});
  h.frames(2);
  const std::vector<std::size_t> shown = shown_rows(p.ladder(), 0, true);
  // Each visit still to come: its header, one "?" for all its records, its outcome.
  std::size_t visits = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const LadderRow& row = p.ladder().rows()[shown[i]];
    if (row.kind != LadderRow::Kind::member) continue;
    ++visits;
    if (i == 0) continue;  // the first visit has its ClientHello in focus
    REQUIRE(i + 2 < shown.size() + 1);
    CHECK(p.ladder().rows()[shown[i + 1]].kind == LadderRow::Kind::record);
    CHECK(p.ladder().rows()[shown[i + 2]].kind == LadderRow::Kind::outcome);
  }
  CHECK(visits == p.steps().connections());
  CHECK(shown.size() < p.ladder().rows().size());
  // The panel draws exactly those rows, and every row once the student no longer predicts.
  std::size_t drawn = 0;
  for (const Hit& hit : h.view().view().hits) drawn += hit.kind == Hit::Kind::ladder_row ? 1 : 0;
  CHECK(drawn <= shown.size());
  CHECK(shown_rows(p.ladder(), 0, false).size() == p.ladder().rows().size());
  // As the cursor moves on, the rows it reaches are shown one by one.
  reach(h, 6);
  CHECK(shown_rows(p.ladder(), 6, true).size() > shown.size());
}
