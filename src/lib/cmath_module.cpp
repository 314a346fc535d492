// cmath_module.cpp — the `cmath` module: CPython's cmathmodule.c algorithms
// for finite arguments (scaled sqrt and log, exp/cosh/sinh past the overflow
// threshold, asinh/acos/acosh/atanh through square roots), so results agree
// with CPython's to the last bit. An infinite or NaN part is answered from
// CPython's own special-value tables (cmath_special.h, generated from
// CPython), or computed as CPython does where the table has no fixed answer.
//
// Errors as CPython: ValueError "math domain error" (log(0), atanh(1)),
// OverflowError "math range error" (exp(1000)).
#include <cerrno>
#include <cfloat>
#include <cmath>

#include "lib/cmath_special.h"
#include "lib/complex.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

constexpr double kLargeDouble = DBL_MAX / 4.0;           // CM_LARGE_DOUBLE
const double kSqrtLargeDouble = std::sqrt(kLargeDouble); // CM_SQRT_LARGE_DOUBLE
const double kLogLargeDouble = std::log(kLargeDouble);   // CM_LOG_LARGE_DOUBLE
const double kSqrtDblMin = std::sqrt(DBL_MIN);           // CM_SQRT_DBL_MIN
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;     // CM_SCALE_UP
constexpr int kScaleDown = -(kScaleUp + 1) / 2;          // CM_SCALE_DOWN
constexpr double kE = 2.718281828459045235360287;
constexpr double kPi = 3.14159265358979323846264338327950288;
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;

bool finite(Cplx z) { return std::isfinite(z.re) && std::isfinite(z.im); }

// A result without error: errno 0 whatever the C library's calls left in it
// (an underflow sets ERANGE in glibc; CPython clears it).
Cplx ok(Cplx r) {
  errno = 0;
  return r;
}

// CPython's special_type: the class of one part, indexing the tables.
int special_class(double d) {
  using namespace cmath_special;
  if (std::isnan(d)) return kNotANumber;
  const bool pos = !std::signbit(d);
  if (std::isinf(d)) return pos ? kPosInf : kNegInf;
  if (d == 0.0) return pos ? kPosZero : kNegZero;
  return pos ? kPositive : kNegative;
}

// The table's answer for an argument with an infinite or NaN part, with errno
// EDOM exactly when CPython's special-value code sets it.
Cplx special(const cmath_special::Table& t, Cplx z, bool domain_error = false) {
  errno = domain_error ? EDOM : 0;
  const double* c = t.cells[special_class(z.re)][special_class(z.im)];
  return {c[0], c[1]};
}

// An infinite real part with a finite nonzero imaginary one: the signs come
// from cos and sin of the imaginary part (exp, cosh, sinh; rect's angle).
bool infinite_with_angle(double x, double y) { return std::isinf(x) && std::isfinite(y) && y != 0.0; }

// A cmath argument: complex, float, int, __complex__, __float__ or __index__.
Cplx arg_complex(Value v) {
  if (is_complex(v)) return complex_value(v);
  Value r = call_dunder(v, "__complex__");
  if (!r.is_empty()) {
    if (!is_complex(r)) raise_fmt(types::type_error, "__complex__ returned non-complex (type {})", tname(r));
    return complex_value(r);
  }
  if (is_float(v)) return {float_value(v), 0.0};
  if (is_integer(v)) {
    double d = int_to_double(v.is_bool() ? Value::small_int(v.is_true()) : v);
    if (std::isinf(d)) raise(types::overflow_error, "int too large to convert to float");
    return {d, 0.0};
  }
  if (auto d = real_as_double(v)) return {*d, 0.0};
  raise_fmt(types::type_error, "must be real number, not {}", tname(v));
}

double arg_real(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_integer(v)) {
    double d = int_to_double(v.is_bool() ? Value::small_int(v.is_true()) : v);
    if (std::isinf(d)) raise(types::overflow_error, "int too large to convert to float");
    return d;
  }
  if (auto d = real_as_double(v)) return *d;
  raise_fmt(types::type_error, "must be real number, not {}", tname(v));
}

void check_errno() {
  if (errno == EDOM) raise(types::value_error, "math domain error");
  if (errno == ERANGE) raise(types::overflow_error, "math range error");
}

// ---- the functions (CPython's c_* with errno) ----------------------------------------

Cplx c_sqrt(Cplx z) {
  if (!finite(z)) return special(cmath_special::kSqrt, z);
  if (z.re == 0.0 && z.im == 0.0) return ok({0.0, z.im});
  double ax = std::fabs(z.re), ay = std::fabs(z.im), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.re >= 0.0) return ok({s, std::copysign(d, z.im)});
  return ok({d, std::copysign(s, z.im)});
}

Cplx c_exp(Cplx z) {
  if (!finite(z)) {
    const bool edom = std::isinf(z.im) && (std::isfinite(z.re) || (std::isinf(z.re) && z.re > 0));
    if (!infinite_with_angle(z.re, z.im)) return special(cmath_special::kExp, z, edom);
    errno = edom ? EDOM : 0;
    double c = std::cos(z.im), s = std::sin(z.im);
    if (z.re > 0) return {std::copysign(INFINITY, c), std::copysign(INFINITY, s)};
    return {std::copysign(0.0, c), std::copysign(0.0, s)};
  }
  Cplx r;
  if (z.re > kLogLargeDouble) {
    double l = std::exp(z.re - 1.0);
    r = {l * std::cos(z.im) * kE, l * std::sin(z.im) * kE};
  } else {
    double l = std::exp(z.re);
    r = {l * std::cos(z.im), l * std::sin(z.im)};
  }
  errno = std::isinf(r.re) || std::isinf(r.im) ? ERANGE : 0; // (an underflow is no error)
  return r;
}

Cplx c_log(Cplx z) {
  if (!finite(z)) return special(cmath_special::kLog, z);
  double ax = std::fabs(z.re), ay = std::fabs(z.im);
  Cplx r;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    r.re = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      r.re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
    } else {
      errno = EDOM; // log(0)
      return {-INFINITY, std::atan2(z.im, z.re)};
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      r.re = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      r.re = std::log(h);
    }
  }
  r.im = std::atan2(z.im, z.re);
  return ok(r);
}

Cplx c_log10(Cplx z) {
  Cplx s = c_log(z);
  return {s.re / kLn10, s.im / kLn10};
}

Cplx c_cosh(Cplx z) {
  if (!finite(z)) {
    const bool edom = std::isinf(z.im) && !std::isnan(z.re);
    if (!infinite_with_angle(z.re, z.im)) return special(cmath_special::kCosh, z, edom);
    errno = edom ? EDOM : 0;
    double c = std::cos(z.im), s = std::sin(z.im);
    if (z.re > 0) return {std::copysign(INFINITY, c), std::copysign(INFINITY, s)};
    return {std::copysign(INFINITY, c), -std::copysign(INFINITY, s)};
  }
  Cplx r;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x_minus_one = z.re - std::copysign(1.0, z.re);
    r = {std::cos(z.im) * std::cosh(x_minus_one) * kE, std::sin(z.im) * std::sinh(x_minus_one) * kE};
  } else {
    r = {std::cos(z.im) * std::cosh(z.re), std::sin(z.im) * std::sinh(z.re)};
  }
  errno = std::isinf(r.re) || std::isinf(r.im) ? ERANGE : 0; // (an underflow is no error)
  return r;
}

Cplx c_sinh(Cplx z) {
  if (!finite(z)) {
    const bool edom = std::isinf(z.im) && !std::isnan(z.re);
    if (!infinite_with_angle(z.re, z.im)) return special(cmath_special::kSinh, z, edom);
    errno = edom ? EDOM : 0;
    double c = std::cos(z.im), s = std::sin(z.im);
    if (z.re > 0) return {std::copysign(INFINITY, c), std::copysign(INFINITY, s)};
    return {-std::copysign(INFINITY, c), std::copysign(INFINITY, s)};
  }
  Cplx r;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x_minus_one = z.re - std::copysign(1.0, z.re);
    r = {std::cos(z.im) * std::sinh(x_minus_one) * kE, std::sin(z.im) * std::cosh(x_minus_one) * kE};
  } else {
    r = {std::cos(z.im) * std::sinh(z.re), std::sin(z.im) * std::cosh(z.re)};
  }
  errno = std::isinf(r.re) || std::isinf(r.im) ? ERANGE : 0; // (an underflow is no error)
  return r;
}

Cplx c_tanh(Cplx z) {
  if (!finite(z)) {
    const bool edom = std::isinf(z.im) && std::isfinite(z.re);
    if (!infinite_with_angle(z.re, z.im)) return special(cmath_special::kTanh, z, edom);
    errno = edom ? EDOM : 0;
    return {z.re > 0 ? 1.0 : -1.0, std::copysign(0.0, 2.0 * std::sin(z.im) * std::cos(z.im))};
  }
  if (std::fabs(z.re) > kLogLargeDouble)
    return ok({std::copysign(1.0, z.re), 4.0 * std::sin(z.im) * std::cos(z.im) * std::exp(-2.0 * std::fabs(z.re))});
  double tx = std::tanh(z.re), ty = std::tan(z.im), cx = 1.0 / std::cosh(z.re);
  double txty = tx * ty, denom = 1.0 + txty * txty;
  return ok({tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx});
}

Cplx c_asinh(Cplx z) {
  if (!finite(z)) return special(cmath_special::kAsinh, z);
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    double l = std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0;
    double re = z.im >= 0.0 ? std::copysign(l, z.re) : -std::copysign(l, -z.re);
    return ok({re, std::atan2(z.im, std::fabs(z.re))});
  }
  Cplx s1 = c_sqrt({1.0 + z.im, -z.re}), s2 = c_sqrt({1.0 - z.im, z.re});
  return ok({std::asinh(s1.re * s2.im - s2.re * s1.im), std::atan2(z.im, s1.re * s2.re - s1.im * s2.im)});
}

Cplx c_asin(Cplx z) {
  Cplx s = c_asinh({-z.im, z.re});
  return {s.im, -s.re};
}

Cplx c_acos(Cplx z) {
  if (!finite(z)) return special(cmath_special::kAcos, z);
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    double l = std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0;
    double im = z.re < 0 ? -std::copysign(l, z.im) : std::copysign(l, -z.im);
    return ok({std::atan2(std::fabs(z.im), z.re), im});
  }
  Cplx s1 = c_sqrt({1.0 - z.re, -z.im}), s2 = c_sqrt({1.0 + z.re, z.im});
  return ok({2.0 * std::atan2(s1.re, s2.re), std::asinh(s2.re * s1.im - s2.im * s1.re)});
}

Cplx c_acosh(Cplx z) {
  if (!finite(z)) return special(cmath_special::kAcosh, z);
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble)
    return ok({std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0, std::atan2(z.im, z.re)});
  Cplx s1 = c_sqrt({z.re - 1.0, z.im}), s2 = c_sqrt({z.re + 1.0, z.im});
  return ok({std::asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * std::atan2(s1.im, s2.re)});
}

Cplx c_atanh(Cplx z) {
  if (!finite(z)) return special(cmath_special::kAtanh, z);
  if (z.re < 0) {
    Cplx r = c_atanh({-z.re, -z.im});
    return {-r.re, -r.im};
  }
  double ay = std::fabs(z.im);
  if (z.re > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.re / 2.0, z.im / 2.0);
    return ok({z.re / 4.0 / h / h, -std::copysign(kPi / 2.0, -z.im)});
  }
  if (z.re == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      errno = EDOM;
      return {INFINITY, z.im};
    }
    return ok(
        {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))), std::copysign(std::atan2(2.0, -ay) / 2, z.im)});
  }
  return ok({std::log1p(4.0 * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.0,
             -std::atan2(-2.0 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.0});
}

Cplx c_atan(Cplx z) {
  Cplx s = c_atanh({-z.im, z.re});
  return {s.im, -s.re};
}
Cplx c_cos(Cplx z) { return c_cosh({-z.im, z.re}); }
Cplx c_sin(Cplx z) {
  Cplx s = c_sinh({-z.im, z.re});
  return {s.im, -s.re};
}
Cplx c_tan(Cplx z) {
  Cplx s = c_tanh({-z.im, z.re});
  return {s.im, -s.re};
}

// The qualified names of the one-argument functions, for their argument errors.
constexpr char k_sqrt[] = "cmath.sqrt";
constexpr char k_exp[] = "cmath.exp";
constexpr char k_log10[] = "cmath.log10";
constexpr char k_sin[] = "cmath.sin";
constexpr char k_cos[] = "cmath.cos";
constexpr char k_tan[] = "cmath.tan";
constexpr char k_asin[] = "cmath.asin";
constexpr char k_acos[] = "cmath.acos";
constexpr char k_atan[] = "cmath.atan";
constexpr char k_sinh[] = "cmath.sinh";
constexpr char k_cosh[] = "cmath.cosh";
constexpr char k_tanh[] = "cmath.tanh";
constexpr char k_asinh[] = "cmath.asinh";
constexpr char k_acosh[] = "cmath.acosh";
constexpr char k_atanh[] = "cmath.atanh";
constexpr char k_isinf[] = "cmath.isinf";
constexpr char k_isnan[] = "cmath.isnan";

// One-argument functions: `F` on the converted argument, errno checked.
template <Cplx (*F)(Cplx), const char* Name> Value unary(Value, const Args& a) {
  check_one(a, Name);
  Cplx z = arg_complex(a[0]);
  errno = 0;
  Cplx r = F(z);
  check_errno();
  return make_complex_value(r);
}

Value cm_log(Value, const Args& a) {
  no_kwargs(a, "log");
  check_expected(a, "log", 1, 2);
  Cplx x = arg_complex(a[0]);
  Cplx base = a.npos == 2 ? arg_complex(a[1]) : Cplx{};
  errno = 0;
  x = c_log(x);
  // As CPython: only the last step's errno counts (log(0j, 2) is (-inf+nanj)).
  if (a.npos == 2) x = c_quot(x, c_log(base));
  check_errno();
  return make_complex_value(x);
}

// CPython's _Py_c_abs: inf for an infinite part; errno ERANGE when finite
// parts overflow, else cleared (NaN parts leave it).
double c_abs(Cplx z) {
  if (!finite(z)) {
    if (std::isinf(z.re) || std::isinf(z.im)) {
      errno = 0;
      return INFINITY;
    }
    return NAN;
  }
  double r = std::hypot(z.re, z.im);
  errno = std::isfinite(r) ? 0 : ERANGE;
  return r;
}

// CPython's c_atan2: the special cases by hand, else the C library's atan2,
// whose errno counts (glibc sets ERANGE when the angle underflows: CPython
// then raises OverflowError).
double c_atan2(Cplx z) {
  if (std::isnan(z.re) || std::isnan(z.im)) return NAN;
  if (std::isinf(z.im)) {
    if (std::isinf(z.re)) return std::copysign((std::signbit(z.re) ? 0.75 : 0.25) * kPi, z.im);
    return std::copysign(0.5 * kPi, z.im);
  }
  if (std::isinf(z.re) || z.im == 0.0) return std::signbit(z.re) ? std::copysign(kPi, z.im) : std::copysign(0.0, z.im);
  return std::atan2(z.im, z.re);
}

Value cm_phase(Value, const Args& a) {
  check_one(a, "cmath.phase");
  Cplx z = arg_complex(a[0]);
  errno = 0;
  double phi = c_atan2(z);
  check_errno();
  return Value::from_double(phi);
}

Value cm_polar(Value, const Args& a) {
  check_one(a, "cmath.polar");
  Cplx z = arg_complex(a[0]);
  errno = 0;
  double phi = c_atan2(z);
  double r = c_abs(z);
  check_errno();
  Value items[2] = {Value::from_double(r), Value::from_double(phi)};
  return Value::object(new_tuple(items));
}

Value cm_rect(Value, const Args& a) {
  check_expected(a, "rect", 2, 2);
  double r = arg_real(a[0]), phi = arg_real(a[1]);
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
      double re = r > 0 ? std::copysign(INFINITY, std::cos(phi)) : -std::copysign(INFINITY, std::cos(phi));
      double im = r > 0 ? std::copysign(INFINITY, std::sin(phi)) : -std::copysign(INFINITY, std::sin(phi));
      return make_complex_value({re, im});
    }
    if (std::isinf(phi) && !std::isnan(r) && r != 0.0) raise(types::value_error, "math domain error");
    return make_complex_value(special(cmath_special::kRect, {r, phi}));
  }
  if (phi == 0.0) return make_complex_value({r, r * phi});
  return make_complex_value({r * std::cos(phi), r * std::sin(phi)});
}

template <bool (*P)(double), const char* Name> Value predicate(Value, const Args& a) {
  check_one(a, Name);
  Cplx z = arg_complex(a[0]);
  return Value::boolean(P(z.re) || P(z.im));
}
bool is_inf(double d) { return std::isinf(d); }
bool is_nan(double d) { return std::isnan(d); }

Value cm_isfinite(Value, const Args& a) {
  check_one(a, "cmath.isfinite");
  return Value::boolean(finite(arg_complex(a[0])));
}

Value cm_isclose(Value, const Args& a) {
  Value p[4];
  bind_args(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, p, 0, 2);
  Cplx x = arg_complex(p[0]), y = arg_complex(p[1]);
  double rel_tol = p[2].is_empty() ? 1e-09 : arg_real(p[2]);
  double abs_tol = p[3].is_empty() ? 0.0 : arg_real(p[3]);
  if (rel_tol < 0.0 || abs_tol < 0.0) raise(types::value_error, "tolerances must be non-negative");
  if (x.re == y.re && x.im == y.im) return Value::boolean(true);
  if (std::isinf(x.re) || std::isinf(x.im) || std::isinf(y.re) || std::isinf(y.im)) return Value::boolean(false);
  errno = 0;
  double diff = c_abs({y.re - x.re, y.im - x.im});
  return Value::boolean((diff <= rel_tol * c_abs(y) || diff <= rel_tol * c_abs(x)) || diff <= abs_tol);
}

} // namespace

Module* make_cmath_module() {
  Module* m = new_module("cmath");
  static const MethodDef kFunctions[] = {
      {"sqrt", unary<c_sqrt, k_sqrt>},
      {"exp", unary<c_exp, k_exp>},
      {"log10", unary<c_log10, k_log10>},
      {"log", cm_log},
      {"sin", unary<c_sin, k_sin>},
      {"cos", unary<c_cos, k_cos>},
      {"tan", unary<c_tan, k_tan>},
      {"asin", unary<c_asin, k_asin>},
      {"acos", unary<c_acos, k_acos>},
      {"atan", unary<c_atan, k_atan>},
      {"sinh", unary<c_sinh, k_sinh>},
      {"cosh", unary<c_cosh, k_cosh>},
      {"tanh", unary<c_tanh, k_tanh>},
      {"asinh", unary<c_asinh, k_asinh>},
      {"acosh", unary<c_acosh, k_acosh>},
      {"atanh", unary<c_atanh, k_atanh>},
      {"phase", cm_phase},
      {"polar", cm_polar},
      {"rect", cm_rect},
      {"isfinite", cm_isfinite},
      {"isinf", predicate<is_inf, k_isinf>},
      {"isnan", predicate<is_nan, k_isnan>},
      {"isclose", cm_isclose},
  };
  for (const MethodDef& d : kFunctions)
    add_function(m, d.name, d.fn);
  add_value(m, "pi", Value::from_double(kPi));
  add_value(m, "e", Value::from_double(kE));
  add_value(m, "tau", Value::from_double(2 * kPi));
  add_value(m, "inf", Value::from_double(INFINITY));
  add_value(m, "nan", Value::from_double(NAN));
  add_value(m, "infj", make_complex_value({0.0, INFINITY}));
  add_value(m, "nanj", make_complex_value({0.0, NAN}));
  return m;
}

} // namespace tributary::lib
