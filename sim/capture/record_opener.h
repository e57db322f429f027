#pragma once
// Opening captured TLS records with the secrets of a key log: the keys of a cipher suite derived
// from a TLS 1.3 traffic secret (RFC 8446 7.1, 7.3) or a TLS 1.2 master secret (RFC 5246 6.3),
// and one direction's records opened under one key, counting sequence numbers as the sender did
// (RFC 8446 5.3, RFC 5246 6.2.3). The only part of sim/capture that talks to Botan.
//
// Suites: AES-GCM (RFC 5288, RFC 8446), ChaCha20-Poly1305 (RFC 7905, RFC 8446), AES-CCM
// (RFC 6655, RFC 8446) and AES-CBC with HMAC (RFC 5246 6.2.3.2), each when this build's Botan
// has the mode; suite_parameters() says why a suite cannot be opened otherwise.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/hkdf_label.h"

namespace tlsclub::capture {

enum class BulkCipher { aead, cbc, none };

struct SuiteParameters {
  std::uint16_t code = 0;
  std::string name;    // IANA name, "TLS_AES_128_GCM_SHA256"
  bool tls13 = false;  // a TLS 1.3 suite (0x13xx): keys from traffic secrets
  BulkCipher cipher = BulkCipher::none;
  std::string
      botan_mode;  // "AES-128/GCM", "ChaCha20Poly1305", "AES-128/CCM(8,3)", "AES-256/CBC/NoPadding"
  std::string hash;  // HKDF (1.3) or PRF (1.2) hash: "SHA-256", "SHA-384"
  std::string mac;   // CBC only: the HMAC hash, "SHA-1", "SHA-256", "SHA-384"
  std::size_t key_length = 0;
  std::size_t iv_length = 0;   // TLS 1.3: 12; TLS 1.2: the implicit part (4 GCM/CCM, 12 ChaCha20)
  std::size_t mac_length = 0;  // CBC only
  std::size_t tag_length = 0;  // AEAD only: 16, or 8 for the _CCM_8 suites
  std::string unsupported;     // non-empty: why records of this suite cannot be opened here
};

// What it takes to open records of `suite`. Never throws; an unknown or unsupported suite says
// why in `unsupported`.
SuiteParameters suite_parameters(std::uint16_t suite);

// RFC 5246 5: PRF(secret, label, seed) = P_<hash>(secret, label + seed), `length` bytes.
Bytes tls12_prf(std::string_view hash, ByteView secret, std::string_view label, ByteView seed,
                std::size_t length);

struct DirectionKeys {
  Bytes mac_key;  // CBC only
  Bytes key;
  Bytes iv;  // TLS 1.3: the per-connection IV; TLS 1.2: the implicit nonce part (none for CBC)
};

// RFC 8446 7.3: [sender]_write_key and _iv from a traffic secret.
DirectionKeys tls13_keys(const SuiteParameters& suite, ByteView traffic_secret);
// RFC 8446 7.2: application_traffic_secret_N+1 after a KeyUpdate.
Bytes tls13_next_secret(const SuiteParameters& suite, ByteView traffic_secret);

// RFC 5246 6.3: the key block "key expansion" from the master secret and server_random +
// client_random, cut into the client's and the server's keys.
struct KeyBlock {
  DirectionKeys client, server;
};
KeyBlock tls12_key_block(const SuiteParameters& suite, ByteView master_secret,
                         ByteView client_random, ByteView server_random);

struct OpenResult {
  bool ok = false;
  std::uint8_t content_type = 0;  // TLS 1.3: the inner type (RFC 8446 5.2); TLS 1.2: the header's
  Bytes plaintext;                // TLS 1.3: without the type byte and the zero padding
  std::string error;  // when not ok: "authentication tag does not match (wrong key log?)"
};

// One direction's records under one key. Every record counts, opened or not: the sender's
// sequence number went up for each record it sent, so a record that fails does not shift the
// nonces of the ones after it.
class RecordOpener {
 public:
  RecordOpener(SuiteParameters suite, DirectionKeys keys);
  // `record`: the 5-byte header and the fragment, as on the wire.
  OpenResult open(ByteView record);
  std::uint64_t sequence() const { return sequence_; }  // of the next record
  const SuiteParameters& suite() const { return suite_; }

 private:
  OpenResult open_tls13(ByteView header, ByteView fragment) const;
  OpenResult open_tls12_aead(ByteView header, ByteView fragment) const;
  OpenResult open_tls12_cbc(ByteView header, ByteView fragment) const;

  SuiteParameters suite_;
  DirectionKeys keys_;
  std::uint64_t sequence_ = 0;
};

}  // namespace tlsclub::capture
