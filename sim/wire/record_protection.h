#pragma once
// TLS 1.3 record protection (RFC 8446 5.2, 5.3, 7.3), used to look inside encrypted records:
// key and IV come from a traffic secret by HKDF-Expand-Label; the nonce is the IV XOR the record's
// sequence number; the AAD is the record header.

#include <cstdint>
#include <optional>
#include <string>

#include "core/bytes.h"
#include "core/hkdf_label.h"

namespace tlsclub {

struct OpenedRecord {
  std::uint8_t inner_type = 0;  // the real content type (RFC 8446 5.2 TLSInnerPlaintext)
  Bytes content;                // without the type byte and padding
};

class Tls13RecordOpener {
 public:
  // nullopt for a suite that is not a TLS 1.3 AEAD suite.
  static std::optional<Tls13RecordOpener> create(std::uint16_t cipher_suite,
                                                 ByteView traffic_secret);
  // nullopt when the record does not authenticate under this key and sequence number.
  std::optional<OpenedRecord> open(ByteView record, std::uint64_t sequence) const;

 private:
  std::string aead_;
  Bytes key_;
  Bytes iv_;
};

}  // namespace tlsclub
