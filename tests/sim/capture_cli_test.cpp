// tlsclub open as a user runs it: the list of a real capture's TLS connections, the key log
// count, one connection's records opened with the key log (and without it), and bad input (a
// damaged capture, a bad key log line, a connection that is not there) refused with exit 2.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;
const fs::path kCaptures = fs::path(TLSCLUB_SOURCE_DIR) / "tests" / "sim" / "data" / "captures";

struct Result {
  int code = -1;
  std::string out;  // stdout and stderr
};

// Only a full build has the CLI (a development build of a few folders does not).
#define REQUIRE_CLI()                                                       \
  if (std::string(TLSCLUB_CLI).empty()) {                                   \
    MESSAGE("skipped: this build has no tlsclub executable (dev folders)"); \
    return;                                                                 \
  }

Result tlsclub(const std::string& args) {
  Result r;
  FILE* pipe = popen((std::string(TLSCLUB_CLI) + " " + args + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string capture_path(const std::string& name) {
  return (kCaptures / name).string();
}

fs::path scratch(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("tlsclub-open-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("capture cli: tlsclub open --list prints one line per TLS connection of a real capture") {
  REQUIRE_CLI();
  const auto r = tlsclub("open --list " + capture_path("tls13.pcapng"));
  CHECK(r.code == 0);
  CHECK(r.out.find("pcapng, 15 packets, 1 TLS connection, 0 other TCP connections") !=
        std::string::npos);
  CHECK(r.out.find("→ 127.0.0.1:44331  sni club.example  TLS 1.3  TLS_AES_256_GCM_SHA384") !=
        std::string::npos);
  CHECK(r.out.find("completed") != std::string::npos);
  // The capture's own Decryption Secrets Block.
  CHECK(r.out.find("; secrets for 1 of 1 TLS connection\n") != std::string::npos);
  // Without --list: the same list (the default view).
  CHECK(tlsclub("open " + capture_path("tls13.pcapng")).out == r.out);
}

TEST_CASE("capture cli: tlsclub open --keylog counts the connections the key log has secrets for") {
  REQUIRE_CLI();
  const auto r =
      tlsclub("open " + capture_path("tls12.pcap") + " --keylog " + capture_path("tls12.keys"));
  CHECK(r.code == 0);
  CHECK(r.out.find("TLS 1.2  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256") != std::string::npos);
  CHECK(r.out.find("key log: 1 secret, 1 client random; secrets for 1 of 1 TLS connection\n") !=
        std::string::npos);
  const auto other =
      tlsclub("open " + capture_path("tls12.pcap") + " --keylog " + capture_path("tls13.keys"));
  CHECK(other.out.find("secrets for 0 of 1 TLS connection\n") != std::string::npos);
}

TEST_CASE(
    "capture cli: tlsclub open on tlsclub export's capture agrees with tlsclub run's outcomes") {
  REQUIRE_CLI();
  // queue-of-members: Alice admitted; Bob (no card), Carol (expired) and Dave (unknown authority)
  // turned away with alerts the club sends encrypted (TLS 1.3).
  const auto pcap = scratch("queue.pcap"), keys = scratch("queue.keys");
  const auto scenario =
      (fs::path(TLSCLUB_SOURCE_DIR) / "scenarios" / "basics" / "queue-of-members.toml").string();
  REQUIRE(tlsclub("export " + scenario + " --pcap " + pcap.string() + " --keylog " + keys.string())
              .code == 0);
  const auto r = tlsclub("open " + pcap.string() + " --keylog " + keys.string());
  CHECK(r.code == 0);
  CHECK(r.out.find("4 TLS connections, 0 other TCP connections") != std::string::npos);
  CHECK(r.out.find("#1  127.0.0.1:50001 → 127.0.0.2:443  sni club.example  TLS 1.3") !=
        std::string::npos);
  std::size_t completed = 0, refused = 0;
  for (std::size_t at = 0; (at = r.out.find("  completed  ", at)) != std::string::npos; ++at)
    ++completed;
  for (std::size_t at = 0;
       (at = r.out.find("  encrypted alert (server)  ", at)) != std::string::npos; ++at)
    ++refused;
  CHECK(completed == 1);
  CHECK(refused == 3);
  CHECK(r.out.find("secrets for 4 of 4 TLS connections") != std::string::npos);
  fs::remove_all(pcap.parent_path());
}

TEST_CASE("capture cli: tlsclub open shows a refusal's alert") {
  REQUIRE_CLI();
  const auto r = tlsclub("open " + capture_path("tls12-alert.pcap"));
  CHECK(r.code == 0);
  CHECK(r.out.find("alert unknown_ca (client)") != std::string::npos);
}

TEST_CASE("capture cli: tlsclub open: bad input exits 2 and says where") {
  REQUIRE_CLI();
  std::ifstream in(kCaptures / "tls12.pcap", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  bytes.erase(bytes.end() - 10, bytes.end());
  const auto cut = scratch("cut.pcap");
  std::ofstream(cut, std::ios::binary) << bytes;
  auto r = tlsclub("open " + cut.string());
  CHECK(r.code == 2);
  CHECK(r.out.find("tlsclub open: error: " + cut.string() + ": packet 14 at byte ") !=
        std::string::npos);

  const auto keys = scratch("bad.keys");
  std::ofstream(keys) << "# comment\nCLIENT_RANDOM 00\n";
  r = tlsclub("open " + capture_path("tls12.pcap") + " --keylog " + keys.string());
  CHECK(r.code == 2);
  CHECK(r.out.find(keys.string() + ":2: expected LABEL CLIENT_RANDOM SECRET, found 2 words") !=
        std::string::npos);

  r = tlsclub("open " + scratch("missing.pcap").string());
  CHECK(r.code == 2);
  CHECK(r.out.find("cannot read") != std::string::npos);
  fs::remove_all(cut.parent_path());
}

TEST_CASE("capture cli: tlsclub open --help names --keylog and --connection and what they open") {
  REQUIRE_CLI();
  const auto r = tlsclub("open --help");
  CHECK(r.code == 0);
  CHECK(r.out.find("--keylog") != std::string::npos);
  CHECK(r.out.find("--connection") != std::string::npos);
  CHECK(r.out.find("the records are opened") != std::string::npos);
}

TEST_CASE("capture cli: tlsclub open --connection prints the records, opened with the key log") {
  REQUIRE_CLI();
  const auto pcap = scratch("open-queue.pcap"), keys = scratch("open-queue.keys");
  const auto scenario =
      (fs::path(TLSCLUB_SOURCE_DIR) / "scenarios" / "basics" / "queue-of-members.toml").string();
  REQUIRE(tlsclub("export " + scenario + " --pcap " + pcap.string() + " --keylog " + keys.string())
              .code == 0);
  auto r = tlsclub("open " + pcap.string() + " --keylog " + keys.string());
  CHECK(r.code == 0);
  CHECK(r.out.find("records 5/5  opened 6 of 6 encrypted records\n") != std::string::npos);

  r = tlsclub("open " + pcap.string() + " --keylog " + keys.string() + " --connection 1");
  CHECK(r.code == 0);
  for (const char* line :
       {"opened 6 of 6 encrypted records\n", "client record 1  packet 4  +0.",
        "key: none (cleartext)", "    client_hello (",
        "key: server handshake traffic key (sequence 0)", "    content type inside: handshake",
        "    encrypted_extensions (", "    certificate_verify (",
        "key: client application traffic key (sequence 0)",
        "    data (17 bytes): \"Hello, it's Alice\"", "note: dummy ChangeCipherSpec (RFC 8446 D.4"})
    CHECK_MESSAGE(r.out.find(line) != std::string::npos, line, "\n", r.out);

  // Bob is refused: the alert the club sends encrypted is named once opened.
  r = tlsclub("open " + pcap.string() + " --keylog " + keys.string() + " --connection 2");
  CHECK(r.out.find("    alert: fatal ") != std::string::npos);

  r = tlsclub("open " + pcap.string() + " --connection 1");
  CHECK(r.code == 0);
  CHECK(r.out.find("opened 0 of 6 encrypted records") != std::string::npos);
  CHECK(r.out.find("    encrypted (no key log)") != std::string::npos);
  CHECK(r.out.find("    client_hello (") != std::string::npos);

  r = tlsclub("open " + pcap.string() + " --connection 9");
  CHECK(r.code == 2);
  CHECK(r.out.find("has no TLS connection #9") != std::string::npos);
  fs::remove_all(pcap.parent_path());
}

TEST_CASE("capture cli: tlsclub open --connection with a key log that does not fit") {
  REQUIRE_CLI();
  const auto r = tlsclub("open " + capture_path("tls12.pcap") + " --keylog " +
                         capture_path("tls13.keys") + " --connection 1");
  CHECK(r.code == 0);
  CHECK(r.out.find("could not open: the key log has no secrets for this connection") !=
        std::string::npos);
  const auto ok = tlsclub("open " + capture_path("tls12.pcap") + " --keylog " +
                          capture_path("tls12.keys") + " --connection 1");
  CHECK(ok.out.find("key: server write key (sequence 0)") != std::string::npos);
  CHECK(ok.out.find("    alert: warning close_notify") != std::string::npos);
}

TEST_CASE("capture cli: tlsclub open --wire shows what an eavesdropper sees, even with a key log") {
  REQUIRE_CLI();
  const auto pcap = scratch("wire-queue.pcap"), keys = scratch("wire-queue.keys");
  const auto scenario =
      (fs::path(TLSCLUB_SOURCE_DIR) / "scenarios" / "basics" / "queue-of-members.toml").string();
  REQUIRE(tlsclub("export " + scenario + " --pcap " + pcap.string() + " --keylog " + keys.string())
              .code == 0);
  auto r =
      tlsclub("open " + pcap.string() + " --keylog " + keys.string() + " --connection 1 --wire");
  CHECK(r.code == 0);
  for (const char* line :
       {"What the wire shows: an eavesdropper on the path, without keys",
        "name asked for          club.example", "Sealed: what the eavesdropper cannot read",
        "application_data: sealed", "handshake: client_hello", "+0.0"})
    CHECK_MESSAGE(r.out.find(line) != std::string::npos, line, "\n", r.out);
  // The key log is not the eavesdropper's: nothing opened, no data shown.
  CHECK(r.out.find("Hello, it's Alice") == std::string::npos);
  CHECK(r.out.find("encrypted_extensions") == std::string::npos);

  r = tlsclub("open " + pcap.string() + " --wire");
  CHECK(r.code != 0);
  CHECK(r.out.find("--connection") != std::string::npos);

  r = tlsclub("run " + scenario + " --wire");
  CHECK(r.out.find("Visit 2: Bob at club.example") != std::string::npos);
  CHECK(r.out.find("What the wire shows") != std::string::npos);
  CHECK(r.out.find("Expectation met") != std::string::npos);
  fs::remove_all(pcap.parent_path());
}

TEST_CASE("capture cli: tlsclub open --connection runs the bouncer on the captured chains") {
  REQUIRE_CLI();
  const auto dir = scratch("chains");
  const auto pcap = (dir / "queue.pcap").string(), keys = (dir / "queue.keys").string();
  const auto certs = (dir / "certs").string();
  const auto scenario =
      (fs::path(TLSCLUB_SOURCE_DIR) / "scenarios" / "basics" / "queue-of-members.toml").string();
  REQUIRE(
      tlsclub("export " + scenario + " --pcap " + pcap + " --keylog " + keys + " --certs " + certs)
          .code == 0);
  const std::string carol = "open " + pcap + " --keylog " + keys + " --connection 3";
  // With the town authority trusted: the club's badge is valid at the capture's time, Carol's
  // card expired (the scenario's fault, found again from the capture alone).
  auto r = tlsclub(carol + " --trust " + certs + "/town_authority.crt.pem");
  CHECK(r.code == 0);
  for (const char* line :
       {"Server's certificates, record 4, checked at the capture's time 2026-03-01T20:00",
        "Verdict: VALID — every check passed", "for a server certificate named club.example",
        "Client's certificates, record 6",
        "Verdict: INVALID — validity failed on O=TLS Club members,CN=Carol"})
    CHECK_MESSAGE(r.out.find(line) != std::string::npos, line, "\n", r.out);

  // No trust store: the anchor is not decidable, nothing is called valid.
  r = tlsclub(carol);
  CHECK(r.out.find("trust: none given, see --trust") != std::string::npos);
  CHECK(r.out.find("NOT VALID as far as can be told") != std::string::npos);
  CHECK(r.out.find("Verdict: VALID") == std::string::npos);

  // Without the key log TLS 1.3 keeps the certificates sealed.
  r = tlsclub("open " + pcap + " --connection 3");
  CHECK(r.out.find("TLS 1.3 seals the certificates") != std::string::npos);

  // A real OpenSSL TLS 1.2 capture: the chain is in the clear, no key log needed; its
  // self-signed test certificate is no authority the system trusts.
  r = tlsclub("open " + capture_path("tls12.pcap") + " --connection 1 --trust system");
  CHECK(r.code == 0);
  CHECK(r.out.find("Server's certificates, record") != std::string::npos);
  CHECK(r.out.find("trust_anchor") != std::string::npos);

  r = tlsclub(carol + " --trust " + (dir / "missing.pem").string());
  CHECK(r.code == 2);
  CHECK(r.out.find("tlsclub open: error: --trust: ") != std::string::npos);
  fs::remove_all(dir.parent_path());
}

TEST_CASE("capture cli: tlsclub open --json writes the list, and one connection in full") {
  REQUIRE_CLI();
  const auto dir = scratch("json");
  const auto pcap = (dir / "queue.pcap").string(), keys = (dir / "queue.keys").string();
  const auto certs = (dir / "certs").string();
  const auto scenario =
      (fs::path(TLSCLUB_SOURCE_DIR) / "scenarios" / "basics" / "queue-of-members.toml").string();
  REQUIRE(
      tlsclub("export " + scenario + " --pcap " + pcap + " --keylog " + keys + " --certs " + certs)
          .code == 0);
  const auto list_file = dir / "list.json", one_file = dir / "carol.json";
  REQUIRE(tlsclub("open " + pcap + " --keylog " + keys + " --json " + list_file.string()).code ==
          0);
  const auto list = nlohmann::json::parse(std::ifstream(list_file));
  CHECK(list["format"] == "tlsclub-capture/1");
  CHECK(list["capture"]["format"] == "pcap");
  REQUIRE(list["connections"].size() == 4);
  CHECK(list["connections"][0]["server_name"] == "club.example");
  CHECK(list["connections"][0]["version"] == "TLS 1.3");
  CHECK(list["connections"][0]["outcome"] == "completed");
  CHECK(list["connections"][0]["opened"]["opened"] == 6);
  CHECK(list["connections"][1]["outcome"] == "encrypted_alert");

  REQUIRE(tlsclub("open " + pcap + " --keylog " + keys + " --connection 3 --trust " + certs +
                  "/town_authority.crt.pem --json " + one_file.string())
              .code == 0);
  const auto one = nlohmann::json::parse(std::ifstream(one_file));
  CHECK(one["format"] == "tlsclub-capture-connection/1");
  CHECK(one["connection"]["id"] == 3);
  CHECK(one["secrets_found"] == true);
  REQUIRE(one["records"].size() == 7);
  CHECK(one["records"][3]["key"] == "server handshake traffic key");
  CHECK(one["records"][3]["messages"][0]["message"] == "encrypted_extensions");
  REQUIRE(one["certificate_checks"].size() == 2);
  CHECK(one["certificate_checks"][0]["verdict"] == "valid");
  CHECK(one["certificate_checks"][1]["verdict"] == "invalid");
  CHECK(one["certificate_checks"][1]["failed_check"] == "validity");
  // The wire view is the eavesdropper's, although the key log opened the records.
  CHECK(one["wire"]["clear"][0]["value"] == "club.example");
  bool sealed_card = false;
  for (const auto& s : one["wire"]["sealed"])
    sealed_card = sealed_card || s.get<std::string>().find("the member's card") == 0;
  CHECK(sealed_card);
  fs::remove_all(dir.parent_path());
}

TEST_CASE("capture cli: tlsclub open --progress draws the bar on stderr, stdout unchanged") {
  REQUIRE_CLI();
  const auto file = capture_path("tls13.pcapng");
  // Through `| cat`: the helper's own 2>&1 then applies to cat, not to tlsclub.
  const auto plain = tlsclub("open " + file + " 2>/dev/null | cat");
  auto r = tlsclub("open " + file + " --progress 2>/dev/null | cat");
  CHECK(r.out == plain.out);
  CHECK(r.out.find("reading") == std::string::npos);
  r = tlsclub("open " + file + " --progress 2>&1 >/dev/null | cat");
  CHECK(r.out.find("reading " + file + "  [####################]  100%") != std::string::npos);
}
