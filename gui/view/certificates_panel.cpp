// Certificates as cards, root to leaf: who it is issued to and by, its validity drawn against the
// simulated clock, names, key usage, what it may be used for (each purpose with its OID read arc
// by arc), its key, seal and serial, and "copy PEM".
#include <algorithm>
#include <cstdio>

#include "state/names.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

const char* role(const Chain& chain, std::size_t i) {
  const CertificateCard& card = chain.cards[i];
  const bool leaf = i + 1 == chain.cards.size() && card.sent;
  if (!card.sent) return "trust anchor · trusted, not sent in this visit";
  if (leaf)
    return chain.owner == Side::server ? "the badge (server certificate)"
                                       : "the membership card (client certificate)";
  // A root the sender included although it may leave it out (RFC 8446 4.4.2): sending it does
  // not make it trusted.
  if (i == 0 && card.subject == card.issuer) return "a root's certificate, sent anyway";
  return "an authority's certificate (intermediate)";
}

// "2026-01-30" of "2026-01-30T20:00:00Z": the day is what a student compares.
std::string_view day(const std::string& time) {
  return std::string_view(time).substr(0, std::min<std::size_t>(time.size(), 10));
}

void row(ViewContext& ctx, const char* name, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  text_coloured(ctx.colours.dim, name);
  ImGui::TableNextColumn();
  text_wrapped(value.empty() ? std::string_view("—") : value);
}

void validity(ViewContext& ctx, const CertificateCard& card, SimTime now) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  text_coloured(ctx.colours.dim, "valid");
  ImGui::TableNextColumn();
  const std::string_view from = day(card.not_before_text), to = day(card.not_after_text);
  ImGui::Text("%.*s → %.*s", static_cast<int>(from.size()), from.data(),
              static_cast<int>(to.size()), to.data());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("notBefore %s\nnotAfter  %s", card.not_before_text.c_str(),
                      card.not_after_text.c_str());
  const auto at = validity_fraction(card, now);
  if (!at) return;
  ImGui::SameLine();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 9.0f;
  const float h = ImGui::GetFontSize() * 0.6f;
  const bool inside = *at >= 0.0 && *at <= 1.0;
  if (w > ImGui::GetFontSize() * 4.0f) {
    // The period as a bar, a margin either side for a clock outside it; the line is "now".
    ImDrawList* d = ImGui::GetWindowDrawList();
    const float y = o.y + (ImGui::GetFontSize() - h) * 0.5f;
    const float x0 = o.x + w * 0.1f, x1 = o.x + w * 0.9f;
    d->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h),
                     with_alpha(inside ? ctx.colours.pass : ctx.colours.fail, 0.45f), 3.0f);
    const float marker =
        std::clamp(x0 + static_cast<float>(*at) * (x1 - x0), o.x + 2.0f, o.x + w - 2.0f);
    d->AddLine(ImVec2(marker, y - 4.0f), ImVec2(marker, y + h + 4.0f), ctx.colours.text, 2.0f);
    ImGui::Dummy(ImVec2(w, ImGui::GetFontSize()));
    ImGui::SameLine();
  }
  text_coloured(inside ? ctx.colours.pass : ctx.colours.fail,
                inside ? "now is inside" : "now is OUTSIDE");
}

void purposes(ViewContext& ctx, const CertificateCard& card) {
  if (card.purposes.empty()) {
    row(ctx, "may be used for", card.extended_key_usage);
    return;
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  text_coloured(ctx.colours.dim, "may be used for");
  ImGui::TableNextColumn();
  for (const Purpose& p : card.purposes) {
    text(p.name.empty() ? p.oid : p.name);
    ImGui::SameLine();
    ImGui::TextDisabled("%s  (EKU, 2.5.29.37)", p.oid.c_str());
    text_wrapped_coloured(ctx.colours.dim, p.arcs);
  }
}

bool is_selected(const ViewContext& ctx, const CertificateCard& card) {
  const SelectionModel& sel = ctx.session.playback().selection();
  if (const auto* check =
          sel.event() != nullptr ? std::get_if<CheckEvent>(&sel.event()->body) : nullptr)
    return common_name_view(check->subject) == card.name;
  if (sel.current().event != card.event || sel.current().field == npos || card.field == nullptr)
    return false;
  // The card's field or any of its parts.
  for (std::size_t at = sel.current().field; at != npos; at = sel.fields().fields()[at].parent)
    if (sel.fields().fields()[at].field == card.field) return true;
  return false;
}

void card_view(ViewContext& ctx, const Chain& chain, std::size_t i) {
  const CertificateCard& card = chain.cards[i];
  const bool selected = is_selected(ctx, card);
  ImGui::PushID(static_cast<int>(i));
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->ChannelsSplit(2);  // the card's background goes under its text
  d->ChannelsSetCurrent(1);
  const float pad = ImGui::GetFontSize() * 0.5f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
  ImGui::BeginGroup();
  ImGui::PushFont(ctx.fonts.large);
  text(card.name);
  ImGui::PopFont();
  ImGui::SameLine();
  text_dim(ctx, role(chain, i));
  if (ImGui::BeginTable("card", 2, ImGuiTableFlags_SizingFixedFit,
                        ImVec2(ImGui::GetContentRegionAvail().x - pad, 0))) {
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8.5f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    row(ctx, "issued to", card.subject);
    row(ctx, "issued by", card.issuer);
    validity(ctx, card, ctx.session.timeline().clock);
    if (card.sent) {
      row(ctx, "names (SAN)", card.subject_alt_name);
      row(ctx, "key usage", card.key_usage);
      purposes(ctx, card);
      row(ctx, "CA?", card.basic_constraints);
      row(ctx, "public key", card.public_key);
      row(ctx, "seal", card.signature_algorithm);
      row(ctx, "serial", card.serial);
    }
    ImGui::EndTable();
  }
  if (card.sent) {
    if (ImGui::SmallButton("copy PEM")) ImGui::SetClipboardText(to_pem(card.der).c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The certificate as PEM, for `openssl x509 -text`");
    ImGui::SameLine();
    if (ImGui::SmallButton("show in Fields")) {
      const auto& m = std::get<MessageEvent>(ctx.session.connection().events[card.event].body);
      ctx.push(cmd::Select{ctx.session.position().connection, card.event});
      ctx.push(cmd::SelectField{FieldMap(m.message.fields).index_of(card.field)});
      ctx.view.request_tab = Tab::fields;
    }
  } else {
    // Only a root that was left out is drawn here: one that was sent is a card like the others.
    text_wrapped_coloured(ctx.colours.dim,
                          "Installed on the checker's device beforehand: every chain must end at a "
                          "trusted certificate like this. The sender left it out, as it may (RFC "
                          "8446 4.4.2, RFC 5246 7.4.2): it is trusted because it is installed, "
                          "not because anyone sends it.");
  }
  ImGui::EndGroup();
  const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + pad);
  d->ChannelsSetCurrent(0);
  d->AddRectFilled(start, end, ctx.colours.band, pad);
  d->AddRect(start, end, selected ? ctx.colours.select : ctx.colours.lane, pad, 0,
             selected ? 3.0f : 1.0f);
  d->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + pad * 0.5f));
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::PopID();
}

// The chain the student is looking at: the one whose certificate or check is selected, else the
// one checked most recently.
Side chain_of_interest(const ViewContext& ctx) {
  const SelectionModel& sel = ctx.session.playback().selection();
  if (const MessageEvent* m = sel.message(); m != nullptr && m->message.name == "certificate")
    return m->from;
  if (const Event* e = sel.event())
    if (const auto* check = std::get_if<CheckEvent>(&e->body)) return peer_of(check->by);
  const auto& lists = ctx.view.cache.checklists;
  return !lists.empty() && lists[0].latest_step > 0 ? peer_of(lists[0].by) : Side::server;
}

}  // namespace

void draw_certificates(ViewContext& ctx) {
  const auto& chains = ctx.view.cache.chains;
  if (chains.empty()) text_wrapped_coloured(ctx.colours.dim, ctx.view.cache.no_certificate);
  const Side first = chain_of_interest(ctx);
  const Connection& c = ctx.session.connection();
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < chains.size(); ++k) {
      const Chain& chain = chains[k];
      if ((chain.owner == first) != (pass == 0)) continue;
      ImGui::PushID(static_cast<int>(k));
      ImGui::PushFont(ctx.fonts.large);
      if (chain.owner == Side::server)
        ImGui::Text("The club's badge (%s) and the papers behind it", c.server_name.c_str());
      else
        ImGui::Text("%s's membership card and the papers behind it", c.client.c_str());
      ImGui::PopFont();
      text_dim(ctx, "each issuer above what it issued (matched by name, not by the order sent)");
      if (chain.cards.empty()) text_dim(ctx, "(an empty list: no card was shown)");
      for (std::size_t i = 0; i < chain.cards.size(); ++i) {
        const CertificateCard& card = chain.cards[i];
        if (card.signed_by_above)
          text_coloured(ctx.colours.seal, "    ↓ signs");
        else if (i > 0)
          text_wrapped_coloured(ctx.colours.dim, "    (the one above did not issue the one below)");
        if (!card.issuer_shown) {
          const std::string_view issuer = common_name_view(card.issuer);
          char line[200];
          std::snprintf(line, sizeof line, "its issuer, %.*s, is not among the certificates shown",
                        static_cast<int>(issuer.size()), issuer.data());
          text_wrapped_coloured(ctx.colours.dim, line);
        }
        card_view(ctx, chain, i);
      }
      ImGui::Spacing();
      ImGui::PopID();
    }
  }
}

}  // namespace tlsclub::gui
