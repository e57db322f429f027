// What protects a record is one vocabulary (sim/timeline/protection.h): every name the engine and
// the bridge write maps to its keys, its words and its catalogue entry there, and no other file
// parses the names again.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "explain/catalogue.h"
#include "source_lines.h"
#include "string_makers.h"
#include "timeline/event.h"
#include "timeline/protection.h"
#include "wire/record.h"

using namespace tlsclub;

TEST_CASE("each protection name has its keys, words and explanation") {
  struct Case {
    const char* name;
    Keys keys;
    const char* words;
    Protection colour;
  };
  for (const Case& c : {
           Case{"plaintext", Keys::plaintext, "plaintext", Protection::plaintext},
           Case{"", Keys::plaintext, "plaintext", Protection::plaintext},
           Case{"client_handshake_traffic_secret", Keys::handshake_traffic, "client handshake keys",
                Protection::handshake_keys},
           Case{"server_handshake_traffic_secret", Keys::handshake_traffic, "server handshake keys",
                Protection::handshake_keys},
           Case{"server_application_traffic_secret_0", Keys::application_traffic,
                "server application keys", Protection::application_keys},
           // After a KeyUpdate (RFC 8446 7.2) the next generation is still application traffic.
           Case{"client_application_traffic_secret_1", Keys::application_traffic,
                "client application keys", Protection::application_keys},
           Case{"tls12_client_write_key", Keys::tls12_session, "client session keys",
                Protection::application_keys},
           Case{"tls12_server_write_key", Keys::tls12_session, "server session keys",
                Protection::application_keys},
       }) {
    CAPTURE(c.name);
    CHECK(keys_of(c.name) == c.keys);
    CHECK(keys_in_words(c.name) == c.words);
    CHECK(protection_of(keys_of(c.name)) == c.colour);
    CHECK(is_encrypted(c.name) == (c.keys != Keys::plaintext));
    CHECK(find_explanation(explain_key(c.keys)) != nullptr);
  }
}

TEST_CASE("a secret of the key schedule seals records only if it is a traffic or write key") {
  CHECK(sealing_keys("client_handshake_traffic_secret") == Keys::handshake_traffic);
  CHECK(sealing_keys("server_handshake_traffic_secret") == Keys::handshake_traffic);
  CHECK(sealing_keys("client_application_traffic_secret_0") == Keys::application_traffic);
  CHECK(sealing_keys("server_application_traffic_secret_1") == Keys::application_traffic);
  CHECK(sealing_keys("tls12_client_write_key") == Keys::tls12_session);
  for (const char* between : {"shared_secret", "early_secret", "handshake_secret", "master_secret",
                              "exporter_master_secret", "resumption_master_secret",
                              "tls12_master_secret", "premaster_secret"}) {
    CAPTURE(between);
    CHECK_FALSE(sealing_keys(between).has_value());
  }
}

TEST_CASE("an alert record is red whatever keys seal it") {
  RecordEvent r;
  r.protection = "server_handshake_traffic_secret";
  r.content_type = static_cast<std::uint8_t>(ContentType::application_data);
  CHECK(protection_of(r) == Protection::handshake_keys);
  r.inner_type = static_cast<std::uint8_t>(ContentType::alert);
  CHECK(protection_of(r) == Protection::alert);
  RecordEvent plain;
  plain.protection = "plaintext";
  plain.messages = {"alert"};
  CHECK(protection_of(plain) == Protection::alert);
  CHECK(short_label(Protection::alert) == "alert");
}

TEST_CASE("no file but sim/timeline/protection.cpp reads a protection name's spelling") {
  // The readers that once re-parsed the name each their own way: find("handshake"),
  // == "plaintext", starts_with("tls12_").
  const std::regex parse(R"(protection\s*(\.find\(|\.starts_with\(|\.rfind\(|[!=]=\s*"plaintext"))"
                         R"(|(find|starts_with|ends_with)\("_?(handshake|application)_traffic)");
  const std::size_t files = test::for_each_source_line(
      "protection.cpp",
      [&](const std::filesystem::path& path, std::size_t number, const std::string& line) {
        CHECK_MESSAGE(!std::regex_search(line, parse), path.string(), ":", number,
                      " parses a protection name; ask sim/timeline/protection.h instead");
      });
  CHECK(files > 100);
}
