#include "bridge/knock.h"

#include "bridge/endpoint_configs.h"
#include "bridge/socket.h"
#include "scenario/cast.h"

namespace tlsclub::bridge {

Timeline knock(const ScenarioSpec& spec, const KnockOptions& options,
               const std::atomic<bool>* stop) {
  const std::size_t index = member_index(spec, options.member);
  if (!options.allow_non_loopback && !is_loopback_host(options.host))
    throw BridgeError("'" + options.host +
                      "' is not a loopback address: members knock on this machine only "
                      "(hint: use 127.0.0.1, or --allow-remote to visit another host)");
  const MemberSpec& member = spec.members[index];
  const Cast cast = build_cast(spec);
  EndpointConfig config = member_config(spec, cast, index);
  if (!options.server_name.empty()) config.server_name = options.server_name;
  config.stream = fresh_stream("bridge:client:" + member.name);

  Timeline t;
  t.title = spec.title + " (live)";
  t.seed = spec.seed;
  t.tls_version = spec.max_version == TlsVersion::tls13 ? "1.3" : "1.2";
  t.clock = spec.now;
  Connection& c = t.connections.emplace_back();
  c.client = member.name;
  c.server_name = config.server_name;

  Socket socket = connect_within(options.host, options.port, options.connect_timeout);
  Conversation conversation;
  conversation.request =
      member.request.empty() ? "Hello, I am " + member.name + "." : member.request;
  LiveSettings settings;
  settings.timeout = options.timeout;
  settings.reply_wait = options.reply_wait;
  settings.stop = stop;
  run_live(socket, std::move(config), spec.now, conversation, settings, c);
  return t;
}

}  // namespace tlsclub::bridge
