// The ladder SVG: well-formed XML (read back by python3's XML parser), one arrow per delivered
// record, protection colours, attacks marked, an outcome per member.
#include "export/svg.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

std::size_t delivered_records(const Timeline& t) {
  std::size_t n = 0;
  for (const auto& c : t.connections)
    for (const auto& e : c.events)
      if (const auto* r = std::get_if<RecordEvent>(&e.body);
          r && r->phase == RecordEvent::Phase::delivered)
        ++n;
  return n;
}

// python3 parses the file and prints: arrows, dropped arrows, outcome boxes.
std::string parsed_counts(const ScratchDir& dir, const std::string& svg) {
  const std::string file = dir / "ladder.svg";
  std::ofstream(file) << svg;
  const std::string script =
      "import sys, xml.etree.ElementTree as E\n"
      "ns = '{http://www.w3.org/2000/svg}'\n"
      "root = E.parse(sys.argv[1]).getroot()\n"
      "groups = [g.get('class', '').split() for g in root.iter(ns + 'g')]\n"
      "records = [c for c in groups if c[:1] == ['record']]\n"
      "dropped = [c for c in records if 'dropped' in c]\n"
      "boxes = [r for r in root.iter(ns + 'rect') if r.get('class') == 'outcome']\n"
      "print(len(records) - len(dropped), len(dropped), len(boxes))\n";
  std::ofstream(dir / "count.py") << script;
  const auto r = run_command("python3 " + (dir / "count.py") + " " + file);
  REQUIRE_MESSAGE(r.code == 0, r.out);
  return r.out;
}

}  // namespace

TEST_CASE("the ladder SVG parses as XML and has one arrow per delivered record") {
  TLSCLUB_REQUIRE_TOOL("python3");
  ScratchDir dir("export-svg-queue");
  const auto timeline = run_scenario(library_scenario("basics/queue-of-members.toml"));
  const std::string svg = ladder_svg(timeline);
  CHECK(parsed_counts(dir, svg) == std::to_string(delivered_records(timeline)) + " 0 4\n");
  // Colours by protection (docs/gui.md#colour-means-protection), alerts red, and each outcome
  // written out.
  CHECK(contains(svg, "class=\"record plaintext\""));
  CHECK(contains(svg, "class=\"record handshake-keys\""));
  CHECK(contains(svg, "class=\"record application-keys\""));
  CHECK(contains(svg, "class=\"record alert\""));
  CHECK(contains(svg, "Alert: certificate_expired"));
  CHECK(contains(svg, "Carol turned away by the club: the card fails the validity check"));
  CHECK(contains(svg, "Alice admitted (TLS 1.3)"));
  CHECK(contains(svg, "✗ validity"));
}

TEST_CASE("a dropped record is half an arrow, an attack is marked, odd titles stay XML") {
  TLSCLUB_REQUIRE_TOOL("python3");
  ScratchDir dir("export-svg-drop");
  auto spec = demo_scenario();
  spec.title = "Alice & <Bob> \"quoted\"";
  RunOptions options;
  WireFault drop;
  drop.from = Side::client;
  drop.message = "finished";
  drop.action = WireFault::Action::drop;
  options.faults.push_back(drop);
  const auto timeline = run_scenario(spec, options);
  const std::string svg = ladder_svg(timeline);
  CHECK(parsed_counts(dir, svg) == std::to_string(delivered_records(timeline)) + " 1 1\n");
  CHECK(contains(svg, "⚡ drop"));
  CHECK(contains(svg, "Alice &amp; &lt;Bob&gt; &quot;quoted&quot;"));
}

TEST_CASE("the same Timeline gives the same SVG") {
  const auto spec = library_scenario("versions/mutual-tls12.toml");
  CHECK(ladder_svg(run_scenario(spec)) == ladder_svg(run_scenario(spec)));
}
