# Botan 3 comes from the system (pkg-config botan-3) or from the cache that scripts/bootstrap.sh
# fills (~/.cache/tlsclub/botan-<version>-<modules>). Never from the repository.
set(TLSCLUB_BOTAN_PREFIX "$ENV{TLSCLUB_BOTAN_PREFIX}" CACHE PATH
    "Prefix of a Botan 3 build (empty: system, then the bootstrap cache)")
if(NOT TLSCLUB_BOTAN_PREFIX OR TLSCLUB_BOTAN_PREFIX STREQUAL "system")
  if(DEFINED ENV{TLSCLUB_CACHE})
    set(_cache "$ENV{TLSCLUB_CACHE}")
  elseif(DEFINED ENV{XDG_CACHE_HOME})
    set(_cache "$ENV{XDG_CACHE_HOME}/tlsclub")
  else()
    set(_cache "$ENV{HOME}/.cache/tlsclub")
  endif()
  file(GLOB _stamps "${_cache}/botan-*/.complete")
  foreach(_stamp IN LISTS _stamps)
    get_filename_component(_dir "${_stamp}" DIRECTORY)
    list(APPEND CMAKE_PREFIX_PATH "${_dir}")
  endforeach()
else()
  list(PREPEND CMAKE_PREFIX_PATH "${TLSCLUB_BOTAN_PREFIX}")
endif()

find_package(PkgConfig REQUIRED)
pkg_check_modules(BOTAN IMPORTED_TARGET botan-3>=3.5)
if(NOT BOTAN_FOUND)
  message(FATAL_ERROR "Botan 3 (>= 3.5) not found. Run scripts/bootstrap.sh once: it installs the "
                      "Debian packages and builds Botan 3 into ~/.cache/tlsclub.")
endif()
message(STATUS "Botan ${BOTAN_VERSION} from ${BOTAN_PREFIX}")
