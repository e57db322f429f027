#include "load/errors.h"

#include <algorithm>
#include <utility>

namespace tlsclub::load {

Where where_of(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

void Errors::add(Where where, ErrorId id, std::string message, std::string hint) {
  list_.push_back({file_, where.line, where.column, std::string(to_string(id)), std::move(message),
                   std::move(hint)});
}

std::vector<LoadError> Errors::take() {
  // Stable: two errors at one place keep the order they were found in.
  std::stable_sort(list_.begin(), list_.end(), [](const LoadError& a, const LoadError& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return std::move(list_);
}

}  // namespace tlsclub::load
