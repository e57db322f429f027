// The club view: the analogy drawn — the town authority's seal, the club entrance with its badge
// on the door, the bouncer, the queue of members with their cards (✓ ✗ as they are decided) —
// and the narration of the current step at the level the student chose.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "state/club_scene.h"
#include "state/label_placer.h"
#include "state/names.h"
#include "view/fold.h"
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

// The drawing area of the club view, the sizes everything in it is measured in, and where its
// words have gone so far.
struct Stage {
  ImDrawList* d;
  ImVec2 o;      // top left
  float w, h;    // size
  float line;    // font height
  float ground;  // where people stand
  float unit;    // a person's height
  LabelPlacer* labels;
};

Box box_of(ImVec2 min, ImVec2 max) {
  return {min.x, min.y, max.x, max.y};
}

// A line of text at the first free spot (each the text's top-centre); false when none is free.
bool label(const Stage& st, std::initializer_list<ImVec2> centre_tops, ImU32 colour,
           const char* s) {
  const ImVec2 size = ImGui::CalcTextSize(s);
  Spot spots[6];
  std::size_t n = 0;
  for (ImVec2 c : centre_tops)
    if (n < std::size(spots)) spots[n++] = {c.x - size.x * 0.5f, c.y};
  const auto at = st.labels->place(std::span(spots, n), size.x, size.y);
  if (at) st.d->AddText(ImVec2(at->x0, at->y0), colour, s);
  return at.has_value();
}

// Text in a rounded bubble over a speaker's head: centred on x with its bottom at `bottom`, or
// higher, or slid sideways within the stage when that is taken; cut with "…" when wider than the
// stage (the narration below says it whole).
void bubble(const Stage& st, const ViewContext& ctx, float x, float bottom, ImU32 colour,
            std::string_view s) {
  const float pad = st.line * 0.35f;
  const FittedText fit = fit_text(ImGui::GetFont(), ImGui::GetFontSize(), s, st.w - pad * 4);
  const ImVec2 size(fit.width + pad * 2, st.line + pad * 2);
  const float left = std::clamp(x - size.x * 0.5f, st.o.x, st.o.x + st.w - size.x);
  const Spot spots[] = {{left, bottom - size.y},
                        {left, bottom - size.y * 2.1f},
                        {st.o.x + st.w - size.x, bottom - size.y},
                        {st.o.x, bottom - size.y},
                        {left, bottom - size.y * 3.2f}};
  const auto at = st.labels->place(spots, size.x, size.y);
  if (!at) return;
  st.d->AddRectFilled(ImVec2(at->x0, at->y0), ImVec2(at->x1, at->y1), ctx.colours.panel_bg, pad);
  st.d->AddRect(ImVec2(at->x0, at->y0), ImVec2(at->x1, at->y1), colour, pad);
  const ImVec2 text_at(at->x0 + pad, at->y0 + pad);
  st.d->AddText(text_at, colour, s.data(), s.data() + fit.bytes);
  if (fit.cut)
    st.d->AddText(ImVec2(text_at.x + fit.width - fit.ellipsis, text_at.y), colour, kEllipsis);
}

// Keeps words off a card and the verdict on its corner (card()).
void take_card(const Stage& st, ImVec2 centre, float s) {
  const float icon = st.line * 0.75f;
  st.labels->take(box_of(ImVec2(centre.x - s * 0.2f, centre.y - s * 0.13f - icon),
                         ImVec2(centre.x + s * 0.2f + icon, centre.y + s * 0.13f)));
}

// Where the club stands, its door and the badge on it.
struct Club {
  ImVec2 min, max, door_min, door_max, badge;
};

Club club_of(const Stage& st) {
  Club c;
  c.min = ImVec2(st.o.x + st.w * 0.68f, st.ground - st.unit * 1.75f);
  c.max = ImVec2(st.o.x + st.w * 0.995f, st.ground);
  c.door_min = ImVec2(st.o.x + st.w * 0.77f, st.ground - st.unit * 1.2f);
  c.door_max = ImVec2(st.o.x + st.w * 0.9f, st.ground);
  c.badge = ImVec2((c.door_min.x + c.door_max.x) * 0.5f, c.door_min.y + st.unit * 0.25f);
  return c;
}

// The club and its door with the badge (drawn first: the words go over it).
void draw_club(ViewContext& ctx, const Stage& st, const ClubScene& scene, const Club& club) {
  const Palette& p = ctx.colours;
  ImDrawList* d = st.d;
  d->AddRectFilled(club.min, club.max, p.wood, 6.0f);
  // A man in the middle: the door is not the club's, whatever the badge on it says.
  if (scene.impostor) d->AddRect(club.min, club.max, p.attack, 6.0f, 0, 3.0f);
  d->AddRectFilled(club.door_min, club.door_max, scene.door_open ? p.panel_bg : p.door, 3.0f);
  card(d, ctx, club.badge, st.unit, scene.badge);
  take_card(st, club.badge, st.unit);
}

// The club's name on its roof (or above it), the impostor's note under it.
void club_words(ViewContext& ctx, const Stage& st, const ClubScene& scene, const Club& club) {
  const Palette& p = ctx.colours;
  const float mid = (club.min.x + club.max.x) * 0.5f;
  label(st,
        {ImVec2(mid, club.min.y + st.line * 0.3f), ImVec2(mid, club.min.y - st.line * 1.1f),
         ImVec2(mid, club.door_max.y - st.line * 1.2f)},
        scene.impostor ? p.attack : p.text, scene.door.c_str());
  if (!scene.door_note.empty())
    label(st, {ImVec2(mid, club.min.y + st.line * 1.3f), ImVec2(mid, club.min.y - st.line * 2.2f)},
          p.attack, scene.door_note.c_str());
}

// The seal of the badge's issuer, tied to the badge by a line, its owner named beside it: high
// over the club where there is room, else anywhere along the top; with the owner's name alone,
// cut to fit, on a narrow stage; without words when even that does not fit.
void seal(ViewContext& ctx, const Stage& st, const Club& club) {
  const Palette& p = ctx.colours;
  const std::string_view owner = seal_owner(ctx.view.cache.chains);
  char words[160];
  std::snprintf(words, sizeof words, "seal of %.*s", static_cast<int>(owner.size()), owner.data());
  const float r = st.line * 0.75f, gap = st.line * 0.3f;
  // Over the club, along the top, or on the ground under the club's wall (a short stage).
  const float rows[] = {st.o.y + st.line * 1.9f, st.o.y + st.line * 0.2f, st.ground + 1.0f};
  const auto try_place = [&](float w, float h) {
    Spot spots[6];
    std::size_t n = 0;
    for (float y : rows) {
      spots[n++] = {std::min(st.o.x + st.w * 0.6f, st.o.x + st.w - w), y};
      spots[n++] = {std::max(st.o.x, std::min(st.o.x + st.w * 0.3f, st.o.x + st.w - w)), y};
    }
    return st.labels->place(std::span(spots, n), w, h);
  };
  FittedText fit = fit_text(ImGui::GetFont(), ImGui::GetFontSize(), words, FLT_MAX);
  auto at = try_place(r * 2 + gap + fit.width, std::max(r * 2, st.line));
  const char* shown = words;
  if (!at) {  // the owner's name alone, cut to what half the stage leaves
    shown = words + std::strlen("seal of ");
    fit = fit_text(ImGui::GetFont(), ImGui::GetFontSize(), shown, st.w * 0.5f);
    at = try_place(r * 2 + gap + fit.width, std::max(r * 2, st.line));
  }
  const bool named = at.has_value();
  if (!at) at = try_place(r * 2, r * 2);
  if (!at) return;
  const ImVec2 centre(at->x0 + r, (at->y0 + at->y1) * 0.5f);
  st.d->AddLine(centre, club.badge, with_alpha(p.seal, 0.7f), 1.5f);
  st.d->AddCircleFilled(centre, r, p.seal, 24);
  st.d->AddCircle(centre, st.line * 0.5f, p.panel_bg, 24, 1.5f);
  if (!named) return;
  const ImVec2 text_at(centre.x + r + gap, centre.y - st.line * 0.5f);
  st.d->AddText(text_at, p.dim, shown, shown + fit.bytes);
  if (fit.cut)
    st.d->AddText(ImVec2(text_at.x + fit.width - fit.ellipsis, text_at.y), p.dim, kEllipsis);
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

ImVec2 bouncer_at(const Stage& st) {
  return ImVec2(st.o.x + st.w * 0.62f, st.ground);
}

ImVec2 member_at(const Stage& st, const ClubScene& scene) {
  return ImVec2(st.o.x + st.w * (0.3f + 0.22f * scene.approach), st.ground);
}

// The member at the door, with a card when the scenario gives one, and the bouncer.
void draw_people(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const Session& s = ctx.session;
  const Palette& p = ctx.colours;
  const ImVec2 bouncer = bouncer_at(st), member = member_at(st, scene);
  person(st.d, bouncer, st.unit * 1.1f, IM_COL32(40, 40, 48, 255), p.skin);
  person(st.d, member, st.unit, member_colour(s.connection().client), p.skin);
  // A real visitor holds a card when the bouncer got one to check; a member when the scenario
  // gives it one.
  const auto& members = s.spec().members;
  const std::size_t at = s.position().connection;
  const bool holds_card = s.branch().live ? scene.card != CheckState::not_checked
                                          : at < members.size() && members[at].card.has_value();
  if (holds_card) {
    const ImVec2 held(member.x + st.unit * 0.3f, st.ground - st.unit * 0.5f);
    card(st.d, ctx, held, st.unit * 0.8f, scene.card);
    take_card(st, held, st.unit * 0.8f);
  }
}

// What the bouncer and the member say, and the member's name under the member.
void people_words(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const Palette& p = ctx.colours;
  const ImVec2 bouncer = bouncer_at(st), member = member_at(st, scene);
  label(st, {ImVec2(member.x, st.ground + 4.0f)}, p.text, ctx.session.connection().client.c_str());
  if (!scene.bouncer.text.empty())
    bubble(st, ctx, bouncer.x - st.unit * 0.2f, bouncer.y - st.unit * 1.25f,
           mood_colour(p, scene.bouncer.mood), scene.bouncer.text);
  if (!scene.member.text.empty())
    bubble(st, ctx, member.x, member.y - st.unit * 1.15f, mood_colour(p, scene.member.mood),
           scene.member.text);
}

// The tally of visits decided, top left, and the attack sign under it.
void corner_words(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const Palette& p = ctx.colours;
  const char* tally = ctx.view.cache.tally.c_str();
  const ImVec2 size = ImGui::CalcTextSize(tally);
  const Spot tally_at[] = {{st.o.x + 4.0f, st.o.y + 4.0f}};
  if (st.labels->place(tally_at, size.x, size.y))
    st.d->AddText(ImVec2(st.o.x + 4.0f, st.o.y + 4.0f), p.dim, tally);

  const std::string_view words = attack_sign(scene, ctx.session.playback().narration());
  if (words.empty()) return;
  const float sign = st.line * 1.3f;
  const float w = sign + ImGui::CalcTextSize(words.data(), words.data() + words.size()).x;
  const Spot spots[] = {{st.o.x + 4.0f, st.o.y + st.line * 1.7f},
                        {st.o.x + 4.0f, st.o.y + st.line * 3.2f}};
  const auto at = st.labels->place(spots, w, sign);
  if (!at) return;
  warning_sign(st.d, ImVec2(at->x0 + sign * 0.5f, at->y0 + sign * 0.5f), sign, p.attack);
  st.d->AddText(ImVec2(at->x0 + sign, at->y0 + (sign - st.line) * 0.5f), p.attack, words.data(),
                words.data() + words.size());
}

// Who waits behind the member, each with a name (a name that has no room goes with its person).
void draw_queue(ViewContext& ctx, const Stage& st, const ClubScene& scene) {
  const Palette& p = ctx.colours;
  std::size_t shown = 0;
  float x = member_at(st, scene).x - st.unit * 0.9f;  // the queue goes left from the member
  for (const std::string& name : scene.queue) {
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    const float half = std::max(st.unit * 0.3f, size.x * 0.5f + 4.0f);
    x -= half;
    const Box name_box{x - size.x * 0.5f, st.ground + 4.0f, x + size.x * 0.5f,
                       st.ground + 4.0f + size.y};
    if (x - half < st.o.x || !st.labels->free(name_box)) break;
    st.labels->take(name_box);
    const ImVec2 feet(x, st.ground);
    person(st.d, feet, st.unit * 0.75f, with_alpha(member_colour(name), 0.8f), p.skin);
    st.d->AddText(ImVec2(name_box.x0, name_box.y0), p.dim, name.c_str());
    x -= half;
    ++shown;
  }
  if (shown < scene.waiting) {  // those the queue has no room for
    char more[48];
    std::snprintf(more, sizeof more, "+%zu more", scene.waiting - shown);
    const ImVec2 size = ImGui::CalcTextSize(more);
    const Spot spots[] = {{st.o.x + 4.0f, st.ground - st.unit * 1.1f},
                          {st.o.x + 4.0f, st.ground - size.y - 2.0f}};
    if (const auto at = st.labels->place(spots, size.x, size.y))
      st.d->AddText(ImVec2(at->x0, at->y0), p.dim, more);
  }
}

void scene(ViewContext& ctx, ImVec2 o, float w, float h) {
  const float line = ImGui::GetFontSize();
  LabelPlacer labels(Box{o.x, o.y, o.x + w, o.y + h});
  const Stage st{ImGui::GetWindowDrawList(),    o,      w, h, line,
                 o.y + h - line * 1.6f,  // room under it for a name or the seal
                 std::min(h * 0.4f, w * 0.15f), &labels};
  // The seal is placed last (it is decoration) but drawn first, under everything.
  st.d->ChannelsSplit(2);
  st.d->ChannelsSetCurrent(1);
  st.d->AddLine(ImVec2(o.x, st.ground), ImVec2(o.x + w, st.ground), ctx.colours.lane, 2.0f);
  const ClubScene& scene = ctx.view.cache.club;
  const Club club = club_of(st);
  draw_club(ctx, st, scene, club);
  draw_people(ctx, st, scene);
  // The words, most needed first: each takes a place the later ones must keep clear of.
  people_words(ctx, st, scene);
  corner_words(ctx, st, scene);
  club_words(ctx, st, scene, club);
  draw_queue(ctx, st, scene);
  st.d->ChannelsSetCurrent(0);
  seal(ctx, st, club);
  st.d->ChannelsMerge();
}

}  // namespace

void draw_club_scene(ViewContext& ctx, float height) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = std::min(height, w * 0.6f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImGui::PushClipRect(origin, ImVec2(origin.x + w, origin.y + h), true);
  scene(ctx, origin, w, h);
  ImGui::PopClipRect();
}

void draw_club_view(ViewContext& ctx) {
  draw_club_scene(ctx, ImGui::GetContentRegionAvail().y * 0.5f);
  draw_narration(ctx, true);
}

void draw_narration(ViewContext& ctx, bool headline) {
  const Session& s = ctx.session;

  // The scrollbar always there: text that needs it only just would otherwise re-wrap as it comes
  // and goes, frame after frame.
  ImGui::BeginChild("narration", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
  const Narration& n = s.playback().narration();
  if (n.stories.empty()) text_dim(ctx, "Nothing happens at this step.");
  for (std::size_t i = 0; i < n.stories.size(); ++i) {
    const Story& story = n.stories[i];
    if (i == 0) {
      if (headline) {
        ImGui::PushFont(ctx.fonts.large);
        text_wrapped_coloured(tone_colour(ctx.colours, story.tone), story.headline);
        ImGui::PopFont();
      }
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
  // A header is as wide as its words: on a narrow panel the myth's name goes inside.
  const char* myth = "Myth: the certificate encrypts the traffic###myth";
  if (ImGui::CalcTextSize(myth, nullptr, true).x + ImGui::GetFontSize() * 2.0f >
      ImGui::GetContentRegionAvail().x)
    myth = "Myth###myth";
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (ImGui::CollapsingHeader(myth)) explanation(ctx, ctx.view.cache.myth);
  ImGui::EndChild();
}

}  // namespace tlsclub::gui
