#include "state/names.h"

#include <cstdio>

#include "explain/catalogue.h"
#include "timeline/check_names.h"

namespace tlsclub::gui {

std::string title_of(std::string_view explain_key) {
  const Explanation* e = find_explanation(explain_key);
  return e != nullptr ? std::string(e->title) : std::string(explain_key);
}

std::string_view message_title(std::string_view name) {
  if (name == "alert") return "Alert";
  if (name == "application_data") return "Application data";
  if (name == "change_cipher_spec") return "ChangeCipherSpec";
  char key[96];
  const int n =
      std::snprintf(key, sizeof key, "message.%.*s", static_cast<int>(name.size()), name.data());
  if (n <= 0 || static_cast<std::size_t>(n) >= sizeof key) return name;
  const Explanation* e = find_explanation(std::string_view(key, static_cast<std::size_t>(n)));
  return e != nullptr ? e->title : name;
}

std::string common_name(std::string_view subject) {
  return std::string(common_name_view(subject));
}

std::string_view common_name_view(std::string_view subject) {
  // Both "CN=x,O=y" (check events) and "O=y, CN=x" (decoded certificates) occur.
  const std::size_t at = subject.find("CN=");
  if (at == std::string_view::npos) return subject;
  std::string_view rest = subject.substr(at + 3);
  const std::size_t end = rest.find(',');
  if (end != std::string_view::npos) rest = rest.substr(0, end);
  if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"')
    rest = rest.substr(1, rest.size() - 2);
  return rest;
}

std::string_view club_role(Side side) {
  return side == Side::client ? "the member" : "the club";
}

std::string check_title(const CheckEvent& check) {
  if (check.check == checks::basic_constraints && path_too_long(check))
    return "Path length within the limit";
  return title_of("check." + check.check);
}

}  // namespace tlsclub::gui
