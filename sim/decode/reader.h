#pragma once
// Bounded reading for the decoders: a cursor that never leaves its range, and helpers that turn
// what they read into Fields. A helper that runs out of bytes records the first error of the
// message, covers what is left with an "undecoded" field, and tells its caller to stop.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/handshake_decoder.h"

namespace tlsclub::decode_detail {

// State shared by every cursor over one message.
struct Decoder {
  ByteView bytes;  // the whole message, header included
  DecodeContext context;
  std::string error;  // the first error only: later ones are usually its echoes

  void fail(std::string message) {
    if (error.empty()) error = std::move(message);
  }
};

// Reads [pos, end) of the message and never goes past end.
class Cursor {
 public:
  Cursor(Decoder& decoder, std::size_t begin, std::size_t end)
      : decoder_(&decoder), pos_(begin), end_(end) {}

  Decoder& decoder() const { return *decoder_; }
  const DecodeContext& context() const { return decoder_->context; }
  std::size_t pos() const { return pos_; }
  std::size_t end() const { return end_; }
  std::size_t left() const { return end_ - pos_; }
  bool done() const { return pos_ == end_; }
  // The next n bytes; the caller has checked left() >= n.
  ByteView peek(std::size_t n) const { return decoder_->bytes.subspan(pos_, n); }
  void advance(std::size_t n) { pos_ += n; }
  // True when n more bytes are there; otherwise records why `what` cannot be read.
  bool need(std::size_t n, std::string_view what);
  // Big-endian unsigned integer of `width` (1 to 4) bytes; the caller has checked left().
  std::uint32_t number(std::size_t width);

 private:
  Decoder* decoder_;
  std::size_t pos_;
  std::size_t end_;
};

// Value strings.
std::string hex_value(ByteView bytes);   // hex, cut after 32 bytes with "… (N bytes)"
std::string hex16(std::uint16_t value);  // "0x1301"
std::string hex8(std::uint8_t value);    // "0x01"
// "x25519 (0x001d)"; a bare "0x1234" when the name is only the number again.
std::string named16(const std::string& name, std::uint16_t value);
std::string named8(const std::string& name, std::uint8_t value);  // "ocsp (1)"
std::string byte_count(std::size_t n);                            // "1 byte", "32 bytes"
// Children's values joined with ", " when short, else "<count> <noun>".
std::string list_value(const std::vector<Field>& items, std::string_view noun);
// Printable ASCII as is ("h2", "club.example"), anything else as hex.
std::string text_value(ByteView bytes);

// Describers for take_number: wire value -> value string.
std::string describe_version(std::uint32_t value);  // "0x0303 (TLS 1.2)"
std::string describe_group(std::uint32_t value);    // "x25519 (0x001d)"
std::string describe_scheme(std::uint32_t value);   // "ecdsa_secp256r1_sha256 (0x0403)"
std::string describe_suite(std::uint32_t value);    // "TLS_AES_128_GCM_SHA256 (0x1301)"
std::string describe_hex(std::uint32_t value);      // "0x1a2b3c4d"

Field make_field(std::string_view name, std::string value, std::size_t offset, std::size_t length,
                 std::string key = {});

using Describe = std::string (*)(std::uint32_t);

// The rest of c as one "undecoded" field; c ends up done.
void add_undecoded(Cursor& c, std::vector<Field>& out);
// True when c is done; otherwise records "<what>: N unexpected bytes" and covers them.
bool expect_end(Cursor& c, std::vector<Field>& out, std::string_view what);

// An integer field of `width` bytes; value given by `describe` (decimal when null).
std::optional<std::uint32_t> take_number(Cursor& c, std::vector<Field>& out, std::size_t width,
                                         std::string_view name, Describe describe = nullptr);
// Fixed-size opaque bytes (random[32]), shown as hex.
std::optional<ByteView> take_fixed(Cursor& c, std::vector<Field>& out, std::size_t n,
                                   std::string_view name);
// Whatever is left in c as one opaque field (verify_data). Empty input gives an empty field.
ByteView take_rest(Cursor& c, std::vector<Field>& out, std::string_view name);

// A vector with a `prefix`-byte length: its field (covering prefix and content, no value yet)
// and a cursor over the content. c moves past the vector. When it does not fit, records the
// error, covers the rest of c and returns nullopt.
struct Vector {
  Field field;
  Cursor content;
};
std::optional<Vector> open_vector(Cursor& c, std::vector<Field>& out, std::size_t prefix,
                                  std::string_view name);
// An opaque vector, shown as hex; returns its content.
std::optional<ByteView> take_opaque(Cursor& c, std::vector<Field>& out, std::size_t prefix,
                                    std::string_view name);
// A vector of `width`-byte numbers, one child `item` each. False when framing failed.
bool take_number_list(Cursor& c, std::vector<Field>& out, std::size_t prefix, std::string_view name,
                      std::size_t width, std::string_view item, Describe describe,
                      std::string_view noun);

}  // namespace tlsclub::decode_detail
