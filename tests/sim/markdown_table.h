#pragma once
// The cells of one row of a Markdown table, for the tests that hold docs/ to the code's tables.

#include <string>
#include <vector>

namespace tlsclub::test {

// "| `a` | b |" -> {"`a`", "b"}: each cell between two pipes, spaces trimmed.
inline std::vector<std::string> table_cells(const std::string& row) {
  std::vector<std::string> out;
  std::size_t start = row.find('|');
  while (start != std::string::npos) {
    const auto end = row.find('|', start + 1);
    if (end == std::string::npos) break;
    auto cell = row.substr(start + 1, end - start - 1);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    out.push_back(cell);
    start = end;
  }
  return out;
}

}  // namespace tlsclub::test
