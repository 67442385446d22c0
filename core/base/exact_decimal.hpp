// A finite double's exact decimal expansion (every binary fraction has one), and "%.*g" from
// it. The C library's printf computes the same text, correctly rounded, but takes the long
// way for every precision asked (the JSON writer asks for several per number, to find the
// shortest that reads back); here the expansion is computed once and each precision is a
// rounding of it: round to nearest, ties to even, as printf does in the default rounding mode.
// Whether a text reads back is decided exactly too, against the halfway points around the
// value: in wasm, the C library's strtod works in software 128-bit floats and was the largest
// cost of writing a statistics line.
#pragma once
#include <cstddef>
#include <cstdint>

namespace leaky {

struct ExactDecimal {
  bool negative = false;
  int count = 0;    // significant digits; 0 for zero
  int exponent = 0; // the value is 0.d1 d2 ... d_count x 10^(exponent + 1): d1 is 10^exponent
  char digits[800]; // '0'..'9', no leading zero; 2^-1074 has 751 significant digits
};

// Precondition: v is finite.
ExactDecimal exact_decimal(double v);
// m 2^e2, exactly.
ExactDecimal exact_decimal(std::uint64_t m, int e2, bool negative = false);

// The decimals that read back (strtof, strtod: round to nearest, ties to even) as a finite,
// nonzero v of their type: those strictly between the halfway points to v's neighbours,
// and the halfway points themselves when v's mantissa is even. Magnitudes only.
struct ReadBackInterval {
  ExactDecimal low, high;
  bool ends_included = false;
};
ReadBackInterval read_back_interval(float v);
ReadBackInterval read_back_interval(double v);

// Whether v (exact) rounded to `precision` significant digits, as "%.*g" writes it, lies in
// the interval: whether that text reads back as v. Sign aside.
bool reads_back(const ExactDecimal& v, int precision, const ReadBackInterval& interval);

// snprintf(out, size, "%.*g", precision, v) for the v of d, precision >= 1: the length
// written (without the terminating 0), at most size - 1 characters (the text is cut short
// if it does not fit, as snprintf's would be).
int format_g(const ExactDecimal& d, int precision, char* out, std::size_t size);

} // namespace leaky
