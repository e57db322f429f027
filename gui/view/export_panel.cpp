// File ▸ Export: the ladder as SVG, a Markdown handout, a capture with its key log, or the
// certificates as PEM files, of the run shown (what-ifs included), into a folder the student picks.
#include <cstdio>
#include <cstdlib>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

void draw_export(ViewContext& ctx) {
  ExportForm& form = ctx.view.export_form;
  if (form.asked) {
    form.shown = *form.asked;
    form.asked.reset();
    if (form.dir[0] == '\0') {
      const char* home = std::getenv("HOME");
      std::snprintf(form.dir, sizeof form.dir, "%s/tlsclub-exports", home != nullptr ? home : ".");
    }
    ImGui::OpenPopup("Export");
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 42.0f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  const ExportKind& kind = export_kind(form.shown);
  text(kind.title);
  text_dim(ctx, "of the run shown now, into the folder:");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputText("##export_dir", form.dir, sizeof form.dir);
  if (ImGui::Button("Export")) {
    ctx.push(cmd::Export{form.shown, std::filesystem::path(form.dir)});
  }
  ImGui::SameLine();
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  const std::string& report = ctx.session.export_report().text;
  if (!report.empty())
    text_wrapped_coloured(ctx.session.export_report().failed ? ctx.colours.fail : ctx.colours.dim,
                          report);
  if (!kind.next.empty() && !ctx.session.export_report().failed && !report.empty())
    text_wrapped_coloured(ctx.colours.dim, kind.next);
  ImGui::EndPopup();
}

}  // namespace tlsclub::gui
