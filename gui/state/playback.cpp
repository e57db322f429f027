#include "state/playback.h"

#include "core/overloaded.h"

namespace tlsclub::gui {

void Playback::show(const Timeline& timeline, const ScenarioSpec* spec,
                    std::optional<Position> keep) {
  timeline_ = &timeline;
  spec_ = spec;
  steps_ = StepIndex(timeline);
  ladder_ = LadderLayout(timeline, steps_);
  selection_.attach(&timeline);
  const bool predict_on = predict_.enabled();
  predict_ = {};
  predict_.build(spec, timeline, steps_);
  predict_.set_enabled(predict_on);
  pending_.reset();
  last_answered_.reset();
  cursor_.reset(steps_.size(), keep ? steps_.index_of(*keep) : 0);
  wire_.reset();
  moved();
}

void Playback::moved() {
  narration_ = narrate(*timeline_, steps_, cursor_.index(), spec_);
  wire_.follow(*timeline_, ladder_, steps_.at(cursor_.index()).connection, cursor_.index());
  const std::size_t row = ladder_.focus_row(cursor_.index());
  if (row == npos) return;
  const LadderRow& r = ladder_.rows()[row];
  if (r.kind != LadderRow::Kind::record) {
    selection_.clear();
    return;
  }
  // The inspector follows the step: the first message of the arrow in focus, else the record.
  selection_.select_event(r.connection, r.first_message != npos ? r.first_message : r.event);
}

void Playback::step_forward() {
  if (cursor_.at_end()) return;
  seek(cursor_.index() + 1);
}

void Playback::seek(std::size_t target) {
  last_answered_.reset();
  if (const auto q = predict_.gate(cursor_.index(), target, steps_.at(target).connection)) {
    // Stop just before the step the question is about, and ask.
    pending_ = *q;
    cursor_.pause();
    if (cursor_.seek(predict_.questions()[*q].position - 1)) moved();
    return;
  }
  pending_.reset();
  if (cursor_.seek(target)) moved();
}

void Playback::answer(std::size_t question, const std::string& choice) {
  predict_.answer(question, choice);
  last_answered_ = question;
  if (pending_ == question) {
    pending_.reset();
    if (cursor_.seek(predict_.questions()[question].position)) moved();
  }
}

bool Playback::apply(const Command& command) {
  return apply_move(command) || apply_choice(command);
}

// Stepping, seeking and playing.
bool Playback::apply_move(const Command& command) {
  return std::visit(Overloaded{
                        [&](const cmd::StepForward&) {
                          step_forward();
                          return true;
                        },
                        [&](const cmd::StepBack&) {
                          pending_.reset();
                          last_answered_.reset();
                          if (cursor_.back()) moved();
                          return true;
                        },
                        [&](const cmd::Home&) {
                          const std::size_t first = steps_.first_of(position().connection);
                          seek(cursor_.index() == first ? 0 : first);
                          return true;
                        },
                        [&](const cmd::End&) {
                          const std::size_t last = steps_.last_of(position().connection);
                          seek(cursor_.index() == last ? steps_.size() - 1 : last);
                          return true;
                        },
                        [&](const cmd::NextMember&) {
                          const std::size_t c = position().connection;
                          if (c + 1 < steps_.connections()) seek(steps_.first_of(c + 1));
                          return true;
                        },
                        [&](const cmd::PreviousMember&) {
                          const std::size_t c = position().connection;
                          if (c > 0) seek(steps_.first_of(c - 1));
                          return true;
                        },
                        [&](const cmd::Seek& s) {
                          seek(s.position);
                          return true;
                        },
                        [&](const cmd::SeekRow& s) {
                          if (s.row >= ladder_.rows().size()) return true;
                          seek(ladder_.position_of_row(s.row));
                          const LadderRow& r = ladder_.rows()[s.row];
                          if (r.kind == LadderRow::Kind::record && !pending_)
                            selection_.select_event(r.connection, r.event);
                          return true;
                        },
                        [&](const cmd::TogglePlay&) {
                          if (cursor_.playing())
                            cursor_.pause();
                          else if (!pending_)
                            cursor_.play(), moved();
                          return true;
                        },
                        [&](const cmd::SetSpeed& s) {
                          cursor_.set_speed(s.steps_per_second);
                          return true;
                        },
                        [](const auto&) { return false; },
                    },
                    command);
}

// Selecting, predicting and the explanation level.
bool Playback::apply_choice(const Command& command) {
  return std::visit(Overloaded{
                        [&](const cmd::Select& s) {
                          selection_.select_event(s.connection, s.event);
                          return true;
                        },
                        [&](const cmd::SelectField& s) {
                          selection_.select_field(s.field);
                          return true;
                        },
                        [&](const cmd::SelectByte& s) {
                          selection_.select_byte(s.block, s.offset);
                          return true;
                        },
                        [&](const cmd::SetPredict& p) {
                          predict_.set_enabled(p.on);
                          if (!p.on) pending_.reset();
                          return true;
                        },
                        [&](const cmd::Answer& a) {
                          answer(a.question, a.choice);
                          return true;
                        },
                        [&](const cmd::SetLevel& l) {
                          level_ = l.level;
                          return true;
                        },
                        [](const auto&) { return false; },
                    },
                    command);
}

void Playback::update(double seconds) {
  for (std::size_t due = cursor_.tick(seconds); due > 0 && cursor_.playing(); --due) {
    if (cursor_.at_end()) {
      cursor_.pause();
      break;
    }
    step_forward();
  }
}

void Playback::hold() {
  cursor_.pause();
  pending_.reset();
  last_answered_.reset();
}

void Playback::place(std::size_t index) {
  cursor_.seek(index);
  moved();
}

void Playback::select_event(std::size_t connection, std::size_t event) {
  selection_.select_event(connection, event);
}

bool Playback::select_field_named(const std::string& key) {
  const auto find = [&] {
    const FieldMap& fields = selection_.fields();
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const Field& field = fields.field(f);
      if (field.explain_key == key || "field." + field.name == key) {
        selection_.select_field(f);
        return true;
      }
    }
    return false;
  };
  if (selection_.message() != nullptr && find()) return true;  // the message the evidence names
  const Position at = position();
  const Connection& c = timeline_->connections[at.connection];
  for (std::size_t e = 0; e < c.events.size(); ++e) {
    if (c.events[e].step != at.step || !std::holds_alternative<MessageEvent>(c.events[e].body))
      continue;
    selection_.select_event(at.connection, e);
    if (find()) return true;
  }
  moved();  // no such field here: the step's own selection
  return false;
}

}  // namespace tlsclub::gui
