#pragma once
// Display names, taken from the explanations catalogue so the UI, the CLI and the docs agree.

#include <string>
#include <string_view>

#include "timeline/timeline.h"

namespace tlsclub::gui {

// "ClientHello" for "client_hello"; "ChangeCipherSpec", "Alert", "Application data" for the
// record-level contents; the name itself when the catalogue has no title. A view into the
// catalogue (or into `name`): panels call it every frame, so it never allocates.
std::string_view message_title(std::string_view name);
// The catalogue title of any key, or the key itself.
std::string title_of(std::string_view explain_key);
// "club.example" for "O=TLS Club,CN=club.example" (the CN, else the whole subject).
std::string common_name(std::string_view subject);
// The same, as a view into `subject` (no copy: panels compare names every frame).
std::string_view common_name_view(std::string_view subject);
// A check's title: the catalogue's, except where one check name covers two rules
// (basic_constraints: "Issuer is a CA", or the path length when that is what failed).
std::string check_title(const CheckEvent& check);
// "the member" / "the club" in the club's words, "client" / "server" otherwise.
std::string_view club_role(Side side);

}  // namespace tlsclub::gui
