#include "state/ladder_layout.h"

#include "state/names.h"
#include "timeline/outcome.h"

namespace tlsclub::gui {

namespace {

std::string record_label(const RecordEvent& r) {
  std::string label;
  for (const auto& m : r.messages) {
    if (!label.empty()) label += " · ";
    label += message_title(m);  // std::string += string_view
  }
  return label.empty() ? std::string("(empty record)") : label;
}

std::string record_detail(const RecordEvent& r) {
  std::string detail = "#" + std::to_string(r.record_id) + " · " + std::to_string(r.bytes.size()) +
                       " bytes · " +
                       (is_encrypted(r.protection) ? r.protection : std::string("plaintext"));
  return detail;
}

// A short quote of what a member or the club said inside, for the arrow's label.
std::string quote(const Bytes& data) {
  std::string text;
  for (std::uint8_t b : data) {
    if (text.size() >= 28) {
      text += "…";
      break;
    }
    text += (b >= 0x20 && b < 0x7f) ? static_cast<char>(b) : '.';
  }
  return "\"" + text + "\"";
}

}  // namespace

LadderLayout::LadderLayout(const Timeline& timeline, const StepIndex& steps) {
  focus_.assign(steps.size(), npos);
  for (std::size_t c = 0; c < timeline.connections.size(); ++c) {
    const Connection& conn = timeline.connections[c];
    const auto position = [&](const Event& e) { return steps.index_of({c, e.step}); };

    headers_.push_back(rows_.size());
    LadderRow header;
    header.kind = LadderRow::Kind::member;
    header.connection = c;
    header.label = conn.client + " knocks at " + conn.server_name;
    header.sent_at = header.arrives_at = steps.first_of(c);
    rows_.push_back(std::move(header));

    std::vector<std::size_t> row_of;         // record id -> row
    std::vector<std::size_t> first_message;  // record id -> its first MessageEvent
    std::size_t last_alert_row[2] = {npos, npos};
    std::size_t last_data_row[2] = {npos, npos};
    for (std::size_t i = 0; i < conn.events.size(); ++i) {
      const Event& e = conn.events[i];
      if (const auto* m = std::get_if<MessageEvent>(&e.body)) {
        // A message is recorded before the record that carries it goes out.
        if (first_message.size() <= m->record_id) first_message.resize(m->record_id + 1, npos);
        if (first_message[m->record_id] == npos) first_message[m->record_id] = i;
      } else if (const auto* r = std::get_if<RecordEvent>(&e.body)) {
        if (r->phase == RecordEvent::Phase::sent) {
          if (row_of.size() <= r->record_id) row_of.resize(r->record_id + 1, npos);
          row_of[r->record_id] = rows_.size();
          LadderRow row;
          row.connection = c;
          row.event = i;
          row.record_id = r->record_id;
          if (r->record_id < first_message.size()) row.first_message = first_message[r->record_id];
          row.from = r->from;
          row.protection = protection_of(*r);
          row.encrypted = is_encrypted(r->protection);
          row.label = record_label(*r);
          row.detail = record_detail(*r);
          row.sent_at = position(e);
          const int side = r->from == Side::client ? 0 : 1;
          if (row.protection == Protection::alert) last_alert_row[side] = rows_.size();
          if (r->messages.size() == 1 && r->messages[0] == "application_data")
            last_data_row[side] = rows_.size();
          rows_.push_back(std::move(row));
        } else if (r->record_id < row_of.size() && row_of[r->record_id] != npos) {
          LadderRow& row = rows_[row_of[r->record_id]];
          (row.arrives_at == npos ? row.arrives_at : row.again_at) = position(e);
        }
      } else if (const auto* f = std::get_if<FaultEvent>(&e.body)) {
        if (f->record_id < row_of.size() && row_of[f->record_id] != npos) {
          LadderRow& row = rows_[row_of[f->record_id]];
          row.fault += (row.fault.empty() ? "" : "; ") + f->description;
          if (focus_[position(e)] == npos) focus_[position(e)] = row_of[f->record_id];
        }
      } else if (const auto* a = std::get_if<AlertEvent>(&e.body)) {
        const int side = a->from == Side::client ? 0 : 1;
        if (a->sent && last_alert_row[side] != npos) {
          rows_[last_alert_row[side]].label = "Alert: " + a->name;
          last_alert_row[side] = npos;
        }
      } else if (const auto* d = std::get_if<AppDataEvent>(&e.body)) {
        const int side = d->from == Side::client ? 0 : 1;
        if (last_data_row[side] != npos) {
          rows_[last_data_row[side]].label = "Application data " + quote(d->data);
          last_data_row[side] = npos;
        }
      }
    }

    LadderRow outcome;
    outcome.kind = LadderRow::Kind::outcome;
    outcome.connection = c;
    outcome.admitted = conn.outcome == Outcome::admitted;
    outcome.impostor = !conn.impostor.empty();
    outcome.label = outcome_sentence(conn);
    outcome.sent_at = outcome.arrives_at = steps.last_of(c);
    rows_.push_back(std::move(outcome));
  }

  // Deliveries win the focus; then a record sent at that position; then the member's header.
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const LadderRow& row = rows_[r];
    if (row.kind != LadderRow::Kind::record) continue;
    if (row.arrives_at != npos) focus_[row.arrives_at] = r;
    if (row.again_at != npos) focus_[row.again_at] = r;
  }
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const LadderRow& row = rows_[r];
    if (row.kind == LadderRow::Kind::record && focus_[row.sent_at] == npos) focus_[row.sent_at] = r;
  }
  for (std::size_t p = 0; p < focus_.size(); ++p)
    if (focus_[p] == npos) focus_[p] = headers_[steps.at(p).connection];
}

std::size_t LadderLayout::focus_row(std::size_t position) const {
  if (focus_.empty()) return npos;
  return focus_[position < focus_.size() ? position : focus_.size() - 1];
}

std::size_t LadderLayout::position_of_row(std::size_t row) const {
  const LadderRow& r = rows_[row];
  return r.arrives_at != npos ? r.arrives_at : r.sent_at;
}

std::size_t LadderLayout::row_of_record(std::size_t connection, std::size_t record_id) const {
  for (std::size_t r = headers_[connection]; r < rows_.size(); ++r) {
    if (rows_[r].connection != connection) break;
    if (rows_[r].kind == LadderRow::Kind::record && rows_[r].record_id == record_id) return r;
  }
  return npos;
}

}  // namespace tlsclub::gui
