#include "export/certificates.h"

#include <botan/pem.h>
#include <botan/pkcs8.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "endpoint/verifier.h"
#include "export/export_file.h"

namespace tlsclub {

namespace {

std::string pem_of(const std::vector<Botan::X509_Certificate>& certificates) {
  std::string out;
  for (const auto& c : certificates) out += c.PEM_encode();
  return out;
}

std::string validity(const pki::CertificateSpec& c) {
  return "valid " + format_time(c.not_before) + " to " + format_time(c.not_after);
}

class FolderWriter {
 public:
  explicit FolderWriter(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // A base name of its own: on a clash (a member called like an authority) the role goes first.
  std::string claim(std::string_view name, std::string_view role) {
    std::string base = file_safe_name(name);
    if (!bases_.insert(base).second) {
      base = std::string(role) + "-" + base;
      for (int n = 2; !bases_.insert(base).second; ++n)
        base = std::string(role) + "-" + file_safe_name(name) + "-" + std::to_string(n);
    }
    return base;
  }

  void add(const std::string& file, std::string_view contents, std::string description,
           FileMode mode = FileMode::shared) {
    write_export_file(dir_ / file, contents, mode);
    files_.push_back({dir_ / file, std::move(description)});
  }

  // `who`: "the club's badge"; `detail`: what kind of certificate it is and when it is valid.
  void certificate_and_key(const std::string& base, const pki::Identity& id, const std::string& who,
                           const std::string& detail) {
    add(base + ".crt.pem", id.certificate.PEM_encode(),
        "certificate of " + who + " (" + detail + "): " + subject_of(id.certificate) +
            ", issued by " + id.certificate.issuer_dn().get_first_attribute("CN"));
    if (id.key)
      add(base + ".key.pem", Botan::PKCS8::PEM_encode(*id.key),
          "private key of " + who + " (unencrypted PKCS#8, mode 0600)", FileMode::private_key);
  }

  const std::vector<ExportedFile>& files() const { return files_; }
  std::vector<ExportedFile> take() { return std::move(files_); }

 private:
  std::filesystem::path dir_;
  std::set<std::string> bases_;
  std::vector<ExportedFile> files_;
};

const AuthoritySpec* authority(const ScenarioSpec& spec, const std::string& id) {
  for (const auto& a : spec.authorities)
    if (a.id == id) return &a;
  return nullptr;
}

// The root above an authority (bounded: a cycle never gets this far, build_cast refuses it).
std::string root_of(const ScenarioSpec& spec, std::string id) {
  for (std::size_t i = 0; i <= spec.authorities.size(); ++i) {
    const AuthoritySpec* a = authority(spec, id);
    if (a == nullptr || !a->parent) return id;
    id = *a->parent;
  }
  return id;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

struct Bases {
  std::map<std::string, std::string> authorities;  // id -> base
  std::string server;
  std::vector<std::string> members;
};

void write_authorities(const ScenarioSpec& spec, const Cast& cast, const Bases& bases,
                       FolderWriter& out) {
  std::size_t crl_index = 0;  // cast.crls follows the authorities that publish one, in order
  for (const auto& a : spec.authorities) {
    const std::string& base = bases.authorities.at(a.id);
    const std::string kind = a.parent ? "intermediate under " + *a.parent : "root";
    out.certificate_and_key(base, cast.authorities.at(a.id), "authority " + a.id,
                            kind + ", " + validity(a.certificate));
    if (!a.crl || crl_index >= cast.crls.size()) continue;
    const auto& crl = cast.crls[crl_index++];
    const std::string revoked = a.crl->revoked.empty() ? "none" : joined(a.crl->revoked);
    out.add(base + ".crl.pem", crl.PEM_encode(),
            "CRL published by " + a.id + " (revoked: " + revoked + "; thisUpdate " +
                format_time(a.crl->this_update) + ", nextUpdate " +
                format_time(a.crl->next_update) + ")");
  }
}

void write_server(const ScenarioSpec& spec, const Cast& cast, const std::string& base,
                  FolderWriter& out) {
  const auto& badge = spec.server.certificate;
  out.certificate_and_key(base, cast.server.identity, "the club's badge",
                          "server certificate, " + validity(badge.certificate));
  out.add(base + ".chain.pem", pem_of(cast.server.chain),
          "what the club sends: its badge then " + std::to_string(cast.server.chain.size() - 1) +
              " intermediate(s), leaf first");
  if (spec.server.client_auth != ClientAuth::none && !spec.server.trusted_authorities.empty())
    out.add(base + ".trust.pem", pem_of(cast.certificates_of(spec.server.trusted_authorities)),
            "authorities whose cards the club accepts: " + joined(spec.server.trusted_authorities));
  if (!cast.server_staple.empty()) {
    const std::string der(cast.server_staple.begin(), cast.server_staple.end());
    out.add(base + ".ocsp.der", der,
            "stapled OCSP response for the club's badge (DER; openssl ocsp -respin)");
    out.add(base + ".ocsp.pem", Botan::PEM_Code::encode(cast.server_staple, "OCSP RESPONSE"),
            "the same OCSP response as PEM");
  }
}

void write_members(const ScenarioSpec& spec, const Cast& cast, const Bases& bases,
                   FolderWriter& out) {
  for (std::size_t i = 0; i < spec.members.size(); ++i) {
    const auto& m = spec.members[i];
    const std::string& base = bases.members[i];
    if (i < cast.cards.size() && cast.cards[i]) {
      out.certificate_and_key(base, cast.cards[i]->identity, m.name + "'s membership card",
                              "client certificate, " + validity(m.card->certificate));
      out.add(base + ".chain.pem", pem_of(cast.cards[i]->chain),
              "what " + m.name + " sends: the card then its intermediate(s), leaf first");
    }
    if (i < cast.impostors.size() && cast.impostors[i]) {
      // A man in the middle's badge for the club's name (the interception lessons).
      const std::string who = "the impostor " + m.name + " meets";
      out.certificate_and_key(base + ".impostor", cast.impostors[i]->identity, who,
                              "server certificate issued by " + m.intercepted_by.value_or("?"));
      out.add(base + ".impostor.chain.pem", pem_of(cast.impostors[i]->chain),
              "what the impostor sends " + m.name + ", leaf first");
    }
    if (!m.trusted_authorities.empty())
      out.add(base + ".trust.pem", pem_of(cast.certificates_of(m.trusted_authorities)),
              "authorities " + m.name + "'s device trusts: " + joined(m.trusted_authorities));
  }
}

std::string index_text(const ScenarioSpec& spec, const Bases& bases,
                       const std::vector<ExportedFile>& files) {
  std::ostringstream out;
  const auto epoch = spec.now.time_since_epoch().count();
  out << "TLS Club certificates: " << spec.title << "\n"
      << "Scenario clock: " << format_time(spec.now) << " (Unix time " << epoch
      << ", what openssl's -attime takes)\n\n";
  std::size_t width = 0;
  for (const auto& f : files) width = std::max(width, f.path.filename().string().size());
  for (const auto& f : files) {
    const std::string name = f.path.filename().string();
    out << name << std::string(width + 2 - name.size(), ' ') << f.description << "\n";
  }
  const std::string root = bases.authorities.count(root_of(spec, spec.server.certificate.issuer))
                               ? bases.authorities.at(root_of(spec, spec.server.certificate.issuer))
                               : "ROOT";
  const std::string& club = bases.server;
  out << "\nTry, in this folder:\n"
      << "  openssl x509 -in " << club << ".crt.pem -noout -text\n"
      << "  openssl verify -attime " << epoch << " -CAfile " << root << ".crt.pem -untrusted "
      << club << ".chain.pem " << club << ".crt.pem\n"
      << "    (add -purpose sslserver -verify_hostname NAME to check it as a browser would)\n";
  for (const auto& a : spec.authorities)
    if (a.crl) {
      out << "  openssl crl -in " << bases.authorities.at(a.id) << ".crl.pem -noout -text\n";
      break;
    }
  if (spec.server.ocsp_staple)
    out << "  openssl ocsp -respin " << club << ".ocsp.der -resp_text -noverify\n";
  return out.str();
}

}  // namespace

std::vector<ExportedFile> export_certificates(const ScenarioSpec& spec,
                                              const std::filesystem::path& dir) {
  return export_certificates(spec, build_cast(spec), dir);
}

std::vector<ExportedFile> export_certificates(const ScenarioSpec& spec, const Cast& cast,
                                              const std::filesystem::path& dir) {
  ensure_export_folder(dir);
  FolderWriter out(dir);
  Bases bases;
  for (const auto& a : spec.authorities) bases.authorities[a.id] = out.claim(a.id, "authority");
  const std::string& club = spec.server.certificate.certificate.common_name;
  bases.server = out.claim(club.empty() ? "server" : club, "server");
  for (const auto& m : spec.members) bases.members.push_back(out.claim(m.name, "member"));

  write_authorities(spec, cast, bases, out);
  write_server(spec, cast, bases.server, out);
  write_members(spec, cast, bases, out);
  out.add("index.txt", index_text(spec, bases, out.files()), "this list");
  return out.take();
}

}  // namespace tlsclub
