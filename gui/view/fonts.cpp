#include "view/fonts.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace tlsclub::gui {

namespace fs = std::filesystem;

namespace {

// <dir>...</dir> entries of fontconfig's main file (a "~/" prefix means the home directory).
std::vector<fs::path> fontconfig_dirs() {
  std::vector<fs::path> dirs;
  std::ifstream in("/etc/fonts/fonts.conf");
  std::string line;
  const char* home = std::getenv("HOME");
  while (std::getline(in, line)) {
    const std::size_t open = line.find("<dir");
    if (open == std::string::npos) continue;
    const std::size_t start = line.find('>', open);
    const std::size_t end = line.find("</dir>", open);
    if (start == std::string::npos || end == std::string::npos || end <= start) continue;
    std::string dir = line.substr(start + 1, end - start - 1);
    if (dir.starts_with("~/") && home != nullptr) dir = std::string(home) + dir.substr(1);
    if (!dir.empty() && dir[0] == '/') dirs.emplace_back(dir);
  }
  return dirs;
}

std::vector<fs::path> candidate_dirs() {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("TLSCLUB_FONT_DIR"); env != nullptr && *env != '\0')
    dirs.emplace_back(env);
  dirs.emplace_back("/usr/share/fonts/truetype/dejavu");    // Debian, Ubuntu
  dirs.emplace_back("/usr/share/fonts/dejavu-sans-fonts");  // Fedora
  dirs.emplace_back("/usr/share/fonts/dejavu-sans-mono-fonts");
  dirs.emplace_back("/usr/share/fonts/TTF");  // Arch
  for (const fs::path& d : fontconfig_dirs()) dirs.push_back(d);
  if (const char* home = std::getenv("HOME"); home != nullptr) {
    dirs.push_back(fs::path(home) / ".local/share/fonts");
    dirs.push_back(fs::path(home) / "Library/Fonts");
  }
  dirs.emplace_back("/opt/homebrew/share/fonts");
  dirs.emplace_back("/Library/Fonts");
  return dirs;
}

}  // namespace

std::optional<fs::path> find_font(const char* file_name) {
  std::error_code ec;
  for (const fs::path& dir : candidate_dirs()) {
    if (fs::is_regular_file(dir / file_name, ec)) return dir / file_name;
    // fontconfig directories hold families in subfolders; look two levels down.
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it.depth() > 2) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->path().filename() == file_name) return it->path();
    }
    ec.clear();
  }
  return std::nullopt;
}

const ImWchar* glyph_ranges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin, Latin-1
      0x2000, 0x206F,  // General Punctuation: – — • … ·
      0x2190, 0x21FF,  // Arrows: ← → ⇄ ↺
      0x2200, 0x22FF,  // Mathematical Operators
      0x2300, 0x23FF,  // Miscellaneous Technical
      0x2500, 0x257F,  // Box Drawing: ─ ═
      0x25A0, 0x25FF,  // Geometric Shapes: ▶ ◀ ▾ ▸ ● ○
      0x2600, 0x26FF,  // Miscellaneous Symbols: ★ ⚠
      0x2700, 0x27BF,  // Dingbats: ✓ ✗ ✔ ✘ ❚
      0,
  };
  return kRanges;
}

FontSet load_fonts(ImGuiIO& io, float pixels) {
  FontSet set;
  io.Fonts->Clear();
  const auto sans = find_font("DejaVuSans.ttf");
  const auto mono = find_font("DejaVuSansMono.ttf");
  const auto bold = find_font("DejaVuSans-Bold.ttf");
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  if (sans) {
    set.ui = io.Fonts->AddFontFromFileTTF(sans->c_str(), pixels, &config, glyph_ranges());
    set.mono =
        mono ? io.Fonts->AddFontFromFileTTF(mono->c_str(), pixels * 0.95f, &config, glyph_ranges())
             : set.ui;
    set.large = io.Fonts->AddFontFromFileTTF((bold ? bold : sans)->c_str(), pixels * 1.3f, &config,
                                             glyph_ranges());
    set.truetype = set.ui != nullptr && set.mono != nullptr && set.large != nullptr;
  }
  if (!set.truetype) {  // no DejaVu: ImGui's own font, scaled
    io.Fonts->Clear();
    ImFontConfig fallback;
    fallback.SizePixels = pixels < 13.0f ? 13.0f : pixels;
    set.ui = set.mono = set.large = io.Fonts->AddFontDefault(&fallback);
  }
  return set;
}

}  // namespace tlsclub::gui
