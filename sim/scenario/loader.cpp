// Scenario files, format 1: the top level and [scenario]; the cast is read in loader_cast.cpp,
// the references checked in loader_references.cpp.
#include "scenario/loader.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "scenario/loader_internal.h"

namespace tlsclub {

namespace {

using loader::Errors;
using loader::Section;

using loader::kScenarioKeys;
using loader::kTopKeys;
constexpr std::array<std::string_view, 3> kLevels{"beginner", "intermediate", "advanced"};
constexpr std::array<std::string_view, 2> kVersions{"1.2", "1.3"};
constexpr std::string_view kDefaultClock = "2026-03-01T12:00:00Z";

TlsVersion version_at(std::size_t index) {
  return index == 0 ? TlsVersion::tls12 : TlsVersion::tls13;
}

// "1.3", "1.2" or ["1.2", "1.3"] (lowest, highest).
void read_tls(const Section& s, ScenarioSpec& spec) {
  const toml::node* n = s.node("tls");
  if (n == nullptr) return;
  if (n->is_string()) {
    if (auto v = loader::pick(s, "tls", kVersions))
      spec.min_version = spec.max_version = version_at(*v);
    return;
  }
  const auto* array = n->as_array();
  if (array == nullptr || array->size() != 2) {
    s.errors().add(
        loader::where_of(*n), ErrorId::wrong_type,
        "`tls` must be a string (\"1.3\") or an array of two ([\"1.2\", \"1.3\"]), not " +
            std::string(loader::type_name(*n)),
        array ? "give the lowest and the highest version" : "");
    return;
  }
  const auto versions = s.strings("tls");
  if (!versions) return;
  std::array<std::size_t, 2> picked{};
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& item = (*versions)[i];
    if (!loader::check_name(s.errors(), item.where, "tls", item.value, kVersions)) return;
    picked[i] = item.value == "1.2" ? 0 : 1;
  }
  if (picked[0] > picked[1]) {
    s.errors().add(loader::where_of(*n), ErrorId::bad_value,
                   "`tls` lists the highest version first", "write [\"1.2\", \"1.3\"]");
    return;
  }
  spec.min_version = version_at(picked[0]);
  spec.max_version = version_at(picked[1]);
}

void read_scenario(const toml::table& root, ScenarioSpec& spec, Errors& errors) {
  spec.now = *parse_time(kDefaultClock);
  const toml::table* table = loader::required_table(
      root, "scenario", "", "add [scenario] with at least `title = \"...\"`", errors);
  if (table == nullptr) return;
  const Section s(*table, "scenario", kScenarioKeys, errors);
  if (auto v = s.string("title", true)) spec.title = *v;
  if (auto v = s.string("summary")) spec.summary = *v;
  if (auto v = s.string("lesson")) spec.lesson = *v;
  if (auto v = loader::pick(s, "level", kLevels)) spec.level = std::string(kLevels[*v]);
  read_tls(s, spec);
  if (auto v = s.integer("seed")) {
    if (*v < 0)
      errors.add(s.where("seed"), ErrorId::bad_value, "`seed` must not be negative", {});
    else
      spec.seed = static_cast<std::uint64_t>(*v);
  }
  if (s.has("clock")) {
    if (auto t = loader::time_at(s, "clock", spec.now)) {
      if (s.node("clock")->is_string() && !parse_time(s.node("clock")->as_string()->get()))
        errors.add(s.where("clock"), ErrorId::bad_date, "`clock` must be a date, not an offset",
                   "use \"2026-03-01T20:00:00Z\" or \"2026-03-01\"");
      else if (*t > loader::kLastClock)
        errors.add(s.where("clock"), ErrorId::bad_date,
                   "`clock` is after " + format_time(loader::kLastClock) +
                       ", the last moment the TLS library can tell",
                   "Botan counts time in nanoseconds since 1970; certificates may still run to "
                   "9999, but the scenario's \"now\" must come before 2262-04-11");
      else
        spec.now = *t;
    }
  }
  if (auto v = s.boolean("middlebox_compatibility")) spec.middlebox_compatibility = *v;
}

// `format = 1` first: a file of another version is not read any further.
bool read_format(const toml::table& root, Errors& errors) {
  const toml::node* n = root.get("format");
  if (n == nullptr) {
    errors.add({1, 1}, ErrorId::missing_key, "the file needs `format = 1` at the top",
               "the first line of a scenario file is `format = 1`");
    return false;
  }
  const auto* v = n->as_integer();
  if (v == nullptr || v->get() != kScenarioFormat) {
    errors.add(loader::where_of(*n), ErrorId::unsupported_format, "unsupported format version",
               "this tlsclub reads `format = 1`");
    return false;
  }
  return true;
}

LoadResult load_table(const toml::table& root, std::string_view file_name, Errors& errors) {
  const Section top(root, "", kTopKeys, errors);  // "" names the top level
  if (!read_format(root, errors)) return errors.take();
  ScenarioSpec spec;
  spec.source = std::string(file_name);
  read_scenario(root, spec, errors);
  loader::Places places;
  loader::read_authorities(root, spec, places, errors);
  loader::read_server(root, spec, places, errors);
  loader::read_members(root, spec, places, errors);
  loader::read_faults(root, spec, errors);
  loader::read_narration(root, spec, errors);
  loader::check_references(spec, places, errors);
  if (!errors.empty()) return errors.take();
  return spec;
}

}  // namespace

LoadResult load_scenario(std::string_view text, std::string_view file_name) {
  Errors errors{std::string(file_name)};
  try {
    loader::Where plane15;
    const auto shielded = loader::shield(text, plane15);
    if (!shielded) {
      errors.add(plane15, ErrorId::syntax,
                 "characters of Unicode plane 15 (private use) are not supported", "remove them");
      return errors.take();
    }
    toml::table root;
    try {
      root = toml::parse(*shielded, file_name);
    } catch (const toml::parse_error& e) {
      errors.add(loader::where_of(e.source()), ErrorId::syntax, std::string(e.description()),
                 "see docs/scenario-format.md and https://toml.io");
      return errors.take();
    }
    return load_table(root, file_name, errors);
  } catch (const std::exception& e) {
    // Not expected (the loader checks everything it reads); still never an exception to the user.
    errors.add({0, 0}, ErrorId::internal, std::string("the loader failed: ") + e.what(),
               "please report this file");
    return errors.take();
  }
}

LoadResult load_scenario_file(const std::filesystem::path& path) {
  std::error_code ec;
  std::ifstream in;
  if (std::filesystem::is_regular_file(path, ec)) in.open(path, std::ios::binary);
  std::ostringstream text;
  if (in.is_open()) text << in.rdbuf();
  if (!in.is_open() || in.bad()) {
    Errors errors{path.string()};
    errors.add({0, 0}, ErrorId::unreadable_file, "cannot read the file",
               "check that it exists and is a readable file");
    return errors.take();
  }
  return load_scenario(text.str(), path.string());
}

std::vector<std::filesystem::path> scenario_files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace tlsclub
