#include "pki/der_support.h"

#include <botan/x509_obj.h>

#include <array>
#include <cstdio>

namespace tlsclub::pki::detail {

Botan::ASN1_Time rfc5280_time(SimTime t) {
  // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. Botan's time_point
  // constructor switches too, but a system_clock time_point counts nanoseconds and wraps after
  // April 2262, so later dates (up to 9999, which X.509 can say) are written as text.
  using namespace std::chrono;
  if (year_month_day{floor<days>(t)}.year() >= year{2050}) return generalized_time(t);
  return Botan::ASN1_Time(system_clock::time_point(t));
}

Botan::ASN1_Time generalized_time(SimTime t) {
  using namespace std::chrono;
  const auto day_start = floor<days>(t);
  const year_month_day ymd{day_start};
  const hh_mm_ss hms{t - day_start};
  // YYYYMMDDHHMMSSZ: RFC 6960 inherits RFC 5280 4.1.2.5.2 (Zulu, seconds, no fractions).
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%04d%02u%02u%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return Botan::ASN1_Time(std::string_view(text.data()), Botan::ASN1_Type::GeneralizedTime);
}

std::uint64_t draw_serial(Botan::RandomNumberGenerator& rng) {
  std::array<std::uint8_t, 8> bytes{};
  rng.randomize(bytes);
  std::uint64_t serial = 0;
  for (const auto b : bytes) serial = (serial << 8) | b;
  serial &= 0x7fffffffffffffffULL;  // positive in a signed 64-bit view too
  return serial == 0 ? 1 : serial;  // RFC 5280 4.1.2.2: MUST be positive
}

std::string signature_hash_for(const Botan::Private_Key& key, std::string_view requested) {
  // RFC 8410 6: Ed25519 signs the message itself (PureEdDSA); Botan rejects any hash name
  // other than its internal one, and "" makes it pick "Pure".
  if (key.algo_name() == "Ed25519") return "";
  return std::string(requested);
}

std::string default_hash_for(const Botan::Private_Key& key) {
  if (key.algo_name() == "Ed25519") return "";
  if (key.algo_name() == "ECDSA" && key.key_length() >= 384) return "SHA-384";
  return "SHA-256";
}

std::unique_ptr<Botan::PK_Signer> make_signer(const Botan::Private_Key& key, std::string_view hash,
                                              Botan::RandomNumberGenerator& rng) {
  // Empty padding: ECDSA gets the hash alone, RSA PKCS#1 v1.5 (what RFC 8446 4.4.2.2 still
  // allows in certificates), Ed25519 "Pure".
  return Botan::X509_Object::choose_sig_format(key, rng, signature_hash_for(key, hash), "");
}

std::vector<std::uint8_t> sign_structure(Botan::PK_Signer& signer,
                                         Botan::RandomNumberGenerator& rng,
                                         const std::vector<std::uint8_t>& tbs) {
  const Botan::secure_vector<std::uint8_t> tbs_bits(tbs.begin(), tbs.end());
  return Botan::X509_Object::make_signed(signer, rng, signer.algorithm_identifier(), tbs_bits);
}

}  // namespace tlsclub::pki::detail
