#pragma once
// The ladder's rows, computed once per Timeline so drawing a frame allocates nothing: a header
// per member, one arrow per record (labelled with the messages inside), the member's outcome.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "state/stepping.h"
#include "timeline/protection.h"

namespace tlsclub::gui {

struct LadderRow {
  enum class Kind : std::uint8_t { member, record, outcome };
  Kind kind = Kind::record;
  std::size_t connection = 0;
  std::size_t event = npos;          // record: its `sent` RecordEvent
  std::size_t first_message = npos;  // the first handshake message it carries
  std::size_t record_id = 0;
  Side from = Side::client;
  Protection protection = Protection::plaintext;
  bool encrypted = false;
  bool admitted = false;    // outcome rows
  bool impostor = false;    // outcome rows: a man in the middle answered, not the club
  std::string label;        // "EncryptedExtensions · CertificateRequest · Certificate · …"
  std::string detail;       // "#4 · 1246 bytes · server_handshake_traffic_secret"
  std::string fault;        // what an attack did to it ("" when nothing)
  std::size_t sent_at = 0;  // position (StepIndex) where it was put on the wire
  std::size_t arrives_at = npos;  // position of its (first) delivery; npos: never delivered
  std::size_t again_at = npos;    // a replayed record's second delivery
};

class LadderLayout {
 public:
  LadderLayout() = default;
  LadderLayout(const Timeline& timeline, const StepIndex& steps);

  const std::vector<LadderRow>& rows() const { return rows_; }
  // The row to highlight and keep in view at a position: the record delivered there, else one
  // sent there, else the member's header.
  std::size_t focus_row(std::size_t position) const;
  // Where clicking a row jumps: a record's delivery (or its sending, when it never arrived).
  std::size_t position_of_row(std::size_t row) const;
  std::size_t header_row(std::size_t connection) const { return headers_[connection]; }
  // The row of a record (by its `sent` event), npos when there is none.
  std::size_t row_of_record(std::size_t connection, std::size_t record_id) const;

 private:
  std::vector<LadderRow> rows_;
  std::vector<std::size_t> focus_;    // position -> row
  std::vector<std::size_t> headers_;  // connection -> its header row
};

// Whether a row may show what it is at the cursor. Predicting, the student says what happens
// before it is shown, so a record or outcome the cursor has not reached (position_of_row after
// it, in flight included) shows nothing that answers: no messages, size, keys, colour, alert or
// outcome; except the row in focus, which the narration and inspector describe anyway. A member's
// header only names who knocks, which the queue shows anyway. Outside predict mode every row is
// revealed (the ladder fades what is still to come instead).
bool row_revealed(const LadderLayout& ladder, std::size_t row, std::size_t cursor, bool predicting);

// What a row of the ladder is labelled with at the cursor: its label when revealed, else
// kUnrevealedLabel; an outcome not decided yet is "…" in every mode.
inline constexpr std::string_view kUnrevealedLabel = "?";
inline constexpr std::string_view kUndecidedLabel = "…";
std::string_view visible_label(const LadderLayout& ladder, std::size_t row, std::size_t cursor,
                               bool predicting);

// The rows the ladder draws, in order. Outside predict mode, all of them. Predicting, each run of
// records still to come shrinks to its first row (a "?"), so how many records are left, which
// tells a refusal from a welcome, is not given away either; headers and outcomes stay.
std::vector<std::size_t> shown_rows(const LadderLayout& ladder, std::size_t cursor,
                                    bool predicting);

}  // namespace tlsclub::gui
