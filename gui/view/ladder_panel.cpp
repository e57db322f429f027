// The ladder: client lane | wire | server lane, one arrow per record, colour and a padlock for
// what protects it, the step in focus highlighted and kept in view. Rows come precomputed from
// LadderLayout; only the visible ones are drawn (ImGuiListClipper), and nothing is allocated.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "view/fold.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

struct Lanes {
  float left, client, server, right;
};

// The arrow of one record, as far as it has travelled by the cursor.
void draw_record(ViewContext& ctx, ImDrawList* draw, const LadderRow& row, ImVec2 top, float h,
                 const Lanes& lanes, std::size_t cursor, std::string_view words) {
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

  // The label: the messages inside, centred over the wire; cut with "…" when wider than the wire
  // (the inspector lists every message of the record).
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float span = lanes.server - lanes.client - h * 0.9f;
  const FittedText label = fit_text(font, size, words, span);
  const float lx = mid_x - label.width * 0.5f;
  const ImU32 label_colour = with_alpha(p.text, alpha);
  draw->AddText(font, size, ImVec2(lx, top.y + h * 0.06f), label_colour, words.data(),
                words.data() + label.bytes);
  if (label.cut)
    draw->AddText(font, size, ImVec2(lx + label.width - label.ellipsis, top.y + h * 0.06f),
                  label_colour, kEllipsis);

  // Under the line: what happened to it on the wire, else its number, size and keys.
  const float small = size * 0.82f;
  const ImVec2 detail_pos(lanes.client + h * 0.45f, y + h * 0.1f);
  const bool attacked = !row.fault.empty() && !future;
  if (attacked) warning_sign(draw, ImVec2(mid_x, y), h * 0.3f, p.attack);
  const std::string& detail = attacked ? row.fault : row.detail;
  const ImU32 detail_colour = attacked ? p.attack : with_alpha(p.dim, alpha);
  const FittedText fitted = fit_text(font, small, detail, lanes.server - detail_pos.x);
  draw->AddText(font, small, detail_pos, detail_colour, detail.data(),
                detail.data() + fitted.bytes);
  if (fitted.cut)
    draw->AddText(font, small, ImVec2(detail_pos.x + fitted.width - fitted.ellipsis, detail_pos.y),
                  detail_colour, kEllipsis);
  if (!future && !arrived && row.arrives_at == npos && !row.fault.empty())
    draw->AddText(font, size, ImVec2(mid_x + 6.0f, y - size * 0.5f), p.fail, "✗ lost");
}

void draw_band(ViewContext& ctx, ImDrawList* draw, const LadderRow& row, ImVec2 top, float h,
               const Lanes& lanes, std::size_t cursor, std::string_view words) {
  const Palette& p = ctx.colours;
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  if (row.kind == LadderRow::Kind::member) {
    draw->AddRectFilled(ImVec2(lanes.left, top.y + 2), ImVec2(lanes.right, top.y + h - 2), p.band,
                        4.0f);
    draw->AddText(ctx.fonts.large, ctx.fonts.large->FontSize,
                  ImVec2(lanes.client + 8.0f, top.y + (h - ctx.fonts.large->FontSize) * 0.5f),
                  p.text, words.data(), words.data() + words.size());
    return;
  }
  if (row.sent_at > cursor) {  // the outcome is not known yet: `words` says so
    draw->AddText(font, size, ImVec2(lanes.client + 8.0f, top.y + h * 0.3f), p.dim, words.data(),
                  words.data() + words.size());
    return;
  }
  // Let in by an impostor is no success: the attack's colour and sign.
  const ImU32 colour = row.impostor ? p.attack : row.admitted ? p.pass : p.fail;
  char line[256];
  std::snprintf(line, sizeof line, "%s %.*s",
                row.impostor   ? "⚠"
                : row.admitted ? "★"
                               : "✗",
                static_cast<int>(words.size()), words.data());
  // The sentence names the failed check, so it can be long: the large font only where it fits
  // between the lanes, else the body font, wrapped within them on the row's two lines, else cut
  // with "…" (the narration says it whole).
  const float room = lanes.server - lanes.client;
  ImFont* font_used = ctx.fonts.large;
  ImVec2 s = font_used->CalcTextSizeA(font_used->FontSize, FLT_MAX, 0, line);
  if (s.x > room) {
    font_used = ImGui::GetFont();
    s = font_used->CalcTextSizeA(font_used->FontSize, FLT_MAX, room, line);
  }
  if (s.y > h) {
    const FittedText fit = fit_text(font_used, font_used->FontSize, line, room);
    const ImVec2 at(lanes.client, top.y + (h - font_used->FontSize) * 0.5f);
    draw->AddText(font_used, font_used->FontSize, at, colour, line, line + fit.bytes);
    draw->AddText(font_used, font_used->FontSize, ImVec2(at.x + fit.width - fit.ellipsis, at.y),
                  colour, kEllipsis);
    return;
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
  // Each side's name over its lane, kept inside the panel; "wire" between them where it fits.
  const float client_w = ImGui::CalcTextSize(client).x, server_w = ImGui::CalcTextSize(server).x;
  const float client_x = std::max(lanes.left, lanes.client - client_w * 0.5f);
  const float server_x = std::max(client_x + client_w + size,
                                  std::min(lanes.right - server_w, lanes.server - server_w * 0.5f));
  draw->AddText(ImVec2(client_x, top.y), ctx.colours.text, client);
  draw->AddText(ImVec2(server_x, top.y), c.impostor.empty() ? ctx.colours.text : ctx.colours.attack,
                server);
  const float wire_w = ImGui::CalcTextSize("wire").x;
  const float wire_x = (lanes.client + lanes.server - wire_w) * 0.5f;
  if (wire_x > client_x + client_w + size && wire_x + wire_w + size < server_x)
    draw->AddText(ImVec2(wire_x, top.y), ctx.colours.dim, "wire");
  // Legend: the one meaning colour has (docs/gui.md#colour-means-protection).
  const Protection kinds[] = {Protection::plaintext, Protection::handshake_keys,
                              Protection::application_keys, Protection::alert};
  // On as many lines as the panel's width needs.
  float x = lanes.left;
  float y = top.y + size * 1.35f;
  for (Protection k : kinds) {
    const std::string_view label = short_label(k);
    const float w = size * 1.4f + ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    if (x > lanes.left && x + w - size * 0.5f > lanes.right) {
      x = lanes.left;
      y += size * 1.35f;
    }
    draw->AddRectFilled(ImVec2(x, y + size * 0.25f), ImVec2(x + size * 0.7f, y + size * 0.85f),
                        protection_colour(ctx.colours, k), 2.0f);
    draw->AddText(ImVec2(x + size * 0.9f, y), ctx.colours.dim, label.data(),
                  label.data() + label.size());
    x += w;
  }
  ImGui::Dummy(ImVec2(0, y - top.y + size * 1.15f));
}

// The lanes at a seventh of the width from each side, and never closer to the edge than the
// focus marker and "step 10" need (large type, or a narrow panel).
Lanes lanes_between(float left, float right) {
  const float gutter = std::max((right - left) * 0.14f, ImGui::GetFontSize() * 5.5f);
  return {left, left + gutter, right - gutter, right};
}

// What every row of a frame is drawn against.
struct Frame {
  ImDrawList* draw;
  Lanes lanes;
  float h;                   // row height: rows touch, so also the row pitch
  std::size_t cursor;        // the position stepped to
  std::size_t focus;         // the row of that step
  std::size_t selected_row;  // the record selected in the inspector, npos for none
  bool predicting;           // what the cursor has not reached is not shown (row_revealed)
};

// Keep the step in focus in view, once per move or resize (the student may scroll away
// meanwhile): a question box appearing above the rows makes them shorter.
void keep_focus_in_view(ViewContext& ctx, const Frame& f) {
  const float view_h = ImGui::GetWindowHeight();
  if ((ctx.view.ladder.scrolled_to != f.cursor || ctx.view.ladder.height != view_h) &&
      f.focus != npos) {
    ctx.view.ladder.scrolled_to = f.cursor;
    ctx.view.ladder.height = view_h;
    // Where the focus row is drawn: its place among the rows shown.
    const auto& shown = ctx.view.cache.ladder_rows;
    const auto at = std::lower_bound(shown.begin(), shown.end(), f.focus);
    const float y = static_cast<float>(at - shown.begin()) * f.h;
    if (y < ImGui::GetScrollY() || y + f.h > ImGui::GetScrollY() + view_h)
      ImGui::SetScrollY(y - view_h * 0.4f);
  }
}

// A record's right-click menu: each wire fault, to try on it in the What if tab.
void what_if_menu(ViewContext& ctx, const LadderRow& row) {
  if (!ImGui::BeginPopupContextItem("what_if_menu")) return;
  ImGui::TextDisabled("What if record #%zu…", row.record_id);
  for (const WireFaultKind& k : wire_fault_kinds()) {
    ImGui::PushID(static_cast<int>(k.action));
    if (ImGui::MenuItem(k.what_if.data())) {  // the table's literals end in a NUL
      ctx.push(cmd::Select{row.connection, row.event});
      ctx.view.what_if.action = k.action;
      ctx.view.request_tab = Tab::what_if;
    }
    ImGui::PopID();
  }
  ImGui::EndPopup();
}

// The row as a button: a click seeks to it, a right click on a record offers what-ifs. Returns
// whether the mouse is over it.
bool row_button(ViewContext& ctx, const Frame& f, std::size_t r, ImVec2 top, bool hidden) {
  const LadderRow& row = ctx.session.playback().ladder().rows()[r];
  ImGui::PushID(static_cast<int>(r));
  ImGui::InvisibleButton("row", ImVec2(f.lanes.right - f.lanes.left, f.h));
  if (!hidden && ImGui::IsItemClicked(ImGuiMouseButton_Left)) ctx.push(cmd::SeekRow{r});
  if (!hidden && row.kind == LadderRow::Kind::record) what_if_menu(ctx, row);
  const bool hovered = ImGui::IsItemHovered();
  ctx.view.hit(Hit::Kind::ladder_row, r, top, ImVec2(f.lanes.right, top.y + f.h));
  ImGui::PopID();
  return hovered;
}

// The focus marker or the hover band, and the lanes running through every row but a header.
void row_background(ViewContext& ctx, const Frame& f, const LadderRow& row, bool focused,
                    bool hovered, ImVec2 top) {
  const Lanes& lanes = f.lanes;
  if (focused) {
    f.draw->AddRectFilled(ImVec2(lanes.left, top.y), ImVec2(lanes.right, top.y + f.h),
                          ctx.colours.focus_bg, 4.0f);
    f.draw->AddText(ImVec2(lanes.left + 4.0f, top.y + f.h * 0.3f), ctx.colours.select, "▶");
  } else if (hovered) {
    f.draw->AddRectFilled(ImVec2(lanes.left, top.y), ImVec2(lanes.right, top.y + f.h),
                          ctx.colours.band, 4.0f);
  }
  if (row.kind != LadderRow::Kind::member) {
    f.draw->AddLine(ImVec2(lanes.client, top.y), ImVec2(lanes.client, top.y + f.h),
                    ctx.colours.lane);
    f.draw->AddLine(ImVec2(lanes.server, top.y), ImVec2(lanes.server, top.y + f.h),
                    ctx.colours.lane);
  }
}

// The frame around the selected record and the step at which a record arrived, left of the lane.
void record_marks(ViewContext& ctx, const Frame& f, const LadderRow& row, bool selected,
                  ImVec2 top) {
  if (selected)
    f.draw->AddRect(ImVec2(f.lanes.client + 1, top.y + 1),
                    ImVec2(f.lanes.server - 1, top.y + f.h - 1), ctx.colours.select, 4.0f, 0, 2.0f);
  if (row.arrives_at != npos) {
    char step[32];
    std::snprintf(step, sizeof step, "step %zu",
                  ctx.session.playback().steps().at(row.arrives_at).step);
    f.draw->AddText(ImVec2(f.lanes.left + ImGui::GetFontSize() * 1.4f, top.y + f.h * 0.3f),
                    ctx.colours.dim, step);
  }
}

// A row the student is still to predict: where a record or the outcome will be, in the neutral
// dim colour (the protection colour would tell encryption and alerts apart), without direction
// (who sends the last records tells who refused), size, step or words.
void draw_unrevealed(ViewContext& ctx, const Frame& f, const LadderRow& row, ImVec2 top,
                     std::string_view label) {
  const ImU32 colour = with_alpha(ctx.colours.dim, 0.6f);
  const float size = ImGui::GetFontSize();
  const char* end = label.data() + label.size();
  if (row.kind != LadderRow::Kind::record) {
    f.draw->AddText(ImGui::GetFont(), size, ImVec2(f.lanes.client + 8.0f, top.y + f.h * 0.3f),
                    colour, label.data(), end);
    return;
  }
  const float y = top.y + f.h * 0.56f;
  const float dash = f.h * 0.18f;
  for (float x = f.lanes.client + f.h * 0.3f; x < f.lanes.server - f.h * 0.3f; x += dash * 2.0f)
    f.draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + dash, f.lanes.server - f.h * 0.3f), y),
                    colour, 1.5f);
  const float mid_x = (f.lanes.client + f.lanes.server) * 0.5f;
  const float w = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, label.data(), end).x;
  f.draw->AddText(ImGui::GetFont(), size, ImVec2(mid_x - w * 0.5f, top.y + f.h * 0.06f), colour,
                  label.data(), end);
}

void draw_row(ViewContext& ctx, const Frame& f, std::size_t r) {
  const LadderLayout& ladder = ctx.session.playback().ladder();
  const LadderRow& row = ladder.rows()[r];
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const bool revealed = row_revealed(ladder, r, f.cursor, f.predicting);
  const std::string_view label = visible_label(ladder, r, f.cursor, f.predicting);
  const bool hovered = row_button(ctx, f, r, top, !revealed);
  row_background(ctx, f, row, r == f.focus, hovered && revealed, top);
  if (!revealed) {
    draw_unrevealed(ctx, f, row, top, label);
  } else if (row.kind == LadderRow::Kind::record) {
    record_marks(ctx, f, row, r == f.selected_row, top);
    draw_record(ctx, f.draw, row, top, f.h, f.lanes, f.cursor, label);
  } else {
    draw_band(ctx, f.draw, row, top, f.h, f.lanes, f.cursor, label);
  }
}

std::size_t selected_row(const Session& s) {
  if (s.playback().selection().record() == nullptr) return npos;
  return s.playback().ladder().row_of_record(s.playback().selection().current().connection,
                                             s.playback().selection().record()->record_id);
}

}  // namespace

void draw_ladder(ViewContext& ctx) {
  const Session& s = ctx.session;
  const std::size_t cursor = s.playback().cursor().index();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const Lanes titles{origin.x, origin.x + width * 0.14f, origin.x + width * 0.86f,
                     origin.x + width};
  lane_titles(ctx, titles);
  draw_question(ctx);

  ImGui::BeginChild("ladder_rows", ImVec2(0, 0), false);
  // Rows touch: the row pitch is exactly h, which the scrolling relies on.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  const float left = ImGui::GetCursorScreenPos().x;
  const Frame frame{ImGui::GetWindowDrawList(),
                    lanes_between(left, left + ImGui::GetContentRegionAvail().x),
                    ImGui::GetTextLineHeight() * 2.6f,
                    cursor,
                    s.playback().ladder().focus_row(cursor),
                    selected_row(s),
                    s.playback().predict().enabled()};
  keep_focus_in_view(ctx, frame);

  const std::vector<std::size_t>& shown = ctx.view.cache.ladder_rows;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()), frame.h);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_row(ctx, frame, shown[static_cast<std::size_t>(i)]);
  ImGui::PopStyleVar();
  ImGui::EndChild();
}

}  // namespace tlsclub::gui
