#include "view/app_view.h"

#include "view/keys.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

// The tabs of one area of the window; the requested one is brought forward once.
void tabs(ViewContext& ctx, const char* id, Area area) {
  if (!ImGui::BeginTabBar(id)) return;
  for (const TabPanel& panel : tab_panels()) {
    if (panel.area != area) continue;
    const ImGuiTabItemFlags flags =
        ctx.view.request_tab == panel.tab ? ImGuiTabItemFlags_SetSelected : 0;
    if (!ImGui::BeginTabItem(panel.label, nullptr, flags)) continue;
    ImGui::BeginChild("content", ImVec2(0, 0), false);
    panel.draw(ctx);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
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
    : session_(session), settings_(settings), fonts_(fonts) {
  view_.hits.reserve(512);
  commands_.reserve(16);
}

void AppView::refresh_cache() {
  StepCache& cache = view_.cache;
  const Timeline* timeline = &session_.timeline();
  const std::size_t position = session_.playback().cursor().index();
  if (cache.timeline == timeline && cache.position == position) return;
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
  if (pressed(ImGuiKey_PageDown)) commands_.emplace_back(cmd::NextMember{});
  if (pressed(ImGuiKey_PageUp)) commands_.emplace_back(cmd::PreviousMember{});
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kO, false)) {
    view_.request_tab = Tab::library;
    view_.open.focus_path = true;
  }
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
  draw_lesson_bar(ctx);
  const float splitter_w = 6.0f;
  const float transport_h =
      ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float main_h = avail.y - transport_h - splitter_w;
  const float top_h = main_h * settings_.split_rows;
  const float bottom_h = main_h - top_h;

  ImGui::BeginChild("top_left", ImVec2((avail.x - splitter_w) * settings_.split_columns, top_h),
                    true);
  tabs(ctx, "top_left_tabs", Area::top_left);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("split_columns_holder", ImVec2(splitter_w, top_h), false);
  splitter("##split_columns", true, splitter_w, &settings_.split_columns, avail.x, 0.18f, 0.7f);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("ladder", ImVec2(0, top_h), true);
  draw_ladder(ctx);
  ImGui::EndChild();

  splitter("##split_rows", false, splitter_w, &settings_.split_rows, main_h, 0.25f, 0.8f);

  ImGui::BeginChild("inspector", ImVec2((avail.x - splitter_w) * settings_.split_bottom, bottom_h),
                    true);
  tabs(ctx, "inspector_tabs", Area::inspector);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("split_bottom_holder", ImVec2(splitter_w, bottom_h), false);
  splitter("##split_bottom", true, splitter_w, &settings_.split_bottom, avail.x, 0.25f, 0.75f);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("side", ImVec2(0, bottom_h), true);
  tabs(ctx, "side_tabs", Area::side);
  ImGui::EndChild();

  draw_transport_bar(ctx);
}

void AppView::frame(double seconds) {
  session_.update(seconds);
  refresh_cache();
  view_.hits.clear();
  ViewContext ctx{session_, commands_, view_, settings_, palette(settings_.dark), fonts_};

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushFont(fonts_.ui);
  ImGui::Begin("TLS Club", nullptr, flags);
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
