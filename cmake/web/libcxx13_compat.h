// Force-included (-include) into every C++ unit of the web build, Botan's and ours; the native
// build never sees it. It fills the gaps of Debian 12's emscripten (3.1.6), whose libc++ is 13:
// older than the C++20 library pieces Botan 3 and TLS Club use. Each piece is declared only for
// libc++ older than the version that has it, so with a newer emscripten this file is a no-op.
//
// 1. std::three_way_comparable ([cmp.concept], libc++ 14). Botan's botan/strong_type.h requires
//    it: without it no unit that includes Botan compiles. Written as the standard words it, with
//    its two exposition-only helpers (compares-as, partially-ordered-with) spelled out.
// 2. std::from_chars for float and double ([charconv.from.chars], libc++ 17). The settings file
//    (gui/state/settings.cpp) reads its sizes and speeds with it. Done with strtof/strtod on a
//    copy of the text, after refusing what from_chars refuses and strtod would take (leading
//    white space, a '+'); like strtod it also reads hex floats, which the settings never hold.
//
// Adding to namespace std is otherwise off limits; here it fills gaps in one library version,
// where nothing else declares these names.
#pragma once

#if defined(__cplusplus) && __cplusplus >= 202002L
#include <compare>  // defines _LIBCPP_VERSION when the library is libc++

#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 14000
#include <cerrno>
#include <charconv>
#include <concepts>
#include <cstdlib>
#include <string>
#include <type_traits>

_LIBCPP_BEGIN_NAMESPACE_STD

namespace tlsclub_compat {
// [cmp.concept] compares-as: T's comparison category converts to Cat.
template <class T, class Cat>
concept compares_as = same_as<common_comparison_category_t<T, Cat>, Cat>;

// [cmp.concept] partially-ordered-with: the four relational operators, both ways round, give
// something usable as bool.
template <class T, class U>
concept partially_ordered_with = requires(const remove_reference_t<T>& t,
                                          const remove_reference_t<U>& u) {
  { t < u } -> __boolean_testable;
  { t > u } -> __boolean_testable;
  { t <= u } -> __boolean_testable;
  { t >= u } -> __boolean_testable;
  { u < t } -> __boolean_testable;
  { u > t } -> __boolean_testable;
  { u <= t } -> __boolean_testable;
  { u >= t } -> __boolean_testable;
};

template <class T>
from_chars_result from_chars_floating(const char* first, const char* last, T& value) {
  if (first == last || *first == '+' || *first == ' ' || (*first >= '\t' && *first <= '\r'))
    return {first, errc::invalid_argument};
  const string text(first, last);
  char* end = nullptr;
  errno = 0;
  T parsed{};
  if constexpr (is_same_v<T, float>)
    parsed = strtof(text.c_str(), &end);
  else
    parsed = strtod(text.c_str(), &end);
  if (end == text.c_str()) return {first, errc::invalid_argument};
  const char* const stop = first + (end - text.c_str());
  if (errno == ERANGE) return {stop, errc::result_out_of_range};
  value = parsed;
  return {stop, errc{}};
}
}  // namespace tlsclub_compat

template <class T, class Cat = partial_ordering>
concept three_way_comparable = __weakly_equality_comparable_with<T, T> &&
    tlsclub_compat::partially_ordered_with<T, T> &&
    requires(const remove_reference_t<T>& a, const remove_reference_t<T>& b) {
  { a <=> b } -> tlsclub_compat::compares_as<Cat>;
};

inline from_chars_result from_chars(const char* first, const char* last, float& value) {
  return tlsclub_compat::from_chars_floating(first, last, value);
}
inline from_chars_result from_chars(const char* first, const char* last, double& value) {
  return tlsclub_compat::from_chars_floating(first, last, value);
}

_LIBCPP_END_NAMESPACE_STD
#endif
#endif
