// The path builder of tlsclub verify (sim/endpoint/path_builder.h) on chains openssl makes:
// any order, look-alike issuers, loops and long chains.
#include <doctest/doctest.h>

#include "endpoint/path_builder.h"
#include "endpoint/verifier.h"
#include "verify_test_tools.h"

namespace {

using tlsclub::test::cert;

std::vector<std::string> subjects(const tlsclub::BuiltPath& built) {
  std::vector<std::string> out;
  for (const auto& c : built.path) out.push_back(tlsclub::subject_of(c));
  return out;
}

}  // namespace

TEST_CASE("the path builder finds the chain from intermediates in any order") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const auto dir = tlsclub::test::verify_chains();
  REQUIRE(!dir.empty());
  const std::vector untrusted{cert(dir, "long-3"), cert(dir, "long-5"), cert(dir, "leaf"),
                              cert(dir, "long-1"), cert(dir, "long-4"), cert(dir, "long-2")};
  const auto built = tlsclub::build_path(cert(dir, "long-leaf"), untrusted, {cert(dir, "root")});
  CHECK(built.anchored);
  CHECK_FALSE(built.limit_hit);
  CHECK(subjects(built) ==
        std::vector<std::string>{"CN=club.example,O=TLS Club Tests", "CN=Long 5,O=TLS Club Tests",
                                 "CN=Long 4,O=TLS Club Tests", "CN=Long 3,O=TLS Club Tests",
                                 "CN=Long 2,O=TLS Club Tests", "CN=Long 1,O=TLS Club Tests",
                                 "CN=Test Root,O=TLS Club Tests"});
}

TEST_CASE("the path builder tells two issuers of the same name apart by key identifier") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const auto dir = tlsclub::test::verify_chains();
  REQUIRE(!dir.empty());
  const auto twin1 = cert(dir, "twin1");
  const auto twin2 = cert(dir, "twin2");
  REQUIRE(twin1.subject_dn() == twin2.subject_dn());
  const auto leaf = cert(dir, "twin-leaf");
  CHECK_FALSE(tlsclub::may_issue(twin1, leaf));
  CHECK(tlsclub::may_issue(twin2, leaf));
  const auto built = tlsclub::build_path(leaf, {twin1, twin2}, {cert(dir, "root")});
  REQUIRE(built.anchored);
  REQUIRE(built.path.size() == 3);
  CHECK(built.path[1] == twin2);
}

TEST_CASE("the path builder stops on a loop of cross-signed authorities") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const auto dir = tlsclub::test::verify_chains();
  REQUIRE(!dir.empty());
  // Loop A is signed by Loop B's key and Loop B by Loop A's: each may issue the other.
  const auto a = cert(dir, "loop-a");
  const auto b = cert(dir, "loop-b");
  REQUIRE(tlsclub::may_issue(b, a));
  REQUIRE(tlsclub::may_issue(a, b));
  const auto built = tlsclub::build_path(cert(dir, "loop-leaf"), {a, b}, {cert(dir, "root")});
  CHECK_FALSE(built.anchored);
  CHECK(built.path.size() == 3);  // leaf, Loop A, Loop B: then Loop A again is refused
  CHECK(built.candidates_tried == 2);
  // The bouncer, handed the partial path, says where it breaks.
  tlsclub::VerifyRequest request;
  request.chain = built.path;
  request.trusted_roots = {cert(dir, "root")};
  request.check_identity = false;
  request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto result = tlsclub::verify_chain(request);
  CHECK_FALSE(result.ok());
  CHECK(result.alert == "unknown_ca");
  CHECK(result.reason.find("already on the path") != std::string::npos);
}

TEST_CASE("the path builder keeps to its depth and candidate limits") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const auto dir = tlsclub::test::verify_chains();
  REQUIRE(!dir.empty());
  const std::vector untrusted{cert(dir, "long-1"), cert(dir, "long-2"), cert(dir, "long-3"),
                              cert(dir, "long-4"), cert(dir, "long-5")};
  tlsclub::PathLimits shallow;
  shallow.max_depth = 4;
  const auto cut =
      tlsclub::build_path(cert(dir, "long-leaf"), untrusted, {cert(dir, "root")}, shallow);
  CHECK_FALSE(cut.anchored);
  CHECK(cut.limit_hit);
  CHECK(cut.path.size() == 4);
  tlsclub::PathLimits few;
  few.max_candidates = 2;
  const auto stopped =
      tlsclub::build_path(cert(dir, "long-leaf"), untrusted, {cert(dir, "root")}, few);
  CHECK_FALSE(stopped.anchored);
  CHECK(stopped.limit_hit);
  CHECK(stopped.candidates_tried == 2);
}

TEST_CASE("the path builder returns the partial path when no anchor is reachable") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const auto dir = tlsclub::test::verify_chains();
  REQUIRE(!dir.empty());
  const auto built = tlsclub::build_path(cert(dir, "leaf"), {cert(dir, "inter")}, {});
  CHECK_FALSE(built.anchored);
  CHECK_FALSE(built.limit_hit);
  CHECK(built.path.size() == 2);  // leaf, intermediate: the root was never given
}
