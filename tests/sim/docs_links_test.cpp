// Every relative link in the README and docs/ points at a file that exists, so a trainer who
// follows the fault catalogue or the format reference never lands on nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace {

std::vector<std::filesystem::path> documents() {
  const std::filesystem::path root(TLSCLUB_SOURCE_DIR);
  std::vector<std::filesystem::path> out{root / "README.md"};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "docs"))
    if (entry.path().extension() == ".md") out.push_back(entry.path());
  return out;
}

}  // namespace

TEST_CASE("every relative link in the README and docs/ resolves") {
  const std::regex link(R"(\]\(([^)#\s]+)(#[^)]*)?\))");
  std::size_t checked = 0;
  for (const auto& doc : documents()) {
    std::ifstream in(doc);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), link), end; it != end; ++it) {
      const std::string target = (*it)[1];
      if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0) continue;
      INFO(doc.filename().string(), " links to ", target);
      CHECK(std::filesystem::exists(doc.parent_path() / target));
      ++checked;
    }
  }
  CHECK(checked >= 50);
}
