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
execute_process(COMMAND "${CHECK}" "${PNG}" 1600 1000 RESULT_VARIABLE _rc OUTPUT_VARIABLE _out
                ERROR_VARIABLE _err)
message("${_out}${_err}")
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${PNG} is not the picture it should be")
endif()
