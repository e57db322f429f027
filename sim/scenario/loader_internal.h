#pragma once
// The scenario loader's inside: the sections of a scenario file and the places of its
// references. The TOML machinery it shares with the lesson loader (Errors, Section, pick, times,
// ...) is the public sim/load module; only loader*.cpp include this (it pulls in toml++, and
// tests/sim/layering_test.cpp checks nothing outside sim/scenario does).

#include <toml++/toml.h>

#include <chrono>
#include <vector>

#include "core/sim_time.h"
#include "load/error_ids.h"
#include "load/errors.h"
#include "load/section.h"
#include "load/suggest.h"
#include "load/times.h"
#include "load/toml_shield.h"
#include "load/values.h"
#include "scenario/format_keys.h"
#include "scenario/format_names.h"
#include "scenario/loader.h"
#include "scenario/table_readers.h"
#include "timeline/check_names.h"

namespace tlsclub::loader {

// The shared machinery by its short names, as the loader's files have always written them.
using load::check_name;
using load::did_you_mean;
using load::Errors;
using load::join_names;
using load::pick;
using load::printable;
using load::required_table;
using load::Section;
using load::shield;
using load::tables_of;
using load::time_at;
using load::time_or;
using load::type_name;
using load::unshield;
using load::Where;
using load::where_of;

// The latest "now" a run can have: a std::chrono::system_clock time_point (what Botan takes)
// counts nanoseconds in 64 bits, so it ends on 11 April 2262.
inline constexpr SimTime kLastClock{std::chrono::seconds{9223372036}};

// Where the references of a scenario were written, for the reference checks.
struct Places {
  std::vector<Where> authority_id, authority_issuer;
  std::vector<std::vector<Section::Item>> crl_revoked;
  Where server_issuer;
  std::vector<Section::Item> server_trusted;
  std::vector<Where> member_name, card_issuer;
  std::vector<std::vector<Section::Item>> member_trusted;
};

// The sections of the file.
void read_authorities(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors);
void read_server(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors);
void read_members(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors);
// After the members: [[fault]], then [[note]] and [[question]].
void read_faults(const toml::table& root, ScenarioSpec& spec, Errors& errors);
void read_narration(const toml::table& root, ScenarioSpec& spec, Errors& errors);
// Dangling references, duplicates, cycles, CRL entries: after every section is read.
void check_references(const ScenarioSpec& spec, const Places& places, Errors& errors);

}  // namespace tlsclub::loader
