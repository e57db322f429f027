#pragma once
// Text placed inside XML or HTML (SVG exports, the club's welcome page): the characters markup
// would read as its own, as entities.

#include <string>
#include <string_view>

namespace tlsclub {

// & < > and " as entities (enough for text and for attribute values in double quotes).
std::string markup_escaped(std::string_view text);

}  // namespace tlsclub
