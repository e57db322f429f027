#include "state/certificates.h"

#include <algorithm>
#include <functional>

#include "state/key_schedule.h"
#include "state/names.h"
#include "state/oid_arcs.h"
#include "timeline/check_names.h"

namespace tlsclub::gui {

namespace {

const Field* child(const Field& f, std::string_view name) {
  for (const Field& c : f.children)
    if (c.name == name) return &c;
  return nullptr;
}

std::string child_value(const Field& f, std::string_view name) {
  const Field* c = child(f, name);
  return c != nullptr ? c->value : std::string();
}

// A decoded certificate is a field whose parts are the subject, the dates and the rest.
bool is_certificate(const Field& f) {
  return child(f, "subject") != nullptr && child(f, "not_after") != nullptr;
}

void collect(const std::vector<Field>& fields, std::vector<const Field*>& out) {
  for (const Field& f : fields) {
    if (is_certificate(f))
      out.push_back(&f);
    else
      collect(f.children, out);
  }
}

CertificateCard card_of(const Field& f, const Bytes& message, std::size_t event) {
  CertificateCard card;
  card.event = event;
  card.field = &f;
  card.subject = child_value(f, "subject");
  card.name = common_name(card.subject);
  card.issuer = child_value(f, "issuer");
  card.serial = child_value(f, "serial_number");
  card.not_before_text = child_value(f, "not_before");
  card.not_after_text = child_value(f, "not_after");
  card.not_before = parse_time(card.not_before_text);
  card.not_after = parse_time(card.not_after_text);
  card.subject_alt_name = child_value(f, "subject_alt_name");
  card.key_usage = child_value(f, "key_usage");
  card.extended_key_usage = child_value(f, "extended_key_usage");
  card.purposes = parse_purposes(card.extended_key_usage);
  card.basic_constraints = child_value(f, "basic_constraints");
  card.public_key = child_value(f, "public_key");
  card.signature_algorithm = child_value(f, "signature_algorithm");
  // Every decoded part spans the DER itself (sim/decode): that range is the certificate.
  const Field* part = child(f, "subject");
  if (part->offset + part->length <= message.size())
    card.der.assign(message.begin() + static_cast<std::ptrdiff_t>(part->offset),
                    message.begin() + static_cast<std::ptrdiff_t>(part->offset + part->length));
  return card;
}

// "valid 2016-03-03T20:00:00Z to 2036-02-27T20:00:00Z, now ..." (the validity check's reason).
void dates_from_reason(const std::string& reason, CertificateCard& card) {
  const std::size_t from = reason.find("valid ");
  const std::size_t to = reason.find(" to ", from == std::string::npos ? 0 : from);
  if (from == std::string::npos || to == std::string::npos) return;
  card.not_before_text = reason.substr(from + 6, to - from - 6);
  card.not_after_text = reason.substr(to + 4, 20);
  card.not_before = parse_time(card.not_before_text);
  card.not_after = parse_time(card.not_after_text);
}

// The root the checker trusted, named by its trust_anchor check, when the sender left it out.
std::optional<CertificateCard> trust_anchor(const Connection& c, Side checker,
                                            const std::vector<CertificateCard>& sent) {
  std::optional<CertificateCard> anchor;
  std::size_t depth = 0;
  for (const Event& e : c.events) {
    const auto* check = std::get_if<CheckEvent>(&e.body);
    if (check == nullptr || check->by != checker) continue;
    if (check->check == checks::trust_anchor && !anchor) {
      anchor.emplace();
      anchor->sent = false;
      anchor->subject = check->subject;
      anchor->name = common_name(check->subject);
      depth = check->depth;
    } else if (anchor && check->check == checks::validity && check->depth == depth &&
               check->subject == anchor->subject) {
      dates_from_reason(check->reason, *anchor);
    }
  }
  if (!anchor) return anchor;
  // A root that was sent anyway is already a card.
  if (depth < sent.size()) return std::nullopt;
  for (const auto& card : sent)
    if (common_name(card.subject) == common_name(anchor->subject)) return std::nullopt;
  anchor->issuer = anchor->subject + " (itself: a root signs its own certificate)";
  return anchor;
}

// Two spellings of one distinguished name: the decoder writes "O=A, CN=B", the checks "O=A,CN=B".
bool same_name(std::string_view a, std::string_view b) {
  auto next = [](std::string_view s, std::size_t& i) {
    if (i > 0 && i < s.size() && s[i] == ' ' && s[i - 1] == ',') ++i;
    return i < s.size() ? s[i++] : '\0';
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size())
    if (next(a, i) != next(b, j)) return false;
  return true;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string_view badge_issuer(const std::vector<Chain>& chains) {
  for (const Chain& chain : chains)
    if (chain.owner == Side::server && !chain.cards.empty() && chain.cards.back().sent)
      return common_name_view(chain.cards.back().issuer);
  return {};
}

std::vector<Purpose> parse_purposes(std::string_view text) {
  std::vector<Purpose> out;
  if (text.empty() || !(text[0] >= '0' && text[0] <= '9')) return out;  // "absent (no limit)"
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(", ", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(start, end - start);
    Purpose p;
    const std::size_t paren = item.find(" (");
    p.oid = std::string(item.substr(0, paren));
    if (paren != std::string_view::npos && item.back() == ')')
      p.name = std::string(item.substr(paren + 2, item.size() - paren - 3));
    p.arcs = oid_arcs(p.oid);
    out.push_back(std::move(p));
    start = end + 2;
  }
  return out;
}

std::vector<Chain> chains_of(const Connection& c) {
  std::vector<Chain> chains;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const auto* m = std::get_if<MessageEvent>(&c.events[i].body);
    if (m == nullptr || m->message.name != "certificate") continue;
    if (std::any_of(chains.begin(), chains.end(),
                    [&](const Chain& ch) { return ch.owner == m->from; }))
      continue;  // the first one each side sent
    Chain chain;
    chain.owner = m->from;
    chain.event = i;
    std::vector<const Field*> found;
    collect(m->message.fields, found);
    // Leaf first on the wire, but the order sent proves nothing: follow each certificate's issuer
    // name to the subject that matches it, as the verifier builds its path (RFC 5280 6.1);
    // certificates off that path follow, in the order they came.
    std::vector<const Field*> path;
    std::vector<bool> used(found.size(), false);
    if (!found.empty()) {
      path.push_back(found.front());
      used[0] = true;
      for (bool more = true; more;) {
        more = false;
        const std::string issuer = child_value(*path.back(), "issuer");
        if (same_name(issuer, child_value(*path.back(), "subject"))) break;  // self-signed
        for (std::size_t k = 0; k < found.size(); ++k) {
          if (used[k] || !same_name(child_value(*found[k], "subject"), issuer)) continue;
          path.push_back(found[k]);
          used[k] = true;
          more = true;
          break;
        }
      }
      for (std::size_t k = 0; k < found.size(); ++k)
        if (!used[k]) path.push_back(found[k]);
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it)  // root first
      chain.cards.push_back(card_of(**it, m->message.bytes, i));
    if (auto anchor = trust_anchor(c, peer_of(m->from), chain.cards))
      chain.cards.insert(chain.cards.begin(), std::move(*anchor));
    for (std::size_t k = 0; k < chain.cards.size(); ++k) {
      CertificateCard& card = chain.cards[k];
      card.signed_by_above = k > 0 && same_name(card.issuer, chain.cards[k - 1].subject);
      card.issuer_shown =
          !card.sent || same_name(card.issuer, card.subject) ||
          std::any_of(chain.cards.begin(), chain.cards.end(),
                      [&](const CertificateCard& o) { return same_name(o.subject, card.issuer); });
    }
    chains.push_back(std::move(chain));
  }
  std::stable_sort(chains.begin(), chains.end(),
                   [](const Chain& a, const Chain& b) { return a.owner > b.owner; });
  return chains;
}

std::string no_certificate_note(const Connection& c, std::size_t step) {
  if (std::string resumed = resumption_note(key_roles(c, step)); !resumed.empty()) return resumed;
  return step >= c.steps ? "No certificate was sent in this visit."
                         : "No certificate has been sent in this visit yet.";
}

std::string to_pem(ByteView der) {
  std::string b64;
  for (std::size_t i = 0; i < der.size(); i += 3) {
    const std::uint32_t n = (std::uint32_t{der[i]} << 16) |
                            (i + 1 < der.size() ? std::uint32_t{der[i + 1]} << 8 : 0u) |
                            (i + 2 < der.size() ? std::uint32_t{der[i + 2]} : 0u);
    b64 += kBase64[(n >> 18) & 63];
    b64 += kBase64[(n >> 12) & 63];
    b64 += i + 1 < der.size() ? kBase64[(n >> 6) & 63] : '=';
    b64 += i + 2 < der.size() ? kBase64[n & 63] : '=';
  }
  std::string pem = "-----BEGIN CERTIFICATE-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) pem += b64.substr(i, 64) + "\n";
  return pem + "-----END CERTIFICATE-----\n";
}

std::optional<double> validity_fraction(const CertificateCard& card, SimTime now) {
  if (!card.not_before || !card.not_after || *card.not_after <= *card.not_before)
    return std::nullopt;
  const double span = static_cast<double>((*card.not_after - *card.not_before).count());
  return static_cast<double>((now - *card.not_before).count()) / span;
}

}  // namespace tlsclub::gui
