// F1: the keys, the colours and the symbols, in one window.
#include <string>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

// "Course, Club view, …, What if": the tabs with a digit key, in key order, from the tab table.
const std::string& digit_tabs() {
  static const std::string kNames = [] {
    std::string names;
    for (int key = 1; key <= 9; ++key)
      for (const TabPanel& p : tab_panels())
        if (p.key == key) names += (names.empty() ? "" : ", ") + std::string(p.title);
    return names;
  }();
  return kNames;
}

}  // namespace

void draw_help(ViewContext& ctx) {
  if (ctx.view.help_open) {
    ImGui::OpenPopup("Keys and colours");
    ctx.view.help_open = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40.0f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Keys and colours", nullptr, ImGuiWindowFlags_NoSavedSettings))
    return;
  const char* keys[][2] = {
      {"← →", "step back / forward, one record delivered per step"},
      {"Space", "play / pause (speed slider in the transport bar)"},
      {"Home / End", "start / end of this member's visit (again: of the whole queue)"},
      {"Page Up / Page Down", "previous / next member in the queue"},
      {"click an arrow",
       "jump to that step; right-click: what if it were tampered, dropped, replayed"},
      {"click a field / a byte", "the same thing everywhere: its bytes light up, its field opens"},
      {"1 … 9", digit_tabs().c_str()},
      {"Ctrl+L", "the course: twelve lessons, your progress, Start / Resume"},
      {"Ctrl+→ / Ctrl+←", "in a lesson: its next / previous stop (step, question, try it)"},
      {"Ctrl+M", "myth and fact: common claims, the truth, and \"Show me\""},
      {"Ctrl+G", "the glossary: club words and TLS terms, with explanations"},
      {"Ctrl+O", "open a scenario file by path"},
      {"Ctrl+R", "reload the scenario (it also reloads by itself when the file changes)"},
      {"Ctrl+= / Ctrl+- / Ctrl+0", "larger / smaller / normal text (remembered)"},
      {"F5", "presentation mode for a projector: large type, high contrast (F5 or Esc leaves)"},
      {"Page Down / Page Up", "presenting: next / previous step (what a clicker sends)"},
      {"B or .", "presenting: blank the screen, and back"},
      {"F1", "this window"},
  };
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    for (const auto& k : keys) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text(k[0]);
      ImGui::TableNextColumn();
      text_wrapped(k[1]);
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  const Protection kinds[] = {Protection::plaintext, Protection::handshake_keys,
                              Protection::application_keys, Protection::alert};
  const char* meaning[] = {"said out loud: anyone on the path can read and change it",
                           "sealed with the handshake traffic keys (TLS 1.3)",
                           "sealed with the application traffic keys (TLS 1.2: the session keys)",
                           "an alert: why the door shut (or a goodbye)"};
  for (int i = 0; i < 4; ++i) {
    text_coloured(protection_colour(ctx.colours, kinds[i]), "━━━");
    ImGui::SameLine();
    text(meaning[i]);
  }
  text_coloured(ctx.colours.pass, "✓");
  ImGui::SameLine();
  text("passed   ");
  ImGui::SameLine();
  text_coloured(ctx.colours.fail, "✗");
  ImGui::SameLine();
  text("failed (with the alert it caused)   ");
  ImGui::SameLine();
  text_coloured(ctx.colours.unknown, "?");
  ImGui::SameLine();
  text("not checked");
  text_coloured(ctx.colours.attack, "⚠");
  ImGui::SameLine();
  text("an attack on the wire (a what-if or the scenario's fault)");
  ImGui::Separator();
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace tlsclub::gui
