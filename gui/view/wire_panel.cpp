// What the wire shows: the visit so far as an eavesdropper on the path sees it, without keys.
// What is read in the clear, what stays sealed and why, what sizes give away, then the records
// as a packet list with sealed ones marked. Everything is built when the cursor moves
// (state/wire_watch.h); drawing only reads it.
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void heading(std::string_view s) {
  ImGui::Spacing();
  ImGui::Separator();
  text(s);
}

void clear_table(const WirePage& page) {
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("wire-clear", 2, flags)) return;
  ImGui::TableSetupColumn("what");
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  for (const auto& line : page.clear) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text(line.what);
    ImGui::TableNextColumn();
    text_wrapped(line.value);
    if (!line.source.empty() && ImGui::IsItemHovered()) tooltip_wrapped(line.source);
  }
  ImGui::EndTable();
}

void record_table(const ViewContext& ctx, const WirePage& page) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("wire-records", 4, flags)) return;
  ImGui::TableSetupColumn("record");
  ImGui::TableSetupColumn("from");
  ImGui::TableSetupColumn("bytes");
  ImGui::TableSetupColumn("shows", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const auto& row : page.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text(row.number);
    ImGui::TableNextColumn();
    text(row.from);
    ImGui::TableNextColumn();
    text(row.bytes);
    ImGui::TableNextColumn();
    if (row.sealed)
      text_wrapped_coloured(ctx.colours.dim, row.shows);
    else
      text_wrapped(row.shows);
  }
  ImGui::EndTable();
}

}  // namespace

void draw_wire(ViewContext& ctx) {
  const WirePage& page = ctx.session.playback().wire();
  text_wrapped_coloured(ctx.colours.dim,
                        "What an eavesdropper on the path sees of this visit so far, without keys "
                        "(tlsclub run FILE --wire prints the same).");
  if (page.records == 0) {
    text_wrapped("Nothing has crossed the wire yet.");
    return;
  }
  heading("In the clear");
  clear_table(page);
  heading("Sealed: what the eavesdropper cannot read");
  for (const auto& s : page.sealed) {
    ImGui::Bullet();
    ImGui::SameLine();
    text_wrapped(s);
  }
  heading("Sizes (never hidden)");
  for (const auto& s : page.sizes) text_wrapped(s);
  heading("Records on the wire");
  record_table(ctx, page);
}

}  // namespace tlsclub::gui
