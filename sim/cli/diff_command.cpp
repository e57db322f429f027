// tlsclub diff: two runs side by side, their handshake messages aligned (docs/diff.md).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "cli/one_scenario.h"
#include "core/atomic_file.h"
#include "simulation/simulation.h"
#include "timeline/run_diff.h"

namespace tlsclub::cli {

namespace {

// One side of the diff: the scenario, run with its overrides, and the chosen member's visit.
struct Run {
  std::string label;  // "A" or "B"
  std::string path;
  Timeline timeline;
  std::size_t connection = 0;
};

std::string members_of(const Timeline& t) {
  std::string out;
  for (const auto& c : t.connections) out += (out.empty() ? "" : ", ") + c.client;
  return out;
}

// Runs one side; prints what is wrong and returns nullopt on bad input (file, member).
std::optional<Run> run_side(const std::string& label, const std::string& path,
                            const std::optional<std::string>& tls,
                            const std::optional<std::uint64_t>& seed, const std::string& member) {
  auto spec = load_one_scenario(path, tls, "", "diff", std::cerr);
  if (!spec) return std::nullopt;
  if (seed) spec->seed = *seed;
  Run side{label, path, run_scenario(*spec), 0};
  if (side.timeline.connections.empty()) {
    std::cerr << "tlsclub diff: error: " << path << " (" << label << ") has no visit to compare\n";
    return std::nullopt;
  }
  if (!member.empty()) {
    const auto& cs = side.timeline.connections;
    const auto it =
        std::find_if(cs.begin(), cs.end(), [&](const Connection& c) { return c.client == member; });
    if (it == cs.end()) {
      std::cerr << "tlsclub diff: error: --member-" << (label == "A" ? "a" : "b") << " '" << member
                << "' is not a member of " << path << " (members: " << members_of(side.timeline)
                << ")\n";
      return std::nullopt;
    }
    side.connection = static_cast<std::size_t>(it - cs.begin());
  }
  return side;
}

const Connection& visit(const Run& s) {
  return s.timeline.connections[s.connection];
}

std::string describe(const Run& s) {
  return s.path + " (TLS " + s.timeline.tls_version + ", seed " + std::to_string(s.timeline.seed) +
         "), member " + visit(s).client;
}

std::string step_label(StepKind kind) {
  switch (kind) {
    case StepKind::same:
      return "same";
    case StepKind::changed:
      return "changed";
    case StepKind::only_a:
      return "only in A";
    case StepKind::only_b:
      return "only in B";
  }
  return "";
}

std::string joined(const std::vector<std::string>& items) {
  if (items.empty()) return "none";
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

void write_text(std::ostream& out, const Run& sa, const Run& sb, const RunDiff& d) {
  out << "A: " << describe(sa) << "\nB: " << describe(sb) << "\n\n";
  out << "Handshake messages, aligned by sender and name:\n";
  for (const auto& s : d.steps) {
    out << "  " << std::left << std::setw(10) << step_label(s.kind) << std::setw(7)
        << to_string(s.from) << s.message;
    if (s.first_difference) out << "  (first difference at byte " << *s.first_difference;
    if (s.first_difference && !s.fields.empty()) out << "; fields: " << joined(s.fields);
    if (s.first_difference) out << ")";
    out << "\n";
  }
  const auto negotiated = [](const RunSummary& r) {
    return r.version.empty() ? std::string("nothing (no handshake completed)")
                             : r.version + ", " + r.cipher_suite;
  };
  out << "\nOutcome " << (d.same_outcome() ? "(same)" : "(differs)") << ":\n  A: " << d.a.outcome
      << "\n  B: " << d.b.outcome << "\n";
  out << "Negotiated:\n  A: " << negotiated(d.a) << "\n  B: " << negotiated(d.b) << "\n";
  out << "Failed checks only in A: " << joined(d.failed_checks_only_a) << "\n";
  out << "Failed checks only in B: " << joined(d.failed_checks_only_b) << "\n";
  out << "Secrets only in A: " << joined(d.secrets_only_a) << "\n";
  out << "Secrets only in B: " << joined(d.secrets_only_b) << "\n\n";
  out << (d.same() ? "The two runs are the same." : "The two runs differ.") << "\n";
}

nlohmann::ordered_json outcome_json(const RunSummary& r) {
  nlohmann::ordered_json j;
  j["member"] = r.member;
  j["outcome"] = std::string(to_string(r.result));
  j["refused_by"] = r.refused_by ? nlohmann::ordered_json(std::string(to_string(*r.refused_by)))
                                 : nlohmann::ordered_json(nullptr);
  j["alert"] = r.alert ? nlohmann::ordered_json(*r.alert) : nlohmann::ordered_json(nullptr);
  j["sentence"] = r.outcome;
  j["version"] = r.version;
  j["cipher_suite"] = r.cipher_suite;
  return j;
}

nlohmann::ordered_json to_json(const Run& sa, const Run& sb, const RunDiff& d) {
  nlohmann::ordered_json j;
  j["format"] = "tlsclub-diff/1";
  j["same"] = d.same();
  const auto run = [](const Run& s) {
    return nlohmann::ordered_json{{"scenario", s.path},
                                  {"tls_version", s.timeline.tls_version},
                                  {"seed", s.timeline.seed},
                                  {"member", visit(s).client}};
  };
  j["a"] = run(sa);
  j["b"] = run(sb);
  j["steps"] = nlohmann::ordered_json::array();
  for (const auto& s : d.steps) {
    nlohmann::ordered_json step;
    step["kind"] = std::string(to_string(s.kind));
    step["from"] = std::string(to_string(s.from));
    step["message"] = s.message;
    step["first_difference"] = s.first_difference ? nlohmann::ordered_json(*s.first_difference)
                                                  : nlohmann::ordered_json(nullptr);
    step["fields"] = s.fields;
    j["steps"].push_back(std::move(step));
  }
  j["outcome"] = {{"same", d.same_outcome()}, {"a", outcome_json(d.a)}, {"b", outcome_json(d.b)}};
  j["failed_checks"] = {{"only_a", d.failed_checks_only_a}, {"only_b", d.failed_checks_only_b}};
  j["secrets"] = {{"only_a", d.secrets_only_a}, {"only_b", d.secrets_only_b}};
  return j;
}

}  // namespace

CLI::App* add_diff_command(CLI::App& app, DiffArgs& args) {
  auto* cmd = app.add_subcommand(
      "diff",
      "Two runs side by side: their handshake messages aligned by sender and name (same, "
      "changed, only in A, only in B), then each outcome, what was negotiated, the failed checks "
      "and the secrets that differ. B defaults to A: the options make the difference.\n"
      "Exit 0: the two are the same; 1: they differ; 2: bad input.");
  cmd->add_option("a", args.a, "Scenario file A")->required()->type_name("A.toml");
  cmd->add_option("b", args.b, "Scenario file B (default: A)")->type_name("B.toml");
  cmd->add_option("--tls-a", args.tls_a, "TLS version of run A (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_option("--tls-b", args.tls_b, "TLS version of run B (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_option("--member-a", args.member_a, "Member whose visit A shows (default: the first)")
      ->type_name("NAME");
  cmd->add_option("--member-b", args.member_b, "Member whose visit B shows (default: the first)")
      ->type_name("NAME");
  cmd->add_option("--seed-a", args.seed_a, "Seed of run A (overrides the scenario)");
  cmd->add_option("--seed-b", args.seed_b, "Seed of run B (overrides the scenario)");
  cmd->add_option("--json", args.json, "Also write the comparison as JSON (tlsclub-diff/1)")
      ->type_name("FILE");
  return cmd;
}

int diff_command(const DiffArgs& args) {
  const std::string path_b = args.b.empty() ? args.a : args.b;
  const auto a = run_side("A", args.a, args.tls_a, args.seed_a, args.member_a);
  if (!a) return kExitBadInput;
  const auto b = run_side("B", path_b, args.tls_b, args.seed_b, args.member_b);
  if (!b) return kExitBadInput;
  const RunDiff d = diff_connections(visit(*a), visit(*b));
  if (!args.json.empty()) write_file_atomically(args.json, to_json(*a, *b, d).dump(2) + "\n");
  write_text(std::cout, *a, *b, d);
  return d.same() ? kExitOk : kExitExpectationNotMet;
}

}  // namespace tlsclub::cli
