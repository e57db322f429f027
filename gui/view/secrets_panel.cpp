// The key schedule as it unfolds: the key shares (or, under RSA key transport, the encrypted
// premaster secret), the shared secret both sides compute, the traffic secrets derived from it,
// which records each one protects, and what the certificates' keys do in this key exchange.
#include <cstdio>

#include "state/names.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

// A secret that seals records in the colour of its keys; the secrets in between in plain text.
ImU32 secret_colour(const Palette& p, const std::string& name) {
  const auto keys = sealing_keys(name);
  return keys ? protection_colour(p, protection_of(*keys)) : p.text;
}

float short_hex_width(const std::string& hex) {
  return hex.size() <= 32
             ? ImGui::CalcTextSize(hex.c_str()).x
             : ImGui::CalcTextSize(hex.c_str(), hex.c_str() + 32).x + ImGui::CalcTextSize("…").x;
}

void short_hex(const std::string& hex) {
  if (hex.size() <= 32) {
    ImGui::TextDisabled("%s", hex.c_str());
    return;
  }
  ImGui::TextDisabled("%.32s…", hex.c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(hex.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

// One key share: whose, in which message, the group and the value's first bytes; a click
// selects the message.
void share_row(ViewContext& ctx, const KeyShare& share) {
  const Connection& c = ctx.session.connection();
  const std::size_t connection = ctx.session.position().connection;
  ImGui::PushID(&share);
  ImGui::Bullet();
  const std::string_view title = message_title(share.message);
  char whose[200];
  std::snprintf(whose, sizeof whose, "%s in %.*s:",
                share.from == Side::client ? c.client.c_str()
                : c.impostor.empty()       ? "the club"
                                           : "the impostor",
                static_cast<int>(title.size()), title.data());
  Flow line;
  line.next(0.0f);  // after the bullet
  line.text(ImGui::GetColorU32(ImGuiCol_Text), whose);
  line.text(ImGui::GetColorU32(ImGuiCol_Text), share.group);
  line.next(short_hex_width(share.value));
  short_hex(share.value);
  if (ImGui::IsItemClicked()) ctx.push(cmd::Select{connection, share.event});
  ImGui::PopID();
}

// One secret of the schedule, indented by its depth: its name in the colour of the keys it
// makes, who derived it and when, its value, and the records it protects.
void secret_row(ViewContext& ctx, const SecretRow& row) {
  const Session& s = ctx.session;
  const std::size_t connection = s.position().connection;
  const SelectionModel& sel = s.playback().selection();
  ImGui::PushID(&row);
  const float indent = ImGui::GetFontSize() * 1.2f * static_cast<float>(row.depth);
  if (indent > 0.0f) ImGui::Indent(indent);  // Indent(0) would mean the default width
  const bool selected = sel.current().connection == connection && sel.current().event == row.event;
  ImGui::PushStyleColor(ImGuiCol_Text, secret_colour(ctx.colours, row.name));
  if (ImGui::Selectable(row.name.c_str(), selected, 0,
                        ImVec2(ImGui::CalcTextSize(row.name.c_str()).x, 0)))
    ctx.push(cmd::Select{connection, row.event});
  ImGui::PopStyleColor();
  char key[96];
  std::snprintf(key, sizeof key, "secret.%s", row.name.c_str());
  why(ctx, key, &row.name);
  char derived[160];
  std::snprintf(derived, sizeof derived, "derived by %s at step %zu", row.derived_by.c_str(),
                row.step);
  Flow line;
  line.next(0.0f);  // after the name and its (?)
  line.text(ctx.colours.dim, derived);
  ImGui::Indent(ImGui::GetFontSize());
  short_hex(row.value);
  if (!row.keylog_label.empty()) {
    char keylog[96];
    std::snprintf(keylog, sizeof keylog, "· key log %s", row.keylog_label.c_str());
    Flow after_hex;
    after_hex.next(0.0f);
    after_hex.text(ctx.colours.dim, keylog);
  }
  if (!row.records.empty()) {
    Flow records;
    records.text(ImGui::GetColorU32(ImGuiCol_Text), "protects");
    for (std::size_t i = 0; i < row.records.size(); ++i) {
      char label[64];
      std::snprintf(label, sizeof label, "#%zu (%s)##%zu", row.records[i],
                    row.record_from[i] == Side::client ? "member" : "club", i);
      records.next(ImGui::CalcTextSize(label, nullptr, true).x +
                   ImGui::GetStyle().FramePadding.x * 2);
      if (ImGui::SmallButton(label)) {
        const std::size_t r = s.playback().ladder().row_of_record(connection, row.records[i]);
        if (r != npos) ctx.push(cmd::Select{connection, s.playback().ladder().rows()[r].event});
      }
    }
  }
  ImGui::Unindent(ImGui::GetFontSize());
  if (indent > 0.0f) ImGui::Unindent(indent);
  ImGui::PopID();
}

}  // namespace

void draw_secrets(ViewContext& ctx) {
  const Session& s = ctx.session;
  const KeySchedule& ks = ctx.view.cache.keys;
  const KeyRoles& roles = ctx.view.cache.roles;
  text_wrapped_coloured(ctx.colours.dim, ctx.view.cache.shares_heading);
  // A resumed TLS 1.2 visit or psk_ke exchanges none at all, and an ended visit gets no more.
  const bool none_coming = (roles.kind == KeyExchangeKind::resumed && roles.group.empty()) ||
                           (roles.kind == KeyExchangeKind::not_yet && roles.over);
  if (ks.shares.empty()) text_dim(ctx, none_coming ? "  none" : "  none yet");
  for (const KeyShare& share : ks.shares) share_row(ctx, share);
  ImGui::Spacing();
  text_wrapped_coloured(ctx.colours.dim,
                        s.timeline().tls_version == "1.2"
                            ? "Secrets, in the order they were derived (RFC 5246 8.1, 6.3):"
                            : "Secrets, in the order they were derived (RFC 8446 7.1):");
  if (ks.secrets.empty())
    text_wrapped_coloured(ctx.colours.dim,
                          "  none yet: the key schedule starts when the hellos are exchanged");
  for (const SecretRow& row : ks.secrets) secret_row(ctx, row);
  ImGui::Spacing();
  ImGui::Separator();
  text_wrapped_coloured(ctx.colours.dim, ctx.view.cache.roles_note);
}

}  // namespace tlsclub::gui
