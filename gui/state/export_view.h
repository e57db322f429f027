#pragma once
// The Session's export part: what the student is looking at (the branch shown, what-ifs
// included) written by the engine's exporters, and what that wrote or why it could not.

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "state/commands.h"
#include "state/lesson.h"

namespace tlsclub::gui {

struct ExportReport {
  std::string text;  // "Wrote 2 file(s):" and their paths, or the error
  bool failed = false;
  std::vector<std::filesystem::path> files;  // what was written (the web edition downloads them)
  std::size_t number = 0;                    // counts the exports: 0 before the first (Session)
};

// Each export once: what File ▸ Export offers, the export window's title, and what to do with
// the files once written ("" when nothing needs saying).
struct ExportKind {
  cmd::Export::What what;
  std::string_view menu;   // "Ladder diagram (SVG)…"
  std::string_view title;  // "Export the ladder diagram (SVG)"
  std::string_view next;
};
std::span<const ExportKind> export_kinds();
const ExportKind& export_kind(cmd::Export::What what);

ExportReport export_view(const cmd::Export& request, const Lesson& lesson, const ScenarioSpec& spec,
                         const Timeline& timeline);

}  // namespace tlsclub::gui
