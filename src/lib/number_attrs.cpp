// number_attrs.cpp — the numeric-tower attributes of int and float
// (numbers.Integral and numbers.Real): real, imag, numerator, denominator,
// conjugate(), as_integer_ratio(), float.hex()/float.fromhex(), and the
// special methods math.floor/ceil/trunc, round() and divmod() reach:
// __floor__, __ceil__, __trunc__, __round__, __divmod__, __rdivmod__.
//
// A bool answers as the int it is: True.real is 1, an int.
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// The exact int of an int, bool or int subclass receiver.
Value exact_int(Value v) {
  if (v.is_bool()) return Value::small_int(v.is_true());
  if (is_bigint(v) && !is_exact(v, types::int_)) return make_int(Mpz(v).z);
  return v;
}
// The exact float of a float or float subclass receiver.
Value exact_float(Value v) { return Value::from_double(float_value(v)); }
// The exact int or float of a real receiver.
Value exact_real(Value v) { return is_float(v) ? exact_float(v) : exact_int(v); }

Value pair(Value a, Value b) {
  Value items[2] = {a, b};
  return Value::object(new_tuple(items));
}

Value int_self(Value, const Args& a) { return exact_int(a[0]); }
Value int_zero(Value, const Args&) { return Value::small_int(0); }
Value int_one(Value, const Args&) { return Value::small_int(1); }

Value int_conjugate(Value self, const Args& a) {
  check_none(a, "int.conjugate");
  return exact_int(self);
}

Value int_as_integer_ratio(Value self, const Args& a) {
  check_none(a, "int.as_integer_ratio");
  return pair(exact_int(self), Value::small_int(1));
}

Value float_self(Value, const Args& a) { return exact_float(a[0]); }
Value float_zero(Value, const Args&) { return Value::from_double(0.0); }

Value float_conjugate(Value self, const Args& a) {
  check_none(a, "float.conjugate");
  return exact_float(self);
}

// The exact ratio of a finite float in lowest terms, positive denominator.
Value float_as_integer_ratio(Value self, const Args& a) {
  check_none(a, "float.as_integer_ratio");
  double d = float_value(self);
  if (std::isinf(d)) raise(types::overflow_error, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) raise(types::value_error, "cannot convert NaN to integer ratio");
  mpq_t q;
  mpq_init(q);
  mpq_set_d(q, d); // exact; mpq_set_d leaves q canonical
  Value r = pair(make_int(mpq_numref(q)), make_int(mpq_denref(q)));
  mpq_clear(q);
  return r;
}

// float.hex(): CPython's float_hex, 13 hex digits after the point.
Value float_hex(Value self, const Args& a) {
  check_none(a, "float.hex");
  double x = float_value(self);
  if (std::isnan(x)) return str_value("nan");
  if (std::isinf(x)) return str_value(x < 0 ? "-inf" : "inf");
  if (x == 0) return str_value(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  constexpr char kDigits[] = "0123456789abcdef";
  std::string out = x < 0 ? "-0x" : "0x";
  out += kDigits[static_cast<int>(m)];
  m -= static_cast<int>(m);
  out += '.';
  for (int i = 0; i < (DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4 - 1) / 4; ++i) {
    m *= 16.0;
    int d = static_cast<int>(m);
    out += kDigits[d];
    m -= d;
  }
  return str_value(fmt::format("{}p{:+d}", out, e));
}

[[noreturn]] void invalid() { raise(types::value_error, "invalid hexadecimal floating-point string"); }

bool is_hex_digit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// float.fromhex(s): [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits], or inf/nan;
// surrounding whitespace allowed. strtod rounds half-even, as CPython. A
// classmethod: a subclass gets cls(value).
Value float_fromhex(Value, const Args& args) {
  Value cls = args[0];
  Args a{args.pos + 1, args.npos - 1, args.kwnames, args.kwvals, args.nkw};
  check_one(a, "float.fromhex");
  if (!is_str(a[0])) raise(types::type_error, "bad argument type for built-in operation");
  std::string s(a[0].as<Str>()->view());
  size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
  std::string t = b == std::string::npos ? "" : s.substr(b, e - b + 1);
  size_t i = 0;
  std::string sign;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) sign = t[i++];
  std::string rest = t.substr(i);
  std::string lower;
  for (char c : rest)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  double d;
  if (lower == "inf" || lower == "infinity") {
    d = INFINITY;
  } else if (lower == "nan") {
    d = NAN;
  } else {
    if (lower.starts_with("0x")) lower = lower.substr(2);
    // Validate the shape strtod would otherwise stretch (it stops early, we must not).
    size_t j = 0, digits = 0;
    while (j < lower.size() && is_hex_digit(lower[j]))
      ++j, ++digits;
    if (j < lower.size() && lower[j] == '.') {
      ++j;
      while (j < lower.size() && is_hex_digit(lower[j]))
        ++j, ++digits;
    }
    if (!digits) invalid();
    if (j < lower.size() && lower[j] == 'p') {
      ++j;
      if (j < lower.size() && (lower[j] == '+' || lower[j] == '-')) ++j;
      size_t exp_start = j;
      while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j])))
        ++j;
      if (j == exp_start) invalid();
    }
    if (j != lower.size()) invalid();
    std::string text = "0x" + lower;
    errno = 0;
    d = std::strtod(text.c_str(), nullptr);
    if (std::isinf(d)) raise(types::overflow_error, "hexadecimal value too large to represent as a float");
  }
  if (sign == "-") d = -d;
  if (cls == Value::object(&types::float_)) return Value::from_double(d);
  Value v = Value::from_double(d);
  return call(cls, Args{&v, 1});
}

// The builtin function `name` (round, divmod) called with `args`.
Value call_builtin(const char* name, std::span<const Value> args) {
  Value f = dict_get(vm::state().builtins->dict, Value::object(intern(name)));
  return call(f, Args{args.data(), static_cast<uint32_t>(args.size())});
}

Value int_integral(Value self, const Args& a) {
  check_none(a, "int.__floor__");
  return exact_int(self);
}

template <double (*F)(double)> Value float_integral(Value self, const Args& a) {
  check_none(a, "float.__floor__");
  return int_from_integral_double(F(float_value(self)));
}
double floor_of(double d) { return std::floor(d); }
double ceil_of(double d) { return std::ceil(d); }
double trunc_of(double d) { return std::trunc(d); }

// __round__(ndigits=None): round()'s result for this number.
Value number_round(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "__round__", {"ndigits"}, 0, p);
  Value args[2] = {exact_real(self), p[0]};
  return call_builtin("round", std::span<const Value>(args, p[0].is_empty() ? 1 : 2));
}

bool is_real_operand(Value v) { return is_float(v) || is_integer(v); }

// __divmod__ / __rdivmod__: divmod() of two ints or floats; NotImplemented otherwise.
template <bool kReflected> Value number_divmod(Value self, const Args& a) {
  check_one(a, kReflected ? "__rdivmod__" : "__divmod__");
  if (!is_real_operand(a[0])) return kNotImplemented;
  if (!is_float(self) && is_float(a[0])) return kNotImplemented; // int with a float: float's to do
  // (Exact values, so that divmod() does not call a subclass's override again.)
  Value args[2] = {kReflected ? exact_real(a[0]) : exact_real(self), kReflected ? exact_real(self) : exact_real(a[0])};
  return call_builtin("divmod", args);
}

} // namespace

Value int_from_integral_double(double d) {
  if (std::isinf(d)) raise(types::overflow_error, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(types::value_error, "cannot convert float NaN to integer");
  if (std::fabs(d) < 9.0e15) return make_int(static_cast<int64_t>(d));
  Mpz z;
  mpz_set_d(z, d);
  return make_int(z);
}

void add_number_attrs() {
  add_attr(types::int_, "real", native_property("real", int_self));
  add_attr(types::int_, "numerator", native_property("numerator", int_self));
  add_attr(types::int_, "imag", native_property("imag", int_zero));
  add_attr(types::int_, "denominator", native_property("denominator", int_one));
  add_methods(types::int_, {{"conjugate", method<&types::int_, int_conjugate>},
                            {"as_integer_ratio", method<&types::int_, int_as_integer_ratio>},
                            {"__floor__", method<&types::int_, int_integral>},
                            {"__ceil__", method<&types::int_, int_integral>},
                            {"__trunc__", method<&types::int_, int_integral>},
                            {"__round__", method<&types::int_, number_round>},
                            {"__divmod__", method<&types::int_, number_divmod<false>>},
                            {"__rdivmod__", method<&types::int_, number_divmod<true>>}});
  add_attr(types::float_, "real", native_property("real", float_self));
  add_attr(types::float_, "imag", native_property("imag", float_zero));
  add_methods(types::float_, {{"conjugate", method<&types::float_, float_conjugate>},
                              {"as_integer_ratio", method<&types::float_, float_as_integer_ratio>},
                              {"hex", method<&types::float_, float_hex>},
                              {"__floor__", method<&types::float_, float_integral<floor_of>>},
                              {"__ceil__", method<&types::float_, float_integral<ceil_of>>},
                              {"__trunc__", method<&types::float_, float_integral<trunc_of>>},
                              {"__round__", method<&types::float_, number_round>},
                              {"__divmod__", method<&types::float_, number_divmod<false>>},
                              {"__rdivmod__", method<&types::float_, number_divmod<true>>}});
  add_class_method(types::float_, "fromhex", float_fromhex);
}

} // namespace tributary::lib
