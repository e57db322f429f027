#pragma once
// Values read from a loader file's text: strings a terminal may print, and names out of a fixed
// list (enums). Each reports its own error (bad-value, bad-enum) and says it did.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "load/errors.h"
#include "load/section.h"

namespace tlsclub::load {

// False, with a located bad-value, for text with a control character (C0, DEL, C1); `prose` lets
// line breaks and tabs through. Printed raw, such a character would drive the terminal.
bool printable(Errors& errors, Where where, std::string_view what, const std::string& value,
               bool prose);
// One of `allowed`; otherwise bad-enum listing them (with a did-you-mean).
std::optional<std::size_t> pick(const Section& s, std::string_view key,
                                std::span<const std::string_view> allowed, bool required = false);
// The same for a value already read (an array item).
bool check_name(Errors& errors, Where where, std::string_view what, std::string_view value,
                std::span<const std::string_view> allowed);

}  // namespace tlsclub::load
