// The scenario library (the Library tab): every scenario file by folder, with its summary, any file
// by path (Ctrl+O), load errors in place (file:line:col), and the trainer's "run all": expected
// against actual for every member.
#include <cstdio>
#include <cstring>

#include "view/fold.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void errors_view(ViewContext& ctx, const std::vector<LoadError>& errors) {
  for (const LoadError& e : errors) {
    ImGui::PushID(&e);
    text_wrapped_coloured(ctx.colours.fail, e.to_string());
    ImGui::PopID();
  }
}

// What the last file asked for said, located (the lesson shown stays as it was).
void load_errors_view(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (!s.load_errors().empty()) {
    char line[1200];
    std::snprintf(line, sizeof line,
                  "%s did not load; the lesson shown is unchanged:", s.failed_file().c_str());
    text_wrapped_coloured(ctx.colours.fail, line);
    errors_view(ctx, s.load_errors());
  }
}

// The scenario files of the library are listed below; any other comes through the browser (its
// file picker, or a drop on the page) in a tab, and by path or a drop on the window on a desktop.
void path_field(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (ctx.view.in_browser) {
    if (ImGui::Button("Open a file…")) ctx.view.pick_file = true;
    ImGui::SameLine();
    text_dim(ctx, "or drop a scenario file on the page");
    load_errors_view(ctx);
    return;
  }
  if (ctx.view.open.path[0] == '\0' && !s.lesson().file.empty())
    std::snprintf(ctx.view.open.path, sizeof ctx.view.open.path, "%s", s.lesson().file.c_str());
  ImGui::TextUnformatted("Open a file:");
  ImGui::SameLine();
  if (ctx.view.open.focus_path) {
    ImGui::SetKeyboardFocusHere();
    ctx.view.open.focus_path = false;
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
  const bool enter = ImGui::InputText("##path", ctx.view.open.path, sizeof ctx.view.open.path,
                                      ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Open") || enter) && ctx.view.open.path[0] != '\0')
    ctx.push(cmd::Open{std::filesystem::path(ctx.view.open.path)});
  text_dim(ctx, "(or drop a scenario file on the window)");
  load_errors_view(ctx);
}

void run_all_table(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (tracked_button(ctx, "Run all (trainer)", kRunAll) && !s.shelf().run_all_busy())
    ctx.push(cmd::RunAll{});
  ImGui::SameLine();
  if (s.shelf().run_all_busy()) {
    spinner(ImGui::GetFontSize() * 0.5f, ctx.colours.select);
    ImGui::SameLine();
  }
  const auto& rows = s.shelf().run_all_rows();
  std::size_t met = 0;
  for (const RunAllRow& r : rows) met += r.met ? 1 : 0;
  if (!rows.empty()) ImGui::Text("%zu of %zu expectations met", met, rows.size());
  if (rows.empty()) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("run_all", 5, flags,
                         ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("scenario");
  ImGui::TableSetupColumn("member");
  ImGui::TableSetupColumn("expected");
  ImGui::TableSetupColumn("actual");
  ImGui::TableSetupColumn("ok");
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const RunAllRow& r = rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text(r.scenario);
      ImGui::TableNextColumn();
      text(r.member);
      ImGui::TableNextColumn();
      text(r.expected);
      ImGui::TableNextColumn();
      text(r.actual);
      ImGui::TableNextColumn();
      text_coloured(r.met ? ctx.colours.pass : ctx.colours.fail, r.met ? "✓" : "✗");
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_library(ViewContext& ctx) {
  const Session& s = ctx.session;
  text_wrapped_coloured(ctx.colours.dim,
                        "Every scenario, by folder. The Course tab (1) walks through them as "
                        "twelve lessons; here you open any of them freely.");
  path_field(ctx);
  ImGui::Separator();
  if (!s.shelf().dir()) {
    text_wrapped_coloured(ctx.colours.dim,
                          "No scenarios/ folder was found (set TLSCLUB_SCENARIOS to one). The "
                          "built-in demo is open; any scenario file can be opened by path.");
  } else {
    text_wrapped_coloured(ctx.colours.dim, s.shelf().dir()->string());
  }
  if (selectable_fitted("##demo", "Built-in demo: a member's first visit (mutual TLS 1.3)",
                        s.lesson().file.empty()))
    ctx.push(cmd::OpenDemo{});
  for (const std::string& lesson : s.shelf().library().lessons()) {
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!ImGui::CollapsingHeader(lesson.c_str())) continue;
    for (const LibraryEntry& e : s.shelf().library().entries()) {
      if (e.lesson != lesson) continue;
      ImGui::PushID(&e);
      const bool current = e.file == s.lesson().file;
      char label[320];
      std::snprintf(label, sizeof label, "%s%s%s%s", e.errors.empty() ? "" : "✗ ", e.title.c_str(),
                    e.level.empty() ? "" : "  · ", e.level.c_str());
      if (selectable_fitted("##entry", label, current)) ctx.push(cmd::Open{e.file});
      if (ImGui::IsItemHovered() && !e.summary.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        text(e.summary);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      ImGui::Indent();
      if (current && !e.summary.empty()) text_wrapped_coloured(ctx.colours.dim, e.summary);
      if (!e.errors.empty()) errors_view(ctx, e.errors);
      ImGui::Unindent();
      ImGui::PopID();
    }
  }
  ImGui::Separator();
  run_all_table(ctx);
}

}  // namespace tlsclub::gui
