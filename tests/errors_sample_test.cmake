# samples/errors: bzc must report exactly the findings in expected.txt
# (`bzc check --lang en standard.md`, run in the sample's folder), exit 1.
# Regenerate after a deliberate change and review the diff:
#   cd samples/errors && bzc check --lang en standard.md > expected.txt
execute_process(COMMAND ${BZC} check --lang en standard.md WORKING_DIRECTORY ${SAMPLE_DIR}
                RESULT_VARIABLE status OUTPUT_VARIABLE actual ERROR_QUIET)
file(READ ${SAMPLE_DIR}/expected.txt expected)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "bzc check samples/errors/standard.md exited ${status}, expected 1")
endif()
if(NOT actual STREQUAL expected)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/errors-actual.txt "${actual}")
  execute_process(COMMAND diff -u ${SAMPLE_DIR}/expected.txt ${CMAKE_CURRENT_BINARY_DIR}/errors-actual.txt OUTPUT_VARIABLE diff)
  message(FATAL_ERROR "the findings on samples/errors/standard.md differ from expected.txt:\n${diff}")
endif()
