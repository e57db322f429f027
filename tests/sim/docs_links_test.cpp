// Every relative link in the README and docs/ points at a file that exists, every #anchor at a
// heading, and every repository path written in inline code (`scenarios/basics/...toml`) is
// there, so a trainer who follows the fault catalogue or the format reference never lands on
// nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
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

// Comments, scenario texts and docs cite only documents that are in the repository: a note that
// lives elsewhere cannot be read by the next engineer, and cannot be checked.
namespace {

struct Comment {
  fs::path file;
  std::size_t line = 0;  // where it starts (1-based)
  std::size_t last = 0;  // where it ends: a run of `//` lines is one comment
  std::string text;
  bool joins = false;  // a `//` or `#` line, which the next such line continues
};

void add_comment(std::vector<Comment>& out, const fs::path& file, std::size_t line,
                 std::string text, bool joins) {
  if (joins && !out.empty() && out.back().joins && out.back().last + 1 == line) {
    out.back().text += " " + text;
    out.back().last = line;
    return;
  }
  out.push_back({file, line, line, std::move(text), joins});
}

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The comments of C++ source: a run of `//` lines joined (a citation may wrap), `/* */` blocks.
// String and character literals (raw strings too) are skipped: "https://..." is no comment.
std::vector<Comment> cpp_comments(const fs::path& file, const std::string& s) {
  std::vector<Comment> out;
  std::size_t line = 1;
  const auto lines_in = [&](std::size_t from, std::size_t to) {
    return static_cast<std::size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(from),
                                               s.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\n') {
      ++line, ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      const auto end = std::min(s.find('\n', i), s.size());
      add_comment(out, file, line, s.substr(i + 2, end - i - 2), true);
      i = end;
    } else if (s.compare(i, 2, "/*") == 0) {
      const auto end = std::min(s.find("*/", i + 2), s.size());
      add_comment(out, file, line, s.substr(i + 2, end - i - 2), false);
      line += lines_in(i, end);
      i = std::min(end + 2, s.size());
    } else if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"' &&
               (i == 0 || !identifier_char(s[i - 1]) ||
                std::string("8LuU").find(s[i - 1]) != std::string::npos)) {
      const auto open = s.find('(', i + 2);
      if (open == std::string::npos) break;
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const auto end = std::min(s.find(close, open), s.size());
      line += lines_in(i, end);
      i = std::min(end + close.size(), s.size());
    } else if (c == '"' ||
               (c == '\'' &&
                (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))))) {  // not 1'000
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != c && s[j] != '\n') j += s[j] == '\\' ? 2 : 1;
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// The comments of shell scripts and CMake files: `#` at the start of a line or after a space,
// outside quotes (so `${#list}` and "a # b" are not comments).
std::vector<Comment> hash_comments(const fs::path& file, const std::string& s) {
  std::vector<Comment> out;
  std::istringstream in(s);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        add_comment(out, file, n, line.substr(i + 1), true);
        break;
      }
    }
  }
  return out;
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::set<std::string>& repository_md_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    const fs::path root(TLSCLUB_SOURCE_DIR);
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      const auto name = it->path().filename().string();
      if (it->is_directory() && (name == "build" || name.starts_with("."))) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->path().extension() == ".md") out.insert(name);
    }
    return out;
  }();
  return names;
}

// The repository file a citation names: from the top of the tree, from the citing file's folder
// (a lesson page's `../` link), or a bare file name that exists somewhere in the tree. A path that
// leaves the tree names nothing, even where a file is there.
std::optional<fs::path> resolve(const std::string& cited, const fs::path& from) {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  const auto top = fs::weakly_canonical(root).string() + "/";
  for (const fs::path& base : {root, from.parent_path()}) {
    const auto path = fs::weakly_canonical(base / cited);
    if (path.string().starts_with(top) && fs::exists(path)) return path;
  }
  if (cited.find('/') == std::string::npos && repository_md_names().count(cited) == 1)
    return fs::path();  // exists, but where is ambiguous: no anchor can be checked
  return std::nullopt;
}

// "pitfalls 1-4", "pitfall 3", "pitfalls 2, 6 and 10" -> the numbers.
std::vector<int> pitfall_numbers(const std::string& list) {
  std::vector<int> out;
  const std::regex item(R"((\d+)(?:\s*-\s*(\d+))?)");
  for (std::sregex_iterator it(list.begin(), list.end(), item), end; it != end; ++it) {
    const int first = std::stoi((*it)[1]);
    const int last = (*it)[2].matched ? std::stoi((*it)[2]) : first;
    for (int n = first; n <= last; ++n) out.push_back(n);
  }
  return out;
}

// What is wrong with the references in one piece of text (a comment, or a line of a doc), each
// problem a sentence; `prose` is false where only names that cannot be outputs are checked.
std::vector<std::string> bad_references(const std::string& text, const fs::path& from,
                                        bool prose = true) {
  std::vector<std::string> problems;
  // A relative path that climbs out of the tree, whatever it names, and a team's notes by name.
  static const std::regex climbing(R"((?:\.\./)+[A-Za-z0-9_.-][A-Za-z0-9_./-]*)");
  const auto top = fs::weakly_canonical(fs::path(TLSCLUB_SOURCE_DIR)).string() + "/";
  for (std::sregex_iterator it(text.begin(), text.end(), climbing), end; it != end; ++it)
    if (!fs::weakly_canonical(from.parent_path() / it->str()).string().starts_with(top))
      problems.push_back("cites `" + it->str() + "`, which is outside the repository");
  static const std::regex notes_name(R"(\b[A-Z]+-NOTES\b)");
  if (std::smatch m; std::regex_search(text, m, notes_name))
    problems.push_back("cites `" + m.str() + "`, notes that are not in the repository");
  // A note's name in capitals (a design note, not an output a command writes).
  static const std::regex note(R"((?:^|[^A-Za-z0-9_./-])([A-Z][A-Z0-9_-]*\.md)(?![A-Za-z0-9]))");
  static const std::regex md(
      R"(([A-Za-z0-9_.][A-Za-z0-9_./-]*\.md)(#[A-Za-z0-9_-]+)?(?![A-Za-z0-9]))");
  for (std::sregex_iterator it(text.begin(), text.end(), prose ? md : note), end; it != end; ++it) {
    const std::string cited = (*it)[1];
    const auto file = resolve(cited, from);
    if (!file) {
      problems.push_back("cites " + cited + ", which is not in the repository");
      continue;
    }
    if (!prose || !(*it)[2].matched || file->empty()) continue;
    const std::string anchor = std::string((*it)[2]).substr(1);
    if (anchors_of(*file).count(anchor) == 0)
      problems.push_back("cites " + cited + "#" + anchor + ", which has no such heading");
  }
  static const std::regex pitfalls(
      R"(botan-notes\.md,?\s+pitfalls?\s+(\d+(?:\s*(?:,|-|and)\s*\d+)*))");
  const auto notes = fs::path(TLSCLUB_SOURCE_DIR) / "docs" / "botan-notes.md";
  for (std::sregex_iterator it(text.begin(), text.end(), pitfalls), end; it != end; ++it)
    for (const int n : pitfall_numbers((*it)[1])) {
      const std::string prefix = "pitfall-" + std::to_string(n) + "-";
      const auto& known = anchors_of(notes);
      if (std::none_of(known.begin(), known.end(),
                       [&](const std::string& a) { return a.starts_with(prefix); }))
        problems.push_back("cites pitfall " + std::to_string(n) +
                           " of docs/botan-notes.md, which has no such heading");
    }
  return problems;
}

// Every comment of the sources, scripts and build files, and the whole text of the scenario and
// lesson files (their comments and the texts students read).
std::vector<Comment> repository_comments() {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  std::vector<Comment> out;
  const auto add = [&](const std::vector<Comment>& more) {
    out.insert(out.end(), more.begin(), more.end());
  };
  for (const char* folder :
       {"sim", "gui", "tests", "scripts", "cmake", ".ci", "scenarios", "docs/lessons"}) {
    if (!fs::exists(root / folder)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file()) continue;
      const auto& path = entry.path();
      const auto ext = path.extension().string();
      const std::string folder_name(folder);
      if (ext == ".cpp" || ext == ".h") {
        add(cpp_comments(path, read_all(path)));
      } else if (ext == ".sh" || ext == ".cmake" || path.filename() == "CMakeLists.txt" ||
                 ((folder_name == "scripts" || folder_name == ".ci") && ext.empty())) {
        add(hash_comments(path, read_all(path)));
      } else if (ext == ".toml" && folder_name != "tests") {
        std::istringstream in(read_all(path));
        std::size_t n = 0;
        for (std::string line; std::getline(in, line);) out.push_back({path, ++n, n, line, false});
      }
    }
  }
  add(hash_comments(root / "CMakeLists.txt", read_all(root / "CMakeLists.txt")));
  return out;
}

}  // namespace

TEST_CASE("comments are read from code, not from string literals") {
  const std::string code =
      "const char* url = \"https://example.org\";  // one\n"
      "\n"
      "// two,\n"
      "// wrapped\n"
      "auto r = R\"re(// not one\n)re\"; char q = '\"'; /* three\n"
      "*/ int n = 1'000;  // four\n";
  const auto comments = cpp_comments("x.cpp", code);
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].text == " one");
  CHECK(comments[1].text == " two,  wrapped");
  CHECK(comments[1].line == 3);
  CHECK(comments[2].line == 6);
  CHECK(comments[3].line == 7);
  CHECK(hash_comments("x.sh", "echo \"${#list} # no\"  # yes\n").at(0).text == " yes");
}

TEST_CASE("a citation of a document that is not in the repository is found") {
  const fs::path here = fs::path(TLSCLUB_SOURCE_DIR) / "sim" / "core" / "side.h";
  CHECK(bad_references(" (docs/gui.md#symbols-and-direction)", here).empty());
  CHECK(bad_references(" (docs/botan-notes.md, pitfalls 1-4)", here).empty());
  CHECK(bad_references(" the course's myths.md and ../../docs/glossary.md", here).empty());
  CHECK(bad_references(" (DESIGN-NOTES.md)", here).size() == 2);
  CHECK(bad_references(" see ../../../outside/PLAN.md", here).size() == 2);
  CHECK(bad_references(" (docs/gui.md#no-such-heading)", here).size() == 1);
  CHECK(bad_references(" (docs/botan-notes.md, pitfalls 2 and 99)", here).size() == 1);
  CHECK(bad_references(" (see TEAM-NOTES, pitfall 3)", here).size() == 1);
  CHECK(bad_references("--markdown handout.md", here, false).empty());  // an output
}

TEST_CASE("comments, scenario and lesson texts cite only documents in the repository") {
  const auto comments = repository_comments();
  CHECK(comments.size() > 1000);
  for (const auto& comment : comments)
    for (const auto& problem : bad_references(comment.text, comment.file))
      FAIL_CHECK(fs::relative(comment.file, TLSCLUB_SOURCE_DIR).string(), ":", comment.line,
                 ": a comment ", problem);
}

TEST_CASE("the README and docs/ mention only documents in the repository") {
  // Prose outside inline code must name real documents; inside code and fenced blocks a name
  // may be an output a command writes (the handout of `--markdown`) or a placeholder, so only a
  // design note's capitalised name and a path outside the repository are refused there.
  const std::regex code(R"(`[^`]*`)");
  for (const auto& doc : documents()) {
    const auto prose = prose_lines(doc);
    std::ifstream in(doc);
    std::size_t n = 0;
    for (std::string raw; std::getline(in, raw); ++n) {
      INFO(where(doc, n));
      for (const auto& problem : bad_references(raw, doc, false)) FAIL_CHECK("the doc ", problem);
      const std::string text = std::regex_replace(prose[n], code, "``");
      for (const auto& problem : bad_references(text, doc)) FAIL_CHECK("the doc ", problem);
    }
  }
}
