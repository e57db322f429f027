# Every target of ours gets the same warnings; third-party headers come in as SYSTEM.
add_library(tlsclub_warnings INTERFACE)
target_compile_options(tlsclub_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                  -Wno-sign-conversion)
if(TLSCLUB_WERROR)
  target_compile_options(tlsclub_warnings INTERFACE -Werror)
endif()
