// write_exports: every export in one call (the GUI's export menu), whole files or none.
#include "export/exports.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"

using namespace tlsclub;
using namespace tlsclub::test;

TEST_CASE("write_exports writes every file asked for and says what each is") {
  ScratchDir dir("export-all");
  const auto spec = demo_scenario();
  const ExportRequest request{dir.path() / "certs",  dir.path() / "t.json", dir.path() / "t.pcap",
                              dir.path() / "t.keys", dir.path() / "t.svg",  dir.path() / "t.md"};
  const auto files = write_exports(spec, run_scenario(spec), request);
  CHECK(files.size() == 13 + 5);
  for (const auto& f : files) {
    CHECK(std::filesystem::file_size(f.path) > 0);
    CHECK_FALSE(f.description.empty());
  }
  CHECK(contains(read_text(dir.path() / "t.md"), "](t.svg)"));
}

TEST_CASE("an export into a missing folder names it, and leaves no half-written file") {
  ScratchDir dir("export-all-missing");
  const auto spec = demo_scenario();
  ExportRequest request;
  request.svg = dir.path() / "missing" / "t.svg";
  try {
    write_exports(spec, run_scenario(spec), request);
    FAIL("expected an error");
  } catch (const std::runtime_error& e) {
    CHECK(contains(e.what(), (dir.path() / "missing").string()));
    CHECK(contains(e.what(), "hint"));
  }
  CHECK(std::filesystem::is_empty(dir.path()));
}
