#pragma once
// std::visit with one lambda per alternative.

namespace tlsclub {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace tlsclub
