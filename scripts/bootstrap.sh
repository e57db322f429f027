#!/usr/bin/env bash
# Installs what TLS Club needs and prints nothing else to stdout but the Botan prefix, so callers
# can do:  prefix=$(scripts/bootstrap.sh)
# Idempotent: a warm machine does no network access and no builds.
#
#   TLSCLUB_CACHE   where the Botan build is cached (default: ~/.cache/tlsclub), outside the repo
#   TLSCLUB_NO_APT  set to 1 to skip the Debian package step (you installed them yourself)
set -euo pipefail

log() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

cache_root=${TLSCLUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tlsclub}

# Debian 12 package names. Build tools, libraries, and the real TLS peers the tests talk to.
packages=(
  build-essential cmake ninja-build pkg-config python3 dpkg-dev patch xz-utils
  doctest-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libstb-dev
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri fonts-dejavu-core clang libclang-rt-14-dev clang-tidy
  openssl gnutls-bin curl tshark xvfb xauth libnss3-tools
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $* (or install the packages yourself and set TLSCLUB_NO_APT=1)"
  fi
}

install_packages() {
  [ "${TLSCLUB_NO_APT:-0}" = 1 ] && return 0
  command -v dpkg-query >/dev/null || die "this script expects a Debian-like system (no dpkg-query)"
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq >&2
  # tshark asks whether non-root users may capture; the default answer (no) is fine here.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# Botan 3 module set: what the engine uses (docs/botan-notes.md, pitfall 6, for the groups).
# Changing it changes the cache key, so a new build happens.
botan_modules=tls12,tls13,tls13_pqc,ml_kem,x509,ecdsa,ecdh,x25519,ed25519,rsa,aes,gcm,chacha20poly1305,sha2_32,sha2_64,sha3,sha1,hkdf,hmac,hmac_drbg,prf_tls,pem,emsa_pssr,emsa_pkcs1,eme_pkcs1,system_rng,auto_rng,pcurves_secp256r1,pcurves_secp384r1,pcurves_secp521r1
botan_configure=(--minimized-build --enable-modules="$botan_modules" --build-targets=static
  --without-documentation --build-tool=ninja)
# Patches applied to Botan's sources before configuring, in name order (each says why at its top;
# docs/botan-notes.md lists them).
patch_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/botan-patches"
# The key covers what decides the library's contents: the module set, the static build and the
# patches, so changing any of them builds a new library beside the old one.
botan_key=$( { printf '%s static\n' "$botan_modules"; cat "$patch_dir"/*.patch; } | sha256sum | cut -c1-10)

system_botan() { pkg-config --exists 'botan-3 >= 3.5' 2>/dev/null; }

cached_botan() {
  local d
  for d in "$cache_root"/botan-*-"$botan_key"; do
    [ -f "$d/.complete" ] && { echo "$d"; return 0; }
  done
  return 1
}

# The mirror comes from this machine's own apt configuration (deb822 or one-line style).
debian_mirror() {
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
                        | grep -v security | awk '{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' | head -n1 || true)
  [ -n "$uri" ] || die "cannot find a Debian mirror in /etc/apt (needed to fetch the botan3 source package)"
  echo "$uri"
}

# debian_source WORK SUITE PACKAGE: a Debian source package from SUITE, unpacked under WORK;
# prints "VERSION SRC". The mirror is this machine's; the apt state is private to WORK, so the
# system's sources are never touched.
debian_source() {
  local work=$1 suite=$2 package=$3 apt_opts version src
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/parts" "$work/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(debian_mirror) $suite main" > "$work/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=$work/parts"
            -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=$(id -un)")
  log "fetching Debian's $package source package ($suite)"
  apt-get "${apt_opts[@]}" update -qq >&2 || die "apt-get update for $suite sources failed"
  version=$(apt-cache "${apt_opts[@]}" showsrc "$package" | awk '/^Version:/ {print $2; exit}')
  [ -n "$version" ] || die "$package source package not found in $suite"
  (cd "$work/src" && apt-get "${apt_opts[@]}" source -qq "$package" >&2) || die "apt-get source $package failed"
  src=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name "$package-*" | head -n1)
  [ -n "$src" ] || die "apt-get source $package left no source folder"
  echo "$version $src"
}

# botan_source WORK: Debian's botan3 sources (trixie: bookworm has only Botan 2), patched;
# prints "VERSION SRC". scripts/web builds its WebAssembly Botan from the same sources.
botan_source() {
  local version src p
  read -r version src < <(debian_source "$1" trixie botan3)
  [ -n "$src" ] || die "no botan3 sources"
  for p in "$patch_dir"/*.patch; do
    log "patching Botan: $(basename "$p")"
    patch -p1 -s -d "$src" <"$p" >&2 || die "patch $(basename "$p") does not apply to botan3 $version"
  done
  echo "$version $src"
}

# botan_compile SRC PREFIX [configure.py options...]: configures (the module set and static build
# above, plus the options given), builds on all cores and installs into PREFIX, marked complete.
# Botan's build.ninja names its paths from the source folder, so ninja runs there.
botan_compile() {
  local src=$1 prefix=$2
  shift 2
  rm -rf "$prefix"
  log "configuring Botan (minimized: $botan_modules) for $prefix"
  (cd "$src" && python3 configure.py --prefix="$prefix" "${botan_configure[@]}" "$@" >configure.log 2>&1) \
    || { tail -n 30 "$src/configure.log" >&2; die "Botan configure failed"; }
  log "building Botan on $(nproc) cores (a few minutes, once; cached in $prefix)"
  # Progress: ninja's [n/m] counter, one line every 25 steps (the full command lines go to a log).
  (cd "$src" && ninja -j"$(nproc)" 2>&1 | tee build.log \
     | awk '/^\[[0-9]+\/[0-9]+\]/ { gsub(/[][]/, "", $1); split($1, n, "/"); if (n[1] % 25 == 0 || n[1] == n[2]) printf "bootstrap: botan %s/%s\n", n[1], n[2]; fflush() }' >&2
   test "${PIPESTATUS[0]}" = 0) || { tail -n 30 "$src/build.log" >&2; die "Botan build failed"; }
  (cd "$src" && ninja install >/dev/null) || die "Botan install failed"
  touch "$prefix/.complete"
}

build_botan() {
  local work version src
  work=$(mktemp -d "${TMPDIR:-/tmp}/tlsclub-botan.XXXXXX")
  # Once: a RETURN trap outlives its function and would fire again where $work is unset.
  trap 'rm -rf "$work"; trap - RETURN' RETURN
  read -r version src < <(botan_source "$work")
  [ -n "$src" ] || die "no botan3 source folder"
  botan_compile "$src" "$cache_root/botan-$version-$botan_key"
  echo "$cache_root/botan-$version-$botan_key"
}

main() {
  install_packages
  if system_botan; then
    log "using the system's Botan $(pkg-config --modversion botan-3)"
    echo system
  elif prefix=$(cached_botan); then
    log "using cached Botan in $prefix"
    echo "$prefix"
  else
    mkdir -p "$cache_root"
    build_botan
  fi
}

# Run, it bootstraps the native build; sourced (scripts/web), it only defines the pieces above.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main; fi
