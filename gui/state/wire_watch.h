#pragma once
// The Wire panel's page: the visit shown as an eavesdropper on the path sees it, without keys,
// as far as the ladder has revealed it (so predict mode gives nothing away: the size of a sealed
// refusal would). The same words as `tlsclub run FILE --wire` (sim/capture/wire_view_text), built
// when the cursor moves, so drawing only reads strings.

#include <cstddef>
#include <string>
#include <vector>

#include "capture/wire_view_text.h"
#include "state/ladder_layout.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct WirePage {
  struct Row {
    std::string number, from, bytes, shows;
    bool sealed = false;
  };
  std::vector<capture::WireLine> clear;
  std::vector<std::string> sealed;  // what stays hidden, and why
  std::vector<std::string> sizes;
  std::vector<Row> rows;
  std::size_t records = 0;  // records revealed so far
};

// The page for `connection` at `cursor`: the records whose arrows the ladder reveals there,
// each as its receiver got it.
WirePage wire_page(const Timeline& timeline, const LadderLayout& ladder, std::size_t connection,
                   std::size_t cursor);

// Keeps the page of the connection shown, rebuilt only when another record comes into view.
class WireWatch {
 public:
  void reset() { key_.valid = false; }
  void follow(const Timeline& timeline, const LadderLayout& ladder, std::size_t connection,
              std::size_t cursor);
  const WirePage& page() const { return page_; }

 private:
  struct Key {
    bool valid = false;
    std::size_t connection = 0, records = 0;
  };
  Key key_;
  WirePage page_;
};

// How many of the connection's records the ladder reveals at `cursor`, in the order sent.
std::size_t revealed_records(const Timeline& timeline, const LadderLayout& ladder,
                             std::size_t connection, std::size_t cursor);

}  // namespace tlsclub::gui
