#pragma once
// The words of loader hints: the name a typo probably meant, and a list of the names allowed.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace tlsclub::load {

std::size_t edit_distance(std::string_view a, std::string_view b);
// "did you mean `issuer`?" when a candidate is within edit distance 2, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
// "a, b or c"
std::string join_names(std::span<const std::string_view> names);

}  // namespace tlsclub::load
