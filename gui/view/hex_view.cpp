#include "view/hex_view.h"

#include <algorithm>
#include <cstdio>

#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

bool in(std::size_t b, std::size_t start, std::size_t length) {
  return length > 0 && b >= start && b < start + length;
}

}  // namespace

void hex_view(ViewContext& ctx, const char* id, ByteView bytes, ByteBlock block,
              const Highlight& hl, const HexOptions& options) {
  const Palette& p = ctx.colours;
  ImGui::PushFont(ctx.fonts.mono);
  const float char_w = ImGui::CalcTextSize("0").x;
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild(id, ImVec2(0, options.height), true, ImGuiWindowFlags_HorizontalScrollbar);
  const float avail = ImGui::GetContentRegionAvail().x;
  // 16 bytes a row when they fit (offset + hex + ASCII), else 8.
  const std::size_t columns = avail >= char_w * (6 + 16 * 3 + 2 + 16) ? 16 : 8;
  const float hex_x = char_w * 6.0f;
  const float cell_w = char_w * 3.0f;
  const float ascii_x = hex_x + cell_w * static_cast<float>(columns) + char_w * 2.0f;
  const std::size_t rows = (bytes.size() + columns - 1) / columns;

  // Bring the selected field into view when the selection changes.
  std::uint64_t& seen = ctx.view.inspector.hex_seen_generation;
  if (hl.field_length > 0 && seen != ctx.session.playback().selection().generation()) {
    const std::size_t row = hl.field_start / columns;
    const float y = static_cast<float>(row) * line_h;
    if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight() - line_h * 2)
      ImGui::SetScrollY(std::max(0.0f, y - line_h * 2.0f));
  }

  const ImVec2 start = ImGui::GetCursorScreenPos();
  ctx.view.hits.push_back({Hit::Kind::hex_block, static_cast<std::size_t>(block),
                           ImVec2(start.x + hex_x, start.y), ImVec2(start.x + ascii_x, start.y),
                           ImVec2(cell_w, line_h), columns});
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 span_bg = with_alpha(p.select, 0.16f);
  const ImU32 field_bg = with_alpha(p.select, 0.5f);
  const ImU32 changed_bg = with_alpha(p.alert, 0.6f);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows), line_h);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const auto row = static_cast<std::size_t>(r);
      const ImVec2 top = ImGui::GetCursorScreenPos();
      ImGui::PushID(r);
      ImGui::InvisibleButton("bytes", ImVec2(ascii_x, line_h));
      const bool hovered = ImGui::IsItemHovered();
      const float mx = ImGui::GetIO().MousePos.x - (top.x + hex_x);
      const auto col = mx >= 0 ? static_cast<std::size_t>(mx / cell_w) : columns;
      const std::size_t at = row * columns + col;
      if (hovered && col < columns && at < bytes.size()) {
        if (ImGui::IsItemClicked()) ctx.push(cmd::SelectByte{block, at});
        ImGui::SetTooltip("byte %zu (0x%02x)", at, bytes[at]);
      }
      ImGui::PopID();
      char text_buf[24];
      std::snprintf(text_buf, sizeof text_buf, "%04zx", row * columns);
      draw->AddText(top, p.dim, text_buf);
      for (std::size_t c = 0; c < columns; ++c) {
        const std::size_t b = row * columns + c;
        if (b >= bytes.size()) break;
        const ImVec2 cell(top.x + hex_x + cell_w * static_cast<float>(c), top.y);
        ImU32 bg = 0;
        if (in(b, hl.span_start, hl.span_length)) bg = span_bg;
        if (in(b, hl.field_start, hl.field_length)) bg = field_bg;
        if (options.changed != nullptr &&
            std::find(options.changed->begin(), options.changed->end(), b) !=
                options.changed->end())
          bg = changed_bg;
        if (hovered && c == col) bg = with_alpha(p.text, 0.25f);
        if (bg != 0)
          draw->AddRectFilled(ImVec2(cell.x - char_w * 0.3f, cell.y),
                              ImVec2(cell.x + cell_w - char_w * 0.7f, cell.y + line_h), bg, 2.0f);
        std::snprintf(text_buf, sizeof text_buf, "%02x", bytes[b]);
        draw->AddText(cell, p.text, text_buf);
        const char ch = bytes[b] >= 0x20 && bytes[b] < 0x7f ? static_cast<char>(bytes[b]) : '.';
        draw->AddText(ImVec2(top.x + ascii_x + char_w * static_cast<float>(c), top.y),
                      bg != 0 ? p.text : p.dim, &ch, &ch + 1);
      }
    }
  }
  ImGui::EndChild();
  ImGui::PopFont();
}

}  // namespace tlsclub::gui
