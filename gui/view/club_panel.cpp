// The club view: the analogy drawn — the town authority's seal, the club entrance with its badge
// on the door, the bouncer, the queue of members with their cards (✓ ✗ as they are decided) —
// and the narration of the current step at the level the student chose.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "state/club_scene.h"
#include "state/names.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

ImU32 member_colour(const std::string& name) {
  unsigned h = 2166136261u;
  for (char ch : name) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  float r = 0, g = 0, b = 0;
  ImGui::ColorConvertHSVtoRGB(static_cast<float>(h % 360) / 360.0f, 0.55f, 0.85f, r, g, b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1.0f));
}

void person(ImDrawList* d, ImVec2 feet, float s, ImU32 body, ImU32 skin) {
  d->AddRectFilled(ImVec2(feet.x - s * 0.22f, feet.y - s * 0.75f),
                   ImVec2(feet.x + s * 0.22f, feet.y), body, s * 0.1f);
  d->AddCircleFilled(ImVec2(feet.x, feet.y - s * 0.92f), s * 0.17f, skin, 20);
}

void icon(ImDrawList* d, const ViewContext& ctx, ImVec2 centre, CheckState state) {
  const char* glyph = check_icon(state);
  const ImVec2 size = ImGui::CalcTextSize(glyph);
  d->AddCircleFilled(centre, size.y * 0.62f, ctx.colours.panel_bg, 16);
  d->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f),
             check_colour(ctx.colours, state), glyph);
}

// A card in a hand (or on the door): white, with the verdict on it.
void card(ImDrawList* d, const ViewContext& ctx, ImVec2 centre, float s, CheckState state) {
  d->AddRectFilled(ImVec2(centre.x - s * 0.2f, centre.y - s * 0.13f),
                   ImVec2(centre.x + s * 0.2f, centre.y + s * 0.13f), ctx.colours.card, s * 0.03f);
  d->AddRect(ImVec2(centre.x - s * 0.2f, centre.y - s * 0.13f),
             ImVec2(centre.x + s * 0.2f, centre.y + s * 0.13f), ctx.colours.lane, s * 0.03f);
  icon(d, ctx, ImVec2(centre.x + s * 0.2f, centre.y - s * 0.13f), state);
}

void label(ImDrawList* d, ImVec2 centre_top, ImU32 colour, const char* s) {
  const float w = ImGui::CalcTextSize(s).x;
  d->AddText(ImVec2(centre_top.x - w * 0.5f, centre_top.y), colour, s);
}

// Text in a rounded bubble, centred on x, its bottom at `bottom`.
void bubble(ImDrawList* d, const ViewContext& ctx, float x, float bottom, ImU32 colour,
            const char* s) {
  const ImVec2 size = ImGui::CalcTextSize(s);
  const float pad = size.y * 0.35f;
  const ImVec2 min(x - size.x * 0.5f - pad, bottom - size.y - pad * 2);
  d->AddRectFilled(min, ImVec2(x + size.x * 0.5f + pad, bottom), ctx.colours.panel_bg, pad);
  d->AddRect(min, ImVec2(x + size.x * 0.5f + pad, bottom), colour, pad);
  d->AddText(ImVec2(min.x + pad, min.y + pad), colour, s);
}

// The drawing area of the club view and the sizes everything in it is measured in.
struct Stage {
  ImDrawList* d;
  ImVec2 o;      // top left
  float w, h;    // size
  float line;    // font height
  float ground;  // where people stand
  float unit;    // a person's height
};

// The club, its door with the badge, and the seal of the badge's issuer.
void draw_club(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const Palette& p = ctx.colours;
  ImDrawList* d = st.d;
  const ImVec2 club_min(st.o.x + st.w * 0.68f, st.ground - st.unit * 1.75f),
      club_max(st.o.x + st.w * 0.995f, st.ground);
  d->AddRectFilled(club_min, club_max, p.wood, 6.0f);
  // A man in the middle: the door is not the club's, whatever the badge on it says.
  if (scene.impostor) d->AddRect(club_min, club_max, p.attack, 6.0f, 0, 3.0f);
  label(d, ImVec2((club_min.x + club_max.x) * 0.5f, club_min.y + st.line * 0.3f),
        scene.impostor ? p.attack : p.text, scene.door.c_str());
  if (!scene.door_note.empty())
    label(d, ImVec2((club_min.x + club_max.x) * 0.5f, club_min.y + st.line * 1.3f), p.attack,
          scene.door_note.c_str());
  const ImVec2 door_min(st.o.x + st.w * 0.77f, st.ground - st.unit * 1.2f),
      door_max(st.o.x + st.w * 0.9f, st.ground);
  d->AddRectFilled(door_min, door_max, scene.door_open ? p.panel_bg : p.door, 3.0f);
  const ImVec2 badge_at((door_min.x + door_max.x) * 0.5f, door_min.y + st.unit * 0.25f);
  card(d, ctx, badge_at, st.unit, scene.badge);

  // The seal's owner named to the right, above the club's roof.
  const std::string_view owner = seal_owner(ctx.view.cache.chains);
  char authority[160];
  std::snprintf(authority, sizeof authority, "seal of %.*s", static_cast<int>(owner.size()),
                owner.data());
  const float aw = ImGui::CalcTextSize(authority).x;
  const ImVec2 seal(std::max(st.o.x + st.line,
                             std::min(st.o.x + st.w * 0.6f, st.o.x + st.w - aw - st.line * 2.0f)),
                    st.o.y + st.line * 2.6f);
  d->AddLine(seal, badge_at, with_alpha(p.seal, 0.7f), 1.5f);
  d->AddCircleFilled(seal, st.line * 0.75f, p.seal, 24);
  d->AddCircle(seal, st.line * 0.5f, p.panel_bg, 24, 1.5f);
  d->AddText(ImVec2(seal.x + st.line, seal.y - st.line * 0.5f), p.dim, authority);
}

ImU32 mood_colour(const Palette& p, Mood mood) {
  switch (mood) {
    case Mood::welcome:
      return p.pass;
    case Mood::refusal:
      return p.fail;
    case Mood::attack:
      return p.attack;
    case Mood::neutral:
      break;
  }
  return p.text;
}

// The bouncer beside the door, and what he says.
void draw_bouncer(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const ImVec2 bouncer(st.o.x + st.w * 0.62f, st.ground);
  person(st.d, bouncer, st.unit * 1.1f, IM_COL32(40, 40, 48, 255), ctx.colours.skin);
  bubble(st.d, ctx, bouncer.x - st.unit * 0.2f, bouncer.y - st.unit * 1.25f,
         mood_colour(ctx.colours, scene.bouncer.mood), scene.bouncer.text.c_str());
}

// The member at the door (with a card, when the scenario gives one) and what the member says;
// returns where the member stands.
ImVec2 draw_member(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const Session& s = ctx.session;
  const Palette& p = ctx.colours;
  const Connection& c = s.connection();
  const Position at = s.position();
  const ImVec2 member(st.o.x + st.w * (0.3f + 0.22f * scene.approach), st.ground);
  person(st.d, member, st.unit, member_colour(c.client), p.skin);
  label(st.d, ImVec2(member.x, st.ground + 4.0f), p.text, c.client.c_str());
  const auto& members = s.spec().members;
  const bool has_card = at.connection < members.size() && members[at.connection].card.has_value();
  if (has_card)
    card(st.d, ctx, ImVec2(member.x + st.unit * 0.3f, st.ground - st.unit * 0.5f), st.unit * 0.8f,
         scene.card);
  if (!scene.member.text.empty())
    bubble(st.d, ctx, member.x, member.y - st.unit * 1.15f, mood_colour(p, scene.member.mood),
           scene.member.text.c_str());
  return member;
}

// Who waits behind the member, the tally of visits decided, and an attack sign.
void draw_queue(ViewContext& ctx, const Stage& st, const ClubScene& scene, ImVec2 member) {
  const Palette& p = ctx.colours;
  std::size_t shown = 0;
  float x = member.x - st.unit * 0.9f;  // the queue goes left from the member at the door
  for (const std::string& name : scene.queue) {
    const float half = std::max(st.unit * 0.3f, ImGui::CalcTextSize(name.c_str()).x * 0.5f + 4.0f);
    x -= half;
    if (x - half < st.o.x) break;
    const ImVec2 feet(x, st.ground);
    person(st.d, feet, st.unit * 0.75f, with_alpha(member_colour(name), 0.8f), p.skin);
    label(st.d, ImVec2(feet.x, st.ground + 4.0f), p.dim, name.c_str());
    x -= half;
    ++shown;
  }
  if (shown < scene.waiting) {  // those the queue has no room for
    char more[48];
    std::snprintf(more, sizeof more, "+%zu more", scene.waiting - shown);
    st.d->AddText(ImVec2(st.o.x + 4.0f, st.ground - st.unit * 1.1f), p.dim, more);
  }
  st.d->AddText(ImVec2(st.o.x + 4.0f, st.o.y + 4.0f), p.dim, ctx.view.cache.tally.c_str());

  // The attack sign goes under the tally, where nothing else is drawn.
  const std::string_view sign_words = attack_sign(scene, ctx.session.playback().narration());
  if (!sign_words.empty()) {
    const ImVec2 sign(st.o.x + st.line, st.o.y + st.line * 2.4f);
    warning_sign(st.d, sign, st.line * 1.3f, p.attack);
    st.d->AddText(ImVec2(sign.x + st.line, sign.y - st.line * 0.5f), p.attack, sign_words.data(),
                  sign_words.data() + sign_words.size());
  }
}

void scene(ViewContext& ctx, ImVec2 o, float w, float h) {
  const float line = ImGui::GetFontSize();
  const Stage st{ImGui::GetWindowDrawList(),   o, w, h, line, o.y + h - line * 1.5f,
                 std::min(h * 0.4f, w * 0.15f)};
  st.d->AddLine(ImVec2(o.x, st.ground), ImVec2(o.x + w, st.ground), ctx.colours.lane, 2.0f);
  const ClubScene& scene = ctx.view.cache.club;
  draw_club(ctx, st, scene);
  draw_bouncer(ctx, st, scene);
  const ImVec2 member = draw_member(ctx, st, scene);
  draw_queue(ctx, st, scene, member);
}

}  // namespace

void draw_club_view(ViewContext& ctx) {
  const Session& s = ctx.session;
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = std::min(ImGui::GetContentRegionAvail().y * 0.5f, w * 0.6f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImGui::PushClipRect(origin, ImVec2(origin.x + w, origin.y + h), true);
  scene(ctx, origin, w, h);
  ImGui::PopClipRect();

  ImGui::BeginChild("narration", ImVec2(0, 0), false);
  const Narration& n = s.playback().narration();
  if (n.stories.empty()) text_dim(ctx, "Nothing happens at this step.");
  for (std::size_t i = 0; i < n.stories.size(); ++i) {
    const Story& story = n.stories[i];
    if (i == 0) {
      ImGui::PushFont(ctx.fonts.large);
      text_wrapped_coloured(tone_colour(ctx.colours, story.tone), story.headline);
      ImGui::PopFont();
      if (!story.detail.empty())
        text_wrapped_coloured(
            story.tone == Tone::info ? ctx.colours.dim : tone_colour(ctx.colours, story.tone),
            story.detail);
      explanation(ctx, story.explain_key);
      ImGui::Separator();
      continue;
    }
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(ctx.colours, story.tone));
    text_wrapped(story.headline);
    ImGui::PopStyleColor();
    if (!story.detail.empty() && ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
      text(story.detail);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    why(ctx, story.explain_key, &story);
  }
  for (const std::string& note : n.notes) {
    text_coloured(ctx.colours.select, "Trainer's note:");
    ImGui::SameLine();
    text_wrapped(note);
  }
  ImGui::Spacing();
  // The myth told the way it is true of this visit: the certificate's key signs and the traffic
  // keys come from (EC)DHE, or, under TLS 1.2 RSA key transport, the key decrypts the premaster.
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (ImGui::CollapsingHeader("Myth: the certificate encrypts the traffic"))
    explanation(ctx, ctx.view.cache.myth);
  ImGui::EndChild();
}

}  // namespace tlsclub::gui
