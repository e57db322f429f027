#pragma once
// The page's address follows the student, in the form the page reads (docs/web.md, "Links to a
// step"): the lesson and stop being walked, or the library scenario, member and step shown. A
// reload, a bookmark or a copied link then opens the same place.

#include <string>
#include <string_view>

namespace tlsclub::gui {
class Session;
}

namespace tlsclub::gui::web {

// "?lesson=4&stop=6", "?scenario=server-faults/expired-badge&member=Alice&step=6&tab=checklist";
// "" for the built-in demo or a file outside the library. `front_tab`: the tab last brought
// forward ("" or "club", which a link opens anyway, add nothing).
std::string link_to(const Session& session, std::string_view front_tab);

// The place a link names, without its step and tab: a new place is a new history entry.
std::string place_of(std::string_view query);

// Puts `query` in the page's address: a new history entry (history.pushState) when it names
// another place than the address had and `may_push`, so the back button returns there; otherwise
// the entry is rewritten (history.replaceState: no entry per step or tab). Not `may_push`: the
// page's first address, or one the back button went to, is put in its canonical form in place.
void show_address(const std::string& query, bool may_push);

}  // namespace tlsclub::gui::web
