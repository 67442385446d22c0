# Fails when a file of a core layer includes a header of a layer above it (or of a layer it
# does not build on). Run by the build (target leaky_layer_check) before any core file
# compiles, so the message names the include rather than leaving a "file not found".
#   cmake -DCORE_DIR=core -P core/check_layers.cmake
# -DEXTRA_FILE=f -DEXTRA_LAYER=model also checks f as if it were in that layer (the test of
# this check uses it).
cmake_minimum_required(VERSION 3.20)
get_filename_component(CORE_DIR ${CORE_DIR} ABSOLUTE)
set(allowed_base base)
set(allowed_kernels kernels base)
set(allowed_data data base)
set(allowed_model model kernels base)
set(allowed_train train data model kernels base)
set(allowed_schema schema train data model kernels base)
set(layers base kernels data model train schema)

# Which layer owns each header.
foreach(layer IN LISTS layers)
  file(GLOB headers RELATIVE ${CORE_DIR}/${layer} ${CORE_DIR}/${layer}/*.hpp ${CORE_DIR}/${layer}/*.hpp.in)
  foreach(h IN LISTS headers)
    string(REGEX REPLACE "\\.in$" "" h "${h}")
    set(owner_${h} ${layer})
  endforeach()
endforeach()

set(errors "")
foreach(layer IN LISTS layers)
  file(GLOB files ${CORE_DIR}/${layer}/*.hpp ${CORE_DIR}/${layer}/*.cpp)
  if(DEFINED EXTRA_FILE AND EXTRA_LAYER STREQUAL layer)
    list(APPEND files ${EXTRA_FILE})
  endif()
  foreach(f IN LISTS files)
    file(STRINGS ${f} includes REGEX "^#include \"")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" inc "${line}")
      get_filename_component(name ${inc} NAME)
      if(NOT DEFINED owner_${name})
        string(APPEND errors "\n  ${f}: includes \"${inc}\", which no core layer holds")
        continue()
      endif()
      set(target ${owner_${name}})
      if(NOT target IN_LIST allowed_${layer})
        string(REPLACE ";" ", " ok "${allowed_${layer}}")
        string(APPEND errors
          "\n  ${f}: includes ${target}/${name}; layer '${layer}' may use only: ${ok}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(errors)
  message(FATAL_ERROR "core's layers point the wrong way:${errors}")
endif()
