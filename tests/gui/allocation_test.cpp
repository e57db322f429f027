// A frame in which nothing changes allocates nothing: layout, names and explanations are
// prepared when the Timeline or the step changes, never while drawing (the queue of 500 stays
// smooth). Counted through operator new (ours) and ImGui's allocator (its own buffers).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>

#include "../sim/string_makers.h"
#include "bridge/knock.h"
#include "harness.h"

namespace {

std::atomic<std::size_t> g_news{0};
std::atomic<std::size_t> g_imgui{0};

void* imgui_alloc(std::size_t size, void*) {
  ++g_imgui;
  return std::malloc(size);
}
void imgui_free(void* p, void*) {
  std::free(p);
}

}  // namespace

// Every replaceable form that pairs with the others (ASan checks new/delete pairing): all of them
// go to malloc and free, and every allocation is counted.
void* operator new(std::size_t size) {
  ++g_news;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return ::operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++g_news;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return ::operator new(size, tag);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

// Allocations of `frames` frames, after the view has settled. Short frames, so the once-a-second
// look for changed files (which reads the disk, and allocates) never falls inside a measurement.
std::pair<std::size_t, std::size_t> allocations(test::Harness& h, int frames) {
  constexpr double kShortFrame = 1e-4;
  for (int i = 0; i < 5; ++i) h.frame(kShortFrame);
  const std::size_t news = g_news, imgui = g_imgui;
  for (int i = 0; i < frames; ++i) h.frame(kShortFrame);
  return {g_news - news, g_imgui - imgui};
}

}  // namespace

TEST_CASE("drawing a step that does not change allocates nothing, in every panel") {
  ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
  test::Harness h;  // its context uses the counting allocator
  h.open("basics/queue-of-members.toml");
  h.session().apply(
      cmd::Seek{h.session().playback().steps().first_of(2) + 6});  // Carol's card fails
  for (const char key : {'2', '4', '7'}) {                         // Club view, Fields, Checklist
    CAPTURE(key);
    h.press(key);
    const auto [news, imgui] = allocations(h, 10);
    CHECK(news == 0);
    CHECK(imgui == 0);
  }
  for (const char key : {'5', '6', '8'}) {  // Bytes, Certificates, Secrets
    CAPTURE(key);
    h.press(key);
    const auto [news, imgui] = allocations(h, 10);
    CHECK(news == 0);
    CHECK(imgui == 0);
  }
  for (const Tab tab : {Tab::records, Tab::wire}) {  // no digit key
    CAPTURE(static_cast<int>(tab));
    h.view().view().request_tab = tab;
    const auto [news, imgui] = allocations(h, 10);
    CHECK(news == 0);
    CHECK(imgui == 0);
  }
}

TEST_CASE("lesson mode draws without allocating: the lesson bar, the course, myths, glossary") {
  ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
  test::Harness h;
  CourseLoad loaded = load_course(std::filesystem::path(TLSCLUB_SOURCE_DIR) / "docs" / "lessons",
                                  test::scenarios_dir());
  REQUIRE(std::holds_alternative<Course>(loaded));
  h.session().set_course(std::move(std::get<Course>(loaded)));
  h.session().apply(cmd::StartLesson{1, false});
  h.session().apply(cmd::LessonGoTo{1});  // a question: its choices are drawn every frame
  REQUIRE(h.session().lessons().walk().current().kind == WalkStop::Kind::question);
  h.press('1');  // the Course tab
  const auto [news, imgui] = allocations(h, 10);
  CHECK(news == 0);
  CHECK(imgui == 0);
  h.session().apply(cmd::LessonNext{});
  h.view().view().myths_open = true;
  h.view().view().glossary.open = true;
  h.view().view().glossary.selected = 4;
  const auto [news2, imgui2] = allocations(h, 10);
  CHECK(news2 == 0);
  CHECK(imgui2 == 0);
}

TEST_CASE("the club open to real visitors draws without allocating: its bar and a real visit") {
  ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  h.session().apply(cmd::OpenClub{0});
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (h.session().live_club().state() == LiveClub::State::opening &&
         std::chrono::steady_clock::now() < until)
    h.frame();
  REQUIRE(h.session().live_club().state() == LiveClub::State::open);
  bridge::KnockOptions options;
  options.port = h.session().live_club().port();
  options.member = "Carol";
  options.reply_wait = bridge::Millis(200);
  bridge::knock(h.session().spec(), options);
  while (h.session().branches().live_index() == npos && std::chrono::steady_clock::now() < until)
    h.frame();
  REQUIRE(h.session().branch().live);
  h.session().apply(cmd::End{});
  // The server waits for the next visitor on its own thread meanwhile, and allocates nothing
  // while nobody comes either (the counters count every thread).
  for (const char key : {'2', '7'}) {  // the Club view, the Checklist
    CAPTURE(key);
    h.press(key);
    const auto [news, imgui] = allocations(h, 10);
    CHECK(news == 0);
    CHECK(imgui == 0);
  }
}
