// int.h — Python ints: small (48-bit inline) and big (GMP) behind one API.
//
// Invariant: make_int() returns a small int whenever the value fits, so a
// BigInt always lies outside the small range. Arithmetic fast paths on small
// ints live in the interpreter (and, later, machine code); everything that
// overflows or involves a BigInt comes here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <gmp.h>

#include "runtime/object.h"
#include "runtime/ops.h"

namespace tributary {

// (The big-int half of make_int, out of line: i outside the small range.)
Value make_bigint_i64(int64_t i);
inline Value make_int(int64_t i) { return Value::fits_small(i) ? Value::small_int(i) : make_bigint_i64(i); }
Value make_int_u64(uint64_t u);
Value make_int(const mpz_t z); // normalizes to small if it fits
// MemoryError when an int result of `bits` bits would exceed the largest int
// (GMP aborts past 2^37 bits; check before calling it).
void check_int_bits(uint64_t bits);
Value int_from_string(std::string_view digits, int base); // throws ValueError

// Loads any int (small, big or bool) into `out` (initialised by the caller).
void int_to_mpz(Value v, mpz_t out);

// An mpz on the C++ stack. Its limbs come from the C heap (gc.cpp), so it
// frees them however its scope is left, a raise included. It converts to the
// mpz_ptr/mpz_srcptr GMP's functions take (`z` is the raw mpz).
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  explicit Mpz(Value v) {
    mpz_init(z);
    int_to_mpz(v, z);
  }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }
  operator mpz_srcptr() const { return z; }
  __mpz_struct* operator->() { return z; }
  const __mpz_struct* operator->() const { return z; }
};
// The value as int64 if it fits. (Inline: the interpreter's int paths ask it
// of every operand, and an optional returned from a call goes through memory.)
inline std::optional<int64_t> int_as_i64(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_bool()) return v.is_true() ? 1 : 0;
  if (!is_bigint(v)) return std::nullopt;
  // (mpz_fits_slong_p and mpz_get_si, without the calls: one limb.)
  mpz_srcptr z = v.as<BigInt>()->z;
  if (z->_mp_size == 0) return 0; // (only an int subclass's zero is a BigInt)
  const uint64_t m = z->_mp_d[0];
  if (z->_mp_size == 1 && m <= uint64_t(INT64_MAX)) return static_cast<int64_t>(m);
  if (z->_mp_size == -1 && m <= uint64_t(INT64_MAX) + 1) return static_cast<int64_t>(-m);
  return std::nullopt;
}
// Index conversion for sequences: int or bool, else TypeError "... indices must be integers".
int64_t index_value(Value v, const char* what);

bool int_is_negative(Value v);
int int_compare(Value a, Value b);          // -1, 0, 1 ; both ints
int int_double_compare(Value a, double d);  // exact comparison of int and finite double
double int_to_double(Value v);              // OverflowError if too large
std::string int_to_decimal(Value v);
int64_t int_hash(Value v);
int64_t double_hash(double d);

// Binary int operations (both operands ints or bools). Python semantics:
// floor division and modulo round towards -inf; pow with negative exponent gives float.
Value int_add(Value a, Value b);
Value int_sub(Value a, Value b);
Value int_mul(Value a, Value b);
Value int_floordiv(Value a, Value b);
Value int_mod(Value a, Value b);
Value int_truediv(Value a, Value b);
Value int_pow(Value a, Value b);
Value int_pow_mod(Value a, Value b, Value m);
Value int_lshift(Value a, Value b);
Value int_rshift(Value a, Value b);
Value int_and(Value a, Value b);
Value int_or(Value a, Value b);
Value int_xor(Value a, Value b);
Value int_neg(Value a);
Value int_invert(Value a);
Value int_abs(Value a);
Value int_divmod(Value a, Value b);
// `op` on two ints (not bools) for the interpreter, where an operand flagged
// reuse_* is a temporary that nothing else references (Code::temp_operands):
// a big int among them may take the result in its storage, or is freed once
// consumed. Empty for the operators it leaves to the generic path.
Value int_binary_reusing(BinOp op, Value a, Value b, bool reuse_a, bool reuse_b);

// Small-int floor division/modulo helpers shared by interpreter and JIT.
// (Any signed machine integer: int64_t here, __int128 in int.cpp.)
template <class T> T floor_div_int(T a, T b) {
  T q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
template <class T> T floor_mod_int(T a, T b) {
  T r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
inline int64_t floor_div_i64(int64_t a, int64_t b) { return floor_div_int(a, b); }
inline int64_t floor_mod_i64(int64_t a, int64_t b) { return floor_mod_int(a, b); }

// Python's float floor division and modulo.
double float_floordiv(double a, double b); // caller checks b != 0
double float_mod(double a, double b);
// Python's float ** float: ZeroDivisionError for 0.0 ** negative, OverflowError
// on overflow, NotImplementedError where CPython returns a complex number.
double float_pow(double x, double y);
// A number as a double, as CPython's PyFloat_AsDouble: a float, an int,
// x.__float__(), then x.__index__(); empty when x is none of these.
std::optional<double> real_as_double(Value v);

} // namespace tributary
