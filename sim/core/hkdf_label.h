#pragma once
// RFC 8446 7.1: HKDF-Expand-Label(Secret, Label, Context, Length), "tls13 " prefixed to Label.
// One definition for the engine's own record protection (sim/wire) and for opening captured
// records with a key log (sim/capture).

#include <cstddef>
#include <string_view>

#include "core/bytes.h"

namespace tlsclub {

// `hash` in Botan's spelling: "SHA-256", "SHA-384".
Bytes hkdf_expand_label(std::string_view hash, ByteView secret, std::string_view label,
                        ByteView context, std::size_t length);

}  // namespace tlsclub
