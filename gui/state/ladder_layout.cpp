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

LadderRow member_row(const Connection& conn, std::size_t c, const StepIndex& steps) {
  LadderRow header;
  header.kind = LadderRow::Kind::member;
  header.connection = c;
  header.label = conn.client + " knocks at " + conn.server_name;
  header.sent_at = header.arrives_at = steps.first_of(c);
  return header;
}

LadderRow outcome_row(const Connection& conn, std::size_t c, const StepIndex& steps) {
  LadderRow outcome;
  outcome.kind = LadderRow::Kind::outcome;
  outcome.connection = c;
  outcome.admitted = conn.outcome == Outcome::admitted;
  outcome.impostor = !conn.impostor.empty();
  outcome.label = outcome_sentence(conn);
  outcome.sent_at = outcome.arrives_at = steps.last_of(c);
  return outcome;
}

int side_index(Side side) {
  return side == Side::client ? 0 : 1;
}

// One visit's record rows, event by event: a record sent adds a row; its delivery, an attack on
// it, the alert or the application data it turns out to carry amend that row.
class RecordRows {
 public:
  RecordRows(std::vector<LadderRow>& rows, std::vector<std::size_t>& focus, std::size_t connection,
             const StepIndex& steps)
      : rows_(rows), focus_(focus), connection_(connection), steps_(steps) {}

  void add(std::size_t i, const Event& e) {
    if (const auto* m = std::get_if<MessageEvent>(&e.body)) {
      note_message(i, *m);
    } else if (const auto* r = std::get_if<RecordEvent>(&e.body)) {
      if (r->phase == RecordEvent::Phase::sent)
        add_sent(i, e, *r);
      else
        mark_delivered(e, *r);
    } else if (const auto* f = std::get_if<FaultEvent>(&e.body)) {
      mark_fault(e, *f);
    } else if (const auto* a = std::get_if<AlertEvent>(&e.body)) {
      name_alert(*a);
    } else if (const auto* d = std::get_if<AppDataEvent>(&e.body)) {
      quote_app_data(*d);
    }
  }

 private:
  std::size_t position(const Event& e) const { return steps_.index_of({connection_, e.step}); }

  // The row of a record sent earlier in this visit, npos when there is none.
  std::size_t row_of(std::size_t record_id) const {
    return record_id < row_of_.size() ? row_of_[record_id] : npos;
  }

  // A message is recorded before the record that carries it goes out.
  void note_message(std::size_t i, const MessageEvent& m) {
    if (first_message_.size() <= m.record_id) first_message_.resize(m.record_id + 1, npos);
    if (first_message_[m.record_id] == npos) first_message_[m.record_id] = i;
  }

  void add_sent(std::size_t i, const Event& e, const RecordEvent& r) {
    if (row_of_.size() <= r.record_id) row_of_.resize(r.record_id + 1, npos);
    row_of_[r.record_id] = rows_.size();
    LadderRow row;
    row.connection = connection_;
    row.event = i;
    row.record_id = r.record_id;
    if (r.record_id < first_message_.size()) row.first_message = first_message_[r.record_id];
    row.from = r.from;
    row.protection = protection_of(r);
    row.encrypted = is_encrypted(r.protection);
    row.label = record_label(r);
    row.detail = record_detail(r);
    row.sent_at = position(e);
    const int side = side_index(r.from);
    if (row.protection == Protection::alert) last_alert_row_[side] = rows_.size();
    if (r.messages.size() == 1 && r.messages[0] == "application_data")
      last_data_row_[side] = rows_.size();
    rows_.push_back(std::move(row));
  }

  void mark_delivered(const Event& e, const RecordEvent& r) {
    if (row_of(r.record_id) == npos) return;
    LadderRow& row = rows_[row_of(r.record_id)];
    (row.arrives_at == npos ? row.arrives_at : row.again_at) = position(e);
  }

  void mark_fault(const Event& e, const FaultEvent& f) {
    if (row_of(f.record_id) == npos) return;
    LadderRow& row = rows_[row_of(f.record_id)];
    row.fault += (row.fault.empty() ? "" : "; ") + f.description;
    if (focus_[position(e)] == npos) focus_[position(e)] = row_of(f.record_id);
  }

  // An alert record's label names the alert once the alert it carried is known.
  void name_alert(const AlertEvent& a) {
    std::size_t& last = last_alert_row_[side_index(a.from)];
    if (a.sent && last != npos) {
      rows_[last].label = "Alert: " + a.name;
      last = npos;
    }
  }

  void quote_app_data(const AppDataEvent& d) {
    std::size_t& last = last_data_row_[side_index(d.from)];
    if (last != npos) {
      rows_[last].label = "Application data " + quote(d.data);
      last = npos;
    }
  }

  std::vector<LadderRow>& rows_;
  std::vector<std::size_t>& focus_;
  std::size_t connection_;
  const StepIndex& steps_;
  std::vector<std::size_t> row_of_;               // record id -> row
  std::vector<std::size_t> first_message_;        // record id -> its first MessageEvent
  std::size_t last_alert_row_[2] = {npos, npos};  // by side_index
  std::size_t last_data_row_[2] = {npos, npos};
};

// Deliveries win the focus; then a record sent at that position; then the member's header.
// `focus` already holds the rows attacks were made on.
void fill_focus(const std::vector<LadderRow>& rows, const std::vector<std::size_t>& headers,
                const StepIndex& steps, std::vector<std::size_t>& focus) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const LadderRow& row = rows[r];
    if (row.kind != LadderRow::Kind::record) continue;
    if (row.arrives_at != npos) focus[row.arrives_at] = r;
    if (row.again_at != npos) focus[row.again_at] = r;
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const LadderRow& row = rows[r];
    if (row.kind == LadderRow::Kind::record && focus[row.sent_at] == npos) focus[row.sent_at] = r;
  }
  for (std::size_t p = 0; p < focus.size(); ++p)
    if (focus[p] == npos) focus[p] = headers[steps.at(p).connection];
}

}  // namespace

LadderLayout::LadderLayout(const Timeline& timeline, const StepIndex& steps) {
  focus_.assign(steps.size(), npos);
  for (std::size_t c = 0; c < timeline.connections.size(); ++c) {
    const Connection& conn = timeline.connections[c];
    headers_.push_back(rows_.size());
    rows_.push_back(member_row(conn, c, steps));
    RecordRows records(rows_, focus_, c, steps);
    for (std::size_t i = 0; i < conn.events.size(); ++i) records.add(i, conn.events[i]);
    rows_.push_back(outcome_row(conn, c, steps));
  }
  fill_focus(rows_, headers_, steps, focus_);
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

bool row_revealed(const LadderLayout& ladder, std::size_t row, std::size_t cursor,
                  bool predicting) {
  if (!predicting || ladder.rows()[row].kind == LadderRow::Kind::member) return true;
  // The row in focus is what the narration and the inspector describe at the cursor (at the
  // start, the ClientHello being sent): hiding it on the ladder alone would hide nothing.
  return ladder.position_of_row(row) <= cursor || row == ladder.focus_row(cursor);
}

std::string_view visible_label(const LadderLayout& ladder, std::size_t row, std::size_t cursor,
                               bool predicting) {
  const LadderRow& r = ladder.rows()[row];
  if (r.kind == LadderRow::Kind::outcome && r.sent_at > cursor) return kUndecidedLabel;
  if (!row_revealed(ladder, row, cursor, predicting)) return kUnrevealedLabel;
  return r.label;
}

std::vector<std::size_t> shown_rows(const LadderLayout& ladder, std::size_t cursor,
                                    bool predicting) {
  std::vector<std::size_t> out;
  out.reserve(ladder.rows().size());
  bool hiding = false;  // the row before was a record still to come
  for (std::size_t r = 0; r < ladder.rows().size(); ++r) {
    const bool record = ladder.rows()[r].kind == LadderRow::Kind::record;
    const bool hidden = record && !row_revealed(ladder, r, cursor, predicting);
    if (!(hidden && hiding)) out.push_back(r);
    hiding = hidden;
  }
  return out;
}

}  // namespace tlsclub::gui
