#include "capture/record_opener.h"

#include <botan/aead.h>
#include <botan/cipher_mode.h>
#include <botan/exceptn.h>
#include <botan/kdf.h>
#include <botan/mac.h>

#include <algorithm>
#include <array>
#include <utility>

#include "decode/handshake_decoder.h"

namespace tlsclub::capture {

namespace {

constexpr std::size_t kHeader = 5;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

struct Bulk {
  std::string_view iana;  // the cipher part of the IANA name
  BulkCipher cipher;
  std::string_view botan;
  std::size_t key_length, tls12_iv_length, tag_length;
};

// The cipher part of a suite name, after "TLS_" (1.3) or "_WITH_" (1.2) and before the hash.
// TLS 1.2 AEAD suites carry a 4-byte implicit nonce (RFC 5288 3, RFC 6655 3) or, for
// ChaCha20-Poly1305, a 12-byte IV (RFC 7905 2); CBC keeps its IV in each record (RFC 5246 6.3).
constexpr std::array<Bulk, 9> kBulk{{
    {"AES_128_GCM", BulkCipher::aead, "AES-128/GCM", 16, 4, 16},
    {"AES_256_GCM", BulkCipher::aead, "AES-256/GCM", 32, 4, 16},
    {"CHACHA20_POLY1305", BulkCipher::aead, "ChaCha20Poly1305", 32, 12, 16},
    // CCM(tag, L): L = 3 makes Botan take the 12-byte nonce TLS uses (RFC 6655 3).
    {"AES_128_CCM", BulkCipher::aead, "AES-128/CCM(16,3)", 16, 4, 16},
    {"AES_256_CCM", BulkCipher::aead, "AES-256/CCM(16,3)", 32, 4, 16},
    {"AES_128_CCM_8", BulkCipher::aead, "AES-128/CCM(8,3)", 16, 4, 8},
    {"AES_256_CCM_8", BulkCipher::aead, "AES-256/CCM(8,3)", 32, 4, 8},
    {"AES_128_CBC", BulkCipher::cbc, "AES-128/CBC/NoPadding", 16, 0, 0},
    {"AES_256_CBC", BulkCipher::cbc, "AES-256/CBC/NoPadding", 32, 0, 0},
}};

void put_u64(Bytes& out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

// RFC 5246 6.2.3.1 / 6.2.3.3: seq_num + TLSCompressed.type + .version + .length.
Bytes tls12_additional_data(std::uint64_t sequence, ByteView header, std::size_t length) {
  Bytes ad;
  put_u64(ad, sequence);
  ad.insert(ad.end(), header.begin(), header.begin() + 3);
  ad.push_back(static_cast<std::uint8_t>(length >> 8));
  ad.push_back(static_cast<std::uint8_t>(length));
  return ad;
}

// RFC 8446 5.3 (and RFC 7905 2 for TLS 1.2 ChaCha20-Poly1305): the 64-bit sequence number,
// left-padded to the IV's length, XORed into the IV.
Bytes xor_nonce(const Bytes& iv, std::uint64_t sequence) {
  Bytes nonce = iv;
  for (std::size_t i = 0; i < 8 && i < nonce.size(); ++i)
    nonce[nonce.size() - 1 - i] ^= static_cast<std::uint8_t>(sequence >> (8 * i));
  return nonce;
}

OpenResult failure(std::string error) {
  OpenResult r;
  r.error = std::move(error);
  return r;
}

constexpr const char* kTagMismatch = "authentication tag does not match (wrong key log?)";

// Decrypts `ciphertext` in place; false when the tag does not match.
bool aead_open(const SuiteParameters& suite, const Bytes& key, ByteView nonce, ByteView ad,
               Botan::secure_vector<std::uint8_t>& buffer) {
  auto aead = Botan::AEAD_Mode::create_or_throw(suite.botan_mode, Botan::Cipher_Dir::Decryption);
  aead->set_key(key);
  aead->set_associated_data(ad);
  aead->start(nonce);
  try {
    aead->finish(buffer);
  } catch (const Botan::Invalid_Authentication_Tag&) {
    return false;
  }
  return true;
}

}  // namespace

SuiteParameters suite_parameters(std::uint16_t suite) {
  SuiteParameters p;
  p.code = suite;
  p.name = cipher_suite_name(suite);
  p.tls13 = (suite >> 8) == 0x13;
  if (!starts_with(p.name, "TLS_")) {
    p.unsupported = "an unknown cipher suite (" + p.name + ")";
    return p;
  }
  std::string_view rest(p.name);
  const auto with = rest.find("_WITH_");
  rest = with == std::string_view::npos ? rest.substr(4) : rest.substr(with + 6);
  // The hash comes last: SHA (HMAC-SHA1, for CBC), SHA256, SHA384; TLS 1.2 CCM names have none
  // and use SHA-256 for the PRF (RFC 6655 3).
  std::string_view suffix;
  if (const auto last = rest.rfind('_');
      last != std::string_view::npos && starts_with(rest.substr(last + 1), "SHA")) {
    suffix = rest.substr(last + 1);
    rest = rest.substr(0, last);
  }
  p.hash = suffix == "SHA384" ? "SHA-384" : "SHA-256";
  const auto bulk =
      std::find_if(kBulk.begin(), kBulk.end(), [&](const Bulk& b) { return b.iana == rest; });
  if (bulk == kBulk.end()) {
    p.unsupported = p.name +
                    ": its cipher is not one this reader opens (AES-GCM, AES-CCM, "
                    "ChaCha20-Poly1305, AES-CBC)";
    return p;
  }
  p.cipher = bulk->cipher;
  p.botan_mode = bulk->botan;
  p.key_length = bulk->key_length;
  p.iv_length = p.tls13 ? 12 : bulk->tls12_iv_length;  // RFC 8446 5.3: iv_length is 12
  p.tag_length = bulk->tag_length;
  if (p.cipher == BulkCipher::cbc) {
    // RFC 5246 6.2.3.2 / RFC 5289: the suffix names the HMAC hash; TLS 1.2's PRF is SHA-256
    // unless the suite says SHA384.
    p.mac = suffix == "SHA" ? "SHA-1" : suffix == "SHA384" ? "SHA-384" : "SHA-256";
    p.mac_length = suffix == "SHA" ? 20 : suffix == "SHA384" ? 48 : 32;
  }
  if (!Botan::Cipher_Mode::create(p.botan_mode, Botan::Cipher_Dir::Decryption)) {
    p.unsupported = p.name + ": this build's Botan has no " + p.botan_mode +
                    " (its module is not in scripts/bootstrap.sh)";
  }
  return p;
}

Bytes tls12_prf(std::string_view hash, ByteView secret, std::string_view label, ByteView seed,
                std::size_t length) {
  // Botan's TLS-12-PRF hashes label || salt, so the seed goes in as the salt.
  const auto kdf = Botan::KDF::create_or_throw("TLS-12-PRF(" + std::string(hash) + ")");
  const ByteView label_bytes(reinterpret_cast<const std::uint8_t*>(label.data()), label.size());
  return kdf->derive_key<Bytes>(length, secret, seed, label_bytes);
}

DirectionKeys tls13_keys(const SuiteParameters& suite, ByteView traffic_secret) {
  DirectionKeys k;
  k.key = hkdf_expand_label(suite.hash, traffic_secret, "key", {}, suite.key_length);
  k.iv = hkdf_expand_label(suite.hash, traffic_secret, "iv", {}, suite.iv_length);
  return k;
}

Bytes tls13_next_secret(const SuiteParameters& suite, ByteView traffic_secret) {
  return hkdf_expand_label(suite.hash, traffic_secret, "traffic upd", {}, traffic_secret.size());
}

KeyBlock tls12_key_block(const SuiteParameters& suite, ByteView master_secret,
                         ByteView client_random, ByteView server_random) {
  Bytes seed(server_random.begin(), server_random.end());
  seed.insert(seed.end(), client_random.begin(), client_random.end());
  const std::size_t size = 2 * (suite.mac_length + suite.key_length + suite.iv_length);
  const Bytes block = tls12_prf(suite.hash, master_secret, "key expansion", seed, size);
  std::size_t at = 0;
  const auto take = [&](std::size_t n) {
    Bytes out(block.begin() + static_cast<std::ptrdiff_t>(at),
              block.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
    return out;
  };
  KeyBlock k;
  k.client.mac_key = take(suite.mac_length);
  k.server.mac_key = take(suite.mac_length);
  k.client.key = take(suite.key_length);
  k.server.key = take(suite.key_length);
  k.client.iv = take(suite.iv_length);
  k.server.iv = take(suite.iv_length);
  return k;
}

RecordOpener::RecordOpener(SuiteParameters suite, DirectionKeys keys)
    : suite_(std::move(suite)), keys_(std::move(keys)) {}

OpenResult RecordOpener::open(ByteView record) {
  if (record.size() < kHeader) return failure("not a whole record header");
  const ByteView header = record.first(kHeader), fragment = record.subspan(kHeader);
  OpenResult r;
  if (!suite_.unsupported.empty())
    r = failure("not supported: " + suite_.unsupported);
  else if (suite_.tls13)
    r = open_tls13(header, fragment);
  else if (suite_.cipher == BulkCipher::cbc)
    r = open_tls12_cbc(header, fragment);
  else
    r = open_tls12_aead(header, fragment);
  ++sequence_;
  return r;
}

// RFC 8446 5.2: the AAD is the record header; the plaintext is content, type, zero padding.
OpenResult RecordOpener::open_tls13(ByteView header, ByteView fragment) const {
  if (fragment.size() < suite_.tag_length + 1)
    return failure("too short: " + std::to_string(fragment.size()) +
                   " bytes cannot hold a content type and a " + std::to_string(suite_.tag_length) +
                   "-byte tag");
  Botan::secure_vector<std::uint8_t> buffer(fragment.begin(), fragment.end());
  if (!aead_open(suite_, keys_.key, xor_nonce(keys_.iv, sequence_), header, buffer))
    return failure(kTagMismatch);
  std::size_t end = buffer.size();
  while (end > 0 && buffer[end - 1] == 0) --end;
  if (end == 0) return failure("the plaintext is all zeros: no content type (RFC 8446 5.4)");
  OpenResult r;
  r.ok = true;
  r.content_type = buffer[end - 1];
  r.plaintext.assign(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(end - 1));
  return r;
}

// RFC 5288 3 (GCM), RFC 6655 3 (CCM): an 8-byte explicit nonce opens the fragment, after the
// 4-byte implicit salt; RFC 7905 2 (ChaCha20-Poly1305): no explicit part, the IV XOR the
// sequence number. The AAD carries the plaintext's length.
OpenResult RecordOpener::open_tls12_aead(ByteView header, ByteView fragment) const {
  const bool explicit_nonce = suite_.iv_length == 4;
  const std::size_t overhead = (explicit_nonce ? 8 : 0) + suite_.tag_length;
  if (fragment.size() < overhead)
    return failure("too short: " + std::to_string(fragment.size()) + " bytes cannot hold " +
                   (explicit_nonce ? "an 8-byte explicit nonce and " : "") + "a " +
                   std::to_string(suite_.tag_length) + "-byte tag");
  Bytes nonce;
  if (explicit_nonce) {
    nonce = keys_.iv;
    nonce.insert(nonce.end(), fragment.begin(), fragment.begin() + 8);
    fragment = fragment.subspan(8);
  } else {
    nonce = xor_nonce(keys_.iv, sequence_);
  }
  const Bytes ad = tls12_additional_data(sequence_, header, fragment.size() - suite_.tag_length);
  Botan::secure_vector<std::uint8_t> buffer(fragment.begin(), fragment.end());
  if (!aead_open(suite_, keys_.key, nonce, ad, buffer)) return failure(kTagMismatch);
  OpenResult r;
  r.ok = true;
  r.content_type = header[0];
  r.plaintext.assign(buffer.begin(), buffer.end());
  return r;
}

// RFC 5246 6.2.3.2: IV, then content + MAC + padding, encrypted (MAC-then-encrypt). The padding
// bytes all hold the padding length; the MAC covers seq_num, type, version, length and content.
OpenResult RecordOpener::open_tls12_cbc(ByteView header, ByteView fragment) const {
  constexpr std::size_t kBlock = 16;
  if (fragment.size() % kBlock != 0 || fragment.size() < 2 * kBlock ||
      fragment.size() < kBlock + suite_.mac_length + 1)
    return failure("a " + std::to_string(fragment.size()) +
                   "-byte fragment is not an IV and whole AES blocks holding a MAC");
  auto mode = Botan::Cipher_Mode::create_or_throw(suite_.botan_mode, Botan::Cipher_Dir::Decryption);
  mode->set_key(keys_.key);
  mode->start(fragment.first(kBlock));
  Botan::secure_vector<std::uint8_t> buffer(fragment.begin() + kBlock, fragment.end());
  mode->finish(buffer);
  const std::size_t padding = buffer.back();
  if (padding + 1 + suite_.mac_length > buffer.size() ||
      !std::all_of(buffer.end() - static_cast<std::ptrdiff_t>(padding + 1), buffer.end(),
                   [&](std::uint8_t b) { return b == padding; }))
    return failure("the CBC padding is malformed (wrong key log?)");
  const std::size_t content = buffer.size() - padding - 1 - suite_.mac_length;
  auto hmac = Botan::MessageAuthenticationCode::create_or_throw("HMAC(" + suite_.mac + ")");
  hmac->set_key(keys_.mac_key);
  hmac->update(tls12_additional_data(sequence_, header, content));
  hmac->update(buffer.data(), content);
  const auto mac = hmac->final();
  if (!std::equal(mac.begin(), mac.end(), buffer.begin() + static_cast<std::ptrdiff_t>(content)))
    return failure("the MAC does not match (wrong key log?)");
  OpenResult r;
  r.ok = true;
  r.content_type = header[0];
  r.plaintext.assign(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(content));
  return r;
}

}  // namespace tlsclub::capture
