// DESIGN rule 1: sim/ is a deterministic library with no sockets, except in its bridge module.
#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>

TEST_CASE("only sim/bridge includes socket headers") {
  const std::filesystem::path sim = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "sim";
  constexpr std::array<const char*, 5> kNetwork{"<sys/socket.h>", "<netinet/", "<arpa/inet.h>",
                                                "<netdb.h>", "<poll.h>"};
  std::size_t in_bridge = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(sim)) {
    if (!entry.is_regular_file()) continue;
    const bool bridge = entry.path().parent_path().filename() == "bridge";
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#include", 0) != 0) continue;
      for (const char* header : kNetwork) {
        if (line.find(header) == std::string::npos) continue;
        CAPTURE(entry.path().string());
        CHECK(bridge);
        in_bridge += bridge;
      }
    }
  }
  CHECK(in_bridge > 0);  // the bridge is where they are
}
