# One bundled sample: it checks clean in both forms, its committed XML is
# what bzc writes for the Markdown today, and that XML reads back into the
# same bytes. Run as: cmake -DBZC=… -DSAMPLE_DIR=… -DWORK_DIR=… -P sample_test.cmake
foreach(form standard.md standard.xml)
  execute_process(COMMAND ${BZC} check ${SAMPLE_DIR}/${form}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "bzc check ${form} is not clean (exit ${status}):\n${out}${err}")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${BZC} xml ${SAMPLE_DIR}/standard.md -o ${WORK_DIR}/from-markdown.xml RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "bzc xml standard.md failed (exit ${status})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK_DIR}/from-markdown.xml ${SAMPLE_DIR}/standard.xml
                RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "samples: standard.xml is out of date with standard.md; regenerate it with "
                      "bzc xml ${SAMPLE_DIR}/standard.md -o ${SAMPLE_DIR}/standard.xml and review the diff")
endif()
execute_process(COMMAND ${BZC} xml ${WORK_DIR}/from-markdown.xml -o ${WORK_DIR}/from-xml.xml RESULT_VARIABLE status)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK_DIR}/from-markdown.xml ${WORK_DIR}/from-xml.xml
                RESULT_VARIABLE differs)
if(NOT status EQUAL 0 OR differs)
  message(FATAL_ERROR "round trip broken: the canonical XML read back as XML gives different XML")
endif()
