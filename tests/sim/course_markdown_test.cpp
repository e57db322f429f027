// The course as Markdown pages: one per lesson, the index and the myths, deterministic, with the
// answers folded away and every scenario linked into the library.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <variant>

#include "course/course.h"

namespace {

namespace fs = std::filesystem;

const fs::path kLibrary = fs::path(TLSCLUB_SOURCE_DIR) / "scenarios";
const fs::path kFixture = fs::path(TLSCLUB_SOURCE_DIR) / "tests/sim/data/course";

std::map<std::string, std::string> pages() {
  auto result = tlsclub::load_course(kFixture, kLibrary);
  REQUIRE(std::holds_alternative<tlsclub::Course>(result));
  std::map<std::string, std::string> out;
  for (auto& [name, content] : tlsclub::course_markdown(std::get<tlsclub::Course>(result)))
    out[name] = content;
  return out;
}

bool has(const std::string& page, const std::string& text) {
  return page.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("the course gives a page per lesson, an index and the myths") {
  const auto p = pages();
  CHECK(p.size() == 4);
  CHECK(p.count("01-first-look.md") == 1);
  CHECK(p.count("02-when-it-fails.md") == 1);
  CHECK(p.count("README.md") == 1);
  CHECK(p.count("myths.md") == 1);
  CHECK(pages() == p);  // deterministic
}

TEST_CASE("a lesson page walks the steps and folds the answers away") {
  const std::string page = pages()["01-first-look.md"];
  CHECK(page.rfind("# Lesson 1: A first look\n", 0) == 0);
  CHECK(has(page, "- Name the messages of a TLS 1.3 handshake\n"));
  CHECK(has(page,
            "## Scenarios\n\n- [Server-only authentication (TLS 1.3)]"
            "(../../scenarios/basics/server-only-tls13.toml)"));
  CHECK(has(page,
            "**2. Alice's visit — the club sends CertificateVerify**\n\n"
            "The club signs the transcript with its badge's key.\n\n"
            "*[RFC 8446 4.4.3](https://www.rfc-editor.org/rfc/rfc8446#section-4.4.3)*"));
  CHECK(has(page, "## Predict"));
  CHECK(has(page, "<details><summary>Answer</summary>\n\n**admitted**. Every check"));
  CHECK(has(page, "- the transcript\n- the application data"));
  CHECK(has(page, "## Try it"));
  CHECK(has(page, "```sh\ntlsclub lessons try 1 1\n```"));
  CHECK(has(page,
            "<details><summary>Expected result</summary>\n\nAlice turns the club down: "
            "Alice's device sends the fatal alert `bad_record_mac`."));
  CHECK(has(page, "## Summary"));
  CHECK(has(page, "## Further reading\n\n- [RFC 8446 2]"));
  CHECK(has(page, "[Lesson 2: When it fails](02-when-it-fails.md) →"));
  const std::string second = pages()["02-when-it-fails.md"];
  CHECK(has(second, "← [Lesson 1: A first look](01-first-look.md)"));
  CHECK(has(second, "set the clock to 2026-02-27T20:00:00Z"));
  // Two scenarios: each run of steps says which one it is in.
  CHECK(has(second, "*In [TLS 1.2 with RSA key transport"));
}

TEST_CASE("the index lists the lessons and the myths cite their evidence") {
  const auto p = pages();
  const std::string& index = p.at("README.md");
  CHECK(has(index, "| 1 | [A first look](01-first-look.md) | 1 |\n"));
  CHECK(has(index, "| 2 | [When it fails](02-when-it-fails.md) | 2 |\n"));
  CHECK(has(index, "[Myths and facts](myths.md)"));
  CHECK(has(index, "(../glossary.md)"));
  const std::string& myths = p.at("myths.md");
  CHECK(has(myths, "> **Myth:** Server certificates encrypt the data.\n"));
  CHECK(has(myths,
            "(../../scenarios/versions/rsa-key-exchange-tls12.toml), Alice's visit — Alice "
            "sends ClientKeyExchange"));
  CHECK(has(myths, "Taught in [Lesson 2: When it fails](02-when-it-fails.md)."));
}
