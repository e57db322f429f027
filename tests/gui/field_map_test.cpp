// Field <-> byte mapping: a field's bytes light up, a clicked byte selects its field, and the
// messages inside a record are found where they sit.
#include "state/field_map.h"

#include <doctest/doctest.h>

#include "harness.h"
#include "state/lesson.h"
#include "state/record_map.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

std::size_t find_event(const Connection& c, const std::string& message, Side from) {
  for (std::size_t i = 0; i < c.events.size(); ++i)
    if (const auto* m = std::get_if<MessageEvent>(&c.events[i].body);
        m && m->message.name == message && m->from == from)
      return i;
  return npos;
}

}  // namespace

TEST_CASE("a byte belongs to the most specific field that covers it") {
  const Lesson lesson = demo_lesson();
  const Connection& c = lesson.timeline.connections[0];
  const auto& hello =
      std::get<MessageEvent>(c.events[find_event(c, "client_hello", Side::client)].body);
  const FieldMap map(hello.message.fields);
  // RFC 8446 4.1.2: 4-byte header, legacy_version (2 bytes), then the 32-byte random.
  CHECK(map.field(map.field_at(0)).name == "msg_type");
  CHECK(map.field(map.field_at(4)).name == "legacy_version");
  CHECK(map.field(map.field_at(6)).name == "random");
  CHECK(map.field(map.field_at(37)).name == "random");
  CHECK(map.field_at(hello.message.bytes.size()) == npos);
  const std::size_t random = map.field_at(10);
  CHECK(map.path_to(random).size() == 1);  // a top-level field
}

TEST_CASE("a certificate's decoded parts all span its DER, so its bytes select the certificate") {
  const Lesson lesson = demo_lesson();
  const Connection& c = lesson.timeline.connections[0];
  const auto& cert =
      std::get<MessageEvent>(c.events[find_event(c, "certificate", Side::server)].body);
  const FieldMap map(cert.message.fields);
  const Field& f = map.field(map.field_at(40));
  CHECK(f.name == "cert_data");
  CHECK(f.offset <= 40);
}

TEST_CASE("the messages inside an encrypted TLS 1.3 record are found in its opened content") {
  const Lesson lesson = demo_lesson();
  const Connection& c = lesson.timeline.connections[0];
  std::size_t flight = npos;
  for (std::size_t i = 0; i < c.events.size() && flight == npos; ++i)
    if (const auto* r = std::get_if<RecordEvent>(&c.events[i].body); r && r->record_id == 4)
      flight = i;
  const RecordMap map = map_record(c, flight);
  CHECK(map.messages_in == ByteBlock::inner);
  REQUIRE(map.spans.size() == 5);
  CHECK(map.spans[0].start == 0);
  const auto& ee = std::get<MessageEvent>(c.events[map.spans[0].event].body);
  CHECK(ee.message.name == "encrypted_extensions");
  CHECK(map.spans[1].start == ee.message.bytes.size());
  const MessageHit hit = message_at(map, ByteBlock::inner, map.spans[2].start + 10);
  CHECK(std::get<MessageEvent>(c.events[hit.event].body).message.name == "certificate");
  CHECK(hit.offset == 10);
  CHECK(message_at(map, ByteBlock::wire, 10).event == npos);  // ciphertext: no message there
}

TEST_CASE("the ClientHello sits in the plaintext record right after the 5-byte header") {
  const Lesson lesson = demo_lesson();
  const Connection& c = lesson.timeline.connections[0];
  const RecordMap map = map_record(c, find_event(c, "client_hello", Side::client) + 1);
  CHECK(map.messages_in == ByteBlock::wire);
  REQUIRE(map.spans.size() == 1);
  CHECK(map.spans[0].start == 5);
}

TEST_CASE("clicking a field highlights its bytes, clicking a byte selects its field") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");  // step 0: the ClientHello is selected
  REQUIRE(h.session().playback().selection().message() != nullptr);
  const FieldMap& map = h.session().playback().selection().fields();
  std::size_t random = npos;
  for (std::size_t i = 0; i < map.size(); ++i)
    if (map.field(i).name == "random") random = i;
  REQUIRE(random != npos);
  const auto node = h.where(Hit::Kind::field_node, random);
  REQUIRE(node.has_value());
  h.click(*node);
  CHECK(h.session().playback().selection().current().field == random);
  const Highlight lit = h.session().playback().selection().highlight(ByteBlock::message);
  CHECK(lit.field_start == 6);
  CHECK(lit.field_length == 32);

  // Byte 4 of the message is legacy_version (0x0303).
  const auto byte = h.byte_at(ByteBlock::message, 4);
  REQUIRE(byte.has_value());
  h.click(*byte);
  const std::size_t f = h.session().playback().selection().current().field;
  REQUIRE(f != npos);
  CHECK(h.session().playback().selection().fields().field(f).name == "legacy_version");
}

TEST_CASE("a byte of the record on the wire selects the message and field it belongs to") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.press(static_cast<int>('5'));  // the Bytes tab
  h.frames(2);
  // Wire byte 5 + 6 is the first byte of the ClientHello's random.
  const auto byte = h.byte_at(ByteBlock::wire, 11);
  REQUIRE(byte.has_value());
  h.click(*byte);
  const MessageEvent* m = h.session().playback().selection().message();
  REQUIRE(m != nullptr);
  CHECK(m->message.name == "client_hello");
  CHECK(h.session()
            .playback()
            .selection()
            .fields()
            .field(h.session().playback().selection().current().field)
            .name == "random");
  // And the record header's own bytes select the record.
  h.session().apply(cmd::Select{0, h.session().playback().selection().record_event()});
  h.frames(2);
  const auto header = h.byte_at(ByteBlock::wire, 0);
  REQUIRE(header.has_value());
  h.click(*header);
  CHECK(h.session().playback().selection().message() == nullptr);
  CHECK(h.session()
            .playback()
            .selection()
            .fields()
            .field(h.session().playback().selection().current().field)
            .name == "content_type");
}
