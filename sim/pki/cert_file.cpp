#include "pki/cert_file.h"

#include <botan/base64.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string_view>

namespace tlsclub::pki {

CertFileError::CertFileError(const std::string& file, std::size_t line, const std::string& what)
    : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " +
                         what),
      line_(line) {}

namespace {

// One PEM block's body, decoded, and the line of its BEGIN.
struct Block {
  std::vector<std::uint8_t> der;
  std::size_t line = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// The label of "-----BEGIN LABEL-----" (or END), nullopt for any other line.
std::optional<std::string_view> armour_label(std::string_view line, std::string_view kind) {
  const std::string head = "-----" + std::string(kind) + " ";
  constexpr std::string_view tail = "-----";
  if (line.size() < head.size() + tail.size() || line.substr(0, head.size()) != head ||
      line.substr(line.size() - tail.size()) != tail)
    return std::nullopt;
  return line.substr(head.size(), line.size() - head.size() - tail.size());
}

// Every PEM block labelled one of `labels`; `any_pem` tells whether the text had PEM at all (a
// file with only other blocks, such as a key, holds no certificate, it is not DER).
std::vector<Block> pem_blocks(std::string_view text, const std::string& file,
                              std::initializer_list<std::string_view> labels, bool& any_pem) {
  std::vector<Block> blocks;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  bool in_block = false;
  std::string open;  // the label of the block being read
  std::size_t open_line = 0;
  std::string body;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (!in_block) {
      if (const auto label = armour_label(line, "BEGIN")) {
        in_block = true, open = *label, open_line = line_no, body.clear(), any_pem = true;
      }
      continue;
    }
    if (const auto label = armour_label(line, "END")) {
      if (*label != open)
        throw CertFileError(file, open_line,
                            "the " + open + " block ends with END " + std::string(*label));
      if (std::find(labels.begin(), labels.end(), open) != labels.end()) {
        Block b;
        b.line = open_line;
        try {
          const auto decoded = Botan::base64_decode(body);
          b.der.assign(decoded.begin(), decoded.end());
        } catch (const std::exception&) {
          throw CertFileError(file, open_line, "the base64 of this " + open + " block is broken");
        }
        blocks.push_back(std::move(b));
      }
      in_block = false;
      continue;
    }
    if (armour_label(line, "BEGIN"))
      throw CertFileError(file, open_line,
                          "the " + open +
                              " block has no END line before the next "
                              "BEGIN");
    if (line.find(':') != std::string_view::npos) continue;  // RFC 1421 headers (Proc-Type: ...)
    body += line;
  }
  if (in_block) throw CertFileError(file, open_line, "the " + open + " block has no END line");
  return blocks;
}

// A PEM file (or, without any BEGIN line, one DER object) as objects of type T.
template <typename T>
std::vector<T> parse_objects(std::span<const std::uint8_t> bytes, const std::string& file,
                             std::initializer_list<std::string_view> labels,
                             const std::string& what) {
  if (bytes.size() > kMaxCertFileBytes)
    throw CertFileError(file, 0, "larger than " + std::to_string(kMaxCertFileBytes) + " bytes");
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  bool any_pem = false;
  std::vector<T> out;
  for (const auto& block : pem_blocks(text, file, labels, any_pem)) {
    try {
      out.emplace_back(block.der);
    } catch (const std::exception& e) {
      throw CertFileError(file, block.line, "not a valid " + what + " (" + e.what() + ")");
    }
  }
  if (any_pem) {
    if (out.empty()) throw CertFileError(file, 0, "no " + what + " in this PEM file");
    return out;
  }
  if (bytes.empty()) throw CertFileError(file, 0, "empty file");
  try {
    out.emplace_back(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  } catch (const std::exception& e) {
    throw CertFileError(file, 0,
                        "neither PEM nor a DER " + what + " (" + std::string(e.what()) + ")");
  }
  return out;
}

std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CertFileError(path, 0, "cannot open the file");
  std::vector<std::uint8_t> bytes;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.insert(bytes.end(), buffer, buffer + in.gcount());
    if (bytes.size() > kMaxCertFileBytes)
      throw CertFileError(path, 0, "larger than " + std::to_string(kMaxCertFileBytes) + " bytes");
  }
  if (in.bad()) throw CertFileError(path, 0, "cannot read the file");
  return bytes;
}

}  // namespace

std::vector<Botan::X509_Certificate> parse_certificates(std::span<const std::uint8_t> bytes,
                                                        const std::string& file) {
  // "X509 CERTIFICATE" is the older label; both are the same DER (RFC 7468 5.1).
  return parse_objects<Botan::X509_Certificate>(bytes, file, {"CERTIFICATE", "X509 CERTIFICATE"},
                                                "certificate");
}

std::vector<Botan::X509_CRL> parse_crls(std::span<const std::uint8_t> bytes,
                                        const std::string& file) {
  return parse_objects<Botan::X509_CRL>(bytes, file, {"X509 CRL"}, "CRL");
}

std::vector<Botan::X509_Certificate> read_certificates(const std::string& path) {
  const auto bytes = read_bytes(path);
  return parse_certificates(bytes, path);
}

std::vector<Botan::X509_CRL> read_crls(const std::string& path) {
  const auto bytes = read_bytes(path);
  return parse_crls(bytes, path);
}

}  // namespace tlsclub::pki
