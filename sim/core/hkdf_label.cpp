#include "core/hkdf_label.h"

#include <botan/kdf.h>

#include <string>

namespace tlsclub {

Bytes hkdf_expand_label(std::string_view hash, ByteView secret, std::string_view label,
                        ByteView context, std::size_t length) {
  // struct { uint16 length; opaque label<7..255> = "tls13 " + Label; opaque context<0..255>; }
  const std::string full_label = "tls13 " + std::string(label);
  Bytes info{static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length),
             static_cast<std::uint8_t>(full_label.size())};
  info.insert(info.end(), full_label.begin(), full_label.end());
  info.push_back(static_cast<std::uint8_t>(context.size()));
  info.insert(info.end(), context.begin(), context.end());
  // Botan's HKDF-Expand takes the info as its label (RFC 5869 2.3).
  const auto kdf = Botan::KDF::create_or_throw("HKDF-Expand(" + std::string(hash) + ")");
  return kdf->derive_key<Bytes>(length, secret, ByteView{}, info);
}

}  // namespace tlsclub
