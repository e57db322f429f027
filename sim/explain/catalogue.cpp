// find_explanation: one sorted index over every category, built on first use. The entries stay in
// their constexpr arrays; the index holds pointers to them.

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

}  // namespace

const Explanation* find_explanation(std::string_view key) {
  static const std::vector<const Explanation*> index = build_index();
  auto it = std::lower_bound(index.begin(), index.end(), key,
                             [](const Explanation* e, std::string_view k) { return e->key < k; });
  if (it == index.end() || (*it)->key != key) return nullptr;
  return *it;
}

}  // namespace tlsclub
