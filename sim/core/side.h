#pragma once

#include <string_view>

namespace tlsclub {

// Client on the left, server on the right, always (docs/gui.md#symbols-and-direction).
enum class Side { client, server };

constexpr std::string_view to_string(Side s) {
  return s == Side::client ? "client" : "server";
}
constexpr Side peer_of(Side s) {
  return s == Side::client ? Side::server : Side::client;
}

}  // namespace tlsclub
