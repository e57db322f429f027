// Fuzz target for the handshake decoders. The first input byte picks the context (bit 0: TLS
// 1.2 instead of 1.3, bit 1: sent by the server, bit 2: RSA key exchange); the rest is one
// handshake message. Checks the decoder's promises: no crash, and every field inside its parent.
#include <cstdint>
#include <cstdlib>

#include "decode/handshake_decoder.h"

namespace {

void check_fields(const std::vector<tlsclub::Field>& fields, std::size_t begin, std::size_t end) {
  for (const auto& field : fields) {
    if (field.offset < begin || field.offset + field.length > end) std::abort();
    if (field.explain_key.empty()) std::abort();
    check_fields(field.children, field.offset, field.offset + field.length);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  tlsclub::DecodeContext context;
  context.version = (data[0] & 1) ? tlsclub::TlsVersion::tls12 : tlsclub::TlsVersion::tls13;
  context.from = (data[0] & 2) ? tlsclub::Side::server : tlsclub::Side::client;
  context.rsa_key_exchange = (data[0] & 4) != 0;
  const tlsclub::ByteView message(data + 1, size - 1);
  const auto decoded = tlsclub::decode_handshake_message(message, context);
  check_fields(decoded.fields, 0, message.size());
  if (decoded.bytes.size() != message.size()) std::abort();
  return 0;
}
