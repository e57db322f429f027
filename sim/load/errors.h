#pragma once
// Where loader errors go: every error of one file, each at its place in the file. The scenario
// and lesson loaders both collect into an Errors and hand the list back sorted.

#include <toml++/toml.h>

#include <string>
#include <vector>

#include "load/error_ids.h"
#include "load/load_error.h"

namespace tlsclub::load {

// A place in the file (1-based; 0 when unknown).
struct Where {
  int line = 0;
  int column = 0;
};
Where where_of(const toml::source_region& region);
inline Where where_of(const toml::node& node) {
  return where_of(node.source());
}

// Every error of one file, in the order found; sorted by place at the end.
class Errors {
 public:
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void add(Where where, ErrorId id, std::string message, std::string hint = {});
  bool empty() const { return list_.empty(); }
  std::vector<LoadError> take();

 private:
  std::string file_;
  std::vector<LoadError> list_;
};

}  // namespace tlsclub::load
