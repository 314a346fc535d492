// float.cpp — Python float semantics that need more than one machine instruction.
//
// float // and % live in int.cpp next to their int counterparts; this file
// holds float ** float, which follows CPython's float_pow case by case
// (infinities, NaN, signed zeros, negative bases).
#include <cmath>

#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops_internal.h"

namespace tributary {

double float_pow(double x, double y) {
  // CPython's float_pow, case by case.
  if (y == 0) return 1.0;
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
  if (std::isinf(y)) {
    x = std::fabs(x);
    if (x == 1.0) return 1.0;
    return (y > 0.0) == (x > 1.0) ? std::fabs(y) : 0.0;
  }
  bool y_is_odd = std::fmod(std::fabs(y), 2.0) == 1.0;
  if (std::isinf(x)) {
    if (x > 0) return y > 0 ? x : 0.0;
    return y > 0 ? (y_is_odd ? x : -x) : (y_is_odd ? -0.0 : 0.0);
  }
  if (x == 0.0) {
    if (y < 0.0) raise(types::zero_division_error, "0.0 cannot be raised to a negative power");
    return y_is_odd ? x : 0.0;
  }
  bool negate = false;
  if (x < 0.0) {
    if (y != std::floor(y)) raise(types::not_implemented_error, "complex numbers are not supported");
    x = -x;
    negate = y_is_odd;
  }
  if (x == 1.0) return negate ? -1.0 : 1.0;
  double r = std::pow(x, y);
  if (std::isinf(r)) raise(types::overflow_error, "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

std::optional<double> real_as_double(Value v) {
  if (v.is_double()) return v.as_double();
  if (v.is_small_int() || v.is_bool() || is_bigint(v)) return int_to_double(v);
  if (is_float(v)) return float_value(v); // (a subclass's __float__ is not asked: PyFloat_AsDouble)
  for (const char* dunder : {"__float__", "__index__"}) {
    Value r = ops_detail::call_dunder(v, dunder);
    if (r.is_empty()) continue;
    if (is_float(r)) return float_value(r);
    if ((r.is_small_int() || r.is_bool() || is_bigint(r)) && dunder[2] == 'i') return int_to_double(r);
    raise_fmt(types::type_error, "{}.{} returned non-float (type {})", type_of(v)->name, dunder, type_of(r)->name);
  }
  return std::nullopt;
}

} // namespace tributary
