# The -march of native builds, from LEAKY_NATIVE_ARCH. xsimd picks its kernels' instruction set
# at compile time from it, so it decides both speed and where the binary runs:
#   native     (default) the build machine's own: fastest there, may crash elsewhere with an
#              illegal instruction (a login node with AVX-512, compute nodes without)
#   portable   what every machine of a cluster runs: x86-64-v2 (SSE4.2, x86-64 CPUs from about
#              2009 on), or armv8-a on 64-bit ARM
#   x86-64-v3  (AVX2, FMA), x86-64-v4 (AVX-512), or any other -march value the compiler knows
#   ""         the compiler's default (x86-64: SSE2 only)
set(LEAKY_NATIVE_ARCH "native" CACHE STRING
    "-march of native builds: native, portable, a -march value (x86-64-v3, ...), or empty")
if(NOT EMSCRIPTEN AND LEAKY_NATIVE_ARCH)
  set(march ${LEAKY_NATIVE_ARCH})
  if(march STREQUAL "portable")
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
      set(march x86-64-v2)
    elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
      set(march armv8-a)
    else()
      message(FATAL_ERROR "LEAKY_NATIVE_ARCH=portable: no portable level is known for "
        "${CMAKE_SYSTEM_PROCESSOR}; give a -march value or leave LEAKY_NATIVE_ARCH empty")
    endif()
  endif()
  include(CheckCXXCompilerFlag)
  string(MAKE_C_IDENTIFIER "LEAKY_MARCH_OK_${march}" accepted)
  check_cxx_compiler_flag(-march=${march} ${accepted})
  if(NOT ${accepted})
    message(FATAL_ERROR "LEAKY_NATIVE_ARCH=${LEAKY_NATIVE_ARCH}: ${CMAKE_CXX_COMPILER} does not "
      "accept -march=${march}; allowed: native, portable, empty, or a -march value it knows "
      "(x86-64-v2, x86-64-v3, x86-64-v4, ...)")
  endif()
  add_compile_options(-march=${march})
endif()
