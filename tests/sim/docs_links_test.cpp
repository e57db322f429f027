// Every relative link in the README and docs/ points at a file that exists, every #anchor at a
// heading, and every repository path written in inline code (`scenarios/basics/...toml`) is
// there, so a trainer who follows the fault catalogue or the format reference never lands on
// nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> documents() {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  std::vector<fs::path> out{root / "README.md"};
  for (const auto& entry : fs::recursive_directory_iterator(root / "docs"))
    if (entry.path().extension() == ".md") out.push_back(entry.path());
  return out;
}

// A document's prose: fenced code blocks blanked out (kept as empty lines, so line numbers hold),
// because `# comment` in a shell block is no heading and `[i](x)` in code no link.
std::vector<std::string> prose_lines(const fs::path& doc) {
  std::ifstream in(doc);
  std::vector<std::string> out;
  bool fenced = false;
  for (std::string line; std::getline(in, line);) {
    const auto start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, 3, "```") == 0) {
      fenced = !fenced;
      out.emplace_back();
      continue;
    }
    out.push_back(fenced ? std::string() : line);
  }
  return out;
}

// The code point at s[i] (UTF-8), and how many bytes it takes.
std::pair<char32_t, std::size_t> code_point(const std::string& s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  char32_t c = n == 1 ? b : b & (0x3F >> (n - 1));
  for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {c, n};
}

// Symbols and punctuation GitHub drops from a slug (dashes, quotes, arrows, ✓ ✗, emoji ...).
bool symbol(char32_t c) {
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || c >= 0x1F000;
}

// GitHub's heading anchors: the text as rendered (no backticks, links reduced to their text),
// lower case, letters, digits, '-' and '_' kept, spaces turned into '-', everything else dropped.
std::string github_slug(std::string heading) {
  heading = std::regex_replace(heading, std::regex(R"(!?\[([^\]]*)\]\([^)]*\))"), "$1");
  heading = std::regex_replace(heading, std::regex(R"(<[^>]+>)"), "");
  std::string slug;
  for (std::size_t i = 0; i < heading.size();) {
    const auto [c, n] = code_point(heading, i);
    if (n == 1) {
      const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::isalnum(static_cast<unsigned char>(a)) || a == '-' || a == '_') slug += a;
      if (a == ' ') slug += '-';
    } else if (!symbol(c)) {
      slug += heading.substr(i, n);
    }
    i += n;
  }
  return slug;
}

// Every anchor a document has: its headings' slugs (a repeated one gets -1, -2, ...) and
// explicit <a name|id="...">.
std::set<std::string> anchors_of(const fs::path& doc) {
  static std::map<fs::path, std::set<std::string>> cache;
  if (const auto it = cache.find(doc); it != cache.end()) return it->second;
  static const std::regex heading(R"(^#{1,6}\s+(.*?)\s*#*\s*$)");
  static const std::regex explicit_anchor(R"re(<a\s+(?:name|id)="([^"]+)")re");
  std::set<std::string> out;
  std::map<std::string, int> seen;
  for (const auto& line : prose_lines(doc)) {
    std::smatch m;
    if (std::regex_match(line, m, heading)) {
      const auto slug = github_slug(m[1]);
      const int n = seen[slug]++;
      out.insert(n == 0 ? slug : slug + "-" + std::to_string(n));
    }
    for (std::sregex_iterator it(line.begin(), line.end(), explicit_anchor), end; it != end; ++it)
      out.insert((*it)[1]);
  }
  return cache[doc] = out;
}

std::string where(const fs::path& doc, std::size_t line) {
  return fs::relative(doc, TLSCLUB_SOURCE_DIR).string() + ":" + std::to_string(line + 1);
}

}  // namespace

TEST_CASE("GitHub's heading anchors are computed as GitHub does") {
  CHECK(github_slug("Quick start (Debian 12)") == "quick-start-debian-12");
  CHECK(github_slug("`tlsclub serve`") == "tlsclub-serve");
  CHECK(github_slug("Certificates (`--certs DIR`)") == "certificates---certs-dir");
  CHECK(github_slug("`[[note]]` and `[[question]]`: narration and predict mode") ==
        "note-and-question-narration-and-predict-mode");
  CHECK(github_slug("Run it in class — the GUI") == "run-it-in-class--the-gui");
  CHECK(github_slug("See [the format](scenario-format.md) first") == "see-the-format-first");
  CHECK(github_slug("key_usage") == "key_usage");
}

TEST_CASE("every relative link in the README and docs/ resolves, anchors included") {
  const std::regex link(R"(\]\(([^)\s]*)\))");
  std::size_t checked = 0, anchors = 0;
  for (const auto& doc : documents()) {
    const auto lines = prose_lines(doc);
    for (std::size_t n = 0; n < lines.size(); ++n) {
      const auto& s = lines[n];
      for (std::sregex_iterator it(s.begin(), s.end(), link), end; it != end; ++it) {
        const std::string target = (*it)[1];
        if (target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0) continue;
        const auto hash = target.find('#');
        const std::string file = target.substr(0, hash);
        const fs::path path = file.empty() ? doc : doc.parent_path() / file;
        INFO(where(doc, n), " links to ", target);
        CHECK(fs::exists(path));
        ++checked;
        if (hash == std::string::npos || path.extension() != ".md" || !fs::exists(path)) continue;
        const auto anchor = target.substr(hash + 1);
        const auto known = anchors_of(path);
        CHECK_MESSAGE(known.count(anchor) == 1, "no heading with the anchor #", anchor, " in ",
                      path.filename().string());
        ++anchors;
      }
    }
  }
  CHECK(checked >= 50);
  CHECK(anchors >= 1);
}

TEST_CASE("every repository path written in inline code in the README and docs/ exists") {
  // `scenarios/...`, `docs/...` and the source folders, with an extension or ending in '/';
  // placeholders (<name>, *, ...) are not paths. A `:line` after a file is allowed.
  const std::regex code(R"(`([^`]+)`)");
  const std::regex path(
      R"(^((?:scenarios|docs|sim|gui|tests|scripts)/[A-Za-z0-9_.+/-]*)(?::\d+(?::\d+)?)?$)");
  std::size_t checked = 0;
  for (const auto& doc : documents()) {
    const auto lines = prose_lines(doc);
    for (std::size_t n = 0; n < lines.size(); ++n) {
      const auto& s = lines[n];
      for (std::sregex_iterator it(s.begin(), s.end(), code), end; it != end; ++it) {
        std::smatch m;
        const std::string text = (*it)[1];
        if (!std::regex_match(text, m, path)) continue;
        const std::string p = m[1];
        const auto name = fs::path(p).filename().string();
        const bool folder = p.back() == '/';
        if (!folder && name.find('.', 1) == std::string::npos) continue;
        INFO(where(doc, n), " names `", p, "`");
        CHECK(fs::exists(fs::path(TLSCLUB_SOURCE_DIR) / p));
        ++checked;
      }
    }
  }
  CHECK(checked >= 20);
}
