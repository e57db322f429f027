# The web edition's build (emscripten; CMakePresets.json's `web` preset, run by scripts/web).
# Botan comes through cmake/botan.cmake like the native build's, from the wasm build that
# scripts/web caches; what differs is set here, once:
#   - every unit (Botan's, ImGui's, ours) includes the libc++ 13 remedy (libcxx13_compat.h);
#   - exceptions are caught (emscripten's default is to abort on them; the engine catches
#     Botan's TLS alerts);
#   - header-only libraries of the host (nlohmann-json, toml++) are seen through a folder of
#     their own, never /usr/include, whose C library headers would replace emscripten's;
#   - Dear ImGui is compiled from Debian's imgui sources (TLSCLUB_IMGUI_SOURCES).
set(TLSCLUB_IMGUI_SOURCES "$ENV{TLSCLUB_IMGUI_SOURCES}" CACHE PATH
    "Dear ImGui 1.86 sources (imgui.cpp ..., backends/), from Debian's imgui source package")
if(NOT EXISTS "${TLSCLUB_IMGUI_SOURCES}/imgui.cpp")
  message(FATAL_ERROR "The web build needs Dear ImGui's sources (TLSCLUB_IMGUI_SOURCES); "
                      "scripts/web fetches them.")
endif()

add_compile_options("SHELL:-include ${CMAKE_CURRENT_LIST_DIR}/libcxx13_compat.h"
                    "SHELL:-s DISABLE_EXCEPTION_CATCHING=0")
add_link_options("SHELL:-s DISABLE_EXCEPTION_CATCHING=0")

set(_host_headers "${CMAKE_BINARY_DIR}/host-headers")
file(MAKE_DIRECTORY "${_host_headers}")
foreach(_dir nlohmann toml++)
  if(NOT EXISTS "/usr/include/${_dir}")
    message(FATAL_ERROR "/usr/include/${_dir} not found (install Debian's nlohmann-json3-dev and "
                        "libtomlplusplus-dev; scripts/web does)")
  endif()
  file(CREATE_LINK "/usr/include/${_dir}" "${_host_headers}/${_dir}" SYMBOLIC)
endforeach()
add_library(tlsclub_web_host_headers INTERFACE)
target_include_directories(tlsclub_web_host_headers SYSTEM INTERFACE "${_host_headers}")
target_compile_definitions(tlsclub_web_host_headers INTERFACE TOML_HEADER_ONLY=1)
# sim/ links nlohmann_json::nlohmann_json; here that name brings toml++ along.
add_library(nlohmann_json::nlohmann_json ALIAS tlsclub_web_host_headers)

# Third-party code: compiled as is, without our warning flags. WebGL 2 is OpenGL ES 3.
add_library(tlsclub_imgui STATIC
  "${TLSCLUB_IMGUI_SOURCES}/imgui.cpp" "${TLSCLUB_IMGUI_SOURCES}/imgui_draw.cpp"
  "${TLSCLUB_IMGUI_SOURCES}/imgui_tables.cpp" "${TLSCLUB_IMGUI_SOURCES}/imgui_widgets.cpp"
  "${TLSCLUB_IMGUI_SOURCES}/imgui_demo.cpp"
  "${TLSCLUB_IMGUI_SOURCES}/backends/imgui_impl_glfw.cpp"
  "${TLSCLUB_IMGUI_SOURCES}/backends/imgui_impl_opengl3.cpp")
target_include_directories(tlsclub_imgui SYSTEM PUBLIC "${TLSCLUB_IMGUI_SOURCES}"
                                                       "${TLSCLUB_IMGUI_SOURCES}/backends")
target_compile_definitions(tlsclub_imgui PRIVATE IMGUI_IMPL_OPENGL_ES3)
# GLFW 3 is emscripten's own (headers in its sysroot, the library chosen at link time).
target_link_options(tlsclub_imgui INTERFACE "SHELL:-s USE_GLFW=3")
