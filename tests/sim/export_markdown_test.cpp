// The Markdown handout: title and summary, every step with its messages explained (club,
// engineer, RFC), the certificate checks, the outcome, the trainer's notes and questions.
#include "explain/catalogue.h"
#include "export/ladder.h"
#include "export/markdown.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

// "### Step N · from → to · Label" for every delivered record of a connection.
std::vector<std::string> step_headings(const Connection& c) {
  std::vector<std::string> out;
  for (const auto& row : ladder_of(c).rows)
    if (const auto* a = std::get_if<LadderArrow>(&row))
      out.push_back("### Step " + std::to_string(a->step) + " · " +
                    std::string(to_string(a->from)) + " → " +
                    std::string(to_string(peer_of(a->from))) + " · " + a->label);
  return out;
}

}  // namespace

TEST_CASE("the handout has every step of every member, in order, each message explained") {
  const auto spec = library_scenario("basics/queue-of-members.toml");
  const auto timeline = run_scenario(spec);
  const std::string md = markdown_handout(spec, timeline);
  CHECK(md.starts_with("# A queue at the door\n"));
  CHECK(contains(md, "Four people queue at a club"));
  std::size_t at = 0;
  for (const auto& c : timeline.connections) {
    const auto member = md.find("## " + c.client + " at club.example", at);
    REQUIRE_MESSAGE(member != std::string::npos, c.client);
    at = member;
    for (const auto& heading : step_headings(c)) {
      const auto found = md.find(heading + "\n", at);
      CHECK_MESSAGE(found != std::string::npos, heading);
      if (found != std::string::npos) at = found;
    }
  }
  // Every message's club and engineer sentences and its RFC section, at least once.
  for (const char* name :
       {"client_hello", "server_hello", "encrypted_extensions", "certificate_request",
        "certificate", "certificate_verify", "finished"}) {
    const Explanation* e = find_explanation(std::string("message.") + name);
    REQUIRE(e != nullptr);
    CHECK(contains(md, std::string(e->club)));
    CHECK(contains(md, std::string(e->engineer)));
    CHECK(contains(md, "(" + std::string(e->rfc) + ")"));
  }
}

TEST_CASE("the handout lists the certificate checks and the outcome with the expectation") {
  const auto spec = library_scenario("basics/queue-of-members.toml");
  const std::string md = markdown_handout(spec, run_scenario(spec));
  CHECK(contains(md, "| by | certificate | depth | check | result | reason | alert |"));
  CHECK(contains(md, "| validity | ✗ |"));
  CHECK(contains(md, "`certificate_expired` |"));
  CHECK(contains(md,
                 "**Carol turned away by the club: the card fails the validity check "
                 "(certificate_expired)** — the first check "
                 "that failed: validity"));
  CHECK(contains(md, "**Alice admitted (TLS 1.3)**"));
  CHECK(contains(md, "*Expected:* refused by server with unknown_ca"));
  CHECK(contains(md, "```text\n"));  // no SVG: a text ladder
}

TEST_CASE("the handout links the SVG when there is one, and marks attacks") {
  auto spec = demo_scenario(TlsVersion::tls12);
  spec.notes.push_back({{"", "server.certificate"}, "Ask who can read this certificate."});
  RunOptions options;
  WireFault flip;
  flip.from = Side::server;
  flip.message = "finished";
  options.faults.push_back(flip);
  const std::string md = markdown_handout(spec, run_scenario(spec, options), {"ladder.svg"});
  CHECK(contains(md, "](ladder.svg)"));
  CHECK_FALSE(contains(md, "```text\n"));
  CHECK(contains(md, "⚡ **Attack on the wire:** flip"));
  CHECK(contains(md, "## Notes for the trainer"));
  CHECK(contains(md, "Ask who can read this certificate."));
}

TEST_CASE("tlsclub export --svg --markdown writes both, the handout linking the diagram") {
  ScratchDir dir("export-handout-cli");
  std::filesystem::create_directories(dir.path() / "slides");
  const auto r = run_command(std::string(TLSCLUB_CLI) + " export " +
                             library_path("basics/queue-of-members.toml") + " --svg " +
                             (dir / "slides/ladder.svg") + " --markdown " + (dir / "handout.md"));
  CHECK_MESSAGE(r.code == 0, r.out);
  CHECK(contains(read_text(dir.path() / "handout.md"), "](slides/ladder.svg)"));
  CHECK(read_text(dir.path() / "slides/ladder.svg").starts_with("<?xml"));
}
