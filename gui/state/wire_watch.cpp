#include "state/wire_watch.h"

#include <set>
#include <variant>

namespace tlsclub::gui {

namespace {

// The record ids sent so far that the ladder reveals, in the order sent (records panel's rule).
std::set<std::size_t> revealed_ids(const Timeline& timeline, const LadderLayout& ladder,
                                   std::size_t connection, std::size_t cursor) {
  std::set<std::size_t> ids;
  for (const auto& e : timeline.connections.at(connection).events) {
    const auto* r = std::get_if<RecordEvent>(&e.body);
    if (r == nullptr || r->phase != RecordEvent::Phase::sent) continue;
    const std::size_t row = ladder.row_of_record(connection, r->record_id);
    if (row == npos || !row_revealed(ladder, row, cursor, true)) break;
    ids.insert(r->record_id);
  }
  return ids;
}

}  // namespace

std::size_t revealed_records(const Timeline& timeline, const LadderLayout& ladder,
                             std::size_t connection, std::size_t cursor) {
  return revealed_ids(timeline, ladder, connection, cursor).size();
}

WirePage wire_page(const Timeline& timeline, const LadderLayout& ladder, std::size_t connection,
                   std::size_t cursor) {
  const auto ids = revealed_ids(timeline, ladder, connection, cursor);
  std::vector<capture::WireRecord> records;
  for (const auto& e : timeline.connections.at(connection).events)
    if (const auto* r = std::get_if<RecordEvent>(&e.body);
        r && r->phase == RecordEvent::Phase::delivered && ids.contains(r->record_id))
      records.push_back({r->from, r->bytes, 0});
  const capture::WireView view = capture::watch_records(records);
  WirePage page;
  page.records = ids.size();
  page.clear = capture::clear_lines(view);
  page.sealed = capture::hidden_from_the_wire(view);
  page.sizes = capture::size_lines(view);
  for (const auto& r : view.records)
    page.rows.push_back({"#" + std::to_string(r.index),
                         r.from == Side::client ? "member → club" : "club → member",
                         std::to_string(r.length), capture::record_text(r), r.sealed});
  return page;
}

void WireWatch::follow(const Timeline& timeline, const LadderLayout& ladder, std::size_t connection,
                       std::size_t cursor) {
  const std::size_t records = revealed_records(timeline, ladder, connection, cursor);
  if (key_.valid && key_.connection == connection && key_.records == records) return;
  page_ = wire_page(timeline, ladder, connection, cursor);
  key_ = {true, connection, records};
}

}  // namespace tlsclub::gui
