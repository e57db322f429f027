// The menu, the scenario bar above the panels and the transport bar below them.
#include <algorithm>
#include <cstdio>

#include "view/fold.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

// The bridge (tlsclub serve and knock: real clients and servers over sockets) is the desktop's:
// a browser tab cannot listen on a port or open a TCP connection. The item says so where a
// student would look for it.
void bridge_unavailable() {
  ImGui::MenuItem("Open the club to real visitors", nullptr, false, false);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    tooltip_wrapped(
        "Not in a browser tab: a web page cannot listen on a port or open a TCP connection, so "
        "the club open to real visitors, `tlsclub serve` and `tlsclub knock` (the club against "
        "openssl, curl or your browser) need the desktop app (scripts/run). Every handshake here "
        "is still a real one, run by Botan inside this tab.");
}

// The club open to real visitors (docs/bridge.md#in-the-app): opened for the scenario shown, on
// the port of --port; its status and its Close button are in the bar under the scenario's.
void club_items(ViewContext& ctx) {
  if (ctx.view.in_browser) {
    bridge_unavailable();
    return;
  }
  const LiveClub& club = ctx.session.live_club();
  if (club.running() || club.state() == LiveClub::State::closing) {
    if (ImGui::MenuItem("Close the club", nullptr, false, club.running()))
      ctx.push(cmd::CloseClub{});
    return;
  }
  if (ImGui::MenuItem("Open the club to real visitors"))
    ctx.push(cmd::OpenClub{ctx.view.club_port});
  if (ImGui::IsItemHovered()) {
    char where[80];
    if (ctx.view.club_port == 0)
      std::snprintf(where, sizeof where, "any free port of 127.0.0.1");
    else
      std::snprintf(where, sizeof where, "127.0.0.1:%u", static_cast<unsigned>(ctx.view.club_port));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextWrapped(
        "This scenario's club entrance as a real TLS server on %s (as `tlsclub serve`): "
        "openssl s_client, curl or a browser visit it, and each visit joins the queue as a "
        "run of its own, to step through like the scenario's members.",
        where);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void file_menu(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (!ImGui::BeginMenu("File")) return;
  if (ImGui::MenuItem("Open scenario…", "Ctrl+O")) ctx.view.ask_for_file();
  if (ImGui::MenuItem("Reload", "Ctrl+R", false, !s.lesson().file.empty())) ctx.push(cmd::Reload{});
  if (ImGui::MenuItem("Built-in demo")) ctx.push(cmd::OpenDemo{});
  if (ImGui::BeginMenu("Export")) {
    for (const ExportKind& kind : export_kinds())
      if (ImGui::MenuItem(kind.menu.data())) ctx.view.export_form.asked = kind.what;
    ImGui::EndMenu();
  }
  ImGui::Separator();
  club_items(ctx);
  if (!ctx.view.in_browser) {
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) ctx.view.quit = true;
  }
  ImGui::EndMenu();
}

// Each lesson of the course (ticked when done), to open in the Course tab.
void lesson_items(ViewContext& ctx) {
  const Session& s = ctx.session;
  const auto& lessons = s.lessons().course()->lessons;
  for (std::size_t i = 0; i < lessons.size(); ++i) {
    const CourseLesson& l = lessons[i];
    char label[300];
    std::snprintf(label, sizeof label, "%s%d. %s", s.lessons().progress_of(l).done ? "✓ " : "",
                  l.number, l.title.c_str());
    if (ImGui::MenuItem(label, nullptr, s.lessons().lesson() == &l)) {
      ctx.view.course_selected = i;
      ctx.view.request_tab = Tab::course;
    }
  }
}

void course_menu(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (!ImGui::BeginMenu("Course")) return;
  if (ImGui::MenuItem("The lessons", "Ctrl+L")) ctx.view.request_tab = Tab::course;
  if (ImGui::MenuItem("Myth and fact", "Ctrl+M", ctx.view.myths_open))
    ctx.view.myths_open = !ctx.view.myths_open;
  if (ImGui::MenuItem("Glossary", "Ctrl+G", ctx.view.glossary.open))
    ctx.view.glossary.open = !ctx.view.glossary.open;
  if (s.lessons().course()) {
    ImGui::Separator();
    lesson_items(ctx);
  }
  if (s.lessons().lesson() != nullptr) {
    ImGui::Separator();
    if (ImGui::MenuItem("Next stop of the lesson", "Ctrl+→")) ctx.push(cmd::LessonNext{});
    if (ImGui::MenuItem("Previous stop", "Ctrl+←")) ctx.push(cmd::LessonBack{});
    if (ImGui::MenuItem("Leave the lesson")) ctx.push(cmd::LeaveLesson{});
  }
  ImGui::EndMenu();
}

// The scenarios of the library, a submenu per lesson; ✗ marks a file that does not load.
void library_menu(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (!ImGui::BeginMenu("Library")) return;
  const auto& entries = s.shelf().library().entries();
  if (entries.empty()) ImGui::TextDisabled("no scenarios/ folder found");
  for (const std::string& lesson : s.shelf().library().lessons()) {
    if (!ImGui::BeginMenu(lesson.c_str())) continue;
    for (const LibraryEntry& e : entries) {
      if (e.lesson != lesson) continue;
      char label[300];
      std::snprintf(label, sizeof label, "%s%s", e.errors.empty() ? "" : "✗ ", e.title.c_str());
      if (ImGui::MenuItem(label, nullptr, e.file == s.lesson().file)) ctx.push(cmd::Open{e.file});
    }
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void view_menu(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (!ImGui::BeginMenu("View")) return;
  const Level levels[] = {Level::club, Level::engineer, Level::both};
  const char* names[] = {"Club explanations", "Engineer explanations", "Both"};
  for (int i = 0; i < 3; ++i)
    if (ImGui::MenuItem(names[i], nullptr, s.playback().level() == levels[i]))
      ctx.push(cmd::SetLevel{levels[i]});
  ImGui::Separator();
  if (ImGui::MenuItem("Dark theme", nullptr, ctx.settings.dark))
    ctx.settings.dark = !ctx.settings.dark;  // the view applies the colours next frame
  if (ImGui::MenuItem("Present", "F5", ctx.settings.present)) ctx.settings.present = true;
  if (ImGui::MenuItem("Predict mode", nullptr, s.playback().predict().enabled()))
    ctx.push(cmd::SetPredict{!s.playback().predict().enabled()});
  if (ImGui::MenuItem("Larger text", "Ctrl+="))
    ctx.settings.font_size = zoomed(ctx.settings.font_size, 1);
  if (ImGui::MenuItem("Smaller text", "Ctrl+-"))
    ctx.settings.font_size = zoomed(ctx.settings.font_size, -1);
  if (ImGui::MenuItem("Normal text size", "Ctrl+0"))
    ctx.settings.font_size = zoomed(ctx.settings.font_size, 0);
  ImGui::EndMenu();
}

void help_menu(ViewContext& ctx) {
  if (!ImGui::BeginMenu("Help")) return;
  if (ImGui::MenuItem("Keys and colours", "F1")) ctx.view.help_open = true;
  ImGui::EndMenu();
}

}  // namespace

void draw_menu_bar(ViewContext& ctx) {
  if (!ImGui::BeginMenuBar()) return;
  file_menu(ctx);
  course_menu(ctx);
  library_menu(ctx);
  view_menu(ctx);
  help_menu(ctx);
  ImGui::EndMenuBar();
}

namespace {

// The scenario bar's groups, the first the most needed (a narrow window folds the last first).
void run_facts(ViewContext& ctx) {
  const Timeline& t = ctx.session.timeline();
  ImGui::TextDisabled("· TLS %s · seed %llu · clock %s", t.tls_version.c_str(),
                      static_cast<unsigned long long>(t.seed), ctx.view.cache.clock.c_str());
}

void level_choice(ViewContext& ctx) {
  ImGui::TextDisabled("explain:");
  const Level levels[] = {Level::club, Level::engineer, Level::both};
  const char* names[] = {"Club", "Engineer", "Both"};
  for (int i = 0; i < 3; ++i) {
    ImGui::SameLine();
    if (ImGui::RadioButton(names[i], ctx.session.playback().level() == levels[i]))
      ctx.push(cmd::SetLevel{levels[i]});
  }
}

void clock_slider(ViewContext& ctx) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  ImGui::DragInt("##clock_days", &ctx.view.what_if.clock_days, 1.0f, -800, 800, "%+d days");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Move the simulated clock and run the lesson again:\n"
        "certificates keep their dates, so badges and cards expire.");
  ImGui::SameLine();
  if (ImGui::SmallButton("run at this clock") && !ctx.session.branches().busy())
    ctx.push(cmd::MoveClock{ctx.view.what_if.clock_days});
}

void branch_choice(ViewContext& ctx) {
  const Session& s = ctx.session;
  ImGui::TextDisabled("showing:");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  if (ImGui::BeginCombo("##branch", s.branch().label.c_str())) {
    for (std::size_t b = 0; b < s.branches().all().size(); ++b)
      if (ImGui::Selectable(s.branches().all()[b].label.c_str(), b == s.branches().active_index()))
        ctx.push(cmd::SwitchBranch{b});
    ImGui::EndCombo();
  }
}

}  // namespace

void draw_scenario_bar(ViewContext& ctx) {
  const Session& s = ctx.session;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::Button("◀ course")) ctx.view.request_tab = Tab::course;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The lessons (Ctrl+L); every scenario is in the Library tab");
  const float course = ImGui::GetItemRectSize().x + spacing;
  ImGui::SameLine();

  const std::string& title = s.timeline().title;
  ImGui::PushFont(ctx.fonts.large);
  const float title_w = ImGui::CalcTextSize(title.c_str()).x;
  const float title_min = std::min(title_w, ImGui::GetFontSize() * 10.0f);
  ImGui::PopFont();
  static constexpr BarGroup kGroups[] = {level_choice, clock_slider, run_facts, branch_choice};
  const std::size_t count = s.branches().all().size() > 1 ? 4 : 3;
  // The whole title while the controls fold; shorter only when not even the first control fits.
  float line = ctx.view.scenario_bar.plan(count, avail - course - title_w - spacing);
  if (ctx.view.scenario_bar.shown() == 0)
    line = ctx.view.scenario_bar.plan(count, avail - course - title_min - spacing);
  ImGui::PushFont(ctx.fonts.large);
  text_fitted(title, std::min(title_w, avail - course - line - spacing),
              ImGui::GetColorU32(ImGuiCol_Text));
  ImGui::PopFont();
  ctx.view.scenario_bar.draw(ctx, "scenario_bar", kGroups, false);
}

// The club open to real visitors: where it listens, how many came, what to type to visit it, and
// the button that closes it; or why it could not open.
void draw_club_bar(ViewContext& ctx) {
  const LiveClub& club = ctx.session.live_club();
  if (club.state() == LiveClub::State::closed) return;
  const bool failed = club.state() == LiveClub::State::failed;
  const bool open = club.state() == LiveClub::State::open;
  ImGui::PushStyleColor(ImGuiCol_ChildBg,
                        to_vec4(with_alpha(failed ? ctx.colours.fail : ctx.colours.pass, 0.14f)));
  // The status beside a button (an error's reason wraps), then the two commands beside small
  // buttons while open. A narrow window wraps them further, and the bar scrolls.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float more_lines = open ? 2.0f : failed ? 1.0f : 0.0f;
  ImGui::BeginChild(
      "club_bar",
      ImVec2(0, ImGui::GetFrameHeightWithSpacing() +
                    ImGui::GetTextLineHeightWithSpacing() * more_lines + style.WindowPadding.y * 2),
      true);
  const auto width_of = [&](const char* label) {
    return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
  };
  Flow head;
  head.text(failed ? ctx.colours.fail : ctx.colours.pass, failed ? "✗" : "●");
  head.text(ImGui::GetColorU32(ImGuiCol_Text), club.status());
  if (failed) {
    head.next(width_of("open on any free port"));
    if (tracked_button(ctx, "open on any free port", kClubAnyPort)) ctx.push(cmd::OpenClub{0});
    head.next(width_of("dismiss"));
    if (ImGui::SmallButton("dismiss")) ctx.push(cmd::DismissClubError{});
  } else if (club.running()) {
    head.next(width_of("close the club"));
    if (tracked_button(ctx, "close the club", kCloseClub)) ctx.push(cmd::CloseClub{});
  }
  if (open) {
    // The commands as they are typed, each with a button that copies it.
    const auto command = [&](const char* id, const std::string& line) {
      Flow row;
      row.text(ctx.colours.dim, "try:");
      row.text(ctx.colours.select, line);
      row.next(width_of("copy"));
      ImGui::PushID(id);
      if (ImGui::SmallButton("copy")) ImGui::SetClipboardText(line.c_str());
      ImGui::PopID();
    };
    command("openssl", club.try_openssl());
    command("curl", club.try_curl());
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

namespace {

// The transport bar's groups, the first the most needed.
void step_buttons(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (ImGui::Button("|◀")) ctx.push(cmd::Home{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start of this visit (Home)");
  ImGui::SameLine();
  if (tracked_button(ctx, "◀ step", kStepBack)) ctx.push(cmd::StepBack{});
  ImGui::SameLine();
  if (tracked_button(ctx, s.playback().cursor().playing() ? "❚❚ pause" : "▶ play", kPlay))
    ctx.push(cmd::TogglePlay{});
  ImGui::SameLine();
  if (tracked_button(ctx, "step ▶", kStepForward)) ctx.push(cmd::StepForward{});
  ImGui::SameLine();
  if (ImGui::Button("▶|")) ctx.push(cmd::End{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("End of this visit (End)");
}

void where_we_are(ViewContext& ctx) {
  const Session& s = ctx.session;
  const Position at = s.position();
  ImGui::Text("%s · step %zu / %zu", s.connection().client.c_str(), at.step, s.connection().steps);
  ImGui::SameLine();
  ImGui::TextDisabled("· member %zu / %zu", at.connection + 1, s.playback().steps().connections());
}

void member_buttons(ViewContext& ctx) {
  if (ImGui::Button("◀ member")) ctx.push(cmd::PreviousMember{});
  ImGui::SameLine();
  if (ImGui::Button("member ▶")) ctx.push(cmd::NextMember{});
}

void predict_switch(ViewContext& ctx) {
  const Session& s = ctx.session;
  bool predict = s.playback().predict().enabled();
  if (ImGui::Checkbox("predict?", &predict)) ctx.push(cmd::SetPredict{predict});
  if (predict) {
    ImGui::SameLine();
    ImGui::Text("score %zu / %zu", s.playback().predict().correct(),
                s.playback().predict().answered());
  }
}

void what_if_button(ViewContext& ctx) {
  if (ImGui::Button("what if ▸")) ctx.view.request_tab = Tab::what_if;
}

void speed_slider(ViewContext& ctx) {
  auto speed = static_cast<float>(ctx.session.playback().cursor().speed());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  if (ImGui::SliderFloat("##speed", &speed, 0.25f, 8.0f, "%.2g steps/s"))
    ctx.push(cmd::SetSpeed{speed});
}

}  // namespace

void draw_transport_bar(ViewContext& ctx) {
  ImGui::Separator();
  static constexpr BarGroup kGroups[] = {step_buttons,   where_we_are,   member_buttons,
                                         predict_switch, what_if_button, speed_slider};
  const bool busy = ctx.session.branches().busy();
  const float spinner_w = busy ? ImGui::CalcTextSize("running…").x + ImGui::GetFontSize() * 2 : 0;
  ctx.view.transport_bar.plan(std::size(kGroups), ImGui::GetContentRegionAvail().x - spinner_w);
  ctx.view.transport_bar.draw(ctx, "transport_bar", kGroups, true);
  if (busy) {
    ImGui::SameLine();
    spinner(ImGui::GetFontSize() * 0.5f, ctx.colours.select);
    ImGui::SameLine();
    ImGui::TextDisabled("running…");
  }
}

}  // namespace tlsclub::gui
