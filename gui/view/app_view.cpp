#include "view/app_view.h"

#include <algorithm>

#include "state/screen_fit.h"
#include "view/keys.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

constexpr unsigned area_bit(Area area) {
  return 1u << static_cast<unsigned>(area);
}

// The tabs of the areas `areas` holds (a bit per Area) in one tab bar; the requested one is
// brought forward once.
// `bar` numbers the tab bar (its slot in ViewState::tab_bar_shown).
void tabs(ViewContext& ctx, const char* id, std::size_t bar, unsigned areas) {
  if (!ImGui::BeginTabBar(id, ImGuiTabBarFlags_FittingPolicyResizeDown)) return;
  for (const TabPanel& panel : tab_panels()) {
    if ((areas & area_bit(panel.area)) == 0) continue;
    const bool requested = ctx.view.request_tab == panel.tab;
    if (!ImGui::BeginTabItem(panel.label, nullptr, requested ? ImGuiTabItemFlags_SetSelected : 0))
      continue;
    Tab& shown = ctx.view.tab_bar_shown[bar];
    if (requested || (shown != Tab::count && shown != panel.tab)) ctx.view.front_tab = panel.tab;
    shown = panel.tab;
    ImGui::BeginChild("content", ImVec2(0, 0), false);
    panel.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

constexpr float kSplitterWidth = 6.0f;

// Two panes with a draggable border between them; `ratio` is the left one's share of the width.
struct Split {
  const char* left;
  const char* splitter;
  const char* right;
  float* ratio;
  float min_ratio, max_ratio;
};

template <class Left, class Right>
void side_by_side(const Split& split, float width, float height, Left left, Right right) {
  ImGui::BeginChild(split.left, ImVec2((width - kSplitterWidth) * *split.ratio, height), true);
  left();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::PushID(split.splitter);
  ImGui::BeginChild("holder", ImVec2(kSplitterWidth, height), false);
  splitter("##splitter", true, kSplitterWidth, split.ratio, width, split.min_ratio,
           split.max_ratio);
  ImGui::EndChild();
  ImGui::PopID();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild(split.right, ImVec2(0, height), true);
  right();
  ImGui::EndChild();
}

}  // namespace

bool tab_from_string(std::string_view name, Tab& tab) {
  for (const TabPanel& panel : tab_panels()) {
    if (name == panel.name) {
      tab = panel.tab;
      return true;
    }
  }
  return false;
}

AppView::AppView(Session& session, Settings& settings, FontSet fonts)
    : session_(session), settings_(settings), look_(look_of(settings)), fonts_(fonts) {
  view_.hits.reserve(512);
  commands_.reserve(16);
}

void AppView::refresh_cache() {
  StepCache& cache = view_.cache;
  const Timeline* timeline = &session_.timeline();
  const std::size_t position = session_.playback().cursor().index();
  const bool predicting = session_.playback().predict().enabled();
  if (cache.timeline == timeline && cache.position == position && cache.predicting == predicting)
    return;
  cache.ladder_rows = shown_rows(session_.playback().ladder(), position, predicting);
  cache.predicting = predicting;
  const Position at = session_.position();
  const Connection& c = session_.connection();
  cache.checklists = checklists(c, at.step);
  cache.club = club_scene(*timeline, at, cache.checklists,
                          session_.spec().server.client_auth != ClientAuth::none);
  cache.tally = tally_line(cache.club.tally);
  cache.keys = key_schedule(c, at.step);
  cache.roles = key_roles(c, at.step);
  cache.shares_heading = key_shares_heading(cache.roles);
  cache.roles_note = key_roles_note(cache.roles);
  cache.no_certificate = no_certificate_note(c, at.step);
  cache.myth = myth_key(key_exchange_of(c));
  if (cache.timeline != timeline) cache.clock = format_time(timeline->clock);
  if (cache.timeline != timeline || cache.chains_connection != at.connection) {
    cache.chains = chains_of(c);
    cache.chains_connection = at.connection;
  }
  cache.timeline = timeline;
  cache.position = position;
}

void AppView::zoom_keys() {
  if (!ImGui::GetIO().KeyCtrl) return;
  const auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (pressed(keys::kEqual) || pressed(keys::kKeypadAdd))
    settings_.font_size = zoomed(settings_.font_size, 1);
  if (pressed(keys::kMinus) || pressed(keys::kKeypadSub))
    settings_.font_size = zoomed(settings_.font_size, -1);
  if (pressed(keys::kDigit0) || pressed(keys::kKeypad0))
    settings_.font_size = zoomed(settings_.font_size, 0);
}

void AppView::present_keys() {
  const auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (pressed(keys::kF5)) {
    settings_.present = !settings_.present;
    view_.blank = false;
    return;
  }
  if (!settings_.present) return;
  if (pressed(keys::kEscape)) {  // a clicker's "start show" button alternates F5 and Escape
    if (view_.blank)
      view_.blank = false;
    else
      settings_.present = false;
    return;
  }
  if (pressed(keys::kB) || pressed(keys::kPeriod)) view_.blank = !view_.blank;
  // A clicker's forward and back: Page Down and Page Up (held down, they repeat). On a blanked
  // screen the first press brings the picture back where it was.
  const auto clicked = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
  const bool forward = clicked(ImGuiKey_PageDown), back = clicked(ImGuiKey_PageUp);
  if ((forward || back) && view_.blank) {
    view_.blank = false;
    return;
  }
  const bool walking = session_.lessons().lesson() != nullptr;
  if (forward)
    commands_.emplace_back(walking ? Command(cmd::LessonNext{}) : Command(cmd::StepForward{}));
  if (back) commands_.emplace_back(walking ? Command(cmd::LessonBack{}) : Command(cmd::StepBack{}));
}

void AppView::open_files(const std::vector<std::filesystem::path>& files) {
  if (files.empty()) return;
  // Several files at once: the scenario file among them (a capture and its key log will be a
  // pair); otherwise the first, whose loader then says what it is not.
  auto chosen = std::find_if(files.begin(), files.end(), [](const std::filesystem::path& f) {
    return f.extension() == ".toml";
  });
  if (chosen == files.end()) chosen = files.begin();
  session_.apply(cmd::Open{*chosen});
  view_.request_tab = session_.load_errors().empty() ? Tab::club : Tab::library;
  view_.open.path[0] = '\0';  // the library's path field shows the file now open
}

void AppView::keyboard() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;  // typing a path: the keys are the text field's
  const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
  const bool walking = session_.lessons().lesson() != nullptr;
  if (pressed(ImGuiKey_RightArrow))
    commands_.emplace_back(io.KeyCtrl && walking ? Command(cmd::LessonNext{})
                                                 : Command(cmd::StepForward{}));
  if (pressed(ImGuiKey_LeftArrow))
    commands_.emplace_back(io.KeyCtrl && walking ? Command(cmd::LessonBack{})
                                                 : Command(cmd::StepBack{}));
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
    commands_.emplace_back(cmd::TogglePlay{});
  if (pressed(ImGuiKey_Home)) commands_.emplace_back(cmd::Home{});
  if (pressed(ImGuiKey_End)) commands_.emplace_back(cmd::End{});
  present_keys();
  if (!settings_.present && pressed(ImGuiKey_PageDown)) commands_.emplace_back(cmd::NextMember{});
  if (!settings_.present && pressed(ImGuiKey_PageUp)) commands_.emplace_back(cmd::PreviousMember{});
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kO, false)) view_.ask_for_file();
  // Lesson mode: Ctrl+L the course, Ctrl+M the myth cards, Ctrl+G the glossary; Ctrl+→ / Ctrl+←
  // the lesson's next and previous stop (plain arrows keep stepping the ladder).
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kL, false)) view_.request_tab = Tab::course;
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kM, false)) view_.myths_open = !view_.myths_open;
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kG, false))
    view_.glossary.open = !view_.glossary.open;
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kR, false)) commands_.emplace_back(cmd::Reload{});
  zoom_keys();
  if (ImGui::IsKeyPressed(keys::kF1, false)) view_.help_open = true;
  if (!io.KeyCtrl) {
    for (const TabPanel& panel : tab_panels())
      if (panel.key > 0 && ImGui::IsKeyPressed(keys::kDigit1 + panel.key - 1, false))
        view_.request_tab = panel.tab;
  }
}

void AppView::layout(ViewContext& ctx) {
  draw_menu_bar(ctx);
  draw_scenario_bar(ctx);
  draw_club_bar(ctx);
  draw_lesson_bar(ctx);
  const ImGuiStyle& style = ImGui::GetStyle();
  // Below the two rows' children and the splitter between them (each followed by the item
  // spacing): the transport bar, a separator and a line of buttons, spaced the same.
  const float transport_h = ImGui::GetFrameHeight() + style.ItemSpacing.y * 4;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float main_h = avail.y - transport_h - kSplitterWidth;
  const float top_h = main_h * settings_.split_rows;
  const float bottom_h = main_h - top_h;
  const Arrangement arrangement = arrangement_for(avail.x, ImGui::GetFontSize());

  if (arrangement == Arrangement::one_column) {
    ImGui::BeginChild("ladder", ImVec2(0, top_h), true);
    draw_ladder(ctx);
    ImGui::EndChild();
  } else {
    side_by_side(
        {"top_left", "split_columns", "ladder", &settings_.split_columns, 0.18f, 0.7f}, avail.x,
        top_h, [&] { tabs(ctx, "top_left_tabs", 0, area_bit(Area::top_left)); },
        [&] { draw_ladder(ctx); });
  }

  splitter("##split_rows", false, kSplitterWidth, &settings_.split_rows, main_h, 0.25f, 0.8f);

  if (arrangement == Arrangement::three_areas) {
    side_by_side(
        {"inspector", "split_bottom", "side", &settings_.split_bottom, 0.25f, 0.75f}, avail.x,
        bottom_h, [&] { tabs(ctx, "inspector_tabs", 1, area_bit(Area::inspector)); },
        [&] { tabs(ctx, "side_tabs", 2, area_bit(Area::side)); });
  } else {
    // Fewer areas, the same tabs: those of the areas that no longer have room of their own.
    const unsigned areas = area_bit(Area::inspector) | area_bit(Area::side) |
                           (arrangement == Arrangement::one_column ? area_bit(Area::top_left) : 0u);
    ImGui::BeginChild("bottom", ImVec2(0, bottom_h), true);
    tabs(ctx, "bottom_tabs", 3, areas);
    ImGui::EndChild();
  }

  draw_transport_bar(ctx);
}

void AppView::frame(double seconds) {
  session_.update(seconds);
  refresh_cache();
  view_.hits.clear();
  const Look look = look_of(settings_);
  if (look != look_) {  // the theme switched, or presentation mode began or ended
    apply_colours(look);
    look_ = look;
  }
  ViewContext ctx{session_, commands_, view_, settings_, palette(look), fonts_};

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus |
      (settings_.present ? ImGuiWindowFlags_None : ImGuiWindowFlags_MenuBar);
  ImGui::PushFont(fonts_.ui);
  ImGui::Begin("TLS Club", nullptr, flags);
  if (settings_.present)
    draw_presentation(ctx);
  else
    layout(ctx);
  draw_help(ctx);
  draw_export(ctx);
  ImGui::End();
  draw_myths(ctx);  // windows of their own, over the layout
  draw_glossary(ctx);
  ImGui::PopFont();
  view_.request_tab = Tab::count;

  keyboard();
  const std::uint64_t seen = session_.playback().selection().generation();
  session_.apply_all(commands_);
  view_.inspector.tree_seen_generation = view_.inspector.hex_seen_generation = seen;
  settings_.level = session_.playback().level();
  settings_.predict = session_.playback().predict().enabled();
  settings_.speed = session_.playback().cursor().speed();
}

}  // namespace tlsclub::gui
