#pragma once
// How a visit ended and who was on the other end, in the club's words, derived from the run. One
// place, so the transcript, the ladder, the exports, the bridge's log and the GUI say the same.

#include <string>
#include <string_view>

#include "timeline/check_names.h"
#include "timeline/timeline.h"

namespace tlsclub {

// "the club", or "the impostor (posing as club.example)" when a man in the middle answered.
std::string other_end(const Connection& connection);

// The first failed check made by `by` (nullptr: none failed).
const CheckEvent* first_failed_check(const Connection& connection, Side by);

// One sentence for the end of a visit, naming who ended it and why:
//   "Alice admitted (TLS 1.3)"
//   "Alice admitted by the impostor (posing as club.example), not the club (TLS 1.3)"
//   "Alice turned away by the club: the card fails the validity check (certificate_expired)"
//   "Alice turned away by the club: wrong password"
//   "Alice walks away: the club's badge fails the hostname check (bad_certificate)"
//   "Alice walks away with alert decrypt_error"
//   "Alice not admitted: the visit stalled, each side waiting for the other, and no alert"
std::string outcome_sentence(const Connection& connection);

}  // namespace tlsclub
