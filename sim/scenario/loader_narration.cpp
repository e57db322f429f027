// Scenario files: [[note]] (a trainer's words at a step) and [[question]] (what predict mode asks
// before a step is shown). Both are anchored to a step of one member's visit.
#include <algorithm>
#include <array>

#include "scenario/loader_internal.h"

namespace tlsclub::loader {

namespace {

constexpr std::array<std::string_view, 3> kWholeSteps{"alert", "established", "end"};

std::optional<StepAnchor> read_anchor(const Section& s, const ScenarioSpec& spec) {
  StepAnchor anchor;
  if (auto v = s.string("member")) {
    bool found = false;
    std::vector<std::string_view> names;
    for (const auto& m : spec.members) {
      names.push_back(m.name);
      found = found || m.name == *v;
    }
    if (!found) {
      std::string hint = did_you_mean(*v, names);
      if (hint.empty()) hint = "the members are " + join_names(names);
      s.errors().add(s.where("member"), ErrorId::dangling_reference,
                     "member `" + *v + "` is not a [[member]] name", std::move(hint));
      return std::nullopt;
    }
    anchor.member = *v;
  }
  const auto at = s.string("at", true);
  if (!at || !check_anchor(s.errors(), s.where("at"), *at)) return std::nullopt;
  anchor.at = *at;
  return anchor;
}

void read_question(const Section& s, ScenarioSpec& spec) {
  PredictQuestion q;
  if (auto v = pick(s, "kind", question_kind_names())) q.kind = static_cast<QuestionKind>(*v);
  if (auto v = s.string("question", true)) q.question = *v;
  const bool choice = q.kind == QuestionKind::choice;
  if (auto items = s.strings("choices")) {
    for (const auto& item : *items) q.choices.push_back(item.value);
    if (!choice)
      s.errors().add(s.where("choices"), ErrorId::bad_value,
                     "`choices` only go with `kind = \"choice\"`",
                     "the other kinds take their answers from the run itself");
  }
  if (auto v = s.string("answer")) {
    q.answer = *v;
    if (!choice)
      s.errors().add(s.where("answer"), ErrorId::bad_value,
                     "`answer` only goes with `kind = \"choice\"`",
                     "the other kinds take their answer from the run itself");
  }
  if (choice) {
    if (q.choices.size() < 2)
      s.errors().add(s.where("choices"), ErrorId::bad_value,
                     "a choice question needs two `choices` or more", {});
    else if (std::find(q.choices.begin(), q.choices.end(), q.answer) == q.choices.end())
      s.errors().add(s.where("answer"), s.has("answer") ? ErrorId::bad_value : ErrorId::missing_key,
                     "`answer` must be one of the `choices`", {});
  }
  auto anchor = read_anchor(s, spec);
  if (!anchor) return;
  q.anchor = std::move(*anchor);
  spec.questions.push_back(std::move(q));
}

}  // namespace

bool check_anchor(Errors& errors, Where where, std::string_view at, std::optional<ErrorId> id) {
  const auto report = [&](ErrorId default_id, std::string message, std::string hint) {
    errors.add(where, id.value_or(default_id), std::move(message), std::move(hint));
    return false;
  };
  const auto bad = [&](std::string hint) {
    return report(ErrorId::bad_value, "`at = \"" + std::string(at) + "\"` names no step",
                  std::move(hint));
  };
  // A name checked as any enum is (bad-enum, with a did-you-mean), then reported under `id`.
  const auto name_in = [&](std::string_view what, std::string_view name,
                           std::span<const std::string_view> allowed) {
    if (!id) return check_name(errors, where, what, name, allowed);
    Errors found{""};
    if (check_name(found, where, what, name, allowed)) return true;
    for (auto& e : found.take()) report(*id, std::move(e.message), std::move(e.hint));
    return false;
  };
  if (std::find(kWholeSteps.begin(), kWholeSteps.end(), at) != kWholeSteps.end()) return true;
  const auto dot = at.find('.');
  if (dot == std::string_view::npos)
    return bad(
        "write `<client|server>.<message>`, `check.<name>`, `alert`, `established` or "
        "`end`");
  const auto head = at.substr(0, dot), tail = at.substr(dot + 1);
  if (head == "check") return name_in("check", tail, check_names());
  if (head != "client" && head != "server")
    return bad("the part before the dot is `client`, `server` or `check`");
  return name_in("message", tail, message_names());
}

void read_narration(const toml::table& root, ScenarioSpec& spec, Errors& errors) {
  if (const toml::array* notes = tables_of(root, "note", errors)) {
    for (const auto& element : *notes) {
      const Section s(*element.as_table(), "note", kNoteKeys, errors);
      NarrationNote note;
      if (auto v = s.string("text", true)) note.text = *v;
      auto anchor = read_anchor(s, spec);
      if (!anchor) continue;
      note.anchor = std::move(*anchor);
      spec.notes.push_back(std::move(note));
    }
  }
  if (const toml::array* questions = tables_of(root, "question", errors)) {
    for (const auto& element : *questions)
      read_question(Section(*element.as_table(), "question", kQuestionKeys, errors), spec);
  }
}

}  // namespace tlsclub::loader
