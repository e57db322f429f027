#pragma once
// How doctest prints the engine's enums and optionals: by name, so a failing CHECK says
// `server == client` rather than `1 == 0`. doctest (2.4.9 on) turns every enum into its number
// before it asks a StringMaker, so the enums get `toString` overloads beside them, which doctest's
// unqualified call finds by argument-dependent lookup; the optional is a StringMaker.
//
// Every test file that compares one of these includes this header (through timeline_helpers.h or
// directly): one that compared them without it would print numbers, and the linker may keep that
// file's printer for every file.

#include <doctest/doctest.h>

#include <optional>
#include <string_view>

#include "core/side.h"
#include "core/tls_codes.h"
#include "decode/handshake_decoder.h"
#include "load/error_ids.h"
#include "scenario/question_kind.h"
#include "timeline/protection.h"
#include "timeline/timeline.h"
#include "wire/fault.h"

namespace tlsclub {

// Not tlsclub::test: the app's tests have a tlsclub::gui::test, and use both namespaces.
namespace printing {

inline doctest::String named(std::string_view name) {
  return {name.data(), static_cast<doctest::String::size_type>(name.size())};
}

}  // namespace printing

// The engine's own name for each, where it has one.
inline doctest::String toString(Side value) {
  return printing::named(to_string(value));
}
inline doctest::String toString(TlsVersion value) {
  return value == TlsVersion::tls12 ? "TLS 1.2" : "TLS 1.3";
}
inline doctest::String toString(ContentType value) {
  return printing::named(content_type_name(code(value)));
}
inline doctest::String toString(HandshakeType value) {
  return printing::named(handshake_type_name(code(value)));
}
inline doctest::String toString(WireFault::Action value) {
  return printing::named(to_string(value));
}
inline doctest::String toString(QuestionKind value) {
  return printing::named(to_string(value));
}
inline doctest::String toString(ErrorId value) {
  return printing::named(to_string(value));
}
inline doctest::String toString(Outcome value) {
  return printing::named(to_string(value));
}
inline doctest::String toString(Protection value) {
  return printing::named(short_label(value));
}
// "protection.handshake_traffic": the catalogue key names the keys.
inline doctest::String toString(Keys value) {
  return printing::named(explain_key(value));
}

}  // namespace tlsclub

namespace doctest {

// An optional (a connection's `refused_by`, ...) prints its value, or `nullopt`.
template <class T>
struct StringMaker<std::optional<T>> {
  static String convert(const std::optional<T>& value) {
    return value ? toString(*value) : String("nullopt");
  }
};

}  // namespace doctest
