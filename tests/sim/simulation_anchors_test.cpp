// Anchors (simulation/anchors.h): the step a note, question or lesson step names, found in a run,
// and the right answers a predict question takes from the run itself.
#include <doctest/doctest.h>

#include "simulation/anchors.h"
#include "simulation/simulation.h"
#include "string_makers.h"

namespace {

using tlsclub::StepAnchor;

const tlsclub::Timeline& demo() {
  static const tlsclub::Timeline timeline = tlsclub::run_scenario(tlsclub::demo_scenario());
  return timeline;
}

}  // namespace

TEST_CASE("an anchor's member names its connection, none is the first") {
  CHECK(tlsclub::anchor_connection({"", "end"}, demo()) == 0);
  CHECK(tlsclub::anchor_connection({"Alice", "end"}, demo()) == 0);
  CHECK(tlsclub::anchor_connection({"Mallory", "end"}, demo()) == tlsclub::kNoConnection);
  CHECK(tlsclub::anchor_connection({"", "end"}, tlsclub::Timeline{}) == tlsclub::kNoConnection);
}

TEST_CASE("an anchor names the event of its step") {
  const auto& events = demo().connections[0].events;
  const auto cv = tlsclub::anchor_event({"", "server.certificate_verify"}, demo());
  REQUIRE(cv);
  const auto* m = std::get_if<tlsclub::MessageEvent>(&events[*cv].body);
  REQUIRE(m != nullptr);
  CHECK(m->from == tlsclub::Side::server);
  CHECK(m->message.name == "certificate_verify");
  // The demo is mutual TLS: Alice sends her card too, a different event.
  const auto card = tlsclub::anchor_event({"Alice", "client.certificate_verify"}, demo());
  REQUIRE(card);
  CHECK(*card != *cv);

  const auto check = tlsclub::anchor_event({"", "check.validity"}, demo());
  REQUIRE(check);
  CHECK(std::get<tlsclub::CheckEvent>(events[*check].body).check == "validity");
  const auto established = tlsclub::anchor_event({"", "established"}, demo());
  REQUIRE(established);
  CHECK(std::holds_alternative<tlsclub::EstablishedEvent>(events[*established].body));
  CHECK(tlsclub::anchor_event({"", "end"}, demo()) == events.size() - 1);
  // "alert" is the first alert of any kind: an admitted visit's is the close_notify that ends it.
  const auto alert = tlsclub::anchor_event({"", "alert"}, demo());
  REQUIRE(alert);
  CHECK(std::get<tlsclub::AlertEvent>(events[*alert].body).name == "close_notify");
}

TEST_CASE("an anchor the visit never reaches names nothing") {
  CHECK_FALSE(tlsclub::anchor_event({"", "check.crl"}, demo()));  // no CRL in the demo
  CHECK_FALSE(tlsclub::anchor_event({"", "server.server_key_exchange"}, demo()));  // TLS 1.3
  CHECK_FALSE(tlsclub::anchor_event({"Mallory", "end"}, demo()));
}

TEST_CASE("the right answer comes from the run") {
  tlsclub::Connection c;
  c.outcome = tlsclub::Outcome::refused;
  c.alert = "certificate_expired";
  tlsclub::CheckEvent failed;
  failed.check = "validity";
  c.events.push_back({0, 0, {}, failed});
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::outcome, c) == "refused");
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::alert, c) == "certificate_expired");
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::failing_check, c) == "validity");
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::choice, c).empty());
  const auto& admitted = demo().connections[0];
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::outcome, admitted) == "admitted");
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::alert, admitted) == "none");
  CHECK(tlsclub::right_answer(tlsclub::QuestionKind::failing_check, admitted) == "none");
}
