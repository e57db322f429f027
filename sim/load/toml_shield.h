#pragma once
// Around toml++ 3.3's unreachable() on some non-ASCII code points (toml_shield.cpp says which):
// `shield` the text before parsing it, `unshield` every string read back.

#include <optional>
#include <string>
#include <string_view>

#include "load/errors.h"

namespace tlsclub::load {

// The text to parse; nullopt, with the place, for text that uses plane 15, which the shield needs
// itself.
std::optional<std::string> shield(std::string_view text, Where& plane15);
std::string unshield(std::string_view text);

}  // namespace tlsclub::load
