# leaky_nlohmann_version(<include dir> <out var>): the version ("3.11.2") of the nlohmann/json
# headers in <include dir>, read from their version macros (detail/abi_macros.hpp since 3.11,
# json.hpp before), or "" when there are none.
function(leaky_nlohmann_version dir out)
  set(parts "")
  foreach(part MAJOR MINOR PATCH)
    set(value "")
    foreach(file nlohmann/detail/abi_macros.hpp nlohmann/json.hpp)
      if(value STREQUAL "" AND EXISTS "${dir}/${file}")
        file(STRINGS "${dir}/${file}" line REGEX "^#define NLOHMANN_JSON_VERSION_${part} +[0-9]+"
             LIMIT_COUNT 1)
        string(REGEX REPLACE "^#define NLOHMANN_JSON_VERSION_${part} +([0-9]+).*" "\\1" value
               "${line}")
      endif()
    endforeach()
    if(value STREQUAL "")
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
    list(APPEND parts ${value})
  endforeach()
  list(JOIN parts "." version)
  set(${out} ${version} PARENT_SCOPE)
endfunction()
