// Every key the engine can emit has a complete catalogue entry (sim/explain/). The keys are found
// from the engine itself, not from a list someone must remember to update: the runs of the whole
// scenario library and of both demos, the decoder's test vectors (whole and cut short), and the
// name tables of the decoder, the loader and the key-log recorder. A failure lists every missing
// key at once, each with where it was first seen.

#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "decode_vectors.h"
#include "explain/catalogue.h"
#include "scenario/format_names.h"
#include "scenario/loader.h"
#include "simulation/recorded_names.h"
#include "simulation/simulation.h"
#include "timeline/check_names.h"
#include "timeline/event.h"

namespace tlsclub {
namespace {

const std::filesystem::path kLibrary = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";

// Each key the engine can emit, with the first place it was seen (for the failure message).
class Sightings {
 public:
  void add(const std::string& key, const std::string& where) {
    if (!key.empty()) first_seen_.emplace(key, where);
  }
  const std::map<std::string, std::string>& keys() const { return first_seen_; }

 private:
  std::map<std::string, std::string> first_seen_;
};

bool complete(const Explanation& e) {
  return !e.title.empty() && !e.club.empty() && !e.engineer.empty() && !e.rfc.empty();
}

// One line per key without a complete entry; empty when every key has one.
std::string missing_report(const Sightings& sightings) {
  std::string report;
  std::size_t count = 0;
  for (const auto& [key, where] : sightings.keys()) {
    const Explanation* e = find_explanation(key);
    if (e != nullptr && complete(*e)) continue;
    ++count;
    report += "\n  " + key + (e == nullptr ? "" : " (entry incomplete)") + "  — seen in " + where;
  }
  if (count == 0) return {};
  return std::to_string(count) +
         " key(s) the engine emits have no complete catalogue entry:" + report;
}

// "TLS 1.3" -> "version.tls13".
std::string version_key(std::string_view version) {
  std::string key = "version.";
  for (const char c : version) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

// The keys of one event as the engine lists them (explain_keys), plus those the inspector, the
// narration and the ladder build from the same event.
void add_event(const Event& event, const std::string& where, Sightings& out) {
  for (const std::string& key : explain_keys(event)) out.add(key, where);
  if (const auto* r = std::get_if<RecordEvent>(&event.body)) {
    // The inspector's record header: content type, legacy_record_version, length.
    out.add("record." + content_type_name(r->content_type), where);
    if (r->inner_type != 0) out.add("record." + content_type_name(r->inner_type), where);
    out.add("field.legacy_version", where);
    out.add("field.length", where);
    // The narration names record-level contents by their record type.
    for (const std::string& m : r->messages) {
      if (m == "alert" || m == "application_data" || m == "change_cipher_spec")
        out.add("record." + m, where);
    }
  } else if (const auto* e = std::get_if<EstablishedEvent>(&event.body)) {
    if (!e->version.empty()) out.add(version_key(e->version), where);
    // "x25519"; RSA key transport has none ("none (RSA key transport)").
    const std::string group = e->group.substr(0, e->group.find(' '));
    if (!group.empty() && group != "none") out.add("group." + group, where);
  }
}

void add_timeline(const ScenarioSpec& spec, const std::string& name, Sightings& out) {
  for (const MemberSpec& member : spec.members) {
    if (!member.expect) continue;
    const std::string where = name + ", " + member.name + "'s expectation";
    if (member.expect->alert) out.add("alert." + *member.expect->alert, where);
    if (member.expect->failing_check) out.add("check." + *member.expect->failing_check, where);
  }
  const Timeline timeline = run_scenario(spec);
  for (const Connection& c : timeline.connections) {
    const std::string where = name + ", " + c.client + "'s visit";
    out.add("outcome." + std::string(to_string(c.outcome)), where);
    for (const Event& event : c.events)
      add_event(event, where + ", " + std::string(kind_of(event.body)) + " event", out);
  }
}

void add_fields(const std::vector<Field>& fields, const std::string& where, Sightings& out) {
  for (const Field& f : fields) {
    out.add(f.explain_key, where);
    add_fields(f.children, where, out);
  }
}

void add_decoded(const DecodedMessage& m, const std::string& where, Sightings& out) {
  out.add("message." + m.name, where);
  add_fields(m.fields, where, out);
}

Sightings library_sightings() {
  Sightings out;
  const auto files = scenario_files_in(kLibrary);
  REQUIRE(files.size() >= 30);
  for (const auto& file : files) {
    const std::string name = std::filesystem::relative(file, kLibrary).string();
    auto loaded = load_scenario_file(file);
    if (const auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
      for (const auto& e : *errors) FAIL_CHECK(e.to_string());
      continue;
    }
    add_timeline(std::get<ScenarioSpec>(loaded), name, out);
  }
  add_timeline(demo_scenario(TlsVersion::tls13), "demo_scenario(TLS 1.3)", out);
  add_timeline(demo_scenario(TlsVersion::tls12), "demo_scenario(TLS 1.2)", out);
  return out;
}

Sightings decoder_sightings() {
  Sightings out;
  for (const auto& v : test_vectors::all_vectors()) {
    add_decoded(decode_handshake_message(v.bytes, v.context), "decoder vector " + v.name, out);
    // Cut short: what a dropped or truncated fragment decodes to (field.undecoded...).
    for (std::size_t n = 1; n < v.bytes.size(); n += 1 + n / 16) {
      const ByteView prefix(v.bytes.data(), n);
      add_decoded(decode_handshake_message(prefix, v.context),
                  "decoder vector " + v.name + " cut to " + std::to_string(n) + " bytes", out);
    }
  }
  return out;
}

Sightings name_table_sightings() {
  Sightings out;
  for (int t = 0; t < 256; ++t) {
    const auto type = static_cast<std::uint8_t>(t);
    out.add("message." + handshake_type_name(type),
            "handshake_type_name(" + std::to_string(t) + ")");
    out.add("alert." + alert_name(type), "alert_name(" + std::to_string(t) + ")");
    out.add("record." + content_type_name(type), "content_type_name(" + std::to_string(t) + ")");
  }
  out.add("message.hello_retry_request",
          "decode_handshake_message (a ServerHello, RFC 8446 4.1.4)");
  for (int t = 0; t < 65536; ++t) {
    const std::string name = extension_name(static_cast<std::uint16_t>(t));
    if (!name.starts_with("unknown_extension_"))
      out.add("extension." + name, "extension_name(" + std::to_string(t) + ")");
  }
  out.add("extension.unknown", "the decoder's key for an unnamed extension type");
  for (std::string_view check : check_names())
    out.add("check." + std::string(check), "the loader's check names");
  for (std::string_view alert : loader::alert_names())
    out.add("alert." + std::string(alert), "the loader's alert names");
  for (std::string_view group : loader::group_names())
    out.add("group." + std::string(group), "the loader's group names");
  // Every label the NSS key-log format defines, as the recorders name the secret behind it.
  for (std::string_view label :
       {"CLIENT_RANDOM", "CLIENT_EARLY_TRAFFIC_SECRET", "EARLY_EXPORTER_MASTER_SECRET",
        "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
        "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"})
    out.add("secret." + secret_name(label), "secret_name(\"" + std::string(label) + "\")");
  out.add("secret.shared_secret", "the recorders' (EC)DHE secret");
  return out;
}

// Keys written out literally in the engine's and the GUI's source ("myth.certificate_encrypts_
// traffic", "event.fault_applied"): the ones no run has to produce to be shown.
Sightings source_sightings() {
  Sightings out;
  const std::regex literal(
      R"re("((message|extension|field|check|alert|secret|event|record|protection|outcome|version|group|myth)\.[A-Za-z0-9_.]*[A-Za-z0-9_])")re");
  const std::filesystem::path root(TLSCLUB_SOURCE_DIR);
  for (const char* folder : {"sim", "gui"}) {
    for (const auto& file : std::filesystem::recursive_directory_iterator(root / folder)) {
      const auto& path = file.path();
      if (path.extension() != ".cpp" && path.extension() != ".h") continue;
      if (path.parent_path().filename() == "explain") continue;  // the catalogue itself
      std::ifstream in(path);
      std::ostringstream text;
      text << in.rdbuf();
      const std::string source = text.str();
      const std::string where = std::filesystem::relative(path, root).string();
      for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
        const std::string key = (*it)[1];
        if (key.ends_with(".h") || key.ends_with(".cpp")) continue;  // an #include
        if (key == "myth.evidence") continue;  // a TOML table of docs/lessons/myths.toml
        out.add(key, where);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the coverage report names a key without an entry, and where it was seen") {
  Sightings made_up;
  made_up.add("message.client_hello", "somewhere");
  CHECK(missing_report(made_up).empty());
  made_up.add("message.no_such_message", "a made-up run");
  const std::string report = missing_report(made_up);
  CHECK(report.find("message.no_such_message  — seen in a made-up run") != std::string::npos);
  CHECK(report.find("message.client_hello") == std::string::npos);
}

TEST_CASE("every key of every library scenario's run and of both demos has a complete entry") {
  const Sightings seen = library_sightings();
  // The runs must reach far into the catalogue, or this test would check little.
  CHECK(seen.keys().size() >= 150);
  for (std::string_view key :
       {"message.client_key_exchange", "field.encrypted_pre_master_secret", "check.crl",
        "check.ocsp", "alert.certificate_expired", "secret.tls12_master_secret",
        "protection.handshake_traffic", "outcome.refused", "group.X25519MLKEM768"}) {
    CAPTURE(key);
    CHECK(seen.keys().contains(std::string(key)));
  }
  const std::string report = missing_report(seen);
  CHECK_MESSAGE(report.empty(), report);
}

TEST_CASE("every key the decoder gives its test vectors, whole and cut short, has an entry") {
  const Sightings seen = decoder_sightings();
  CHECK(seen.keys().contains("field.undecoded"));
  CHECK(seen.keys().contains("field.ocsp.cert_status"));
  const std::string report = missing_report(seen);
  CHECK_MESSAGE(report.empty(), report);
}

TEST_CASE("every name in the decoder's, the loader's and the recorders' tables has an entry") {
  const Sightings seen = name_table_sightings();
  CHECK(seen.keys().contains("alert.no_application_protocol"));
  CHECK(seen.keys().contains("extension.renegotiation_info"));
  const std::string report = missing_report(seen);
  CHECK_MESSAGE(report.empty(), report);
}

TEST_CASE("every catalogue key written out in the engine's and the GUI's source has an entry") {
  const Sightings seen = source_sightings();
  CHECK(seen.keys().contains("myth.certificate_encrypts_traffic"));
  CHECK(seen.keys().contains("event.fault_applied"));
  const std::string report = missing_report(seen);
  CHECK_MESSAGE(report.empty(), report);
}

TEST_CASE("a name the decoder does not know falls back to its category's unknown entry") {
  // handshake_type_name(77) = "unknown_77", alert_name(200) = "unknown_alert_200", ...
  for (const auto& name_and_fallback :
       {std::pair{"message.unknown_77", "message.unknown"},
        std::pair{"alert.unknown_alert_200", "alert.unknown"},
        std::pair{"record.unknown_content_type_99", "record.unknown"}}) {
    const char* key = name_and_fallback.first;
    CAPTURE(key);
    const Explanation* e = find_explanation(key);
    REQUIRE(e != nullptr);
    CHECK(e->key == name_and_fallback.second);
  }
  CHECK(find_explanation("message.unknownish") == nullptr);
}

}  // namespace tlsclub
