// complex.cpp — the `complex` type: construction (numbers, strings,
// __complex__), arithmetic, comparison, hashing and repr as CPython's
// complexobject.c, whose algorithms are followed line by line (Smith's
// division, exponentiation by squaring for small integer powers) so results
// agree to the last bit.
//
// A complex is a heap object outside the runtime's builtin fast paths
// (is_builtin false, like bytearray): every operator reaches it through its
// special methods, and an int or float operand is converted to complex first,
// as CPython 3.11 does. No floor division, modulo or ordering: those are
// TypeErrors through NotImplemented.
#include <cerrno>
#include <cmath>

#include "lib/complex.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

Type complex_type;

namespace {

struct Complex : Object {
  double re, im;
};

using C = Cplx;

} // namespace

Value make_complex_value(Cplx c) {
  auto* o = gc::make<Complex>();
  o->type = &complex_type;
  o->re = c.re;
  o->im = c.im;
  return Value::object(o);
}

bool is_complex(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &complex_type); }
Cplx complex_value(Value v) { return {v.as<Complex>()->re, v.as<Complex>()->im}; }

namespace {

Value make(C c) { return make_complex_value(c); }
C value_of(Value v) { return complex_value(v); }

// An operand as a complex: a complex, int or float; nullopt otherwise (NotImplemented).
std::optional<C> operand(Value v) {
  if (is_complex(v)) return value_of(v);
  if (is_float(v)) return C{float_value(v), 0.0};
  if (is_integer(v)) {
    double d = int_to_double(v.is_bool() ? Value::small_int(v.is_true()) : v);
    if (std::isinf(d)) raise(types::overflow_error, "int too large to convert to float");
    return C{d, 0.0};
  }
  return std::nullopt;
}

C c_sum(C a, C b) { return {a.re + b.re, a.im + b.im}; }
C c_diff(C a, C b) { return {a.re - b.re, a.im - b.im}; }
C c_prod(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

} // namespace

// CPython's _Py_c_quot (Smith's method); errno EDOM on division by zero.
Cplx c_quot(Cplx a, Cplx b) {
  double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      errno = EDOM;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_bimag >= abs_breal) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN}; // at least one of b's parts is a NaN
}

namespace {

// CPython's _Py_c_pow; errno EDOM for 0 to a negative or complex power.
C c_pow(C a, C b) {
  if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

C c_powu(C x, long n) {
  C r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

C c_powi(C x, long n) { return n > 0 ? c_powu(x, n) : c_quot(C{1.0, 0.0}, c_powu(x, -n)); }

// ---- repr ---------------------------------------------------------------------------

// A part as CPython's repr writes it: float repr without a trailing ".0".
std::string part_repr(double x) {
  std::string s = fmtlib::float_repr(x);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

std::string complex_repr(C c) {
  if (c.re == 0.0 && !std::signbit(c.re)) return part_repr(c.im) + "j";
  std::string im = part_repr(c.im);
  if (im[0] != '-') im = "+" + im;
  return "(" + part_repr(c.re) + im + "j)";
}

// ---- construction ---------------------------------------------------------------------

// The length of a float literal at the start of `s` (digits, point, exponent,
// or inf/infinity/nan), 0 if none; no sign.
size_t float_prefix(std::string_view s) {
  auto lower_starts = [&](std::string_view word) {
    if (s.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    return true;
  };
  if (lower_starts("infinity")) return 8;
  if (lower_starts("inf") || lower_starts("nan")) return 3;
  auto digit = [&](size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  size_t i = 0, digits = 0;
  while (digit(i))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (digit(i))
      ++i, ++digits;
  }
  if (!digits) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (digit(j)) {
      while (digit(j))
        ++j;
      i = j;
    }
  }
  return i;
}

// A signed float at s[i...]; advances i; false when there is none.
bool parse_signed(std::string_view s, size_t& i, double& out) {
  size_t j = i;
  bool neg = false;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) neg = s[j++] == '-';
  size_t n = float_prefix(s.substr(j));
  if (!n) return false;
  auto d = fmtlib::parse_float(s.substr(j, n));
  if (!d) return false;
  out = neg ? -*d : *d;
  i = j + n;
  return true;
}

[[noreturn]] void malformed() { raise(types::value_error, "complex() arg is a malformed string"); }

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// complex("1+2j"): CPython's complex_from_string_inner.
C from_string(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b]))
    ++b;
  while (e > b && is_space(s[e - 1]))
    --e;
  s = s.substr(b, e - b);
  if (!s.empty() && s[0] == '(') {
    if (s.size() < 2 || s.back() != ')') malformed();
    s = s.substr(1, s.size() - 2);
    b = 0, e = s.size();
    while (b < e && is_space(s[b]))
      ++b;
    while (e > b && is_space(s[e - 1]))
      --e;
    s = s.substr(b, e - b);
  }
  std::string text;
  for (char c : s) // underscores between digits, as float() (PEP 515)
    if (c != '_') text += c;
  if (text.size() != s.size()) {
    for (size_t k = 0; k < s.size(); ++k)
      if (s[k] == '_' && (k == 0 || k + 1 == s.size() || !std::isdigit(static_cast<unsigned char>(s[k - 1])) ||
                          !std::isdigit(static_cast<unsigned char>(s[k + 1]))))
        malformed();
  }
  std::string_view t = text;
  C c{0.0, 0.0};
  size_t i = 0;
  double x;
  if (parse_signed(t, i, x)) {
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
      c.re = x;
      double y;
      if (!parse_signed(t, i, y)) y = t[i++] == '-' ? -1.0 : 1.0; // "1+j"
      if (i >= t.size() || (t[i] != 'j' && t[i] != 'J')) malformed();
      ++i;
      c.im = y;
    } else if (i < t.size() && (t[i] == 'j' || t[i] == 'J')) {
      ++i;
      c.im = x;
    } else {
      c.re = x;
    }
  } else {
    double sign = 1.0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) sign = t[i++] == '-' ? -1.0 : 1.0;
    if (i >= t.size() || (t[i] != 'j' && t[i] != 'J')) malformed();
    ++i;
    c.im = sign;
  }
  if (i != t.size()) malformed();
  return c;
}

// The value of x.__complex__(), or nullopt when its type has none.
std::optional<C> dunder_complex(Value x) {
  Value r = call_dunder(x, "__complex__");
  if (r.is_empty()) return std::nullopt;
  if (!is_complex(r)) raise_fmt(types::type_error, "__complex__ returned non-complex (type {})", tname(r));
  return value_of(r);
}

// A real number argument of complex(): float(x) by __float__ or __index__.
std::optional<double> real_arg(Value x) {
  if (is_float(x)) return float_value(x);
  if (is_integer(x)) {
    double d = int_to_double(x.is_bool() ? Value::small_int(x.is_true()) : x);
    if (std::isinf(d)) raise(types::overflow_error, "int too large to convert to float");
    return d;
  }
  return real_as_double(x);
}

Value construct_complex(Value, const Args& a) {
  Value p[2];
  bind_args(a, "complex", {"real", "imag"}, 0, p);
  Value r = p[0], i = p[1];
  if (r.is_empty()) r = Value::small_int(0);
  if (is_str(r)) {
    if (!i.is_empty()) raise(types::type_error, "complex() can't take second arg if first is a string");
    return make(from_string(r.as<Str>()->view()));
  }
  if (!i.is_empty() && is_str(i)) raise(types::type_error, "complex() second arg can't be a string");
  if (i.is_empty() && type_of(r) == &complex_type) return r;
  C cr{0.0, 0.0};
  bool r_complex = false;
  if (auto c = dunder_complex(r)) {
    cr = *c;
    r_complex = true;
  } else if (auto d = real_arg(r)) {
    cr.re = *d;
  } else {
    raise_fmt(types::type_error, "complex() first argument must be a string or a number, not '{}'", tname(r));
  }
  if (i.is_empty()) return make(cr);
  C ci{0.0, 0.0};
  bool i_complex = false;
  if (is_complex(i)) {
    ci = value_of(i);
    i_complex = true;
  } else if (auto d = real_arg(i)) {
    ci.re = *d;
  } else {
    raise_fmt(types::type_error, "complex() second argument must be a number, not '{}'", tname(i));
  }
  // complex(a, b) = a + b*1j, keeping the signs of zero parts as CPython.
  if (i_complex) cr.re -= ci.im;
  if (r_complex) ci.re += cr.im;
  return make(C{cr.re, ci.re});
}

// ---- special methods --------------------------------------------------------------------

template <C (*Op)(C, C), bool kReflected> Value binary(Value self, const Args& a) {
  check_one(a, "complex operator");
  auto other = operand(a[0]);
  if (!other) return kNotImplemented;
  return make(kReflected ? Op(*other, value_of(self)) : Op(value_of(self), *other));
}

template <bool kReflected> Value divide(Value self, const Args& a) {
  check_one(a, "complex.__truediv__");
  auto other = operand(a[0]);
  if (!other) return kNotImplemented;
  errno = 0;
  C r = kReflected ? c_quot(*other, value_of(self)) : c_quot(value_of(self), *other);
  if (errno == EDOM) raise(types::zero_division_error, "complex division by zero");
  return make(r);
}

template <bool kReflected> Value power(Value self, const Args& a) {
  if (a.npos == 2 && !a[1].is_none()) raise(types::value_error, "complex modulo");
  if (a.npos < 1 || a.npos > 2) raise(types::type_error, "expected 1 or 2 arguments");
  auto other = operand(a[0]);
  if (!other) return kNotImplemented;
  C base = kReflected ? *other : value_of(self), exponent = kReflected ? value_of(self) : *other;
  errno = 0;
  C r;
  if (exponent.im == 0.0 && exponent.re == static_cast<double>(static_cast<long>(exponent.re)) &&
      std::fabs(exponent.re) <= 100.0)
    r = c_powi(base, static_cast<long>(exponent.re));
  else
    r = c_pow(base, exponent);
  if (errno != EDOM && (std::isinf(r.re) || std::isinf(r.im))) errno = ERANGE; // (_Py_ADJUST_ERANGE2)
  if (errno == EDOM) raise(types::zero_division_error, "0.0 to a negative or complex power");
  if (errno == ERANGE) raise(types::overflow_error, "complex exponentiation");
  return make(r);
}

Value c_neg(Value self, const Args&) {
  C c = value_of(self);
  return make({-c.re, -c.im});
}
Value c_pos(Value self, const Args&) { return type_of(self) == &complex_type ? self : make(value_of(self)); }

// abs(): hypot, inf for an infinite part, OverflowError when finite parts overflow.
Value c_abs(Value self, const Args&) {
  C c = value_of(self);
  if (!std::isfinite(c.re) || !std::isfinite(c.im)) {
    if (std::isinf(c.re) || std::isinf(c.im)) return Value::from_double(INFINITY);
    return Value::from_double(NAN);
  }
  double r = std::hypot(c.re, c.im);
  if (!std::isfinite(r)) raise(types::overflow_error, "absolute value too large");
  return Value::from_double(r);
}

Value c_bool(Value self, const Args&) {
  C c = value_of(self);
  return Value::boolean(c.re != 0.0 || c.im != 0.0);
}

// == with a complex, int or float (an int compared exactly, as float == int).
bool equal_to(C c, Value other, bool& comparable) {
  comparable = true;
  if (is_complex(other)) {
    C o = value_of(other);
    return c.re == o.re && c.im == o.im;
  }
  if (is_float(other)) return c.im == 0.0 && c.re == float_value(other);
  if (is_integer(other)) {
    if (c.im != 0.0 || !std::isfinite(c.re)) return false;
    return int_double_compare(other.is_bool() ? Value::small_int(other.is_true()) : other, c.re) == 0;
  }
  comparable = false;
  return false;
}

Value c_eq(Value self, const Args& a) {
  bool comparable;
  bool eq = equal_to(value_of(self), a[0], comparable);
  return comparable ? Value::boolean(eq) : kNotImplemented;
}
Value c_ne(Value self, const Args& a) {
  bool comparable;
  bool eq = equal_to(value_of(self), a[0], comparable);
  return comparable ? Value::boolean(!eq) : kNotImplemented;
}
Value c_order(Value, const Args&) { return kNotImplemented; }

// CPython's complex_hash: hash(re) + 1000003 * hash(im), never -1.
Value c_hash(Value self, const Args&) {
  C c = value_of(self);
  uint64_t combined = static_cast<uint64_t>(double_hash(c.re)) + 1000003u * static_cast<uint64_t>(double_hash(c.im));
  auto h = static_cast<int64_t>(combined);
  return make_int(h == -1 ? -2 : h);
}

Value c_repr(Value self, const Args&) { return str_value(complex_repr(value_of(self))); }

Value c_real(Value, const Args& a) { return Value::from_double(value_of(a[0]).re); }
Value c_imag(Value, const Args& a) { return Value::from_double(value_of(a[0]).im); }

Value c_conjugate(Value self, const Args& a) {
  check_none(a, "complex.conjugate");
  C c = value_of(self);
  return make({c.re, -c.im});
}

Value c_complex(Value self, const Args& a) {
  check_none(a, "complex.__complex__");
  return type_of(self) == &complex_type ? self : make(value_of(self));
}

Value c_getnewargs(Value self, const Args& a) {
  check_none(a, "complex.__getnewargs__");
  C c = value_of(self);
  Value items[2] = {Value::from_double(c.re), Value::from_double(c.im)};
  return Value::object(new_tuple(items));
}

// format(z, spec): str(z) for an empty spec, else fmtlib's format_complex.
Value c_format(Value self, const Args& a) {
  check_one(a, "complex.__format__");
  if (!is_str(a[0])) raise_fmt(types::type_error, "argument 1 must be str, not {}", tname(a[0]));
  std::string_view spec = a[0].as<Str>()->view();
  if (spec.empty()) return Value::object(to_str(self));
  C c = value_of(self);
  try {
    return str_value(
        fmtlib::format_complex(c.re, c.im, fmtlib::parse_format_spec(spec, fmtlib::SpecKind::Float, "complex")));
  } catch (const fmtlib::FormatError& e) {
    raise_format_error(e);
  }
}

} // namespace

void init_complex_type(Module* builtins) {
  init_type(complex_type, "complex", Kind::Object, &types::object);
  complex_type.is_builtin = false; // dispatched through its special methods
  complex_type.construct = construct_complex;
  complex_type.basic_size = sizeof(Complex); // (a subclass's instances: new_builtin_subclass_instance)
  add_static_method(complex_type, "__new__", [](Value, const Args& a) -> Value {
    if (a.npos == 0 || !is_type(a[0])) raise(types::type_error, "complex.__new__(X): X is not a type object");
    Type* cls = a[0].as<Type>();
    if (!is_subtype(cls, &complex_type))
      raise_fmt(types::type_error, "complex.__new__({}): {} is not a subtype of complex", cls->name, cls->name);
    Value base = construct_complex(Value::empty(), Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw});
    return cls == &complex_type ? base : new_builtin_subclass_instance(cls, base);
  });
  using T = Type;
  constexpr T* K = &complex_type;
  add_methods(complex_type, {
                                {"__add__", method<K, binary<c_sum, false>>},
                                {"__radd__", method<K, binary<c_sum, true>>},
                                {"__sub__", method<K, binary<c_diff, false>>},
                                {"__rsub__", method<K, binary<c_diff, true>>},
                                {"__mul__", method<K, binary<c_prod, false>>},
                                {"__rmul__", method<K, binary<c_prod, true>>},
                                {"__truediv__", method<K, divide<false>>},
                                {"__rtruediv__", method<K, divide<true>>},
                                {"__pow__", method<K, power<false>>},
                                {"__rpow__", method<K, power<true>>},
                                {"__neg__", method<K, c_neg>},
                                {"__pos__", method<K, c_pos>},
                                {"__abs__", method<K, c_abs>},
                                {"__bool__", method<K, c_bool>},
                                {"__eq__", method<K, c_eq>},
                                {"__ne__", method<K, c_ne>},
                                {"__lt__", method<K, c_order>},
                                {"__le__", method<K, c_order>},
                                {"__gt__", method<K, c_order>},
                                {"__ge__", method<K, c_order>},
                                {"__hash__", method<K, c_hash>},
                                {"__repr__", method<K, c_repr>},
                                {"__format__", method<K, c_format>},
                                {"conjugate", method<K, c_conjugate>},
                                {"__complex__", method<K, c_complex>},
                                {"__getnewargs__", method<K, c_getnewargs>},
                            });
  add_attr(complex_type, "real", native_property("real", c_real));
  add_attr(complex_type, "imag", native_property("imag", c_imag));
  add_value(builtins, "complex", Value::object(&complex_type));
}

} // namespace tributary::lib

namespace tributary {

Value make_complex(double re, double im) { return lib::make_complex_value({re, im}); }

} // namespace tributary
