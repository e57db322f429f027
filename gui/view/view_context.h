#pragma once
// What every panel gets: the Session to read, the command list to append to, the view's own
// state (tabs, forms, caches) and the look. Panels draw with ImGui only.

#include <imgui.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "state/certificates.h"
#include "state/checklist.h"
#include "state/club_scene.h"
#include "state/key_schedule.h"
#include "state/session.h"
#include "state/settings.h"
#include "view/fold.h"
#include "view/fonts.h"
#include "view/tabs.h"
#include "view/theme.h"

namespace tlsclub::gui {

// Where things were drawn in the last frame, so tests can click them like a student would.
struct Hit {
  enum class Kind : std::uint8_t {
    ladder_row,     // index: ladder row
    field_node,     // index: FieldMap index of the inspector tree
    hex_block,      // index: ByteBlock; `cell` and `columns` give each byte's place
    check_item,     // index: CheckEvent
    answer,         // index: choice of the pending question
    lesson_answer,  // index: choice of the lesson's question
    course_row,     // index: lesson of the course
    show_me,        // index: myth * 100 + evidence
    glossary_row,   // index: glossary entry
    record_row,     // index: the record's sent RecordEvent (Records tab)
    button,         // index: one of the Button ids below
  };
  Kind kind;
  std::size_t index;
  ImVec2 min, max;
  ImVec2 cell{};  // hex blocks: size of one byte's cell; min is byte 0's cell
  std::size_t columns = 0;
};

enum ButtonId : std::size_t {
  kRunWhatIf,
  kPlay,
  kStepForward,
  kStepBack,
  kRunAll,
  kLessonStart,
  kLessonNext,
  kLessonBack,
  kRunTry,
  kNextLesson,
  kCloseClub,
  kClubAnyPort,
  kButtonCount
};

// Derived data recomputed when the step or the branch changes, never per frame.
struct StepCache {
  const Timeline* timeline = nullptr;
  std::string clock;  // the Timeline's clock, formatted
  std::size_t position = npos;
  std::vector<Checklist> checklists;
  ClubScene club;
  std::string tally;  // tally_line(club.tally)
  KeySchedule keys;
  // What the certificates' keys do in this key exchange, worded once per step (drawing allocates
  // nothing): the secrets panel's heading and note, the certificates panel's empty note.
  KeyRoles roles;
  std::string shares_heading, roles_note, no_certificate;
  // The myth box's entry, chosen by the whole visit's key exchange: it is open from the first
  // step, and must not say "the badge only signs" of a visit where it decrypts.
  std::string_view myth;
  std::size_t chains_connection = npos;
  std::vector<Chain> chains;
  bool predicting = false;
  std::vector<std::size_t> ladder_rows;  // shown_rows() at the cursor
};

// The view's own state, one typed part per panel or form (the Session holds what the lesson is;
// these hold what the window does with it).
struct OpenForm {
  bool focus_path = false;  // Ctrl+O: focus the path field
  char path[1024] = {};
};
struct ExportForm {
  std::optional<cmd::Export::What> asked;  // from the menu (one frame): open the window for it
  cmd::Export::What shown = cmd::Export::What::ladder_svg;  // what the open window writes
  char dir[1024] = {};
};
struct WhatIfForm {
  WireFault::Action action = WireFault::Action::flip;
  int offset = 5;  // ImGui's integer inputs edit ints
  int mask = 1;
  int clock_days = 0;
};
struct LadderView {
  std::size_t scrolled_to = npos;  // scroll to the cursor once per move
  float height = 0.0f;
};
struct InspectorView {
  std::uint64_t tree_seen_generation = 0;  // open the tree on a new selection once
  std::uint64_t hex_seen_generation = 0;   // scroll the bytes to a new selection once
};
struct GlossaryView {
  bool open = false;
  ImGuiTextFilter filter;
  std::size_t selected = npos;
};

struct ViewState {
  Tab request_tab = Tab::count;  // a key asked for this tab (one frame)
  // The web edition (gui/web): no sockets, no quitting, and files come through the browser's
  // picker, which the shell opens when `pick_file` is set.
  bool in_browser = false;
  bool pick_file = false;
  // The tab last brought forward, by a click, a key or a link (the web address names it), and
  // the one each tab bar showed in the last frame (to tell a click from a bar's first frame).
  Tab front_tab = Tab::count;
  std::array<Tab, 4> tab_bar_shown{Tab::count, Tab::count, Tab::count, Tab::count};
  // File ▸ Open and Ctrl+O: the browser's file picker in a tab, the library's path field on the
  // desktop.
  void ask_for_file() {
    if (in_browser) {
      pick_file = true;
      return;
    }
    request_tab = Tab::library;
    open.focus_path = true;
  }
  bool help_open = false;
  bool myths_open = false;
  bool quit = false;
  bool blank = false;               // presentation mode: the screen blanked (B or .)
  std::size_t course_selected = 0;  // the lesson the Course tab shows
  std::size_t certificate_focus = npos;
  // The port File ▸ Open the club to real visitors asks for (--port; 0: any free port).
  std::uint16_t club_port = kClubPort;
  OpenForm open;
  ExportForm export_form;
  WhatIfForm what_if;
  LadderView ladder;
  InspectorView inspector;
  GlossaryView glossary;
  FoldingBar scenario_bar, transport_bar, lesson_bar;
  StepCache cache;
  std::vector<Hit> hits;
  void hit(Hit::Kind kind, std::size_t index, ImVec2 min, ImVec2 max) {
    hits.push_back({kind, index, min, max});
  }
};

struct ViewContext {
  const Session& session;
  Commands& commands;
  ViewState& view;
  Settings& settings;
  const Palette& colours;
  const FontSet& fonts;
  template <class C>
  void push(C command) {
    commands.emplace_back(std::move(command));
  }
};

}  // namespace tlsclub::gui
