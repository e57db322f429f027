// The ladder: client lane | wire | server lane, one arrow per record, colour and a padlock for
// what protects it, the step in focus highlighted and kept in view. Rows come precomputed from
// LadderLayout; only the visible ones are drawn (ImGuiListClipper), and nothing is allocated.
#include <algorithm>
#include <cstdio>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

struct Lanes {
  float left, client, server, right;
};

// The arrow of one record, as far as it has travelled by the cursor.
void draw_record(ViewContext& ctx, ImDrawList* draw, const LadderRow& row, ImVec2 top, float h,
                 const Lanes& lanes, std::size_t cursor) {
  const Palette& p = ctx.colours;
  const bool future = row.sent_at > cursor;
  const bool arrived = row.arrives_at != npos && row.arrives_at <= cursor;
  const float alpha = future ? 0.25f : 1.0f;
  const ImU32 colour = with_alpha(protection_colour(p, row.protection), alpha);
  const float from_x = row.from == Side::client ? lanes.client : lanes.server;
  const float to_x = row.from == Side::client ? lanes.server : lanes.client;
  const float mid_x = (from_x + to_x) * 0.5f;
  const float end_x = arrived || future ? to_x : mid_x;  // in flight: half way; dropped: stays
  const float y = top.y + h * 0.56f;
  const float dir = to_x > from_x ? 1.0f : -1.0f;
  const float head = h * 0.16f;
  const float line_end = arrived || future ? end_x - dir * head : end_x;
  if (row.encrypted) {  // a double line: sealed in the keys' code
    draw->AddLine(ImVec2(from_x, y - 2.0f), ImVec2(line_end, y - 2.0f), colour, 2.0f);
    draw->AddLine(ImVec2(from_x, y + 2.0f), ImVec2(line_end, y + 2.0f), colour, 2.0f);
  } else {
    draw->AddLine(ImVec2(from_x, y), ImVec2(line_end, y), colour, 2.0f);
  }
  if (arrived || future)
    draw->AddTriangleFilled(ImVec2(end_x, y), ImVec2(end_x - dir * head, y - head * 0.6f),
                            ImVec2(end_x - dir * head, y + head * 0.6f), colour);
  padlock(draw, ImVec2(from_x + dir * h * 0.22f, y - h * 0.2f), h * 0.26f, colour, row.encrypted);

  // The label: the messages inside, centred over the wire (left-aligned when too wide).
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const char* label = row.label.c_str();
  const ImVec2 label_size = font->CalcTextSizeA(size, FLT_MAX, 0.0f, label);
  const float span = lanes.server - lanes.client - h * 0.9f;
  const float lx = label_size.x < span ? mid_x - label_size.x * 0.5f : lanes.client + h * 0.45f;
  draw->PushClipRect(ImVec2(lanes.client + 2, top.y), ImVec2(lanes.server - 2, top.y + h), true);
  draw->AddText(font, size, ImVec2(lx, top.y + h * 0.06f), with_alpha(p.text, alpha), label);
  draw->PopClipRect();

  // Under the line: what happened to it on the wire, else its number, size and keys.
  const float small = size * 0.82f;
  const ImVec2 detail_pos(lanes.client + h * 0.45f, y + h * 0.1f);
  if (!row.fault.empty() && !future) {
    warning_sign(draw, ImVec2(mid_x, y), h * 0.3f, p.attack);
    draw->AddText(font, small, detail_pos, p.attack, row.fault.c_str());
  } else {
    draw->AddText(font, small, detail_pos, with_alpha(p.dim, alpha), row.detail.c_str());
  }
  if (!future && !arrived && row.arrives_at == npos && !row.fault.empty())
    draw->AddText(font, size, ImVec2(mid_x + 6.0f, y - size * 0.5f), p.fail, "✗ lost");
}

void draw_band(ViewContext& ctx, ImDrawList* draw, const LadderRow& row, ImVec2 top, float h,
               const Lanes& lanes, std::size_t cursor) {
  const Palette& p = ctx.colours;
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  if (row.kind == LadderRow::Kind::member) {
    draw->AddRectFilled(ImVec2(lanes.left, top.y + 2), ImVec2(lanes.right, top.y + h - 2), p.band,
                        4.0f);
    draw->AddText(ctx.fonts.large, ctx.fonts.large->FontSize,
                  ImVec2(lanes.client + 8.0f, top.y + (h - ctx.fonts.large->FontSize) * 0.5f),
                  p.text, row.label.c_str());
    return;
  }
  if (row.sent_at > cursor) {  // the outcome is not known yet
    draw->AddText(font, size, ImVec2(lanes.client + 8.0f, top.y + h * 0.3f), p.dim, "…");
    return;
  }
  // Let in by an impostor is no success: the attack's colour and sign.
  const ImU32 colour = row.impostor ? p.attack : row.admitted ? p.pass : p.fail;
  char line[256];
  std::snprintf(line, sizeof line, "%s %s",
                row.impostor   ? "⚠"
                : row.admitted ? "★"
                               : "✗",
                row.label.c_str());
  // The sentence names the failed check, so it can be long: the large font only where it fits
  // between the lanes, else the body font, wrapped within them.
  const float room = lanes.server - lanes.client;
  ImFont* font_used = ctx.fonts.large;
  ImVec2 s = font_used->CalcTextSizeA(font_used->FontSize, FLT_MAX, 0, line);
  if (s.x > room) {
    font_used = ImGui::GetFont();
    s = font_used->CalcTextSizeA(font_used->FontSize, FLT_MAX, room, line);
  }
  draw->AddText(font_used, font_used->FontSize,
                ImVec2(std::max(lanes.client, (lanes.client + lanes.server - s.x) * 0.5f),
                       top.y + (h - s.y) * 0.5f),
                colour, line, nullptr, room);
}

void lane_titles(ViewContext& ctx, const Lanes& lanes) {
  const Connection& c = ctx.session.connection();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float size = ImGui::GetFontSize();
  char client[160];
  std::snprintf(client, sizeof client, "%s (member)", c.client.c_str());
  char server[160];
  std::snprintf(server, sizeof server, c.impostor.empty() ? "%s (entrance)" : "impostor as %s",
                c.server_name.c_str());
  const auto centred = [&](float x, const char* s, ImU32 colour) {
    const float w = ImGui::CalcTextSize(s).x;
    draw->AddText(ImVec2(x - w * 0.5f, top.y), colour, s);
  };
  centred(lanes.client, client, ctx.colours.text);
  centred((lanes.client + lanes.server) * 0.5f, "wire", ctx.colours.dim);
  centred(lanes.server, server, c.impostor.empty() ? ctx.colours.text : ctx.colours.attack);
  // Legend: the one meaning colour has (docs/gui.md#colour-means-protection).
  const Protection kinds[] = {Protection::plaintext, Protection::handshake_keys,
                              Protection::application_keys, Protection::alert};
  float x = lanes.left;
  const float y = top.y + size * 1.35f;
  for (Protection k : kinds) {
    const std::string_view label = short_label(k);
    draw->AddRectFilled(ImVec2(x, y + size * 0.25f), ImVec2(x + size * 0.7f, y + size * 0.85f),
                        protection_colour(ctx.colours, k), 2.0f);
    draw->AddText(ImVec2(x + size * 0.9f, y), ctx.colours.dim, label.data(),
                  label.data() + label.size());
    x += size * 1.4f + ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
  }
  ImGui::Dummy(ImVec2(0, size * 2.5f));
}

}  // namespace

void draw_ladder(ViewContext& ctx) {
  const Session& s = ctx.session;
  const auto& rows = s.ladder().rows();
  const std::size_t cursor = s.cursor().index();
  const std::size_t focus = s.ladder().focus_row(cursor);
  const bool hide_future = s.predict().enabled();

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ImGui::GetTextLineHeight() * 2.6f;
  Lanes lanes{origin.x, origin.x + width * 0.14f, origin.x + width * 0.86f, origin.x + width};
  lane_titles(ctx, lanes);
  draw_question(ctx);

  ImGui::BeginChild("ladder_rows", ImVec2(0, 0), false);
  // Rows touch: the row pitch is exactly h, which the scrolling below relies on.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  lanes.left = ImGui::GetCursorScreenPos().x;
  lanes.right = lanes.left + ImGui::GetContentRegionAvail().x;
  lanes.client = lanes.left + (lanes.right - lanes.left) * 0.14f;
  lanes.server = lanes.left + (lanes.right - lanes.left) * 0.86f;

  // Keep the step in focus in view, once per move or resize (the student may scroll away
  // meanwhile): a question box appearing above the rows makes them shorter.
  const float view_h = ImGui::GetWindowHeight();
  if ((ctx.view.ladder_scrolled_to != cursor || ctx.view.ladder_height != view_h) &&
      focus != npos) {
    ctx.view.ladder_scrolled_to = cursor;
    ctx.view.ladder_height = view_h;
    const float y = static_cast<float>(focus) * h;
    if (y < ImGui::GetScrollY() || y + h > ImGui::GetScrollY() + view_h)
      ImGui::SetScrollY(y - view_h * 0.4f);
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::size_t selected_row =
      s.selection().record() != nullptr
          ? s.ladder().row_of_record(s.selection().current().connection,
                                     s.selection().record()->record_id)
          : npos;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()), h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto r = static_cast<std::size_t>(i);
      const LadderRow& row = rows[r];
      const ImVec2 top = ImGui::GetCursorScreenPos();
      ImGui::PushID(i);
      ImGui::InvisibleButton("row", ImVec2(lanes.right - lanes.left, h));
      const bool hidden =
          hide_future && row.kind != LadderRow::Kind::member && row.sent_at > cursor;
      if (!hidden && ImGui::IsItemClicked(ImGuiMouseButton_Left)) ctx.push(cmd::SeekRow{r});
      if (!hidden && row.kind == LadderRow::Kind::record &&
          ImGui::BeginPopupContextItem("what_if_menu")) {
        ImGui::TextDisabled("What if record #%zu…", row.record_id);
        for (const WireFaultKind& k : wire_fault_kinds()) {
          ImGui::PushID(static_cast<int>(k.action));
          if (ImGui::MenuItem(k.what_if.data())) {  // the table's literals end in a NUL
            ctx.push(cmd::Select{row.connection, row.event});
            ctx.view.what_if_action = k.action;
            ctx.view.request_tab = Tab::what_if;
          }
          ImGui::PopID();
        }
        ImGui::EndPopup();
      }
      const bool hovered = ImGui::IsItemHovered();
      ctx.view.hit(Hit::Kind::ladder_row, r, top, ImVec2(lanes.right, top.y + h));
      ImGui::PopID();

      if (r == focus) {
        draw->AddRectFilled(ImVec2(lanes.left, top.y), ImVec2(lanes.right, top.y + h),
                            ctx.colours.focus_bg, 4.0f);
        draw->AddText(ImVec2(lanes.left + 4.0f, top.y + h * 0.3f), ctx.colours.select, "▶");
      } else if (hovered && !hidden) {
        draw->AddRectFilled(ImVec2(lanes.left, top.y), ImVec2(lanes.right, top.y + h),
                            ctx.colours.band, 4.0f);
      }
      if (row.kind != LadderRow::Kind::member) {  // the lanes run through every row
        draw->AddLine(ImVec2(lanes.client, top.y), ImVec2(lanes.client, top.y + h),
                      ctx.colours.lane);
        draw->AddLine(ImVec2(lanes.server, top.y), ImVec2(lanes.server, top.y + h),
                      ctx.colours.lane);
      }
      if (hidden) continue;
      if (row.kind == LadderRow::Kind::record) {
        if (r == selected_row)
          draw->AddRect(ImVec2(lanes.client + 1, top.y + 1),
                        ImVec2(lanes.server - 1, top.y + h - 1), ctx.colours.select, 4.0f, 0, 2.0f);
        if (row.arrives_at != npos) {
          char step[32];
          std::snprintf(step, sizeof step, "step %zu", s.steps().at(row.arrives_at).step);
          draw->AddText(ImVec2(lanes.left + 22.0f, top.y + h * 0.3f), ctx.colours.dim, step);
        }
        draw_record(ctx, draw, row, top, h, lanes, cursor);
      } else {
        draw_band(ctx, draw, row, top, h, lanes, cursor);
      }
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

}  // namespace tlsclub::gui
