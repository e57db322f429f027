#include "layout_check.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace tlsclub::gui::test {

namespace {

// A glyph as drawn: the part of its quad the clip rectangle lets through.
struct Glyph {
  ImVec2 min, max;
  float line_top = 0;  // the top of its line of text (the quad's top less the glyph's offset)
  ImWchar codepoint = 0;
};

// Consecutive glyphs of one line of one string.
struct Run {
  std::string window;  // the top-level window it is drawn in
  std::vector<Glyph> glyphs;
  ImVec2 min{FLT_MAX, FLT_MAX}, max{-FLT_MAX, -FLT_MAX};
};

std::uint64_t uv_key(ImVec2 uv) {
  std::uint32_t u = 0, v = 0;
  std::memcpy(&u, &uv.x, sizeof u);
  std::memcpy(&v, &uv.y, sizeof v);
  return (static_cast<std::uint64_t>(u) << 32) | v;
}

// Every glyph of every font of the atlas by the top-left corner of its texture rectangle: a
// quad whose corners carry those coordinates is that glyph drawn (a filled rectangle uses the
// atlas's white pixel, a line its baked line texture).
std::unordered_map<std::uint64_t, const ImFontGlyph*> glyphs_by_uv() {
  std::unordered_map<std::uint64_t, const ImFontGlyph*> out;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible) out.emplace(uv_key(ImVec2(g.U0, g.V0)), &g);
  return out;
}

std::string top_level(const char* owner) {
  if (owner == nullptr) return {};
  const char* slash = std::strchr(owner, '/');
  return slash ? std::string(owner, slash) : std::string(owner);
}

void append_utf8(std::string& out, ImWchar c) {
  char buf[5] = {};
  ImTextCharToUtf8(buf, c);
  out += buf;
}

std::string words(const Run& run) {
  std::string out;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const Glyph& g = run.glyphs[i];
    const float height = run.glyphs[i].max.y - run.glyphs[i].min.y;
    if (i > 0 && g.min.x - run.glyphs[i - 1].max.x > std::max(2.0f, height * 0.2f)) out += ' ';
    append_utf8(out, g.codepoint);
    if (out.size() > 40) return out + "…";
  }
  return out;
}

class RunCollector {
 public:
  explicit RunCollector(std::vector<Run>& runs) : runs_(runs) {}

  void add(const std::string& window, const Glyph& g) {
    const bool continues = open_ && std::fabs(g.line_top - last_.line_top) < 1.0f &&
                           g.min.x >= last_.min.x - 0.5f &&
                           g.min.x - last_.max.x < (g.max.y - g.min.y) * 3.0f;
    if (!continues) {
      runs_.push_back(Run{window, {}, {}, {}});
      runs_.back().min = ImVec2(FLT_MAX, FLT_MAX);
      runs_.back().max = ImVec2(-FLT_MAX, -FLT_MAX);
    }
    Run& run = runs_.back();
    run.glyphs.push_back(g);
    run.min = ImMin(run.min, g.min);
    run.max = ImMax(run.max, g.max);
    last_ = g;
    open_ = true;
  }
  void end() { open_ = false; }

 private:
  std::vector<Run>& runs_;
  Glyph last_;
  bool open_ = false;
};

bool quad_at(const ImDrawList& list, unsigned i) {
  const ImDrawIdx* idx = list.IdxBuffer.Data + i;
  const ImDrawIdx a = idx[0];
  return idx[1] == a + 1 && idx[2] == a + 2 && idx[3] == a && idx[4] == a + 2 && idx[5] == a + 3;
}

void collect(const ImDrawList& list,
             const std::unordered_map<std::uint64_t, const ImFontGlyph*>& by_uv,
             std::vector<Run>& runs) {
  const std::string window = top_level(list._OwnerName);
  RunCollector collector(runs);
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback != nullptr) continue;
    const ImVec4 clip = cmd.ClipRect;
    const unsigned end = cmd.IdxOffset + cmd.ElemCount;
    for (unsigned i = cmd.IdxOffset; i + 3 <= end;) {
      if (i + 6 > end || !quad_at(list, i)) {
        collector.end();
        i += 3;
        continue;
      }
      const ImDrawVert& v0 =
          list.VtxBuffer.Data[std::size_t{list.IdxBuffer.Data[i]} + cmd.VtxOffset];
      const ImDrawVert& v2 =
          list.VtxBuffer.Data[std::size_t{list.IdxBuffer.Data[i]} + 2 + cmd.VtxOffset];
      const auto found = by_uv.find(uv_key(v0.uv));
      i += 6;
      if (found == by_uv.end() || found->second->U1 != v2.uv.x || found->second->V1 != v2.uv.y) {
        collector.end();
        continue;
      }
      const ImFontGlyph& fg = *found->second;
      const float scale = fg.Y1 > fg.Y0 ? (v2.pos.y - v0.pos.y) / (fg.Y1 - fg.Y0) : 1.0f;
      Glyph g;
      g.min = ImVec2(std::max(v0.pos.x, clip.x), std::max(v0.pos.y, clip.y));
      g.max = ImVec2(std::min(v2.pos.x, clip.z), std::min(v2.pos.y, clip.w));
      g.line_top = v0.pos.y - fg.Y0 * scale;
      g.codepoint = static_cast<ImWchar>(fg.Codepoint);
      if (g.max.x <= g.min.x || g.max.y <= g.min.y) continue;  // clipped away: not seen
      collector.add(window, g);
    }
    collector.end();
  }
}

float overlap_area(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
  const float w = std::min(amax.x, bmax.x) - std::max(amin.x, bmin.x);
  const float h = std::min(amax.y, bmax.y) - std::max(amin.y, bmin.y);
  return w > 0 && h > 0 ? w * h : 0.0f;
}

float area(const Glyph& g) {
  return (g.max.x - g.min.x) * (g.max.y - g.min.y);
}

// Two glyphs of different strings collide when they share a fifth of the smaller one: enough to
// make either hard to read, more than anti-aliased edges of neighbours ever touch.
bool collide(const Run& a, const Run& b) {
  if (overlap_area(a.min, a.max, b.min, b.max) <= 0) return false;
  for (const Glyph& ga : a.glyphs)
    for (const Glyph& gb : b.glyphs)
      if (overlap_area(ga.min, ga.max, gb.min, gb.max) > 0.2f * std::min(area(ga), area(gb)))
        return true;
  return false;
}

}  // namespace

std::vector<std::string> text_collisions(const ImDrawData& data) {
  const auto by_uv = glyphs_by_uv();
  std::vector<Run> runs;
  for (int i = 0; i < data.CmdListsCount; ++i) collect(*data.CmdLists[i], by_uv, runs);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < runs.size(); ++i)
    for (std::size_t j = i + 1; j < runs.size(); ++j)
      if (runs[i].window == runs[j].window && collide(runs[i], runs[j]))
        out.push_back("'" + words(runs[i]) + "' and '" + words(runs[j]) + "' overlap in " +
                      runs[i].window);
  return out;
}

std::vector<std::string> cut_off_windows() {
  std::vector<std::string> out;
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (!w->Active || w->Hidden) continue;
    char line[400];
    if (w->ScrollMax.x > 1.0f && !w->ScrollbarX) {
      std::snprintf(line, sizeof line, "%s: content %.0f px wide in %.0f px, cannot scroll across",
                    w->Name, w->ContentSize.x, w->InnerRect.GetWidth());
      out.emplace_back(line);
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool top_level = (w->Flags & ImGuiWindowFlags_ChildWindow) == 0;
    if (top_level &&
        (w->Pos.x < -0.5f || w->Pos.y < -0.5f || w->Pos.x + w->Size.x > display.x + 0.5f ||
         w->Pos.y + w->Size.y > display.y + 0.5f)) {
      std::snprintf(line, sizeof line,
                    "%s: %.0fx%.0f at %.0f,%.0f is not all on the %.0fx%.0f screen", w->Name,
                    w->Size.x, w->Size.y, w->Pos.x, w->Pos.y, display.x, display.y);
      out.emplace_back(line);
    }
    if (w->ScrollMax.y > 1.0f && !w->ScrollbarY) {
      std::snprintf(line, sizeof line, "%s: content %.0f px tall in %.0f px, cannot scroll down",
                    w->Name, w->ContentSize.y, w->InnerRect.GetHeight());
      out.emplace_back(line);
    }
  }
  return out;
}

std::vector<std::string> layout_problems() {
  std::vector<std::string> out = text_collisions(*ImGui::GetDrawData());
  for (std::string& p : cut_off_windows()) out.push_back(std::move(p));
  return out;
}

}  // namespace tlsclub::gui::test
