// int.cpp — arbitrary-precision int operations (GMP) and numeric hashing.
//
// Every result is normalized through make_int(): values that fit 48 bits come
// back as small ints. Hashes follow CPython (reduction modulo 2^61 - 1) so that
// hash(n) prints the same and equal ints and floats hash alike.
#include "runtime/int.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "runtime/exceptions.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"

namespace tributary {

namespace {

// A read-only mpz of an int operand, without a copy: a big int's own limbs,
// or one limb on the stack for a small int or a bool.
class IntView {
public:
  explicit IntView(Value v) {
    if (is_bigint(v)) {
      p_ = v.as<BigInt>()->z;
      return;
    }
    const int64_t i = v.is_small_int() ? v.as_small_int() : v.is_true();
    limb_ = i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    p_ = mpz_roinit_n(view_, &limb_, i < 0 ? -1 : i > 0 ? 1 : 0);
  }
  IntView(const IntView&) = delete;
  IntView& operator=(const IntView&) = delete;
  operator mpz_srcptr() const { return p_; }

private:
  mp_limb_t limb_ = 0;
  mpz_t view_;
  mpz_srcptr p_;
};

constexpr uint64_t kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;
constexpr int64_t kHashInf = 314159;

// The largest int a result may have, in bits (8 GiB). GMP aborts past 2^37 bits
// (an mpz counts its limbs in an int), so sizes are checked before calling it;
// CPython's malloc fails at about this size on the machines we run on.
constexpr uint64_t kMaxIntBits = uint64_t(1) << 36;
// CPython's limits on a shift counted in 30-bit digits (divmod_shift and
// MAX_LONG_DIGITS, for 64-bit sizes).
constexpr uint64_t kMaxShiftDigits = (uint64_t(INT64_MAX) / 4);
constexpr uint64_t kMaxLongDigits = (uint64_t(INT64_MAX) - 24) / 4;

// Number of bits in |v| (0 for 0).
uint64_t bit_count(Value v) {
  if (auto i = int_as_i64(v)) {
    uint64_t m = *i < 0 ? -static_cast<uint64_t>(*i) : static_cast<uint64_t>(*i);
    return m ? 64 - __builtin_clzll(m) : 0;
  }
  return mpz_sizeinbase(v.as<BigInt>()->z, 2);
}

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "one limb holds an int64's magnitude");

// A big int of value 0 with room for `capacity` limbs, for GMP to write into.
// (_mp_alloc is the room the object has: GMP never reallocates it, int.cpp
// sizes every result first; base_layout_size reads it too.)
BigInt* alloc_bigint(size_t capacity) {
  auto* b = static_cast<BigInt*>(gc::alloc_atomic(sizeof(BigInt) + capacity * sizeof(mp_limb_t)));
  b->type = &types::int_;
  b->z->_mp_alloc = static_cast<int>(capacity);
  b->z->_mp_size = 0;
  b->z->_mp_d = b->limbs();
  return b;
}

// A big int holding `size` limbs (negative: a negative value) copied from `limbs`.
Value new_bigint(int size, const mp_limb_t* limbs) {
  const size_t n = static_cast<size_t>(size < 0 ? -size : size);
  BigInt* b = alloc_bigint(n);
  b->z->_mp_size = size;
  std::memcpy(b->limbs(), limbs, n * sizeof(mp_limb_t));
  return Value::object(b);
}

// Limbs of |v| (small ints and bools count one).
size_t limb_count(Value v) {
  if (!is_bigint(v)) return 1;
  const int n = v.as<BigInt>()->z->_mp_size;
  return static_cast<size_t>(n < 0 ? -n : n);
}

using i128 = __int128;
using u128 = unsigned __int128;

// An int of at most 127 bits and a sign, as a machine integer: small ints,
// and the big ints of one or two limbs that arithmetic past 64 bits makes (a
// 64-bit hash or random state, its 128-bit products). Ops on these need no GMP.
std::optional<i128> int_as_i128(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_bool()) return v.is_true() ? 1 : 0;
  mpz_srcptr z = v.as<BigInt>()->z;
  const int n = z->_mp_size < 0 ? -z->_mp_size : z->_mp_size;
  if (n > 2) return std::nullopt;
  if (n == 0) return 0;
  u128 m = z->_mp_d[0];
  if (n == 2) m |= static_cast<u128>(z->_mp_d[1]) << 64;
  if (m >> 127) return std::nullopt;
  return z->_mp_size < 0 ? -static_cast<i128>(m) : static_cast<i128>(m);
}

// Writes r (outside the small range) into b, which has room for two limbs.
Value store_i128(BigInt* b, i128 r) {
  const u128 m = r < 0 ? -static_cast<u128>(r) : static_cast<u128>(r);
  b->limbs()[0] = static_cast<mp_limb_t>(m);
  b->limbs()[1] = static_cast<mp_limb_t>(m >> 64);
  const int n = b->limbs()[1] ? 2 : 1;
  b->z->_mp_size = r < 0 ? -n : n;
  return Value::object(b);
}

bool fits_small(i128 r) { return r >= Value::kSmallMin && r <= Value::kSmallMax; }

// Results of arithmetic on ints past 64 bits get room for two limbs: the next
// operation on them (a 64-bit state times a constant, then masked) can then
// write its result in place when they are temporaries.
constexpr size_t kI128Room = 2;

Value make_int_i128(i128 r) {
  if (fits_small(r)) return Value::small_int(static_cast<int64_t>(r));
  return store_i128(alloc_bigint(kI128Room), r);
}

// GMP results get this many limbs beyond their bound, so that a chain of
// operations on a temporary ((2 * q + r) * l) stays in one object.
constexpr size_t kGmpSlack = 2;

// The value GMP left in b as an int: a small int when it fits (b is then
// garbage), else b.
Value settle(BigInt* b) {
  mpz_srcptr z = b->z;
  const int n = z->_mp_size;
  if (n == 0) return Value::small_int(0);
  if (n == 1 && z->_mp_d[0] <= static_cast<uint64_t>(Value::kSmallMax))
    return Value::small_int(static_cast<int64_t>(z->_mp_d[0]));
  if (n == -1 && z->_mp_d[0] <= static_cast<uint64_t>(Value::kSmallMax) + 1)
    return Value::small_int(-static_cast<int64_t>(z->_mp_d[0]));
  return Value::object(b);
}

// GMP's `op` written straight into a new int of at most `bound` limbs, without
// an mpz temporary on the C heap and a copy; a result in the small range frees it.
template <class Op> Value into_new_int(size_t bound, Op op) {
  BigInt* d = alloc_bigint(bound);
  op(d->z);
  const Value r = settle(d);
  if (r.is_small_int()) gc::free_now(d);
  return r;
}

// Python's floor quotient and remainder of big operands, each into a new int.
// (GMP's fdiv computes the truncated quotient in nl - dl + 1 limbs, then moves
// it one away from zero or adds the divisor to the remainder: one limb more.)
size_t fdiv_q_bound(Value a, Value b) { return std::max(limb_count(a), limb_count(b)) - limb_count(b) + 2; }
size_t fdiv_r_bound(Value b) { return limb_count(b) + 1; }

// The operands of one binary operation, and which of them are temporaries
// (big ints nothing else references, vm/interp.cpp) whose storage may take
// the result; the temporaries not used for the result are freed when done.
struct Operands {
  Value a, b;
  BigInt* ta = nullptr;
  BigInt* tb = nullptr;

  // Where to put a result of at most `limbs` limbs: a temporary with room, else a new int.
  BigInt* dest(size_t limbs) {
    if (ta && static_cast<size_t>(ta->z->_mp_alloc) >= limbs) return ta;
    if (tb && static_cast<size_t>(tb->z->_mp_alloc) >= limbs) return tb;
    return alloc_bigint(limbs + kGmpSlack);
  }
  // The result r, after freeing the temporaries it does not live in.
  Value done(Value r) {
    const Object* keep = r.is_object() ? r.as_object() : nullptr;
    if (ta && ta != keep) gc::free_now(ta);
    if (tb && tb != keep) gc::free_now(tb);
    return r;
  }
};

// Runs `small` on machine integers (it returns true on overflow): int64 for
// two small ints, else __int128 when both fit 127 bits; else GMP's `big` into
// a result of at most `bound` limbs.
template <class Small>
Value int_binop(Operands& o, Small small, void (*big)(mpz_ptr, mpz_srcptr, mpz_srcptr), size_t bound) {
  if (o.a.is_small_int() && o.b.is_small_int()) {
    int64_t r;
    if (!small(o.a.as_small_int(), o.b.as_small_int(), r)) return make_int(r);
  }
  if (auto x = int_as_i128(o.a), y = int_as_i128(o.b); x && y) {
    i128 r;
    if (!small(*x, *y, r)) {
      if (fits_small(r)) return o.done(Value::small_int(static_cast<int64_t>(r)));
      return o.done(store_i128(o.dest(kI128Room), r));
    }
  }
  BigInt* d = o.dest(bound);
  big(d->z, IntView(o.a), IntView(o.b));
  Value r = settle(d);
  if (r.is_small_int() && d != o.ta && d != o.tb) gc::free_now(d);
  return o.done(r);
}

} // namespace

void check_int_bits(uint64_t bits) {
  if (bits > kMaxIntBits) raise(types::memory_error, "");
}

Value make_bigint_i64(int64_t i) {
  const mp_limb_t m = i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  return new_bigint(i < 0 ? -1 : 1, &m);
}

Value make_int_u64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kSmallMax)) return Value::small_int(static_cast<int64_t>(u));
  const mp_limb_t m = u;
  return new_bigint(1, &m);
}

Value make_int(const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long i = mpz_get_si(z);
    if (Value::fits_small(i)) return Value::small_int(i);
  }
  return new_bigint(z->_mp_size, z->_mp_d);
}

void int_to_mpz(Value v, mpz_t out) {
  if (v.is_small_int()) mpz_set_si(out, v.as_small_int());
  else if (v.is_bool()) mpz_set_si(out, v.is_true());
  else mpz_set(out, v.as<BigInt>()->z);
}

int64_t index_value(Value v, const char* what) {
  if (auto i = int_as_i64(v)) return *i;
  // An object with __index__ (a user class's, a weak proxy's) indexes by its result.
  if (!is_int(v) && !v.is_bool() && ops_detail::is_user_type(type_of(v))) {
    Value r = ops_detail::call_dunder(v, "__index__");
    if (!r.is_empty()) {
      if (!is_int(r) && !r.is_bool())
        raise_fmt(types::type_error, "__index__ returned non-int (type {})", type_of(r)->name);
      if (auto i = int_as_i64(r)) return *i;
      raise_fmt(types::index_error, "cannot fit '{}' into an index-sized integer", type_of(v)->name);
    }
  }
  if (is_bigint(v))
    raise_fmt(types::index_error, "cannot fit 'int' into an index-sized integer");
  raise_fmt(types::type_error, "{} indices must be integers or slices, not {}", what, type_of(v)->name);
}

bool int_is_negative(Value v) {
  if (v.is_small_int()) return v.as_small_int() < 0;
  if (v.is_bool()) return false;
  return mpz_sgn(v.as<BigInt>()->z) < 0;
}

int int_compare(Value a, Value b) {
  auto x = int_as_i64(a), y = int_as_i64(b);
  if (x && y) return *x < *y ? -1 : *x > *y ? 1 : 0;
  int c = mpz_cmp(IntView(a), IntView(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int int_double_compare(Value a, double d) {
  // Exact: compare against floor(d), then use the fractional part to break ties.
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  double fl = std::floor(d);
  Mpz mf;
  mpz_set_d(mf.z, fl);
  int c = mpz_cmp(IntView(a), mf.z);
  if (c != 0) return c < 0 ? -1 : 1;
  return fl == d ? 0 : -1;
}

double int_to_double(Value v) {
  if (auto i = int_as_i64(v)) return static_cast<double>(*i);
  const mpz_t& z = v.as<BigInt>()->z;
  if (mpz_sizeinbase(z, 2) > 1024) raise(types::overflow_error, "int too large to convert to float");
  // Correct rounding (round-half-even) as CPython does: take the top 55 bits and
  // let the FPU round once.
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 53) return mpz_get_d(z);
  Mpz a;
  mpz_abs(a.z, z);
  size_t shift = bits - 55;
  Mpz top;
  mpz_tdiv_q_2exp(top.z, a.z, shift);
  // Sticky bit: set the lowest bit if anything non-zero was shifted out.
  if (mpz_scan1(a.z, 0) < shift) mpz_setbit(top.z, 0);
  double r = std::ldexp(static_cast<double>(mpz_get_ui(top.z)), static_cast<int>(shift));
  if (std::isinf(r)) raise(types::overflow_error, "int too large to convert to float");
  return mpz_sgn(z) < 0 ? -r : r;
}

std::string int_to_decimal(Value v) {
  if (auto i = int_as_i64(v)) return std::to_string(*i);
  const mpz_t& z = v.as<BigInt>()->z;
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::strlen(s.c_str()));
  return s;
}

Value int_from_string(std::string_view text, int base) {
  std::string s;
  for (char c : text)
    if (c != '_') s += c;
  Mpz z;
  if (s.empty() || mpz_set_str(z.z, s.c_str(), base) != 0)
    raise_fmt(types::value_error, "invalid literal for int() with base {}: {}", base, str_repr(text));
  return make_int(z.z);
}

int64_t int_hash(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    // |i| < 2^47 < modulus: the hash is the value itself, except -1.
    return i == -1 ? -2 : i;
  }
  if (v.is_bool()) return v.is_true();
  // |v| mod (2^61 - 1), with v's sign.
  int64_t h = static_cast<int64_t>(mpz_tdiv_ui(v.as<BigInt>()->z, kHashModulus));
  if (mpz_sgn(v.as<BigInt>()->z) < 0) h = -h;
  return h == -1 ? -2 : h;
}

int64_t double_hash(double d) {
  // CPython's _Py_HashDouble.
  if (std::isinf(d)) return d > 0 ? kHashInf : -kHashInf;
  if (std::isnan(d)) return 0; // CPython 3.11 hashes NaN by identity; 0 keeps us deterministic
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  int64_t r = static_cast<int64_t>(x) * sign;
  return r == -1 ? -2 : r;
}

// ---- arithmetic ----------------------------------------------------------------

namespace {

size_t max_limbs(Value a, Value b) { return std::max(limb_count(a), limb_count(b)); }

Value add_op(Operands& o) {
  return int_binop(o, [](auto x, auto y, auto& r) { return __builtin_add_overflow(x, y, &r); }, mpz_add,
                   max_limbs(o.a, o.b) + 1);
}
Value sub_op(Operands& o) {
  return int_binop(o, [](auto x, auto y, auto& r) { return __builtin_sub_overflow(x, y, &r); }, mpz_sub,
                   max_limbs(o.a, o.b) + 1);
}
Value mul_op(Operands& o) {
  // (Only a product of about 2^30 limbs can pass the limit: counting bits first costs more.)
  if (limb_count(o.a) + limb_count(o.b) > kMaxIntBits / 64) check_int_bits(bit_count(o.a) + bit_count(o.b));
  return int_binop(o, [](auto x, auto y, auto& r) { return __builtin_mul_overflow(x, y, &r); }, mpz_mul,
                   limb_count(o.a) + limb_count(o.b));
}
// (Two's-complement logic on negative operands may carry into one more limb.)
Value and_op(Operands& o) {
  return int_binop(o, [](auto x, auto y, auto& r) { return r = x & y, false; }, mpz_and, max_limbs(o.a, o.b) + 1);
}
Value or_op(Operands& o) {
  return int_binop(o, [](auto x, auto y, auto& r) { return r = x | y, false; }, mpz_ior, max_limbs(o.a, o.b) + 1);
}
Value xor_op(Operands& o) {
  return int_binop(o, [](auto x, auto y, auto& r) { return r = x ^ y, false; }, mpz_xor, max_limbs(o.a, o.b) + 1);
}

} // namespace

Value int_add(Value a, Value b) {
  Operands o{a, b};
  return add_op(o);
}
Value int_sub(Value a, Value b) {
  Operands o{a, b};
  return sub_op(o);
}
Value int_mul(Value a, Value b) {
  Operands o{a, b};
  return mul_op(o);
}
Value int_and(Value a, Value b) {
  Operands o{a, b};
  return and_op(o);
}
Value int_or(Value a, Value b) {
  Operands o{a, b};
  return or_op(o);
}
Value int_xor(Value a, Value b) {
  Operands o{a, b};
  return xor_op(o);
}

Value int_binary_reusing(BinOp op, Value a, Value b, bool reuse_a, bool reuse_b) {
  Operands o{a, b};
  if (reuse_a && is_exact(a, types::int_)) o.ta = a.as<BigInt>();
  if (reuse_b && is_exact(b, types::int_) && b != a) o.tb = b.as<BigInt>();
  switch (op) {
  case BinOp::Add: return add_op(o);
  case BinOp::Sub: return sub_op(o);
  case BinOp::Mul: return mul_op(o);
  case BinOp::And: return and_op(o);
  case BinOp::Or: return or_op(o);
  case BinOp::Xor: return xor_op(o);
  // (Results in new objects; the temporaries are freed.)
  case BinOp::FloorDiv: return o.done(int_floordiv(a, b));
  case BinOp::Mod: return o.done(int_mod(a, b));
  case BinOp::LShift: return o.done(int_lshift(a, b));
  case BinOp::RShift: return o.done(int_rshift(a, b));
  default: return Value::empty();
  }
}

namespace {
[[noreturn]] void zero_division(const char* what) { raise(types::zero_division_error, what); }
// A big int in [2^63, 2^64): one limb, positive.
bool is_one_limb_positive(Value v) { return is_bigint(v) && v.as<BigInt>()->z->_mp_size == 1; }
} // namespace

Value int_floordiv(Value a, Value b) {
  auto x = int_as_i64(a), y = int_as_i64(b);
  if (y && *y == 0) zero_division("integer division or modulo by zero");
  if (x && y && !(*x == INT64_MIN && *y == -1)) return make_int(floor_div_i64(*x, *y));
  if (y && *y > 0 && is_one_limb_positive(a))
    return make_int_u64(a.as<BigInt>()->z->_mp_d[0] / static_cast<uint64_t>(*y));
  if (auto x2 = int_as_i128(a), y2 = int_as_i128(b); x2 && y2) return make_int_i128(floor_div_int(*x2, *y2));
  return into_new_int(fdiv_q_bound(a, b), [&](mpz_ptr q) { mpz_fdiv_q(q, IntView(a), IntView(b)); });
}

Value int_mod(Value a, Value b) {
  auto x = int_as_i64(a), y = int_as_i64(b);
  if (y && *y == 0) zero_division("integer modulo by zero");
  if (x && y && !(*x == INT64_MIN && *y == -1)) return make_int(floor_mod_i64(*x, *y));
  if (y && *y > 0 && is_one_limb_positive(a)) // (a 64-bit hash or state modulo a size: no 128-bit division)
    return make_int(static_cast<int64_t>(a.as<BigInt>()->z->_mp_d[0] % static_cast<uint64_t>(*y)));
  if (auto x2 = int_as_i128(a), y2 = int_as_i128(b); x2 && y2) return make_int_i128(floor_mod_int(*x2, *y2));
  if (y) {
    // A big int modulo a machine int (a hash modulo a prime): no allocation.
    const uint64_t m = *y < 0 ? -static_cast<uint64_t>(*y) : static_cast<uint64_t>(*y);
    const uint64_t r = mpz_fdiv_ui(IntView(a), m); // in [0, m)
    return r && *y < 0 ? make_int(static_cast<int64_t>(r - m)) : make_int_u64(r);
  }
  return into_new_int(fdiv_r_bound(b), [&](mpz_ptr r) { mpz_fdiv_r(r, IntView(a), IntView(b)); });
}

Value int_divmod(Value a, Value b) {
  auto x = int_as_i64(a), y = int_as_i64(b);
  if (y && *y == 0) zero_division("integer division or modulo by zero");
  Value items[2];
  if (x && y && !(*x == INT64_MIN && *y == -1)) {
    items[0] = make_int(floor_div_i64(*x, *y));
    items[1] = make_int(floor_mod_i64(*x, *y));
  } else if (auto x2 = int_as_i128(a), y2 = int_as_i128(b); x2 && y2) {
    items[0] = make_int_i128(floor_div_int(*x2, *y2));
    items[1] = make_int_i128(floor_mod_int(*x2, *y2));
  } else {
    BigInt* q = alloc_bigint(fdiv_q_bound(a, b));
    BigInt* r = alloc_bigint(fdiv_r_bound(b));
    mpz_fdiv_qr(q->z, r->z, IntView(a), IntView(b));
    items[0] = settle(q);
    items[1] = settle(r);
  }
  return Value::object(new_tuple(items));
}

Value int_truediv(Value a, Value b) {
  auto x = int_as_i64(a), y = int_as_i64(b);
  if (y && *y == 0) zero_division("division by zero");
  // Exact when both fit a double's mantissa.
  if (x && y && std::abs(*x) <= (int64_t(1) << 53) && std::abs(*y) <= (int64_t(1) << 53))
    return Value::from_double(static_cast<double>(*x) / static_cast<double>(*y));
  // Correctly rounded: scale so the integer quotient has 55 or 56 bits, fold the
  // remainder into a sticky bit, and let one uint64 -> double conversion round.
  Mpz ma(a), mb(b);
  bool neg = (mpz_sgn(ma.z) < 0) != (mpz_sgn(mb.z) < 0);
  mpz_abs(ma.z, ma.z);
  mpz_abs(mb.z, mb.z);
  if (mpz_sgn(ma.z) == 0) return Value::from_double(neg ? -0.0 : 0.0);
  long shift = static_cast<long>(mpz_sizeinbase(mb.z, 2)) - static_cast<long>(mpz_sizeinbase(ma.z, 2)) + 55;
  if (shift > 0) mpz_mul_2exp(ma.z, ma.z, shift);
  else mpz_mul_2exp(mb.z, mb.z, -shift);
  Mpz q, r;
  mpz_tdiv_qr(q.z, r.z, ma.z, mb.z);
  if (mpz_sgn(r.z) != 0) mpz_setbit(q.z, 0);
  double result = std::ldexp(static_cast<double>(mpz_get_ui(q.z)), static_cast<int>(-shift));
  if (std::isinf(result)) raise(types::overflow_error, "integer division result too large for a float");
  return Value::from_double(neg ? -result : result);
}

Value int_pow(Value a, Value b) {
  if (int_is_negative(b)) {
    double base = int_to_double(a);
    double exp = int_to_double(b);
    if (base == 0.0) zero_division("0.0 cannot be raised to a negative power");
    return Value::from_double(std::pow(base, exp));
  }
  auto e = int_as_i64(b);
  const IntView ma(a);
  Mpz mr;
  if (!e) {
    // Only 0, 1 and -1 can be raised to a huge power.
    if (mpz_cmpabs_ui(ma, 1) > 0) raise(types::memory_error, "");
    mpz_pow_ui(mr.z, ma, mpz_even_p(static_cast<mpz_srcptr>(IntView(b))) ? 2 : 1);
    return make_int(mr.z);
  }
  if (auto x = int_as_i64(a)) {
    // Fast path: repeated squaring with overflow checks.
    int64_t base = *x, result = 1, exp = *e;
    bool overflow = false;
    while (exp > 0 && !overflow) {
      if (exp & 1) overflow |= __builtin_mul_overflow(result, base, &result);
      exp >>= 1;
      if (exp > 0) overflow |= __builtin_mul_overflow(base, base, &base);
    }
    if (!overflow) return make_int(result);
  }
  // |a| >= 2 here: the result has about e * log2|a| bits.
  if (mpz_cmpabs_ui(ma, 1) > 0) {
    long exp2;
    double mant = std::fabs(mpz_get_d_2exp(&exp2, ma));
    if (static_cast<double>(*e) * (static_cast<double>(exp2) + std::log2(mant)) > static_cast<double>(kMaxIntBits))
      raise(types::memory_error, "");
  }
  mpz_pow_ui(mr.z, ma, static_cast<unsigned long>(*e));
  return make_int(mr.z);
}

Value int_pow_mod(Value a, Value b, Value m) {
  Mpz ma(a), mb(b), mm(m), mr;
  if (mpz_sgn(mm.z) == 0) raise_value_error("pow() 3rd argument cannot be 0");
  if (mpz_sgn(mb.z) < 0) {
    if (!mpz_invert(ma.z, ma.z, mm.z)) raise_value_error("base is not invertible for the given modulus");
    mpz_neg(mb.z, mb.z);
  }
  Mpz absm;
  mpz_abs(absm.z, mm.z);
  mpz_powm(mr.z, ma.z, mb.z, absm.z);
  // Python: result has the sign of the modulus.
  if (mpz_sgn(mm.z) < 0 && mpz_sgn(mr.z) != 0) mpz_add(mr.z, mr.z, mm.z);
  return make_int(mr.z);
}

Value int_lshift(Value a, Value b) {
  if (int_is_negative(b)) raise_value_error("negative shift count");
  if (auto x = int_as_i64(a); x && *x == 0) return Value::small_int(0); // 0 << n is 0 for any n
  auto n = int_as_i64(b);
  if (!n) {
    // CPython counts the shift in 30-bit digits: OverflowError when the digit
    // count cannot be a size, else the allocation fails (MemoryError). Shifts
    // that fit int64 always take the MemoryError path (checked below).
    Mpz words;
    int_to_mpz(b, words.z);
    mpz_fdiv_q_ui(words.z, words.z, 30);
    if (mpz_cmp_ui(words.z, kMaxShiftDigits) >= 0 ||
        mpz_get_ui(words.z) + (bit_count(a) + 29) / 30 + 1 > kMaxLongDigits)
      raise(types::overflow_error, "too many digits in integer");
    raise(types::memory_error, "");
  }
  if (auto x = int_as_i64(a); x && *n < 62) {
    int64_t r = *x << *n;
    if ((r >> *n) == *x) return make_int(r);
  }
  if (auto x = int_as_i128(a); x && *n < 126) {
    const i128 r = static_cast<i128>(static_cast<u128>(*x) << *n);
    if ((r >> *n) == *x) return make_int_i128(r);
  }
  check_int_bits(bit_count(a) + static_cast<uint64_t>(*n));
  return into_new_int(limb_count(a) + static_cast<size_t>(*n / 64) + 1,
                      [&](mpz_ptr r) { mpz_mul_2exp(r, IntView(a), static_cast<mp_bitcnt_t>(*n)); });
}

Value int_rshift(Value a, Value b) {
  if (int_is_negative(b)) raise_value_error("negative shift count");
  auto n = int_as_i64(b);
  if (!n) return Value::small_int(int_is_negative(a) ? -1 : 0);
  if (auto x = int_as_i64(a)) return make_int(*n >= 63 ? (*x < 0 ? -1 : 0) : (*x >> *n));
  if (auto x = int_as_i128(a)) return make_int_i128(*n >= 127 ? (*x < 0 ? -1 : 0) : (*x >> *n));
  const uint64_t dropped = static_cast<uint64_t>(*n) / 64; // (rounding down a negative value may carry: + 1)
  return into_new_int(limb_count(a) > dropped ? limb_count(a) - dropped + 1 : 1,
                      [&](mpz_ptr r) { mpz_fdiv_q_2exp(r, IntView(a), static_cast<mp_bitcnt_t>(*n)); });
}

Value int_neg(Value a) {
  if (auto x = int_as_i64(a); x && *x != INT64_MIN) return make_int(-*x);
  return into_new_int(limb_count(a), [&](mpz_ptr r) { mpz_neg(r, IntView(a)); });
}

Value int_invert(Value a) {
  if (auto x = int_as_i64(a)) return make_int(~*x);
  return into_new_int(limb_count(a) + 1, [&](mpz_ptr r) { mpz_com(r, IntView(a)); });
}

Value int_abs(Value a) {
  if (int_is_negative(a)) return int_neg(a);
  if (a.is_bool()) return make_int(a.is_true());
  if (is_bigint(a) && !is_exact(a, types::int_)) return make_int(Mpz(a).z); // a subclass's value
  return a;
}

double float_floordiv(double a, double b) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  return floordiv;
}

double float_mod(double a, double b) {
  double mod = std::fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  return mod;
}

} // namespace tributary
