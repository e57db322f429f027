// What if: pick a record, tamper with one of its bytes, drop it or replay it; the visit runs
// again with that fault and the new outcome stands next to the old. Every run is kept as a
// branch the student can switch to.
#include <algorithm>
#include <cstdio>

#include "simulation/expectations.h"
#include "state/names.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

// One visit's result in one line.
void outcome_cells(const ViewContext& ctx, const Connection& c) {
  ImGui::TableNextColumn();
  text_coloured(c.outcome == Outcome::admitted ? ctx.colours.pass : ctx.colours.fail,
                c.outcome == Outcome::admitted ? "✓ admitted" : "✗ refused");
  ImGui::TableNextColumn();
  text(c.refused_by ? to_string(*c.refused_by) : "—");
  ImGui::TableNextColumn();
  text(c.alert ? std::string_view(*c.alert) : "—");
  ImGui::TableNextColumn();
  const std::string failing = first_failing_check(c);
  text(failing.empty() ? std::string_view("—") : std::string_view(failing));
  ImGui::TableNextColumn();
  ImGui::Text("%zu", c.steps);
}

// What the byte a student is about to change belongs to: the header, a message's field, or
// sealed bytes that no one on the path can read.
void where_the_byte_is(ViewContext& ctx, const RecordEvent& r, std::size_t at, char* out,
                       std::size_t size) {
  if (at < 5) {
    std::snprintf(out, size, "in the record header");
    return;
  }
  const SelectionModel& sel = ctx.session.playback().selection();
  const MessageHit hit = message_at(sel.record_map(), ByteBlock::wire, at);
  if (hit.event != npos) {
    const auto& c = ctx.session.timeline().connections[sel.current().connection];
    const auto& m = std::get<MessageEvent>(c.events[hit.event].body);
    const FieldMap fields(m.message.fields);
    const std::size_t f = fields.field_at(hit.offset);
    const std::string_view title = message_title(m.message.name);
    std::snprintf(out, size, "in %.*s, field %s", static_cast<int>(title.size()), title.data(),
                  f != npos ? fields.field(f).name.c_str() : "(none)");
    return;
  }
  std::snprintf(out, size, "%s",
                is_encrypted(r.protection) ? "in the sealed part: the AEAD tag will not verify"
                                           : "in the record's fragment");
}

void target_form(ViewContext& ctx, const RecordEvent& r, std::size_t connection,
                 std::size_t event) {
  const Session& s = ctx.session;
  const Connection& c = s.timeline().connections[connection];
  char head[200];
  std::snprintf(head, sizeof head, "Record #%zu from %s: %zu bytes,", r.record_id,
                r.from == Side::client ? c.client.c_str()
                : c.impostor.empty()   ? "the club"
                                       : "the impostor",
                r.bytes.size());
  Flow line;
  line.text(ImGui::GetColorU32(ImGuiCol_Text), head);
  if (!r.messages.empty())
    line.text(protection_colour(ctx.colours, protection_of(r)), r.messages.front());
  Flow choices;
  for (const WireFaultKind& k : wire_fault_kinds()) {
    choices.next(ImGui::CalcTextSize(k.what_if.data(), k.what_if.data() + k.what_if.size()).x +
                 ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushID(static_cast<int>(k.action));
    if (ImGui::RadioButton(k.what_if.data(), ctx.view.what_if.action == k.action))
      ctx.view.what_if.action = k.action;
    ImGui::PopID();
  }
  if (kind_of(ctx.view.what_if.action).takes_byte) {
    const int last = static_cast<int>(r.bytes.size()) - 1;
    ctx.view.what_if.offset = std::clamp(ctx.view.what_if.offset, 0, std::max(0, last));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float slider_w = std::min(ImGui::GetFontSize() * 16.0f,
                                    ImGui::GetContentRegionAvail().x -
                                        ImGui::CalcTextSize("byte").x - style.ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(slider_w);
    ImGui::SliderInt("byte", &ctx.view.what_if.offset, 0, std::max(0, last));
    Flow controls;
    controls.next(0.0f);
    controls.next(ImGui::GetFontSize() * 6.0f + style.ItemInnerSpacing.x +
                  ImGui::CalcTextSize("xor mask").x);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    auto mask = static_cast<std::uint8_t>(std::clamp(ctx.view.what_if.mask, 1, 255));
    const std::uint8_t one = 1;
    if (ImGui::InputScalar("xor mask", ImGuiDataType_U8, &mask, &one, nullptr, "%02X",
                           ImGuiInputTextFlags_CharsHexadecimal))
      ctx.view.what_if.mask = std::max(1, static_cast<int>(mask));  // 0 would change nothing
    const auto at = static_cast<std::size_t>(ctx.view.what_if.offset);
    if (at < r.bytes.size()) {
      char change[48], where[200];
      std::snprintf(change, sizeof change, "0x%02x becomes 0x%02x,", r.bytes[at],
                    r.bytes[at] ^ static_cast<unsigned>(ctx.view.what_if.mask));
      where_the_byte_is(ctx, r, at, where, sizeof where);
      Flow byte;
      byte.text(ctx.colours.dim, change);
      byte.text(ctx.colours.dim, where);
    }
  }
  const bool busy = s.branches().busy();
  if (busy) ImGui::BeginDisabled();
  if (tracked_button(ctx, "Run the visit again with this ▸", kRunWhatIf)) {
    WhatIf w;
    w.connection = connection;
    w.record_event = event;
    w.action = ctx.view.what_if.action;
    w.offset = static_cast<std::size_t>(ctx.view.what_if.offset);
    w.mask = static_cast<std::uint8_t>(ctx.view.what_if.mask);
    ctx.push(cmd::RunWhatIf{w});
  }
  if (busy) {
    ImGui::EndDisabled();
    ImGui::SameLine();
    spinner(ImGui::GetFontSize() * 0.5f, ctx.colours.select);
  }
  if (!s.branches().error().empty()) text_wrapped_coloured(ctx.colours.fail, s.branches().error());
}

}  // namespace

void draw_what_if(ViewContext& ctx) {
  const Session& s = ctx.session;
  const SelectionModel& sel = s.playback().selection();
  if (s.branch().live) {
    text_wrapped_coloured(ctx.colours.dim,
                          "A real visit cannot be run again: the other side was a real client, "
                          "not one of the scenario's members. Switch to \"as the scenario says\" "
                          "(above the ladder) to change what happens to a member's visit.");
  } else if (const RecordEvent* r = sel.record()) {
    target_form(ctx, *r, sel.current().connection, sel.record_event());
  } else {
    text_wrapped_coloured(
        ctx.colours.dim,
        "Select an arrow in the ladder (or right-click one) to change what happens to it.");
  }
  ImGui::Separator();
  const auto& branches = s.branches().all();
  if (branches.size() < 2) {
    text_wrapped_coloured(
        ctx.colours.dim,
        "Runs you make appear here, next to the original, so you can compare and switch.");
    return;
  }
  // Compare every branch's result for the visit the latest what-if changed.
  const std::size_t connection =
      s.branch().connection != npos ? s.branch().connection : s.position().connection;
  ImGui::Text("%s's visit in every run:", s.timeline().connections[connection].client.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("branches", 7, flags)) {
    ImGui::TableSetupColumn("show");
    ImGui::TableSetupColumn("run", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("outcome");
    ImGui::TableSetupColumn("refused by");
    ImGui::TableSetupColumn("alert");
    ImGui::TableSetupColumn("failing check");
    ImGui::TableSetupColumn("steps");
    ImGui::TableHeadersRow();
    for (std::size_t b = 0; b < branches.size(); ++b) {
      const Timeline& t = *branches[b].timeline;
      // The live visits are other people than the scenario's members at the same place.
      if (connection >= t.connections.size() || branches[b].live != s.branch().live) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(b));
      if (ImGui::RadioButton("##show", b == s.branches().active_index()))
        ctx.push(cmd::SwitchBranch{b});
      ImGui::PopID();
      ImGui::TableNextColumn();
      text(branches[b].label);
      outcome_cells(ctx, t.connections[connection]);
    }
    ImGui::EndTable();
  }
}

}  // namespace tlsclub::gui
