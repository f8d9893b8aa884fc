# tests/corpus/correct: standards written correctly under GB/T 1.1—2020 in
# the shapes published standards take. Any error or warning on them is a
# false positive of a rule.
file(GLOB documents ${CORPUS_DIR}/*.md)
set(failures "")
foreach(doc IN LISTS documents)
  execute_process(COMMAND ${BZC} check --lang en ${doc} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_QUIET)
  if(out MATCHES ": (error|warning): ")
    string(APPEND failures "${out}")
  endif()
endforeach()
list(LENGTH documents count)
if(failures)
  message(FATAL_ERROR "false positives on the correct corpus:\n${failures}")
endif()
message(STATUS "${count} correct standards, no errors or warnings")
