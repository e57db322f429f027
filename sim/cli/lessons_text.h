#pragma once
// The course as plain text for a terminal: `tlsclub lessons show N` and `tlsclub lessons myths`.

#include <string>

#include "course/course.h"

namespace tlsclub::cli {

std::string lesson_text(const CourseLesson& lesson);
std::string myths_text(const Course& course);

}  // namespace tlsclub::cli
