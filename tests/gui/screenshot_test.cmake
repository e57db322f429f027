# One screenshot test: tlsclub-gui renders a scenario at a step under Xvfb and writes a PNG;
# png_check then decodes it and checks it is a real picture of the right size.
# -DXVFB_RUN -DAPP -DCHECK -DSCENARIO -DARGS (comma-separated) -DPNG
string(REPLACE "," ";" _args "${ARGS}")
get_filename_component(_dir "${PNG}" DIRECTORY)
file(MAKE_DIRECTORY "${_dir}")
file(REMOVE "${PNG}")
execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1600x1000x24" "${APP}" "${SCENARIO}" ${_args}
          --screenshot "${PNG}"
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "tlsclub-gui exited with ${_rc}\n${_out}${_err}")
endif()
# The picture's size: 1600x1000 unless the arguments ask for another with --size WxH.
set(_width 1600)
set(_height 1000)
list(FIND _args "--size" _at)
if(NOT _at EQUAL -1)
  math(EXPR _at "${_at} + 1")
  list(GET _args ${_at} _size)
  string(REPLACE "x" ";" _size "${_size}")
  list(GET _size 0 _width)
  list(GET _size 1 _height)
endif()
execute_process(COMMAND "${CHECK}" "${PNG}" ${_width} ${_height} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out
                ERROR_VARIABLE _err)
message("${_out}${_err}")
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${PNG} is not the picture it should be")
endif()
