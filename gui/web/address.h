#pragma once
// The page's address follows the student, in the form the page reads (docs/web.md, "Links to a
// step"): the lesson and stop being walked, or the library scenario, member and step shown. A
// reload, a bookmark or a copied link then opens the same place.

#include <string>

namespace tlsclub::gui {
class Session;
}

namespace tlsclub::gui::web {

// "?lesson=4&stop=6", "?scenario=server-faults/expired-badge&member=Alice&step=6"; "" for the
// built-in demo or a file outside the library.
std::string link_to(const Session& session);

// Replaces the query of the page's address (history.replaceState: no history entry per step).
void show_address(const std::string& query);

}  // namespace tlsclub::gui::web
