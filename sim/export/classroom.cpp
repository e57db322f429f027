#include "export/classroom.h"

#include <botan/pkix_types.h>
#include <botan/x509cert.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "export/export_file.h"
#include "scenario/cast.h"

namespace tlsclub {

namespace {

std::string lowercase_without_final_dot(std::string_view name) {
  std::string out(name);
  if (!out.empty() && out.back() == '.') out.pop_back();
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool ends_with_label(const std::string& name, std::string_view tld) {
  if (name == tld) return true;
  return name.size() > tld.size() + 1 && name.ends_with(tld) &&
         name[name.size() - tld.size() - 1] == '.';
}

// Where a name comes from, for the error that refuses it.
struct NamedBy {
  std::string name;
  std::string where;
};

std::vector<NamedBy> names_used(const ScenarioSpec& spec) {
  std::vector<NamedBy> out;
  const auto& badge = spec.server.certificate.certificate;
  if (badge.dns_names.empty())
    out.push_back({badge.common_name, "the club's badge (its common name)"});
  for (const auto& n : badge.dns_names) out.push_back({n, "the club's badge"});
  for (const auto& m : spec.members)
    out.push_back({m.server_name, "member " + m.name + "'s server_name"});
  return out;
}

std::vector<std::string> classroom_names(const ScenarioSpec& spec) {
  std::set<std::string> names;
  for (const auto& [raw, where] : names_used(spec)) {
    if (!is_classroom_name(raw))
      throw ClassroomError(
          where + " names '" + raw +
          "', which is not under .example or .test: an authority students import may only "
          "vouch for names that can never be a real site (RFC 2606, RFC 6761); rename it in "
          "the scenario");
    std::string name = lowercase_without_final_dot(raw);
    if (name.starts_with("*.")) name.erase(0, 2);
    names.insert(std::move(name));
  }
  return {names.begin(), names.end()};
}

const AuthoritySpec* find(const ScenarioSpec& spec, const std::string& id) {
  for (const auto& a : spec.authorities)
    if (a.id == id) return &a;
  return nullptr;
}

std::string readme(const ScenarioSpec& spec, const ClassroomKit& kit,
                   const std::vector<std::string>& files) {
  // What a student types: the name the scenario's members ask for.
  const std::string& club = spec.members.empty() ? spec.server.certificate.certificate.common_name
                                                 : spec.members.front().server_name;
  const std::string scenario = spec.source.empty() ? "" : spec.source + " ";
  std::ostringstream out;
  out << "TLS Club classroom kit: " << spec.title << "\n\n"
      << "Students import this authority into their browser, so that it can check the club's\n"
      << "badge the way it checks a real site's:\n\n";
  for (std::size_t i = 0; i < kit.authorities.size(); ++i)
    out << "  " << files[i] << "  " << kit.authorities[i].subject << "\n";
  out << "\nIt is the scenario's own authority (same name, same key), with name constraints\n"
      << "(RFC 5280 4.2.1.10): it can vouch only for these names, which no real site can have:\n\n";
  for (const auto& n : kit.names) out << "  " << n << " (and every name below it)\n";
  out << "\nA badge it signed for any other name is refused by the browser, so importing it\n"
      << "exposes no real site to interception, although anyone can export its teaching key.\n\n"
      << "1. The trainer opens the club to the class (the clock moved to today, so the badges\n"
      << "   are as fresh in real time as in the scenario):\n\n"
      << "     tlsclub serve " << scenario << "--clock now --listen 0.0.0.0\n\n"
      << "2. Each student maps the club's name to the trainer's machine (the address serve\n"
      << "   prints), in /etc/hosts (Windows: C:\\Windows\\System32\\drivers\\etc\\hosts):\n\n";
  for (const auto& n : kit.names) out << "     ADDRESS  " << n << "\n";
  out << "\n   or, for curl alone: curl --cacert " << files.front() << " --resolve " << club
      << ":4433:ADDRESS https://" << club << ":4433/\n\n"
      << "3. Each student imports the authority, best into a browser profile of its own:\n"
      << "   Firefox: Settings > Privacy & Security > Certificates > View Certificates >\n"
      << "            Authorities > Import, tick 'Trust this CA to identify websites'.\n"
      << "   Chrome/Chromium: Settings > Privacy and security > Security > Manage certificates\n"
      << "            > the imported authorities (Linux: 'Manage imported certificates from\n"
      << "            Linux' > Authorities) > Import, tick 'Trust this certificate for\n"
      << "            identifying websites'.\n"
      << "   Then open https://" << club << ":4433/\n\n"
      << "4. After the class, remove it: the same place, select it, Delete (or delete the\n"
      << "   separate profile).\n\n"
      << "docs/classroom.md has the full guide and what each library scenario looks like in a\n"
      << "browser.\n";
  return out.str();
}

}  // namespace

bool is_classroom_name(std::string_view name) {
  const std::string n = lowercase_without_final_dot(name);
  return ends_with_label(n, "example") || ends_with_label(n, "test");
}

ClassroomKit classroom_kit(const ScenarioSpec& spec) {
  ClassroomKit kit;
  kit.names = classroom_names(spec);
  if (spec.members.empty() || spec.members.front().trusted_authorities.empty())
    throw ClassroomError(
        "the first member trusts no authority, so there is none for a browser to import");
  // The same root re-issued: its key comes first from the authority's own random stream
  // (scenario/cast.cpp), so adding an extension changes the certificate, not the key, and the
  // chains the club sends still lead to it.
  ScenarioSpec constrained = spec;
  const auto& trusted = spec.members.front().trusted_authorities;
  for (auto& a : constrained.authorities)
    if (std::find(trusted.begin(), trusted.end(), a.id) != trusted.end() && !a.parent)
      a.certificate.permitted_dns = kit.names;
  const Cast cast = build_cast(constrained);
  for (const auto& id : trusted) {
    const AuthoritySpec* a = find(spec, id);
    if (a == nullptr || a->parent) continue;  // only roots are trust anchors here
    const auto& certificate = cast.authorities.at(id).certificate;
    kit.authorities.push_back({id, certificate.subject_dn().to_string(), certificate.PEM_encode()});
  }
  if (kit.authorities.empty())
    throw ClassroomError(
        "the first member trusts no root authority, so there is none for a "
        "browser to import");
  return kit;
}

std::vector<ExportedFile> export_classroom(const ScenarioSpec& spec,
                                           const std::filesystem::path& dir) {
  const ClassroomKit kit = classroom_kit(spec);
  ensure_export_folder(dir);
  std::vector<ExportedFile> files;
  std::vector<std::string> names;
  for (const auto& a : kit.authorities) {
    names.push_back("classroom-" + file_safe_name(a.id) + ".crt.pem");
    write_export_file(dir / names.back(), a.pem);
    files.push_back({dir / names.back(), "authority " + a.id +
                                             " for the class's browsers, constrained to " +
                                             std::to_string(kit.names.size()) + " name(s)"});
  }
  write_export_file(dir / "README.txt", readme(spec, kit, names));
  files.push_back({dir / "README.txt", "what the trainer and the students do with it"});
  return files;
}

}  // namespace tlsclub
