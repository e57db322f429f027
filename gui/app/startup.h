#pragma once
// What the command line asks for before the first frame (in the web edition, the page's address
// turned into the same arguments): the options, the remembered settings they override, the course,
// the lesson, the cursor, a what-if and the tab to show. Shared by the desktop shell (main.cpp)
// and the web shell (gui/web).

#include <filesystem>
#include <optional>

#include "app/options.h"
#include "state/session.h"
#include "state/settings.h"
#include "view/app_view.h"

namespace tlsclub::gui {

// The command line, or nothing when there is nothing to run: `status` is then the exit status
// (0 after --help, 2 after a mistake).
std::optional<Options> parse_command_line(int argc, char** argv, int& status);

// The remembered settings (none when `settings_file` is empty), overridden by the command line.
Settings starting_settings(const Options& options, const std::filesystem::path& settings_file);

// The course, the lesson, the cursor, the what-if and the lesson walk the command line asks for;
// returns the tab to show first. Nothing (after a message) for an unknown tab, or for anything
// else that failed when a screenshot is to be taken: it would not show what was asked. `self` is
// the program's path, beside which the course is looked for.
std::optional<Tab> configure(Session& session, const Options& options, const Settings& settings,
                             const std::filesystem::path& self);

// Another place asked for while the app runs (the web edition's back and forward buttons): the
// scenario, the cursor, the what-if, the lesson walk and the tab of `options`, leaving the course,
// the settings and the progress as they are. Nothing (after a message) when a part of it fails.
std::optional<Tab> go_to(Session& session, const Options& options);

// The panels the command line opens.
void show_what_was_asked(AppView& view, const Options& options, Tab tab);

}  // namespace tlsclub::gui
