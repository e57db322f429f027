// Lesson mode: the Course tab (the twelve lessons, their progress, the one opened: objectives,
// introduction, Start) and the lesson bar across the window while a lesson is walked (its
// narration, "Step k of n", the question, the try-it task, the summary).
#include <algorithm>
#include <cstdio>

#include "view/fold.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void bullet_list(const std::vector<std::string>& items) {
  for (const std::string& item : items) {
    ImGui::Bullet();
    text_wrapped(item);
  }
}

void lesson_row(ViewContext& ctx, std::size_t i, const CourseLesson& lesson) {
  const LessonProgress& p = ctx.session.lessons().progress_of(lesson);
  char title[256];
  std::snprintf(title, sizeof title, "%s %2d  %s", p.done ? "✓" : " ", lesson.number,
                lesson.title.c_str());
  const float x0 = ImGui::GetCursorPosX();
  ImGui::PushID(static_cast<int>(i));
  if (ImGui::Selectable("##lesson", ctx.view.course_selected == i,
                        ImGuiSelectableFlags_AllowItemOverlap))
    ctx.view.course_selected = i;
  ImGui::PopID();
  ctx.view.hit(Hit::Kind::course_row, i, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const bool started = p.seen > 0 || !p.answers.empty();
  char full[96], small[48];
  std::snprintf(full, sizeof full, "%zu/%zu steps · %zu/%zu answered · %zu right", p.seen,
                lesson.steps.size(), answered(lesson, p), lesson.questions.size(),
                correct(lesson, p));
  std::snprintf(small, sizeof small, "%zu/%zu · %zu/%zu", p.seen, lesson.steps.size(),
                correct(lesson, p), lesson.questions.size());
  if (started && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full);
  // The title, cut with "…" where the row is too narrow; the progress right-aligned after it,
  // in full, short, or not at all, never over the title.
  const float right = content_right();
  const float gap = ImGui::GetFontSize();
  const float title_w = ImGui::CalcTextSize(title).x;
  const char* progress = nullptr;
  if (started) {
    if (right - ImGui::CalcTextSize(full).x >= x0 + title_w + gap)
      progress = full;
    else if (right - ImGui::CalcTextSize(small).x >= x0 + title_w + gap)
      progress = small;
  }
  ImGui::SameLine(0.0f, 0.0f);  // over the selectable, which took no width of its own
  text_fitted(title, right - x0, ImGui::GetColorU32(ImGuiCol_Text));
  if (progress == nullptr) return;
  ImGui::SameLine(right - ImGui::CalcTextSize(progress).x);
  text_dim(ctx, progress);
}

void lesson_page(ViewContext& ctx, std::size_t i, const CourseLesson& lesson) {
  const Session& s = ctx.session;
  const LessonProgress& p = s.lessons().progress_of(lesson);
  ImGui::PushFont(ctx.fonts.large);
  char title[256];
  std::snprintf(title, sizeof title, "Lesson %d · %s", lesson.number, lesson.title.c_str());
  text_wrapped(title);
  ImGui::PopFont();
  const bool walking = s.lessons().lesson() == &lesson;
  const bool resumable = p.seen > 0 && !p.done;
  const char* start = walking ? "Restart" : resumable ? "Resume" : p.done ? "Again" : "Start ▶";
  if (tracked_button(ctx, start, kLessonStart))
    ctx.push(cmd::StartLesson{i, !walking && resumable});
  if (resumable || p.done) {
    ImGui::SameLine();
    if (ImGui::SmallButton("start over (forget answers)")) ctx.push(cmd::StartLesson{i, false});
  }
  if (walking) {
    ImGui::SameLine();
    text_wrapped_coloured(ctx.colours.dim, "in progress: the lesson bar above leads the way");
  }
  ImGui::Spacing();
  text_coloured(ctx.colours.select, "You will learn to");
  bullet_list(lesson.objectives);
  ImGui::Spacing();
  text_wrapped(lesson.introduction);
  ImGui::Spacing();
  char counts[120];
  std::snprintf(counts, sizeof counts, "%zu steps · %zu questions · %zu try-it tasks",
                lesson.steps.size(), lesson.questions.size(), lesson.tries.size());
  text_wrapped_coloured(ctx.colours.dim, counts);
  for (const LessonScenario& sc : lesson.scenarios) {
    ImGui::Bullet();
    text_wrapped_coloured(ctx.colours.dim, sc.file);
    text_wrapped(sc.why);
  }
  if (!lesson.references.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("Further reading:");
    for (const std::string& r : lesson.references) {
      ImGui::Bullet();
      text_wrapped_coloured(ctx.colours.select, r);
    }
  }
}

}  // namespace

void draw_course(ViewContext& ctx) {
  const Session& s = ctx.session;
  if (!s.lessons().course()) {
    text_wrapped_coloured(ctx.colours.dim,
                          "No course found (docs/lessons; set TLSCLUB_LESSONS to its folder). "
                          "The Library tab has every scenario.");
    for (const std::string& e : s.lessons().errors()) text_wrapped_coloured(ctx.colours.fail, e);
    return;
  }
  const auto& lessons = s.lessons().course()->lessons;
  if (lessons.empty()) return;
  if (ctx.view.course_selected >= lessons.size()) ctx.view.course_selected = 0;
  const float list_h = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(lessons.size()) +
                       ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("course_list", ImVec2(0, list_h), false);
  for (std::size_t i = 0; i < lessons.size(); ++i) lesson_row(ctx, i, lessons[i]);
  ImGui::EndChild();
  ImGui::Separator();
  ImGui::BeginChild("course_page", ImVec2(0, 0), false);
  lesson_page(ctx, ctx.view.course_selected, lessons[ctx.view.course_selected]);
  ImGui::EndChild();
}

namespace {

void question_stop(ViewContext& ctx, const CourseLesson& lesson, std::size_t index) {
  const LessonQuestion& q = lesson.questions[index];
  const LessonProgress& p = ctx.session.lessons().progress_of(lesson);
  const auto given = p.answers.find(index);
  if (given == p.answers.end()) {
    Flow line;
    line.text(ctx.colours.select, "Before you look:");
    line.text(ImGui::GetColorU32(ImGuiCol_Text), q.question);
    const auto& choices = ctx.session.lessons().choices();
    Flow buttons;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const char* label = choices[i].c_str();
      buttons.next(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
      if (ImGui::Button(label)) ctx.push(cmd::LessonAnswer{choices[i]});
      ctx.view.hit(Hit::Kind::lesson_answer, i, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      ImGui::PopID();
    }
    return;
  }
  text_wrapped_coloured(ctx.colours.dim, q.question);
  const bool right = given->second == q.answer;
  char line[600];
  std::snprintf(line, sizeof line, "%s You said \"%s\"; the answer is \"%s\".",
                right ? "✓ Right!" : "✗ Not quite.", given->second.c_str(), q.answer.c_str());
  text_wrapped_coloured(right ? ctx.colours.pass : ctx.colours.fail, line);
  text_wrapped(q.explanation);
}

void try_stop(ViewContext& ctx, const CourseLesson& lesson, std::size_t index) {
  const Session& s = ctx.session;
  const TryTask& task = lesson.tries[index];
  Flow line;
  line.text(ctx.colours.attack, "Try it:");
  line.text(ImGui::GetColorU32(ImGuiCol_Text), task.task);
  const bool running = s.lessons().running_try().has_value() || s.branches().busy();
  if (tracked_button(ctx, "Run it ▶", kRunTry) && !running) ctx.push(cmd::RunTry{});
  if (running) {
    ImGui::SameLine();
    spinner(ImGui::GetFontSize() * 0.5f, ctx.colours.select);
  }
  const auto& result =
      index < s.lessons().try_results().size() ? s.lessons().try_results()[index] : std::nullopt;
  if (!result) return;
  Flow verdict;
  verdict.next(0.0f);  // after the button
  verdict.text(ctx.colours.dim, "lesson says:");
  verdict.text(ImGui::GetColorU32(ImGuiCol_Text), result->expected);
  verdict.text(ctx.colours.dim, "· the run:");
  verdict.text(ImGui::GetColorU32(ImGuiCol_Text), result->actual);
  verdict.text(result->met ? ctx.colours.pass : ctx.colours.fail,
               result->met ? "✓ match" : "✗ no match");
  text_wrapped(task.explanation);
}

void summary_stop(ViewContext& ctx, const CourseLesson& lesson) {
  const Session& s = ctx.session;
  const LessonProgress& p = s.lessons().progress_of(lesson);
  char line[160];
  std::snprintf(line, sizeof line, "✓ Lesson %d done · score %zu of %zu", lesson.number,
                correct(lesson, p), lesson.questions.size());
  Flow head;
  head.text(ctx.colours.pass, line);
  const std::size_t next = s.lessons().walk().lesson() + 1;
  if (next < s.lessons().course()->lessons.size()) {
    head.next(ImGui::CalcTextSize("Next lesson ▶").x + ImGui::GetStyle().FramePadding.x * 2);
    if (tracked_button(ctx, "Next lesson ▶", kNextLesson)) {
      ctx.push(cmd::StartLesson{next, true});
      ctx.view.course_selected = next;
    }
  }
  text_wrapped(lesson.summary);
}

// The bar's first line: the lesson's name (cut with "…" where it must), where the walk is, the
// score, and room kept on the right for Back / Next / Leave; the score and then the place give
// way on a narrow window. Leaves the cursor where the buttons go.
void lesson_bar_head(ViewContext& ctx, const CourseLesson& lesson, const CourseWalk& walk) {
  const WalkStop& stop = walk.current();
  char head[300];
  std::snprintf(head, sizeof head, "Lesson %d · %s", lesson.number, lesson.title.c_str());
  const std::size_t k = walk.step_number(walk.stop()), n = walk.steps();
  const LessonProgress& p = ctx.session.lessons().progress_of(lesson);
  char where[96];
  switch (stop.kind) {
    case WalkStop::Kind::question:
      std::snprintf(where, sizeof where, "Question before step %zu of %zu", k + 1, n);
      break;
    case WalkStop::Kind::step:
      std::snprintf(where, sizeof where, "Step %zu of %zu", k, n);
      break;
    case WalkStop::Kind::try_it:
      std::snprintf(where, sizeof where, "Try it %zu of %zu", stop.index + 1, lesson.tries.size());
      break;
    case WalkStop::Kind::summary:
      std::snprintf(where, sizeof where, "Summary");
      break;
  }
  char score[64];
  std::snprintf(score, sizeof score, "· score %zu / %zu", correct(lesson, p), answered(lesson, p));
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto button_w = [&](const char* label) {
    return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
  };
  const float buttons =
      button_w("◀ Back") + button_w("Next ▶") + button_w("✕ leave") + style.ItemSpacing.x * 2;
  const float right = content_right();
  const float room = right - ImGui::GetCursorPosX() - buttons - style.ItemSpacing.x;
  const float where_w = ImGui::CalcTextSize(where).x + style.ItemSpacing.x;
  const float score_w = ImGui::CalcTextSize(score).x + style.ItemSpacing.x;
  const float head_w = ImGui::CalcTextSize(head).x;
  const float least = std::min(head_w, ImGui::GetFontSize() * 10.0f);
  const bool show_where = room - where_w >= least;
  const bool show_score = show_where && room - where_w - score_w >= least;
  text_fitted(head, room - (show_where ? where_w : 0.0f) - (show_score ? score_w : 0.0f),
              ctx.colours.select);
  if (show_where) {
    ImGui::SameLine();
    ImGui::TextUnformatted(where);
  }
  if (show_score) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", score);
  }
  ImGui::SameLine(std::max(
      ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x, right - buttons));
}

}  // namespace

void draw_lesson_bar(ViewContext& ctx) {
  const Session& s = ctx.session;
  const CourseLesson* lesson = s.lessons().lesson();
  if (lesson == nullptr) return;
  const CourseWalk& walk = s.lessons().walk();
  const WalkStop& stop = walk.current();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(with_alpha(ctx.colours.select, 0.14f)));
  // A step is a sentence or two and its RFC; questions, tries and the summary say more.
  const float lines = stop.kind == WalkStop::Kind::step ? 4.4f : 6.4f;
  ImGui::BeginChild("lesson_bar", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines), true);

  lesson_bar_head(ctx, *lesson, walk);
  ImGui::BeginDisabled(walk.stop() == 0);
  if (tracked_button(ctx, "◀ Back", kLessonBack)) ctx.push(cmd::LessonBack{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  const LessonProgress& p = s.lessons().progress_of(*lesson);
  const bool waiting = stop.kind == WalkStop::Kind::question && !p.answers.contains(stop.index);
  ImGui::BeginDisabled(waiting || walk.stop() + 1 >= walk.stops().size());
  if (tracked_button(ctx, "Next ▶", kLessonNext)) ctx.push(cmd::LessonNext{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("✕ leave")) ctx.push(cmd::LeaveLesson{});

  switch (stop.kind) {
    case WalkStop::Kind::question:
      question_stop(ctx, *lesson, stop.index);
      break;
    case WalkStop::Kind::step: {
      const LessonStep& step = lesson->steps[stop.index];
      text_wrapped(step.text);
      if (!step.rfc.empty()) text_wrapped_coloured(ctx.colours.select, step.rfc);
      break;
    }
    case WalkStop::Kind::try_it:
      try_stop(ctx, *lesson, stop.index);
      break;
    case WalkStop::Kind::summary:
      summary_stop(ctx, *lesson);
      break;
  }
  if (!s.lessons().message().empty())
    text_wrapped_coloured(ctx.colours.fail, s.lessons().message());
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace tlsclub::gui
