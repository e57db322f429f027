#!/bin/sh
# Regenerates the real captures of this folder (run as root: dumpcap on the loopback): openssl
# s_client talking to openssl s_server on this machine, captured with dumpcap, a throwaway
# self-signed certificate. The files are committed; this script is how they were made.
#   tls13.pcapng     TLS 1.3 over IPv4, interface lo (Ethernet), with its key log injected as a
#                    Decryption Secrets Block (editcap --inject-secrets); tls13.keys beside it
#   tls12.pcap       TLS 1.2 over IPv4 (classic pcap); tls12.keys
#   tls12-alert.pcap TLS 1.2, the client refuses the self-signed certificate: an alert in clear
#   tls13-ipv6-any.pcapng.gz  TLS 1.3 over IPv6 (::1), interface "any" (Linux cooked), gzipped
set -eu
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem \
  -out cert.pem -days 2 -subj /CN=club.example 2>/dev/null

# capture NAME IFACE PORT HOST SERVER_OPTS CLIENT_OPTS: one connection, captured to NAME.pcapng
capture() {
  name=$1 iface=$2 port=$3 host=$4 server_opts=$5 client_opts=$6
  dumpcap -q -i "$iface" -f "tcp port $port" -w "$work/$name.pcapng" 2>/dev/null &
  dumper=$!
  sleep 2
  # shellcheck disable=SC2086
  openssl s_server -accept "$host:$port" -cert cert.pem -key key.pem -naccept 1 -quiet \
    $server_opts >/dev/null 2>&1 &
  server=$!
  sleep 1
  # shellcheck disable=SC2086
  echo "hello club" | openssl s_client -connect "$host:$port" -servername club.example \
    -keylogfile "$work/$name.keys" $client_opts >/dev/null 2>&1 || true
  sleep 1
  kill "$server" 2>/dev/null || true
  sleep 1
  kill "$dumper"
  wait "$dumper" || true
}

capture tls13 lo 44331 127.0.0.1 "-tls1_3" "-tls1_3 -alpn h2,http/1.1"
editcap --inject-secrets "tls,$work/tls13.keys" tls13.pcapng "$out/tls13.pcapng"
cp tls13.keys "$out/tls13.keys"

capture tls12 lo 44332 127.0.0.1 "-tls1_2" "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256"
editcap -F pcap tls12.pcapng "$out/tls12.pcap"
cp tls12.keys "$out/tls12.keys"

capture alert lo 44333 127.0.0.1 "-tls1_2" "-tls1_2 -verify_return_error"
editcap -F pcap alert.pcapng "$out/tls12-alert.pcap"

capture ipv6 any 44334 '[::1]' "-tls1_3" "-tls1_3"
gzip -9 -n -c ipv6.pcapng >"$out/tls13-ipv6-any.pcapng.gz"
