// The alignment and comparison behind tlsclub diff, on small hand-made sequences and connections.
#include <doctest/doctest.h>

#include "timeline/run_diff.h"

namespace {

using tlsclub::align_sequences;
using tlsclub::AlignedPair;

// The alignment written as letters: "=x" both, "<x" only in A, ">x" only in B.
std::string drawn(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string out;
  for (const auto& [ia, ib] : align_sequences(a, b)) {
    if (ia && ib)
      out += "=" + a[*ia];
    else if (ia)
      out += "<" + a[*ia];
    else
      out += ">" + b[*ib];
    out += " ";
  }
  return out;
}

tlsclub::Event message(tlsclub::Side from, const std::string& name, tlsclub::Bytes bytes,
                       std::vector<tlsclub::Field> fields = {}) {
  tlsclub::MessageEvent m;
  m.from = from;
  m.message.name = name;
  m.message.bytes = std::move(bytes);
  m.message.fields = std::move(fields);
  return tlsclub::Event{0, 0, {}, m};
}

}  // namespace

TEST_CASE("align_sequences pairs equal sequences one to one") {
  CHECK(drawn({"a", "b", "c"}, {"a", "b", "c"}) == "=a =b =c ");
}

TEST_CASE("align_sequences keeps a longest common subsequence and marks the rest") {
  CHECK(drawn({"ch", "sh", "ske", "shd"}, {"ch", "sh", "ee", "cert"}) ==
        "=ch =sh <ske <shd >ee >cert ");
  CHECK(drawn({"a", "x", "b"}, {"a", "b", "y"}) == "=a <x =b >y ");
  CHECK(drawn({"b", "c"}, {"a", "b", "c"}) == ">a =b =c ");
}

TEST_CASE("align_sequences handles empty sides") {
  CHECK(drawn({}, {}).empty());
  CHECK(drawn({"a"}, {}) == "<a ");
  CHECK(drawn({}, {"a", "b"}) == ">a >b ");
}

TEST_CASE("align_sequences prefers the longest alignment over an early match") {
  // Matching the first "b" of B with A's only "b" would lose "c d"; the LCS keeps three.
  const auto pairs = align_sequences({"b", "c", "d"}, {"c", "d", "b", "c", "d"});
  std::size_t both = 0;
  for (const auto& [ia, ib] : pairs) both += ia && ib ? 1 : 0;
  CHECK(both == 3);
}

TEST_CASE("first_difference names the first differing byte, or the end of a prefix") {
  using tlsclub::first_difference;
  CHECK_FALSE(first_difference({1, 2, 3}, {1, 2, 3}));
  CHECK(first_difference({1, 2, 3}, {1, 9, 3}) == 1U);
  CHECK(first_difference({1, 2}, {1, 2, 3}) == 2U);
}

TEST_CASE("differing_fields names fields whose value or bytes differ or that one side lacks") {
  tlsclub::DecodedMessage a, b;
  a.bytes = {1, 0, 0, 2, 7, 8};
  b.bytes = {1, 0, 0, 2, 7, 9};
  a.fields = {{"header", "client_hello", 0, 4, "", {}},
              {"x", "7", 4, 1, "", {}},
              {"y", "same text", 5, 1, "", {}}};
  b.fields = {{"header", "client_hello", 0, 4, "", {}},
              {"x", "7", 4, 1, "", {}},
              {"y", "same text", 5, 1, "", {}},
              {"z", "only in b", 6, 0, "", {}}};
  CHECK(tlsclub::differing_fields(a, b) == std::vector<std::string>{"y", "z"});
}

TEST_CASE("diff_connections marks same, changed, only in A and only in B") {
  using tlsclub::Side;
  using tlsclub::StepKind;
  tlsclub::Connection a, b;
  a.events = {message(Side::client, "client_hello", {1, 2, 3}),
              message(Side::server, "server_key_exchange", {12}),
              message(Side::server, "finished", {20, 1})};
  b.events = {message(Side::client, "client_hello", {1, 2, 3}),
              message(Side::server, "encrypted_extensions", {8}),
              message(Side::server, "finished", {20, 2})};
  const auto d = tlsclub::diff_connections(a, b);
  REQUIRE(d.steps.size() == 4);
  CHECK(d.steps[0].kind == StepKind::same);
  CHECK(d.steps[1].kind == StepKind::only_a);
  CHECK(d.steps[1].message == "server_key_exchange");
  CHECK(d.steps[2].kind == StepKind::only_b);
  CHECK(d.steps[2].message == "encrypted_extensions");
  CHECK(d.steps[3].kind == StepKind::changed);
  CHECK(d.steps[3].first_difference == 1U);
  CHECK(d.same_outcome());
  CHECK_FALSE(d.same());
}

TEST_CASE("diff_connections tells a same sender and name from another sender's message") {
  using tlsclub::Side;
  tlsclub::Connection a, b;
  a.events = {message(Side::client, "finished", {20})};
  b.events = {message(Side::server, "finished", {20})};
  const auto d = tlsclub::diff_connections(a, b);
  REQUIRE(d.steps.size() == 2);
  CHECK(d.steps[0].kind == tlsclub::StepKind::only_a);
  CHECK(d.steps[1].kind == tlsclub::StepKind::only_b);
}

TEST_CASE("diff_connections compares failed checks, secrets and the outcome") {
  using tlsclub::Side;
  tlsclub::Connection a, b;
  a.outcome = tlsclub::Outcome::admitted;
  b.outcome = tlsclub::Outcome::refused;
  b.refused_by = Side::server;
  b.alert = "certificate_expired";
  tlsclub::CheckEvent failed;
  failed.by = Side::server;
  failed.check = "validity";
  b.events.push_back({0, 0, {}, failed});
  tlsclub::SecretEvent s;
  s.name = "master_secret";
  a.events.push_back({0, 0, {}, s});
  const auto d = tlsclub::diff_connections(a, b);
  CHECK_FALSE(d.same_outcome());
  CHECK(d.failed_checks_only_a.empty());
  CHECK(d.failed_checks_only_b == std::vector<std::string>{"server: validity at depth 0"});
  CHECK(d.secrets_only_a == std::vector<std::string>{"master_secret"});
  CHECK(d.secrets_only_b.empty());
}
