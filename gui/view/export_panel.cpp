// File ▸ Export: the ladder as SVG, a Markdown handout, a capture with its key log, or the
// certificates as PEM files, of the run shown (what-ifs included), into a folder the student picks.
#include <cstdio>
#include <cstdlib>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

const char* kTitles[] = {"Export the ladder diagram (SVG)", "Export a handout (Markdown + SVG)",
                         "Export a capture and its key log", "Export the certificates"};

}  // namespace

void draw_export(ViewContext& ctx) {
  int& what = ctx.view.export_shown;
  if (ctx.view.export_what >= 0) {
    what = ctx.view.export_what;
    ctx.view.export_what = -1;
    if (ctx.view.export_dir[0] == '\0') {
      const char* home = std::getenv("HOME");
      std::snprintf(ctx.view.export_dir, sizeof ctx.view.export_dir, "%s/tlsclub-exports",
                    home != nullptr ? home : ".");
    }
    ImGui::OpenPopup("Export");
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 42.0f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  text(kTitles[what]);
  text_dim(ctx, "of the run shown now, into the folder:");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputText("##export_dir", ctx.view.export_dir, sizeof ctx.view.export_dir);
  if (ImGui::Button("Export")) {
    ctx.push(cmd::Export{static_cast<cmd::Export::What>(what),
                         std::filesystem::path(ctx.view.export_dir)});
  }
  ImGui::SameLine();
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  const std::string& report = ctx.session.export_report();
  if (!report.empty())
    text_wrapped_coloured(ctx.session.export_failed() ? ctx.colours.fail : ctx.colours.dim, report);
  if (what == 2 && !ctx.session.export_failed() && !report.empty())
    text_wrapped_coloured(ctx.colours.dim,
                          "Open it with: wireshark -o tls.keylog_file:FILE.keylog FILE.pcap");
  ImGui::EndPopup();
}

}  // namespace tlsclub::gui
