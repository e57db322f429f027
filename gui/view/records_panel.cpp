// The records of the visit shown so far, one row each, as a packet list: who sent it, its size on
// the wire, the keys that protect it (the colour of the ladder) and what it carries. Only what
// predict mode's ladder reveals (row_revealed), so nothing early; a click selects the record, so
// the inspector opens it.
#include <cstdio>

#include "explain/catalogue.h"
#include "state/names.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void record_row(ViewContext& ctx, const RecordEvent& r, std::size_t connection, std::size_t event) {
  const SelectionModel& sel = ctx.session.playback().selection();
  const bool selected = sel.current().connection == connection &&
                        (sel.record_event() == event || sel.current().event == event);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushID(static_cast<int>(event));
  char id[24];
  std::snprintf(id, sizeof id, "#%zu", r.record_id);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  if (ImGui::Selectable(id, selected, ImGuiSelectableFlags_SpanAllColumns))
    ctx.push(cmd::Select{connection, event});
  ctx.view.hit(Hit::Kind::record_row, event, top, ImGui::GetItemRectMax());
  ImGui::PopID();
  ImGui::TableNextColumn();
  text(r.from == Side::client ? "member → club" : "club → member");
  ImGui::TableNextColumn();
  ImGui::Text("%zu", r.bytes.size());
  ImGui::TableNextColumn();
  // The keys in the catalogue's words ("Session keys (TLS 1.2)"), in the ladder's colour.
  const Protection protection = protection_of(r);
  const std::string_view key = explain_key(keys_of(r.protection));
  const Explanation* keys = find_explanation(key);
  text_coloured(protection_colour(ctx.colours, protection),
                keys != nullptr ? keys->title : short_label(protection));
  ImGui::SameLine();
  why(ctx, key, &r);
  ImGui::TableNextColumn();
  for (std::size_t m = 0; m < r.messages.size(); ++m) {
    if (m > 0) ImGui::SameLine(), text_dim(ctx, "·"), ImGui::SameLine();
    text(message_title(r.messages[m]));
  }
}

}  // namespace

void draw_records(ViewContext& ctx) {
  const Playback& playback = ctx.session.playback();
  const LadderLayout& ladder = playback.ladder();
  const std::size_t connection = ctx.session.position().connection;
  const Connection& c = ctx.session.connection();
  text_dim(ctx, "Every record so far, as it crossed the wire (sizes include the 5-byte header).");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("records", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("record");
  ImGui::TableSetupColumn("from");
  ImGui::TableSetupColumn("bytes");
  ImGui::TableSetupColumn("protected by");
  ImGui::TableSetupColumn("carries", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  // Listed as predict mode reveals the ladder, whether it is on or not: a record once the cursor
  // reaches its arrow (one engine step may send a whole flight), or while it is in focus.
  for (std::size_t e = 0; e < c.events.size(); ++e) {
    const auto* r = std::get_if<RecordEvent>(&c.events[e].body);
    if (r == nullptr || r->phase != RecordEvent::Phase::sent) continue;
    const std::size_t row = ladder.row_of_record(connection, r->record_id);
    if (row == npos || !row_revealed(ladder, row, playback.cursor().index(), true)) break;
    record_row(ctx, *r, connection, e);
  }
  ImGui::EndTable();
}

}  // namespace tlsclub::gui
