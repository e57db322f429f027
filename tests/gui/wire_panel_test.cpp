// The Wire tab: the visit so far as an eavesdropper sees it. It follows the ladder (the records
// the Records tab lists, never more, so predict mode gives nothing away), shows the TLS 1.2
// chains in the clear (the member's card too) and none in TLS 1.3, and says what stays sealed.
#include <doctest/doctest.h>

#include <string>

#include "harness.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

bool has_line(const WirePage& page, const std::string& what) {
  for (const auto& l : page.clear)
    if (l.what == what) return true;
  return false;
}

bool sealed_says(const WirePage& page, const std::string& part) {
  for (const auto& s : page.sealed)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the Wire tab grows with the ladder: the ClientHello first, one record at a time") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.view().view().request_tab = Tab::wire;
  h.frames(2);
  const WirePage* page = &h.session().playback().wire();
  CHECK(page->records == 1);
  CHECK(page->rows.size() == 1);
  CHECK(page->rows.at(0).shows == "handshake: client_hello");
  CHECK(has_line(*page, "name asked for"));
  h.session().apply(cmd::StepForward{});
  h.session().apply(cmd::StepForward{});
  h.frames(2);
  page = &h.session().playback().wire();
  CHECK(page->records == 2);
  CHECK(page->rows.at(1).shows == "handshake: server_hello");
  h.session().apply(cmd::End{});
  h.frames(2);
  page = &h.session().playback().wire();
  CHECK(page->records >= 8);
  CHECK_FALSE(has_line(*page, "client's certificates"));  // TLS 1.3: the card is sealed
  CHECK(sealed_says(*page, "who the member is does not show on the wire"));
  bool sealed = false;
  for (const auto& r : page->rows) sealed = sealed || r.sealed;
  CHECK(sealed);
}

TEST_CASE("the Wire tab of a TLS 1.2 visit shows the member's card in the clear") {
  test::Harness h;
  h.open("versions/mutual-tls12.toml");
  h.session().apply(cmd::End{});
  h.view().view().request_tab = Tab::wire;
  h.frames(2);
  const WirePage& page = h.session().playback().wire();
  CHECK(has_line(page, "server's certificates"));
  CHECK(has_line(page, "client's certificates"));
  CHECK(sealed_says(page, "the Finished messages"));
}

TEST_CASE("predicting, the Wire tab lists exactly the records the Records tab does") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  h.session().apply(cmd::SetPredict{true});
  h.view().view().request_tab = Tab::records;
  const auto& playback = h.session().playback();
  std::size_t questions = 0;
  for (int i = 0; i < 60 && !playback.cursor().at_end(); ++i) {
    h.frames(2);
    std::size_t listed = 0;
    for (const Hit& hit : h.view().view().hits) listed += hit.kind == Hit::Kind::record_row;
    CAPTURE(i);
    CHECK(playback.wire().records == listed);
    CHECK(playback.wire().rows.size() <= listed);  // a dropped record never reaches the wire
    if (const auto q = playback.pending_question()) {
      ++questions;
      h.session().apply(cmd::Answer{*q, playback.predict().questions()[*q].answer});
    } else {
      h.session().apply(cmd::StepForward{});
    }
  }
  CHECK(questions > 0);
}
