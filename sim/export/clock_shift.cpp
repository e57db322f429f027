#include "export/clock_shift.h"

#include <chrono>

namespace tlsclub {

namespace {

void shift(pki::CertificateSpec& c, std::chrono::seconds by) {
  c.not_before += by;
  c.not_after += by;
}

}  // namespace

void shift_clock(ScenarioSpec& spec, SimTime new_now) {
  const std::chrono::seconds by = new_now - spec.now;
  spec.now = new_now;
  for (auto& a : spec.authorities) {
    shift(a.certificate, by);
    if (a.crl) {
      a.crl->this_update += by;
      a.crl->next_update += by;
    }
  }
  shift(spec.server.certificate.certificate, by);
  if (auto& staple = spec.server.ocsp_staple) {
    staple->answer.this_update += by;
    if (staple->answer.next_update) *staple->answer.next_update += by;
    if (staple->answer.revocation_time) *staple->answer.revocation_time += by;
  }
  for (auto& m : spec.members)
    if (m.card) shift(m.card->certificate, by);
}

std::optional<SimTime> clock_from_argument(std::string_view text) {
  if (text == "now")
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  return parse_time(text);
}

}  // namespace tlsclub
