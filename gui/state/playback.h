#pragma once
// Where the student is in the run shown and what they look at: the steps and the ladder of that
// run, the cursor (stepping, playing), the narration, the one selection, predict mode with the
// question holding the cursor back, and the explanation level. The Session decides which run is
// shown; Playback owns everything that follows from where the cursor stands in it.

#include <optional>
#include <string>

#include "state/commands.h"
#include "state/ladder_layout.h"
#include "state/narration.h"
#include "state/predict.h"
#include "state/selection.h"
#include "state/stepping.h"
#include "state/wire_watch.h"

namespace tlsclub::gui {

class Playback {
 public:
  // Shows `timeline` (which `spec` produced; null for none) from `keep`, or from its start when
  // the run has no such step. Predict mode stays on or off as it was; its answers start afresh.
  void show(const Timeline& timeline, const ScenarioSpec* spec, std::optional<Position> keep);

  const StepIndex& steps() const { return steps_; }
  const LadderLayout& ladder() const { return ladder_; }
  const StepCursor& cursor() const { return cursor_; }
  Position position() const { return steps_.at(cursor_.index()); }
  const Narration& narration() const { return narration_; }
  // The visit in focus as an eavesdropper sees it, as far as the ladder reveals it.
  const WirePage& wire() const { return wire_.page(); }
  const SelectionModel& selection() const { return selection_; }
  const PredictSession& predict() const { return predict_; }
  // The question holding the cursor back (predict mode), if any.
  std::optional<std::size_t> pending_question() const { return pending_; }
  // The last answer given, to show right or wrong until the next move.
  std::optional<std::size_t> last_answered() const { return last_answered_; }
  Level level() const { return level_; }

  // Stepping, seeking, playing, selecting, predict answers and the level: true when the command
  // was one of these.
  bool apply(const Command& command);
  // Playback: the steps that fell due in `seconds`.
  void update(double seconds);

  // For a lesson putting the cursor where it wants it: stop playing, drop any question, then go
  // to `index` directly (a lesson asks its own questions, predict mode does not gate it).
  void hold();
  void place(std::size_t index);
  void select_event(std::size_t connection, std::size_t event);
  // Selects the field whose explanation is `key` ("field.random") in the step's messages, the one
  // selected first; else the step's own selection. False when no message of the step has it.
  bool select_field_named(const std::string& key);

 private:
  bool apply_move(const Command& command);
  bool apply_choice(const Command& command);
  void moved();  // after every cursor move: narration, selection follows
  void step_forward();
  void seek(std::size_t target);
  void answer(std::size_t question, const std::string& choice);

  const Timeline* timeline_ = nullptr;
  const ScenarioSpec* spec_ = nullptr;
  StepIndex steps_;
  LadderLayout ladder_;
  StepCursor cursor_;
  Narration narration_;
  WireWatch wire_;
  SelectionModel selection_;
  PredictSession predict_;
  std::optional<std::size_t> pending_;
  std::optional<std::size_t> last_answered_;
  Level level_ = Level::both;
};

}  // namespace tlsclub::gui
