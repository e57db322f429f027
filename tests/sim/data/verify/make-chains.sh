#!/bin/sh
# Certificates for the tests of tlsclub verify and its path builder, made by openssl in OUTDIR:
#   root.pem, inter.pem, leaf.pem          a good server chain (club.example, 192.0.2.7, 2001:db8::7)
#   fullchain.pem                          leaf.pem then inter.pem, as servers keep them
#   short.pem                              a server leaf that lives one day (expired a month later)
#   client.pem                             a clientAuth-only card under inter
#   stranger-root.pem, stranger-leaf.pem   a chain under a root nobody trusts
#   twin1.pem, twin2.pem, twin-leaf.pem    two CAs named "Twin CA" under root; the leaf is twin2's
#   loop-a.pem, loop-b.pem, loop-leaf.pem  "Loop A" and "Loop B" cross-signed both ways
#   long-1.pem .. long-5.pem, long-leaf.pem  a chain five intermediates deep under root
# Usage: make-chains.sh OUTDIR
set -eu
out=$1
mkdir -p "$out"
cd "$out"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

# self_signed NAME CN
self_signed() {
  key "$1"
  openssl req -new -x509 -key "$1.key" -subj "/CN=$2/O=TLS Club Tests" -days 3650 -out "$1.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" 2>/dev/null
}

# sign NAME CN ISSUER DAYS EXTENSIONS [KEY]: NAME.pem for NAME.key (made unless KEY is given)
sign() {
  name=$1 cn=$2 issuer=$3 days=$4 ext=$5 subject_key=${6:-$1}
  [ -f "$subject_key.key" ] || key "$subject_key"
  printf '%s\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' "$ext" > "$name.ext"
  openssl req -new -key "$subject_key.key" -subj "/CN=$cn/O=TLS Club Tests" -out "$name.csr" 2>/dev/null
  openssl x509 -req -in "$name.csr" -CA "$issuer.pem" -CAkey "$issuer.key" -set_serial "0x$(openssl rand -hex 8)" \
    -days "$days" -extfile "$name.ext" -out "$name.pem" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

ca_ext='basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign'
server_ext='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:club.example,IP:192.0.2.7,IP:2001:db8::7'
client_ext='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth'

self_signed root "Test Root"
sign inter "Test Intermediate" root 3000 "$ca_ext"
sign leaf "club.example" inter 365 "$server_ext"
cat leaf.pem inter.pem > fullchain.pem
sign short "short.club.example" inter 1 "$server_ext"
sign client "Alice" inter 365 "$client_ext"

self_signed stranger-root "Stranger Root"
sign stranger-leaf "club.example" stranger-root 365 "$server_ext"

sign twin1 "Twin CA" root 3000 "$ca_ext"
sign twin2 "Twin CA" root 3000 "$ca_ext"
sign twin-leaf "club.example" twin2 365 "$server_ext"

# Each loop CA's certificate is signed by the other's key: A by B, B by A.
key loop-a
key loop-b
openssl req -new -x509 -key loop-a.key -subj "/CN=Loop A/O=TLS Club Tests" -days 3650 -out loop-a-self.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" 2>/dev/null
openssl req -new -x509 -key loop-b.key -subj "/CN=Loop B/O=TLS Club Tests" -days 3650 -out loop-b-self.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" 2>/dev/null
cp loop-a.key loop-a-self.key
cp loop-b.key loop-b-self.key
sign loop-a-by-b "Loop A" loop-b-self 3000 "$ca_ext" loop-a
sign loop-b-by-a "Loop B" loop-a-self 3000 "$ca_ext" loop-b
mv loop-a-by-b.pem loop-a.pem
mv loop-b-by-a.pem loop-b.pem
sign loop-leaf "club.example" loop-a-self 365 "$server_ext"

previous=root
for i in 1 2 3 4 5; do
  sign "long-$i" "Long $i" "$previous" 3000 "$ca_ext"
  previous=long-$i
done
sign long-leaf "club.example" long-5 365 "$server_ext"
