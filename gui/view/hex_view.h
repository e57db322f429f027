#pragma once
// A hex view: offset, 16 bytes, their ASCII. The selected message's span and field are
// highlighted, bytes changed on the wire are red; a click selects the field holding the byte.

#include "core/bytes.h"
#include "view/view_context.h"

namespace tlsclub::gui {

struct HexOptions {
  const std::vector<std::size_t>* changed = nullptr;  // offsets to mark as altered
  float height = 0.0f;                                // 0: the rest of the region
};

void hex_view(ViewContext& ctx, const char* id, ByteView bytes, ByteBlock block,
              const Highlight& highlight, const HexOptions& options = {});

}  // namespace tlsclub::gui
