// find_explanation: one sorted index over every category, built on first use. The entries stay in
// their constexpr arrays; the index holds pointers to them. A wire value the decoder has no name
// for ("message.unknown_77", "alert.unknown_alert_200") is explained by its category's
// "<category>.unknown" entry, so no value a peer or a fault can put on the wire goes unexplained.

#include "explain/catalogue.h"

#include <algorithm>
#include <array>
#include <vector>

namespace tlsclub {
namespace {

using CategoryFn = std::span<const Explanation> (*)();

constexpr std::array<CategoryFn, 7> kCategories = {
    message_explanations, extension_explanations, field_explanations, check_explanations,
    alert_explanations,   secret_explanations,    event_explanations,
};

std::vector<const Explanation*> build_index() {
  std::vector<const Explanation*> index;
  for (CategoryFn category : kCategories) {
    for (const Explanation& entry : category()) index.push_back(&entry);
  }
  // Stable, so a duplicated key (which the tests forbid) resolves to the earliest category.
  std::stable_sort(index.begin(), index.end(),
                   [](const Explanation* a, const Explanation* b) { return a->key < b->key; });
  return index;
}

const Explanation* find_exact(std::string_view key) {
  static const std::vector<const Explanation*> index = build_index();
  auto it = std::lower_bound(index.begin(), index.end(), key,
                             [](const Explanation* e, std::string_view k) { return e->key < k; });
  if (it == index.end() || (*it)->key != key) return nullptr;
  return *it;
}

}  // namespace

const Explanation* find_explanation(std::string_view key) {
  if (const Explanation* e = find_exact(key)) return e;
  // "message.unknown_77" -> "message.unknown" (the decoder's names for unnamed values).
  const std::size_t dot = key.find('.');
  if (dot == std::string_view::npos || !key.substr(dot + 1).starts_with("unknown_")) return nullptr;
  const std::size_t end = dot + 1 + std::string_view("unknown").size();
  return find_exact(key.substr(0, end));
}

}  // namespace tlsclub
