#pragma once
// The certificates of tests/sim/data/verify/make-chains.sh, made by openssl once a day per
// machine: every test process of the day shares one folder (made aside, then renamed into place,
// so parallel tests never see half of it).
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "export_test_tools.h"
#include "pki/cert_file.h"

namespace tlsclub::test {

inline std::string utc_text(std::time_t t, const char* format) {
  char text[32];
  std::strftime(text, sizeof text, format, std::gmtime(&t));
  return text;
}

// The folder, or "" when openssl is missing or the script failed (the test then says so).
inline std::filesystem::path verify_chains() {
  namespace fs = std::filesystem;
  const fs::path final_dir = fs::temp_directory_path() /
                             ("tlsclub-verify-chains-v1-" + utc_text(std::time(nullptr), "%Y%m%d"));
  if (fs::exists(final_dir / "long-leaf.pem")) return final_dir;
  const fs::path making = final_dir.string() + ".making-" + std::to_string(getpid());
  const std::string script =
      std::string(TLSCLUB_SOURCE_DIR) + "/tests/sim/data/verify/make-chains.sh";
  if (run_command("sh '" + script + "' '" + making.string() + "'").code != 0) return {};
  std::error_code ec;
  fs::rename(making, final_dir, ec);  // another process may have won: its folder is as good
  if (ec) fs::remove_all(making, ec);
  return final_dir;
}

inline Botan::X509_Certificate cert(const std::filesystem::path& dir, const std::string& name) {
  return pki::read_certificates((dir / (name + ".pem")).string()).front();
}

}  // namespace tlsclub::test
