#include "wire/record_protection.h"

#include <botan/aead.h>

#include "wire/record.h"

namespace tlsclub {

std::optional<Tls13RecordOpener> Tls13RecordOpener::create(std::uint16_t suite, ByteView secret) {
  Tls13RecordOpener o;
  std::string hash;
  std::size_t key_length = 0;
  switch (suite) {
    case 0x1301:
      o.aead_ = "AES-128/GCM", hash = "SHA-256", key_length = 16;
      break;
    case 0x1302:
      o.aead_ = "AES-256/GCM", hash = "SHA-384", key_length = 32;
      break;
    case 0x1303:
      o.aead_ = "ChaCha20Poly1305", hash = "SHA-256", key_length = 32;
      break;
    default:
      return std::nullopt;
  }
  o.key_ = hkdf_expand_label(hash, secret, "key", {}, key_length);
  o.iv_ = hkdf_expand_label(hash, secret, "iv", {}, 12);
  return o;
}

std::optional<OpenedRecord> Tls13RecordOpener::open(ByteView record, std::uint64_t sequence) const {
  const auto view = peek_record(record);
  if (!view || view->fragment.size() < 17) return std::nullopt;
  Bytes nonce = iv_;
  for (int i = 0; i < 8; ++i)
    nonce[nonce.size() - 1 - static_cast<std::size_t>(i)] ^=
        static_cast<std::uint8_t>(sequence >> (8 * i));
  auto aead = Botan::AEAD_Mode::create_or_throw(aead_, Botan::Cipher_Dir::Decryption);
  aead->set_key(key_);
  aead->set_associated_data(record.first(kRecordHeaderSize));
  aead->start(nonce);
  Botan::secure_vector<std::uint8_t> buffer(view->fragment.begin(), view->fragment.end());
  try {
    aead->finish(buffer);
  } catch (const Botan::Invalid_Authentication_Tag&) {
    return std::nullopt;
  }
  // Strip the zero padding; the last non-zero byte is the real content type.
  std::size_t end = buffer.size();
  while (end > 0 && buffer[end - 1] == 0) --end;
  if (end == 0) return std::nullopt;
  return OpenedRecord{buffer[end - 1],
                      Bytes(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(end - 1))};
}

}  // namespace tlsclub
