// math_module.cpp — the `math` module.
//
// Follows CPython's mathmodule.c: one-argument functions go through math_1's
// error policy (a NaN result from a non-NaN argument is "math domain error",
// an infinite result from a finite argument is a range error or a domain
// error per function); logarithms of huge ints are exact via frexp-style
// splitting; integer functions (isqrt, gcd, lcm, factorial, comb, perm) use
// GMP; fsum is Shewchuk's exact summation as in CPython's math_fsum.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <numeric>
#include <vector>

#include "lib/math_gamma.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

[[noreturn]] void domain_error() { raise(types::value_error, "math domain error"); }
[[noreturn]] void range_error() { raise(types::overflow_error, "math range error"); }

// A real number argument as a double.
double real_arg(Value v) {
  if (auto d = real_as_double(v)) return *d;
  raise_fmt(types::type_error, "must be real number, not {}", tname(v));
}

// An integer argument (int, bool or __index__) loaded into a GMP value.
struct IntArg {
  mpz_t z;
  explicit IntArg(Value v) {
    if (!is_integer(v)) {
      Value r = call_dunder(v, "__index__");
      if (r.is_empty() || !is_integer(r))
        raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
      v = r;
    }
    mpz_init(z);
    int_to_mpz(v, z);
  }
  IntArg() { mpz_init(z); }
  ~IntArg() { mpz_clear(z); }
  IntArg(const IntArg&) = delete;
  IntArg& operator=(const IntArg&) = delete;
  Value value() const { return make_int(z); }
};

Value int_from_double(double d) {
  if (std::isinf(d)) raise(types::overflow_error, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(types::value_error, "cannot convert float NaN to integer");
  if (std::fabs(d) < 9.0e15) return make_int(static_cast<int64_t>(d));
  IntArg r;
  mpz_set_d(r.z, d);
  return r.value();
}

Value F(double d) { return Value::from_double(d); }

// CPython's math_1: error policy for one-argument functions.
Value math_1(const Args& a, const char* qualname, double (*f)(double), bool can_overflow) {
  check_one(a, qualname);
  double x = real_arg(a[0]);
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) range_error();
    domain_error();
  }
  return F(r);
}

// CPython's math_1a: for functions that set errno themselves (gamma, lgamma).
Value math_1a(const Args& a, const char* qualname, double (*f)(double)) {
  check_one(a, qualname);
  double x = real_arg(a[0]);
  errno = 0;
  double r = f(x);
  if (errno == EDOM) domain_error();
  if (errno == ERANGE && std::fabs(r) >= 1.5) range_error(); // (an underflow is no error)
  return F(r);
}

// A compile-time function name, so one template serves every wrapped libm function.
template <size_t N> struct FnName {
  char text[N];
  constexpr FnName(const char (&s)[N]) { std::copy_n(s, N, text); }
};

using D1 = double (*)(double);

template <FnName name, D1 f, bool can_overflow> Value unary(Value, const Args& a) {
  return math_1(a, name.text, f, can_overflow);
}
template <FnName name, D1 f> Value unary_errno(Value, const Args& a) { return math_1a(a, name.text, f); }

// Natural log of any real; ints too large for a double are split as m * 2**e (CPython's loghelper).
double log_of(Value v, double (*f)(double)) {
  if (is_integer(v)) {
    if (!int_is_negative(v) && !(int_as_i64(v) == 0)) {
      // CPython converts to double when it can, and splits only ints too large for one.
      IntArg z(v);
      if (mpz_sizeinbase(z.z, 2) <= 1024) return f(int_to_double(v));
      long e;
      double m = mpz_get_d_2exp(&e, z.z); // z = m * 2**e, 0.5 <= m < 1
      return f(m) + static_cast<double>(e) * f(2.0);
    }
    domain_error();
  }
  double x = real_arg(v);
  if (std::isnan(x)) return x;
  if (x <= 0) domain_error();
  return f(x);
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

Value math_log(Value, const Args& a) {
  no_kwargs(a, "math.log");
  if (a.npos < 1 || a.npos > 2) raise(types::type_error, "math.log requires 1 to 2 arguments");
  double num = log_of(a[0], ln);
  if (a.npos == 1) return F(num);
  double den = log_of(a[1], ln);
  if (den == 0.0) raise(types::zero_division_error, "float division by zero");
  return F(num / den);
}

Value math_log2(Value, const Args& a) {
  check_one(a, "math.log2");
  // log2 of m * 2**e is log2(m) + e exactly.
  if (is_integer(a[0]) && !int_is_negative(a[0]) && !(int_as_i64(a[0]) == 0)) {
    IntArg z(a[0]);
    long e;
    double m = mpz_get_d_2exp(&e, z.z);
    return F(std::log2(m) + static_cast<double>(e));
  }
  return F(log_of(a[0], lg2));
}

Value math_log10(Value, const Args& a) {
  check_one(a, "math.log10");
  return F(log_of(a[0], lg10));
}

// Two real arguments, positional only.
void two_reals(const Args& a, const char* name, double& x, double& y) {
  no_kwargs(a, name);
  check_expected(a, name, 2, 2);
  x = real_arg(a[0]);
  y = real_arg(a[1]);
}

Value math_atan2(Value, const Args& a) {
  double y, x;
  two_reals(a, "atan2", y, x);
  return F(std::atan2(y, x));
}

Value math_copysign(Value, const Args& a) {
  double x, y;
  two_reals(a, "copysign", x, y);
  return F(std::copysign(x, y));
}

Value math_fmod(Value, const Args& a) {
  double x, y;
  two_reals(a, "fmod", x, y);
  if (std::isinf(y) && std::isfinite(x)) return F(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
  return F(r);
}

Value math_pow(Value, const Args& a) {
  double x, y;
  two_reals(a, "pow", x, y);
  if (std::isfinite(x) && std::isfinite(y)) {
    if (x == 0.0 && y < 0) domain_error();
    if (x < 0 && y != std::floor(y)) domain_error();
  }
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) range_error();
  return F(r);
}

Value math_ldexp(Value, const Args& a) {
  no_kwargs(a, "ldexp");
  check_expected(a, "ldexp", 2, 2);
  double x = real_arg(a[0]);
  if (!is_integer(a[1])) raise(types::type_error, "Expected an int as second argument to ldexp.");
  auto e = int_as_i64(a[1]);
  int64_t exp = e ? *e : (int_is_negative(a[1]) ? INT32_MIN : INT32_MAX);
  if (x == 0.0 || !std::isfinite(x)) return F(x);
  exp = std::clamp<int64_t>(exp, INT32_MIN, INT32_MAX);
  double r = std::ldexp(x, static_cast<int>(exp));
  if (std::isinf(r)) range_error();
  return F(r);
}

Value math_frexp(Value, const Args& a) {
  check_one(a, "math.frexp");
  double x = real_arg(a[0]);
  int e = 0;
  double m = std::isfinite(x) && x != 0.0 ? std::frexp(x, &e) : x;
  Value items[2] = {F(m), make_int(int64_t{e})};
  return Value::object(new_tuple(items));
}

Value math_modf(Value, const Args& a) {
  check_one(a, "math.modf");
  double x = real_arg(a[0]), ip;
  double fp = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &ip);
  if (std::isinf(x)) ip = x;
  Value items[2] = {F(fp), F(ip)};
  return Value::object(new_tuple(items));
}

// floor/ceil/trunc: ints unchanged, floats rounded to a (possibly big) int, else __floor__ etc.
Value round_to_int(const Args& a, const char* qualname, const char* dunder, double (*f)(double)) {
  check_one(a, qualname);
  Value v = a[0];
  if (is_integer(v)) return v.is_bool() ? Value::small_int(v.is_true()) : v;
  if (is_float(v)) return int_from_double(f(float_value(v)));
  Value r = call_dunder(v, dunder);
  if (!r.is_empty()) return r;
  if (dunder[2] == 't') raise_fmt(types::type_error, "type {} doesn't define __trunc__ method", tname(v));
  return int_from_double(f(real_arg(v)));
}

Value math_floor(Value, const Args& a) { return round_to_int(a, "math.floor", "__floor__", [](double x) { return std::floor(x); }); }
Value math_ceil(Value, const Args& a) { return round_to_int(a, "math.ceil", "__ceil__", [](double x) { return std::ceil(x); }); }
Value math_trunc(Value, const Args& a) { return round_to_int(a, "math.trunc", "__trunc__", [](double x) { return std::trunc(x); }); }

Value math_isnan(Value, const Args& a) {
  check_one(a, "math.isnan");
  return Value::boolean(std::isnan(real_arg(a[0])));
}
Value math_isinf(Value, const Args& a) {
  check_one(a, "math.isinf");
  return Value::boolean(std::isinf(real_arg(a[0])));
}
Value math_isfinite(Value, const Args& a) {
  check_one(a, "math.isfinite");
  return Value::boolean(std::isfinite(real_arg(a[0])));
}

Value math_degrees(Value, const Args& a) {
  check_one(a, "math.degrees");
  return F(real_arg(a[0]) * (180.0 / M_PI));
}
Value math_radians(Value, const Args& a) {
  check_one(a, "math.radians");
  return F(real_arg(a[0]) * (M_PI / 180.0));
}

Value math_isclose(Value, const Args& a) {
  Value p[4];
  bind_args(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, p, 2, 2);
  double x = real_arg(p[0]), y = real_arg(p[1]);
  double rel = p[2].is_empty() ? 1e-09 : real_arg(p[2]);
  double abs_tol = p[3].is_empty() ? 0.0 : real_arg(p[3]);
  if (rel < 0.0 || abs_tol < 0.0) raise(types::value_error, "tolerances must be non-negative");
  if (x == y) return Value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
  double diff = std::fabs(y - x);
  return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || diff <= abs_tol);
}

Value math_hypot(Value, const Args& a) {
  no_kwargs(a, "hypot");
  std::vector<double> xs;
  bool any_nan = false, any_inf = false;
  for (uint32_t i = 0; i < a.npos; ++i) {
    double x = std::fabs(real_arg(a[i]));
    any_nan = any_nan || std::isnan(x);
    any_inf = any_inf || std::isinf(x);
    xs.push_back(x);
  }
  if (any_inf) return F(INFINITY);
  if (any_nan) return F(NAN);
  double r = 0.0;
  for (double x : xs) r = std::hypot(r, x);
  return F(r);
}

Value math_dist(Value, const Args& a) {
  no_kwargs(a, "dist");
  check_expected(a, "dist", 2, 2);
  Tuple* p = tuple_from_iterable(a[0]);
  Tuple* q = tuple_from_iterable(a[1]);
  if (p->size != q->size) raise(types::value_error, "both points must have the same number of dimensions");
  double r = 0.0;
  bool any_inf = false;
  for (size_t i = 0; i < p->size; ++i) {
    double d = std::fabs(real_arg(p->items[i]) - real_arg(q->items[i]));
    any_inf = any_inf || std::isinf(d);
    r = std::hypot(r, d);
  }
  return F(any_inf ? INFINITY : r);
}

// fsum: Shewchuk's algorithm with CPython's special-value and half-way rounding handling.
Value math_fsum(Value, const Args& a) {
  check_one(a, "math.fsum");
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  Value it = get_iter(a[0]), item;
  while (iter_next(it, item)) {
    double x = real_arg(item);
    double xsave = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // A non-finite x could come from an intermediate overflow of finite inputs.
        if (std::isfinite(xsave)) raise(types::overflow_error, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) raise(types::value_error, "-inf + inf in fsum");
    return F(special_sum);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the remaining partials push past a tie.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return F(hi);
}

Value math_prod(Value, const Args& a) {
  Value p[2];
  bind_args(a, "prod", {"iterable", "start"}, 1, p, 1, 1);
  Value acc = p[1].is_empty() ? Value::small_int(1) : p[1];
  Value it = get_iter(p[0]), item;
  while (iter_next(it, item)) acc = binary_op(BinOp::Mul, acc, item);
  return acc;
}

// ---- integer functions -------------------------------------------------------------

Value math_isqrt(Value, const Args& a) {
  check_one(a, "math.isqrt");
  IntArg n(a[0]);
  if (mpz_sgn(n.z) < 0) raise(types::value_error, "isqrt() argument must be nonnegative");
  mpz_sqrt(n.z, n.z);
  return n.value();
}

Value math_gcd(Value, const Args& a) {
  no_kwargs(a, "math.gcd");
  // Inline ints (the common case, e.g. coprimality tests in loops): no GMP
  // temporaries, whose limbs live in the C heap.
  uint64_t g = 0;
  uint32_t i = 0;
  for (; i < a.npos && a[i].is_small_int(); ++i) {
    const int64_t x = a[i].as_small_int();
    g = std::gcd(g, static_cast<uint64_t>(x < 0 ? -x : x));
  }
  if (i == a.npos) return make_int(static_cast<int64_t>(g));
  IntArg acc;
  for (uint32_t i = 0; i < a.npos; ++i) {
    IntArg x(a[i]);
    mpz_gcd(acc.z, acc.z, x.z);
  }
  return acc.value();
}

Value math_lcm(Value, const Args& a) {
  no_kwargs(a, "math.lcm");
  IntArg acc;
  mpz_set_ui(acc.z, 1);
  for (uint32_t i = 0; i < a.npos; ++i) {
    IntArg x(a[i]);
    mpz_lcm(acc.z, acc.z, x.z);
  }
  return acc.value();
}

// MemoryError when n! would be larger than the largest int (about n*log2(n/e) bits).
void check_factorial_bits(unsigned long n) {
  double bits = static_cast<double>(n) * std::max(0.0, std::log2(static_cast<double>(n)) - 1.4427);
  if (bits > 1e18) raise(types::memory_error, "");
  check_int_bits(static_cast<uint64_t>(bits));
}

Value math_factorial(Value, const Args& a) {
  check_one(a, "math.factorial");
  IntArg n(a[0]);
  if (mpz_sgn(n.z) < 0) raise(types::value_error, "factorial() not defined for negative values");
  if (!mpz_fits_ulong_p(n.z)) raise(types::overflow_error, "factorial() argument should not exceed 9223372036854775807");
  check_factorial_bits(mpz_get_ui(n.z));
  mpz_fac_ui(n.z, mpz_get_ui(n.z));
  return n.value();
}

// Checks comb/perm arguments: non-negative and small enough for GMP.
unsigned long nonneg(const IntArg& v, const char* which) {
  if (mpz_sgn(v.z) < 0) raise_fmt(types::value_error, "{} must be a non-negative integer", which);
  if (!mpz_fits_ulong_p(v.z)) raise_fmt(types::overflow_error, "{} must not exceed 9223372036854775807", which);
  return mpz_get_ui(v.z);
}

Value math_comb(Value, const Args& a) {
  no_kwargs(a, "comb");
  check_expected(a, "comb", 2, 2);
  IntArg n(a[0]), k(a[1]);
  if (mpz_sgn(n.z) < 0) raise(types::value_error, "n must be a non-negative integer");
  if (mpz_sgn(k.z) < 0) raise(types::value_error, "k must be a non-negative integer");
  if (mpz_cmp(k.z, n.z) > 0) return Value::small_int(0);
  IntArg r;
  mpz_bin_ui(r.z, n.z, nonneg(k, "k"));
  return r.value();
}

Value math_perm(Value, const Args& a) {
  no_kwargs(a, "perm");
  check_expected(a, "perm", 1, 2);
  IntArg n(a[0]);
  if (mpz_sgn(n.z) < 0) raise(types::value_error, "n must be a non-negative integer");
  if (a.npos == 1 || a[1].is_none()) {
    check_factorial_bits(nonneg(n, "n"));
    mpz_fac_ui(n.z, nonneg(n, "n"));
    return n.value();
  }
  IntArg k(a[1]);
  if (mpz_sgn(k.z) < 0) raise(types::value_error, "k must be a non-negative integer");
  if (mpz_cmp(k.z, n.z) > 0) return Value::small_int(0);
  unsigned long kk = nonneg(k, "k");
  IntArg r, f;
  mpz_set_ui(r.z, 1);
  for (unsigned long i = 0; i < kk; ++i) {
    mpz_sub_ui(f.z, n.z, i);
    mpz_mul(r.z, r.z, f.z);
  }
  return r.value();
}

} // namespace

namespace {

const MethodDef kFunctions[] = {
    {"sqrt", unary<"math.sqrt", static_cast<D1>(std::sqrt), false>},
    {"exp", unary<"math.exp", static_cast<D1>(std::exp), true>},
    {"expm1", unary<"math.expm1", static_cast<D1>(std::expm1), true>},
    {"log1p", unary<"math.log1p", static_cast<D1>(std::log1p), false>},
    {"sin", unary<"math.sin", static_cast<D1>(std::sin), false>},
    {"cos", unary<"math.cos", static_cast<D1>(std::cos), false>},
    {"tan", unary<"math.tan", static_cast<D1>(std::tan), false>},
    {"asin", unary<"math.asin", static_cast<D1>(std::asin), false>},
    {"acos", unary<"math.acos", static_cast<D1>(std::acos), false>},
    {"atan", unary<"math.atan", static_cast<D1>(std::atan), false>},
    {"sinh", unary<"math.sinh", static_cast<D1>(std::sinh), true>},
    {"cosh", unary<"math.cosh", static_cast<D1>(std::cosh), true>},
    {"tanh", unary<"math.tanh", static_cast<D1>(std::tanh), false>},
    {"asinh", unary<"math.asinh", static_cast<D1>(std::asinh), false>},
    {"acosh", unary<"math.acosh", static_cast<D1>(std::acosh), false>},
    {"atanh", unary<"math.atanh", static_cast<D1>(std::atanh), false>},
    {"fabs", unary<"math.fabs", static_cast<D1>(std::fabs), false>},
    {"erf", unary<"math.erf", static_cast<D1>(std::erf), false>},
    {"erfc", unary<"math.erfc", static_cast<D1>(std::erfc), false>},
    {"gamma", unary_errno<"math.gamma", python_tgamma>},
    {"lgamma", unary_errno<"math.lgamma", python_lgamma>},
    {"log", math_log},
    {"log2", math_log2},
    {"log10", math_log10},
    {"atan2", math_atan2},
    {"copysign", math_copysign},
    {"fmod", math_fmod},
    {"pow", math_pow},
    {"ldexp", math_ldexp},
    {"frexp", math_frexp},
    {"modf", math_modf},
    {"floor", math_floor},
    {"ceil", math_ceil},
    {"trunc", math_trunc},
    {"isnan", math_isnan},
    {"isinf", math_isinf},
    {"isfinite", math_isfinite},
    {"degrees", math_degrees},
    {"radians", math_radians},
    {"isclose", math_isclose},
    {"hypot", math_hypot},
    {"dist", math_dist},
    {"fsum", math_fsum},
    {"prod", math_prod},
    {"isqrt", math_isqrt},
    {"gcd", math_gcd},
    {"lcm", math_lcm},
    {"factorial", math_factorial},
    {"comb", math_comb},
    {"perm", math_perm},
};

} // namespace

const char* math_function_name(NativeFn fn) {
  for (const MethodDef& d : kFunctions)
    if (d.fn == fn) return d.name;
  return nullptr;
}

Module* make_math_module() {
  Module* m = new_module("math");
  for (const MethodDef& d : kFunctions) add_function(m, d.name, d.fn);
  add_value(m, "pi", F(M_PI));
  add_value(m, "e", F(M_E));
  add_value(m, "tau", F(2 * M_PI));
  add_value(m, "inf", F(INFINITY));
  add_value(m, "nan", F(NAN));
  return m;
}

} // namespace tributary::lib
