#include "timeline/check_names.h"

#include <botan/pkix_enums.h>

namespace tlsclub {

bool is_certificate_check(std::string_view check) {
  return check != checks::password;
}

namespace {

bool has_code(const CheckEvent& check, Botan::Certificate_Status_Code code) {
  return !check.passed && check.status_code == static_cast<int>(code);
}

}  // namespace

bool not_yet_valid(const CheckEvent& check) {
  return has_code(check, Botan::Certificate_Status_Code::CERT_NOT_YET_VALID);
}

bool revoked(const CheckEvent& check) {
  return has_code(check, Botan::Certificate_Status_Code::CERT_IS_REVOKED);
}

bool path_too_long(const CheckEvent& check) {
  return has_code(check, Botan::Certificate_Status_Code::CERT_CHAIN_TOO_LONG);
}

}  // namespace tlsclub
