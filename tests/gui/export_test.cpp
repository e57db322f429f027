// File ▸ Export: what is on screen (the branch shown) goes out through the engine's exporters.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness.h"

using namespace tlsclub;
using namespace tlsclub::gui;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("every export of the lesson shown lands in the chosen folder") {
  const fs::path dir = fs::temp_directory_path() / "tlsclub-gui-export-test";
  fs::remove_all(dir);
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::Export{cmd::Export::What::handout, dir});
  CHECK_FALSE(h.session().export_report().failed);
  CHECK(read(dir / "first-visit-mutual-tls13.svg").find("<svg") != std::string::npos);
  CHECK(read(dir / "first-visit-mutual-tls13.md").find("first-visit-mutual-tls13.svg") !=
        std::string::npos);
  h.session().apply(cmd::Export{cmd::Export::What::capture, dir});
  const std::string pcap = read(dir / "first-visit-mutual-tls13.pcap");
  REQUIRE(pcap.size() > 24);
  CHECK(static_cast<unsigned char>(pcap[0]) == 0xd4);  // pcap magic, little-endian
  CHECK(read(dir / "first-visit-mutual-tls13.keylog").find("CLIENT_HANDSHAKE_TRAFFIC_SECRET") !=
        std::string::npos);
  h.session().apply(cmd::Export{cmd::Export::What::certificates, dir});
  CHECK(fs::exists(dir / "first-visit-mutual-tls13-certificates" / "index.txt"));
  CHECK(h.session().export_report().text.starts_with("Wrote "));
  fs::remove_all(dir);
}

TEST_CASE("an export into a place that cannot be written says why, and nothing else changes") {
  test::Harness h;
  h.open_demo();
  h.session().apply(cmd::Export{cmd::Export::What::ladder_svg, "/proc/tlsclub-cannot-write-here"});
  CHECK(h.session().export_report().failed);
  CHECK(h.session().export_report().text.find("/proc/tlsclub-cannot-write-here") !=
        std::string::npos);
}
