#pragma once
// What panels ask for. Panels only read the Session; they push commands, and the app applies
// them once per frame (docs/gui.md#commands-once-per-frame), so a frame draws one consistent
// state.

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "state/record_map.h"
#include "state/settings.h"
#include "state/what_if.h"

namespace tlsclub::gui::cmd {

struct StepForward {};
struct StepBack {};
struct Home {};  // the start of this member's visit (again: the start of the queue)
struct End {};   // the end of this member's visit (again: the end of the queue)
struct NextMember {};
struct PreviousMember {};
struct Seek {
  std::size_t position;
};
struct SeekRow {  // a click on a ladder arrow: jump there and select it
  std::size_t row;
};
struct TogglePlay {};
struct SetSpeed {
  double steps_per_second;
};
struct Select {
  std::size_t connection, event;
};
struct SelectField {
  std::size_t field;
};
struct SelectByte {
  ByteBlock block;
  std::size_t offset;
};
struct Open {
  std::filesystem::path file;
};
struct OpenDemo {};
struct Reload {};
struct RunWhatIf {
  WhatIf what_if;
};
struct MoveClock {
  long long days;  // relative to the scenario's clock
};
struct SwitchBranch {
  std::size_t branch;
};
struct SetPredict {
  bool on;
};
struct Answer {
  std::size_t question;
  std::string choice;
};
struct SetLevel {
  Level level;
};
struct RunAll {};
struct Export {
  enum class What : std::uint8_t { ladder_svg, handout, capture, certificates } what;
  std::filesystem::path dir;
};
struct RescanLibrary {};
// The club open to real visitors (state/live_club.h), for the scenario shown.
struct OpenClub {
  std::uint16_t port = 4433;  // 0: any free port
};
struct CloseClub {};
struct DismissClubError {};
// Lesson mode (course_session.cpp).
struct StartLesson {
  std::size_t lesson;  // index into the course's lessons
  bool resume = true;  // at the furthest step seen; false: from the start, answers forgotten
};
struct LessonGoTo {  // straight to a stop of the walk (the outline; --lesson-stop)
  std::size_t stop;
};
struct LessonNext {};
struct LessonBack {};
struct LessonAnswer {  // the answer to the question the walk is at
  std::string choice;
};
struct RunTry {};  // run the try-it task the walk is at
struct LeaveLesson {};
struct ShowEvidence {  // a myth card's "Show me"
  std::size_t myth, evidence;
};

using Command = std::variant<StepForward, StepBack, Home, End, NextMember, PreviousMember, Seek,
                             SeekRow, TogglePlay, SetSpeed, Select, SelectField, SelectByte, Open,
                             OpenDemo, Reload, RunWhatIf, MoveClock, SwitchBranch, SetPredict,
                             Answer, SetLevel, RunAll, RescanLibrary, OpenClub, CloseClub,
                             DismissClubError, Export, StartLesson, LessonGoTo, LessonNext,
                             LessonBack, LessonAnswer, RunTry, LeaveLesson, ShowEvidence>;

}  // namespace tlsclub::gui::cmd

namespace tlsclub::gui {
using Command = cmd::Command;
using Commands = std::vector<Command>;
}  // namespace tlsclub::gui
