# LEAKY_FAST_MATH (off by default): let the compiler fuse the SIMD kernels' multiply-adds into
# FMA instructions, natively, where -march has them (native on an FMA machine, x86-64-v3,
# x86-64-v4; not portable's x86-64-v2). Faster, but results are no longer bit-identical to the
# scalar reference path or to wasm: the tests of bit identity fail in such a build, by design.
# Only the SIMD kernel files change; data generation and every other file keep
# -ffp-contract=off.
# wasm has no fused multiply-add outside relaxed SIMD, and Emscripten 3.1.6 (clang 14) emits
# relaxed SIMD's pre-standard opcodes, which Node 20 and current browsers reject ("invalid simd
# opcode"): a wasm fast-math build needs an Emscripten on LLVM 16 or later (the standardised
# opcodes, -mrelaxed-simd and xsimd's relaxed FMA), and a runtime with relaxed SIMD (Chrome
# 114+, Node 22+ by default), probed like SIMD itself with a scalar fallback.
option(LEAKY_FAST_MATH "Fused multiply-adds in the native SIMD kernels (not bit-identical)" OFF)
if(LEAKY_FAST_MATH AND EMSCRIPTEN)
  message(FATAL_ERROR "LEAKY_FAST_MATH: not available in wasm with Emscripten "
    "${EMSCRIPTEN_VERSION}: it needs relaxed SIMD's standard opcodes (LLVM 16 or later); "
    "see cmake/fast_math.cmake")
endif()
