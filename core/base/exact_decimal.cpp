#include "exact_decimal.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace leaky {

namespace {

// An unsigned integer of up to kLimbs base-2^32 limbs, least significant first. m 5^1074
// (the smallest subnormal's numerator) needs 2,547 bits; m 2^971 (the largest double) 1,024.
constexpr int kLimbs = 84;
struct Big {
  std::uint32_t limb[kLimbs];
  int size = 0; // limbs in use; the top one nonzero
};

void multiply_small(Big& x, std::uint32_t factor) {
  std::uint64_t carry = 0;
  for (int i = 0; i < x.size; ++i) {
    const std::uint64_t p = static_cast<std::uint64_t>(x.limb[i]) * factor + carry;
    x.limb[i] = static_cast<std::uint32_t>(p);
    carry = p >> 32;
  }
  if (carry) x.limb[x.size++] = static_cast<std::uint32_t>(carry);
}

void shift_left(Big& x, int bits) {
  const int words = bits / 32, rest = bits % 32;
  if (rest) {
    std::uint32_t carry = 0;
    for (int i = 0; i < x.size; ++i) {
      const std::uint32_t v = x.limb[i];
      x.limb[i] = (v << rest) | carry;
      carry = v >> (32 - rest);
    }
    if (carry) x.limb[x.size++] = carry;
  }
  if (words) {
    for (int i = x.size - 1; i >= 0; --i)
      x.limb[i + words] = x.limb[i];
    std::fill_n(x.limb, words, 0u);
    x.size += words;
  }
}

// x /= divisor; returns the remainder.
std::uint32_t divide_small(Big& x, std::uint32_t divisor) {
  std::uint64_t rem = 0;
  for (int i = x.size - 1; i >= 0; --i) {
    const std::uint64_t cur = (rem << 32) | x.limb[i];
    x.limb[i] = static_cast<std::uint32_t>(cur / divisor);
    rem = cur % divisor;
  }
  while (x.size > 0 && x.limb[x.size - 1] == 0)
    --x.size;
  return static_cast<std::uint32_t>(rem);
}

// A float or double as m 2^e: m with its leading bit (none for subnormals), of `bits` bits.
struct Binary {
  std::uint64_t m;
  int e;
  int bits;
  bool negative, smallest_exponent; // smallest: subnormal, or the smallest normal exponent
};
template <class T> Binary binary_of(T v) {
  constexpr int kMantissa = std::numeric_limits<T>::digits - 1; // 23, 52
  constexpr int kBias = std::numeric_limits<T>::max_exponent - 1 + kMantissa;
  using U = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
  U bits;
  std::memcpy(&bits, &v, sizeof bits);
  const int biased =
      static_cast<int>((bits >> kMantissa) & ((U{1} << (sizeof(T) * 8 - 1 - kMantissa)) - 1));
  std::uint64_t m = bits & ((U{1} << kMantissa) - 1);
  if (biased != 0) m |= std::uint64_t{1} << kMantissa;
  return {m, biased == 0 ? 1 - kBias : biased - kBias, kMantissa + 1,
          static_cast<bool>(bits >> (sizeof(T) * 8 - 1)), biased <= 1};
}

} // namespace

ExactDecimal exact_decimal(double v) {
  const Binary b = binary_of(v);
  return exact_decimal(b.m, b.e, b.negative);
}

ExactDecimal exact_decimal(std::uint64_t m, int e2, bool negative) {
  ExactDecimal d;
  d.negative = negative;
  if (m == 0) return d; // zero
  // v = m 2^e2 = N 10^-k: N = m 2^e2, k = 0 when e2 >= 0; N = m 5^-e2, k = -e2 otherwise.
  Big n;
  n.limb[0] = static_cast<std::uint32_t>(m);
  n.limb[1] = static_cast<std::uint32_t>(m >> 32);
  n.size = n.limb[1] ? 2 : 1;
  int k = 0;
  if (e2 >= 0) {
    shift_left(n, e2);
  } else {
    k = -e2;
    int left = k;
    for (; left >= 13; left -= 13)
      multiply_small(n, 1220703125u); // 5^13, the largest power of 5 below 2^32
    std::uint32_t rest = 1;
    for (; left > 0; --left)
      rest *= 5;
    multiply_small(n, rest);
  }
  // N's decimal digits, nine at a time from the least significant end, written from the
  // most significant end.
  std::uint32_t chunks[sizeof d.digits / 9 + 2];
  int count = 0;
  while (n.size > 0)
    chunks[count++] = divide_small(n, 1000000000u);
  int len = 0;
  char first[9];
  int first_len = 0;
  for (std::uint32_t top = chunks[count - 1]; top > 0; top /= 10)
    first[first_len++] = static_cast<char>('0' + top % 10);
  while (first_len > 0)
    d.digits[len++] = first[--first_len];
  for (int c = count - 2; c >= 0; --c) {
    std::uint32_t chunk = chunks[c];
    for (int i = 8; i >= 0; --i, chunk /= 10)
      d.digits[len + i] = static_cast<char>('0' + chunk % 10);
    len += 9;
  }
  const int total = len; // digits of N; trailing zeros are not significant
  while (len > 0 && d.digits[len - 1] == '0')
    --len;
  d.count = len;
  d.exponent = total - 1 - k;
  return d;
}

namespace {

// d rounded to p significant digits, ties to even: r[0..p) and the new exponent.
int round_digits(const ExactDecimal& d, int p, char* r) {
  int exponent = d.exponent;
  const int kept = std::min(p, d.count);
  std::memcpy(r, d.digits, static_cast<std::size_t>(kept));
  std::fill(r + kept, r + p, '0');
  if (d.count > p) {
    const char next = d.digits[p];
    bool up = next > '5';
    if (next == '5') {
      bool rest_zero = true;
      for (int i = p + 1; i < d.count && rest_zero; ++i)
        rest_zero = d.digits[i] == '0';
      up = !rest_zero || ((r[p - 1] - '0') % 2 == 1);
    }
    if (up) {
      int i = p - 1;
      for (; i >= 0 && r[i] == '9'; --i)
        r[i] = '0';
      if (i >= 0) {
        ++r[i];
      } else { // 99..9 became 100..0
        r[0] = '1';
        ++exponent;
      }
    }
  }
  return d.count == 0 ? 0 : exponent;
}

// The sign of (r[0..p) x 10^exponent) - b, both nonzero magnitudes with a leading nonzero digit.
int compare(const char* r, int p, int exponent, const ExactDecimal& b) {
  if (exponent != b.exponent) return exponent < b.exponent ? -1 : 1;
  for (int i = 0; i < std::max(p, b.count); ++i) {
    const char x = i < p ? r[i] : '0', y = i < b.count ? b.digits[i] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// The halfway points around m 2^e (m the mantissa with its leading bit, of `bits` bits;
// the gap below is half as wide at a power of two, unless the exponent is the smallest).
ReadBackInterval interval_of(std::uint64_t m, int e, int bits, bool smallest_exponent) {
  const bool lopsided = m == (std::uint64_t{1} << (bits - 1)) && !smallest_exponent;
  // Built in place: each ExactDecimal is 800 bytes, and copies showed in profiles.
  return {lopsided ? exact_decimal(4 * m - 1, e - 2) : exact_decimal(2 * m - 1, e - 1),
          exact_decimal(2 * m + 1, e - 1), m % 2 == 0};
}

} // namespace

ReadBackInterval read_back_interval(float v) {
  const Binary b = binary_of(v);
  return interval_of(b.m, b.e, b.bits, b.smallest_exponent);
}

ReadBackInterval read_back_interval(double v) {
  const Binary b = binary_of(v);
  return interval_of(b.m, b.e, b.bits, b.smallest_exponent);
}

bool reads_back(const ExactDecimal& v, int precision, const ReadBackInterval& interval) {
  const int p = std::clamp(precision, 1, static_cast<int>(sizeof v.digits));
  char r[sizeof v.digits];
  const int exponent = round_digits(v, p, r);
  const int below = compare(r, p, exponent, interval.high);
  const int above = compare(r, p, exponent, interval.low);
  if (below < 0 && above > 0) return true;
  return interval.ends_included && (below == 0 || above == 0);
}

int format_g(const ExactDecimal& d, int precision, char* out, std::size_t size) {
  const int p = std::clamp(precision, 1, static_cast<int>(sizeof d.digits));
  char r[sizeof d.digits];
  const int exponent = round_digits(d, p, r);

  char text[sizeof d.digits + 32];
  int n = 0;
  if (d.negative) text[n++] = '-';
  auto fraction = [&](const char* digits, int count) { // ".ddd", trailing zeros dropped
    while (count > 0 && digits[count - 1] == '0')
      --count;
    if (count == 0) return;
    text[n++] = '.';
    for (int i = 0; i < count; ++i)
      text[n++] = digits[i];
  };
  if (exponent < p && exponent >= -4) { // fixed notation, p - 1 - exponent decimals
    if (exponent >= 0) {
      for (int i = 0; i <= exponent; ++i)
        text[n++] = r[i];
      fraction(r + exponent + 1, p - 1 - exponent);
    } else {
      text[n++] = '0';
      char decimals[sizeof d.digits + 8];
      int count = 0;
      for (int i = 0; i < -exponent - 1; ++i)
        decimals[count++] = '0';
      for (int i = 0; i < p; ++i)
        decimals[count++] = r[i];
      fraction(decimals, count);
    }
  } else { // d.ddd e+XX
    text[n++] = r[0];
    fraction(r + 1, p - 1);
    text[n++] = 'e';
    text[n++] = exponent < 0 ? '-' : '+';
    const int e = exponent < 0 ? -exponent : exponent;
    if (e >= 100) text[n++] = static_cast<char>('0' + e / 100);
    text[n++] = static_cast<char>('0' + e / 10 % 10);
    text[n++] = static_cast<char>('0' + e % 10);
  }
  if (size > 0) {
    const std::size_t copied = std::min<std::size_t>(static_cast<std::size_t>(n), size - 1);
    std::memcpy(out, text, copied);
    out[copied] = '\0';
  }
  return n;
}

} // namespace leaky
