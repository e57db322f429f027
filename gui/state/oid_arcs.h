#pragma once
// Object identifiers, arc by arc: "1.3.6.1.5.5.7.3.1" reads iso(1) identified-organization(3)
// dod(6) internet(1) security(5) mechanisms(5) pkix(7) kp(3) serverAuth(1) (RFC 5280 4.2.1.12).

#include <string>
#include <string_view>

namespace tlsclub::gui {

// Every arc with its name where the registry names it; unnamed arcs as bare numbers.
std::string oid_arcs(std::string_view dotted);

}  // namespace tlsclub::gui
