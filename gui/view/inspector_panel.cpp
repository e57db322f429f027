// The inspector: the selected message's fields as a tree, each with its explanation, over the
// message's bytes (Fields); the whole record on the wire and, when encrypted, opened (Bytes).
#include <cstdio>

#include "decode/handshake_decoder.h"
#include "state/names.h"
#include "timeline/protection.h"
#include "view/hex_view.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

const char* side_name(const Connection& c, Side side) {
  return side == Side::client ? c.client.c_str() : c.impostor.empty() ? "the club" : "the impostor";
}

void field_tree(ViewContext& ctx, const FieldMap& map, std::size_t selected) {
  const auto& flat = map.fields();
  const bool reveal =
      ctx.view.inspector.tree_seen_generation != ctx.session.playback().selection().generation();
  // Open the path to the selected field once, when it was selected elsewhere (a byte click).
  std::vector<std::size_t> path;
  if (reveal && selected != npos) path = map.path_to(selected);
  const float value_x = ImGui::GetContentRegionAvail().x * 0.36f;
  std::size_t depth_open = 0;
  std::size_t i = 0;
  while (i < flat.size()) {
    const FlatField& ff = flat[i];
    while (depth_open > ff.depth) {
      ImGui::TreePop();
      --depth_open;
    }
    const Field& f = *ff.field;
    const bool leaf = f.children.empty();
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth |
                               ImGuiTreeNodeFlags_OpenOnDoubleClick;
    if (leaf) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (i == selected) flags |= ImGuiTreeNodeFlags_Selected;
    if (ff.depth == 0) flags |= ImGuiTreeNodeFlags_DefaultOpen;
    for (std::size_t p : path)
      if (p == i && !leaf) ImGui::SetNextItemOpen(true);
    const bool open = ImGui::TreeNodeEx(reinterpret_cast<void*>(static_cast<std::uintptr_t>(i + 1)),
                                        flags, "%s", f.name.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) ctx.push(cmd::SelectField{i});
    ctx.view.hit(Hit::Kind::field_node, i, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (reveal && i == selected) ImGui::SetScrollHereY(0.3f);
    ImGui::SameLine(value_x);
    text_coloured(i == selected ? ctx.colours.text : ctx.colours.dim, f.value);
    if (!leaf && open) {
      ++depth_open;
      ++i;
    } else {
      std::size_t next = i + 1;
      while (next < flat.size() && flat[next].depth > ff.depth) ++next;
      i = next;
    }
  }
  while (depth_open-- > 0) ImGui::TreePop();
}

void message_header(ViewContext& ctx, const Connection& c, const MessageEvent& m) {
  ImGui::PushFont(ctx.fonts.large);
  text(message_title(m.message.name));
  ImGui::PopFont();
  char facts[200];
  std::snprintf(facts, sizeof facts, "from %s · record #%zu · %zu bytes · %s", side_name(c, m.from),
                m.record_id, m.message.bytes.size(),
                is_encrypted(m.protection) ? m.protection.c_str() : "plaintext");
  Flow line;
  line.next(0.0f);  // after the title
  line.text(ctx.colours.dim, facts);
  char key[96];
  std::snprintf(key, sizeof key, "message.%s", m.message.name.c_str());
  why(ctx, key, &m);
  if (!m.message.error.empty())
    text_wrapped_coloured(ctx.colours.fail, "could not decode all of it: " + m.message.error);
}

}  // namespace

void draw_fields(ViewContext& ctx) {
  const Session& s = ctx.session;
  const SelectionModel& sel = s.playback().selection();
  const MessageEvent* m = sel.message();
  const RecordEvent* r = sel.record();
  if (sel.event() == nullptr || (m == nullptr && r == nullptr)) {
    text_dim(ctx, "Click an arrow in the ladder, or step (← →), to inspect a message.");
    return;
  }
  const Connection& c = s.timeline().connections[sel.current().connection];
  if (m != nullptr) {
    message_header(ctx, c, *m);
  } else {
    ImGui::Text("Record #%zu from %s", r->record_id, side_name(c, r->from));
    if (!sel.record_map().spans.empty()) {
      char carries[96];
      std::snprintf(carries, sizeof carries,
                    "— carries %zu handshake message(s): click one in Bytes",
                    sel.record_map().spans.size());
      Flow line;
      line.next(0.0f);
      line.text(ctx.colours.dim, carries);
    }
  }
  const float avail = ImGui::GetContentRegionAvail().y;
  // A long value scrolls across rather than being cut off; the vertical scrollbar is always
  // there, as ImGui does not add it when a horizontal one takes the last lines' room.
  ImGui::BeginChild(
      "field_tree", ImVec2(0, avail * 0.5f), true,
      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  field_tree(ctx, sel.fields(), sel.current().field);
  ImGui::EndChild();

  const std::size_t f = sel.current().field;
  ImGui::BeginChild("field_why", ImVec2(0, avail * 0.2f), false);
  if (f != npos) {
    const Field& field = sel.fields().field(f);
    char span[80];
    std::snprintf(span, sizeof span, "bytes %zu..%zu (%zu)", field.offset,
                  field.offset + field.length, field.length);
    Flow line;
    line.text(ImGui::GetColorU32(ImGuiCol_Text), field.name);
    line.text(ctx.colours.dim, span);
    explanation(ctx, field.explain_key);
  } else {
    text_dim(ctx, "Click a field to see why it is there, or a byte to find its field.");
  }
  ImGui::EndChild();
  if (m != nullptr)
    hex_view(ctx, "message_hex", m->message.bytes, ByteBlock::message,
             sel.highlight(ByteBlock::message));
  else
    hex_view(ctx, "record_hex", r->bytes, ByteBlock::wire, sel.highlight(ByteBlock::wire));
}

void draw_bytes(ViewContext& ctx) {
  const Session& s = ctx.session;
  const SelectionModel& sel = s.playback().selection();
  const RecordEvent* r = sel.record();
  if (r == nullptr) {
    text_dim(ctx, "Select an arrow (a record) to see its bytes on the wire.");
    return;
  }
  const Connection& c = s.timeline().connections[sel.current().connection];
  const RecordMap& map = sel.record_map();
  char head[120];
  std::snprintf(head, sizeof head, "Record #%zu from %s: %zu bytes on the wire,", r->record_id,
                side_name(c, r->from), r->bytes.size());
  Flow line;
  line.text(ImGui::GetColorU32(ImGuiCol_Text), head);
  const ImU32 colour = protection_colour(ctx.colours, protection_of(keys_of(r->protection)));
  line.text(colour, is_encrypted(r->protection) ? "sealed with the keys of" : "plaintext");
  if (is_encrypted(r->protection)) line.text(colour, r->protection);
  why(ctx, explain_key(keys_of(r->protection)), r);
  // The secret whose keys seal it, as far as it has been derived.
  for (const SecretRow& secret : ctx.view.cache.keys.secrets) {
    if (secret.name != r->protection) continue;
    char derived[300];
    std::snprintf(derived, sizeof derived, "%s = %.32s… (derived by %s at step %zu)",
                  secret.name.c_str(), secret.value.c_str(), secret.derived_by.c_str(),
                  secret.step);
    text_wrapped_coloured(ctx.colours.dim, derived);
  }
  // The messages inside: click one to select it (its span lights up below).
  if (!map.spans.empty()) text_dim(ctx, "inside:");
  const float right = content_right_on_screen();
  for (const MessageSpan& span : map.spans) {
    const auto& m = std::get<MessageEvent>(c.events[span.event].body);
    char label[96];
    const std::string_view title = message_title(m.message.name);
    std::snprintf(label, sizeof label, "%.*s##%zu", static_cast<int>(title.size()), title.data(),
                  span.event);
    const float w =
        ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    if (ImGui::SmallButton(label)) ctx.push(cmd::Select{sel.current().connection, span.event});
  }
  if (!map.changed.empty())
    text_coloured(ctx.colours.attack,
                  "⚠ Bytes in red were changed on the way: what arrived is not what was sent.");
  const float avail = ImGui::GetContentRegionAvail().y;
  text_dim(ctx, "On the wire (what an eavesdropper sees):");
  HexOptions wire;
  wire.changed = &map.changed;
  wire.height = r->plaintext ? avail * 0.45f : 0.0f;
  hex_view(ctx, "wire_hex", r->bytes, ByteBlock::wire, sel.highlight(ByteBlock::wire), wire);
  if (r->plaintext) {
    char title[200];
    std::snprintf(title, sizeof title,
                  "Inside, opened with the keys of %s (real type %s, sealed in with it):",
                  r->protection.c_str(), content_type_name(r->inner_type).c_str());
    text_wrapped_coloured(ctx.colours.dim, title);
    hex_view(ctx, "inner_hex", *r->plaintext, ByteBlock::inner, sel.highlight(ByteBlock::inner));
  } else if (is_encrypted(r->protection)) {
    text_wrapped_coloured(ctx.colours.dim,
                          "TLS 1.2 records are not opened here: their messages are shown as their "
                          "sender built them, in Fields.");
  }
}

}  // namespace tlsclub::gui
