// sim/ is the engine: it must never depend on the GUI (docs/architecture.md, its rules).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

TEST_CASE("nothing under sim/ includes ImGui or GLFW") {
  const std::filesystem::path sim = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "sim";
  REQUIRE(std::filesystem::is_directory(sim));
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(sim)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#include", 0) != 0) continue;
      CAPTURE(entry.path().string());
      CAPTURE(line);
      CHECK(line.find("imgui") == std::string::npos);
      CHECK(line.find("GLFW") == std::string::npos);
    }
  }
  CHECK(files > 20);
}
