// random_module.cpp — the `random` module and random.Random.
//
// Bit-identical to CPython 3.11 for int seeds: the generator is CPython's
// MT19937 (mt19937.h) seeded with the absolute value of the seed split into
// 32-bit words; every method follows Lib/random.py 3.11 step by step, drawing
// the same words in the same order (_randbelow is _randbelow_with_getrandbits,
// shuffle walks i = n-1 .. 1, sample picks the pool or the set strategy by
// the same size rule, choices uses floor(random() * n) or bisect). Module
// functions are methods bound to one hidden Random instance, as in CPython.
// SystemRandom draws the same way from the kernel's entropy (getrandom).
// Limits: str/bytes seeds (SHA-512 based in CPython) raise NotImplementedError.
#include <sys/random.h>

#include <chrono>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "lib/lib.h"
#include "lib/mt19937.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

Type random_type, system_random_type;

// The words a generator draws: CPython's Mersenne Twister, or (SystemRandom)
// the kernel's entropy, word by word, as random.SystemRandom reads os.urandom.
struct Source : Mt19937 {
  bool system = false;

  static uint64_t os_bits() {
    uint64_t x = 0;
    if (getrandom(&x, sizeof x, 0) != static_cast<ssize_t>(sizeof x)) raise(types::os_error, "getrandom failed");
    return x;
  }
  uint32_t next() { return system ? static_cast<uint32_t>(os_bits()) : Mt19937::next(); }
  // SystemRandom.random(): 53 bits of entropy over 2**53.
  double random() { return system ? static_cast<double>(os_bits() >> 11) * (1.0 / 9007199254740992.0) : Mt19937::random(); }
  uint64_t bits64(int k) {
    if (!system) return Mt19937::bits64(k);
    return k == 0 ? 0 : os_bits() >> (64 - k);
  }
};

struct RandomObj : Object {
  Source mt;
  Value gauss_next; // None or a float
};

RandomObj* R(Value self) { return self.as<RandomObj>(); }

Value F(double d) { return Value::from_double(d); }

// ---- seeding ---------------------------------------------------------------------------

void seed_from_int(RandomObj* r, Value n) {
  Mpz z;
  int_to_mpz(n, z);
  mpz_abs(z, z);
  std::vector<uint32_t> key;
  if (mpz_sgn(z) == 0) {
    key.push_back(0);
  } else {
    size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
    key.assign(words, 0);
    size_t count = 0;
    mpz_export(key.data(), &count, -1, 4, 0, 0, z);
  }
  r->mt.init_by_array(key.data(), key.size());
}

void seed_from_entropy(RandomObj* r) {
  uint32_t key[Mt19937::kN];
  if (getrandom(key, sizeof key, 0) != static_cast<ssize_t>(sizeof key)) {
    auto t = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    for (int i = 0; i < Mt19937::kN; ++i) key[i] = static_cast<uint32_t>(t * 2654435761u + i);
  }
  r->mt.init_by_array(key, Mt19937::kN);
}

void do_seed(RandomObj* r, Value a) {
  if (a.is_empty() || a.is_none()) {
    seed_from_entropy(r);
  } else if (is_integer(a)) {
    seed_from_int(r, a.is_bool() ? Value::small_int(a.is_true()) : a);
  } else if (is_float(a)) {
    // CPython hashes other seeds and uses the hash as an unsigned size_t.
    seed_from_int(r, make_int_u64(static_cast<uint64_t>(hash_value(a))));
  } else if (is_str(a) || bytes_like(a)) {
    raise(types::not_implemented_error, "random.seed() with a str, bytes or bytearray seed");
  } else {
    raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
  r->gauss_next = Value::none();
}

// ---- integers --------------------------------------------------------------------------

// getrandbits(k) for any k >= 0, as a Python int.
Value randbits(RandomObj* r, uint64_t k) {
  if (k <= 64) return make_int_u64(r->mt.bits64(static_cast<int>(k)));
  size_t words = (k - 1) / 32 + 1;
  std::vector<uint32_t> w(words);
  uint64_t left = k;
  for (size_t i = 0; i < words; ++i, left -= 32) {
    uint32_t x = r->mt.next();
    if (left < 32) x >>= (32 - left);
    w[i] = x;
    if (left < 32) break;
  }
  Mpz z;
  mpz_import(z, words, -1, 4, 0, 0, w.data());
  return make_int(z);
}

uint64_t bit_length(Value n) {
  if (auto i = int_as_i64(n)) {
    uint64_t u = *i < 0 ? 0 - static_cast<uint64_t>(*i) : static_cast<uint64_t>(*i);
    return static_cast<uint64_t>(64 - std::countl_zero(u));
  }
  return mpz_sizeinbase(n.as<BigInt>()->z, 2);
}

// _randbelow_with_getrandbits(n) for n > 0 (int64 fast path).
int64_t randbelow_i64(RandomObj* r, int64_t n) {
  int k = 64 - std::countl_zero(static_cast<uint64_t>(n));
  uint64_t x = r->mt.bits64(k);
  while (x >= static_cast<uint64_t>(n)) x = r->mt.bits64(k);
  return static_cast<int64_t>(x);
}

Value randbelow(RandomObj* r, Value n) {
  if (auto i = int_as_i64(n)) return make_int(randbelow_i64(r, *i));
  uint64_t k = bit_length(n);
  Value x = randbits(r, k);
  while (int_compare(x, n) >= 0) x = randbits(r, k);
  return x;
}

// randrange's argument conversion (_index, with the deprecated integral-float fallback).
Value range_arg(Value v, const char* what) {
  if (is_integer(v)) return v.is_bool() ? Value::small_int(v.is_true()) : v;
  if (Value r = call_dunder(v, "__index__"); !r.is_empty() && is_integer(r)) return r;
  // Deprecated fallback: int(v), accepted when equal to v.
  Value i = call1(Value::object(&types::int_), v);
  if (!equals(i, v)) raise_fmt(types::value_error, "non-integer {} for randrange()", what);
  return i;
}

Value randrange_impl(RandomObj* r, Value start, Value stop, Value step) {
  Value istart = range_arg(start, "arg 1");
  if (stop.is_empty() || stop.is_none()) {
    if (!step.is_empty()) raise_type_error("Missing a non-None stop argument");
    if (int_compare(istart, Value::small_int(0)) > 0) return randbelow(r, istart);
    raise_value_error("empty range for randrange()");
  }
  Value istop = range_arg(stop, "stop");
  Value width = int_sub(istop, istart);
  Value istep = step.is_empty() ? Value::small_int(1) : range_arg(step, "step");
  if (istep == Value::small_int(1)) {
    if (int_compare(width, Value::small_int(0)) > 0) return int_add(istart, randbelow(r, width));
    raise_fmt(types::value_error, "empty range for randrange() ({}, {}, {})", int_to_decimal(istart),
              int_to_decimal(istop), int_to_decimal(width));
  }
  Value n;
  int sign = int_compare(istep, Value::small_int(0));
  if (sign > 0)
    n = int_floordiv(int_sub(int_add(width, istep), Value::small_int(1)), istep);
  else if (sign < 0)
    n = int_floordiv(int_add(int_add(width, istep), Value::small_int(1)), istep);
  else
    raise_value_error("zero step for randrange()");
  if (int_compare(n, Value::small_int(0)) <= 0) raise_value_error("empty range for randrange()");
  return int_add(istart, int_mul(istep, randbelow(r, n)));
}

// ---- methods ---------------------------------------------------------------------------

Value m_seed(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.seed", {"a", "version"}, 0, p, kAny, 1);
  do_seed(R(self), p[0]);
  return Value::none();
}

// _randbelow(n): 0 <= x < n (CPython's _randbelow_with_getrandbits; secrets uses it).
Value m_randbelow(Value self, const Args& a) {
  check_one(a, "_randbelow");
  if (!is_integer(a[0])) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(a[0]));
  if (int_compare(a[0], Value::small_int(0)) <= 0) raise_value_error("_randbelow() needs a positive bound");
  return randbelow(R(self), a[0]);
}

Value m_random(Value self, const Args& a) {
  check_none(a, "random");
  return F(R(self)->mt.random());
}

Value m_getrandbits(Value self, const Args& a) {
  check_one(a, "getrandbits");
  int64_t k = arg_index(a[0]);
  if (k < 0) raise_value_error("number of bits must be non-negative");
  return randbits(R(self), static_cast<uint64_t>(k));
}

Value m_randrange(Value self, const Args& a) {
  Value p[3];
  bind_py_args(a, "Random.randrange", {"start", "stop", "step"}, 1, p, kAny, 1);
  return randrange_impl(R(self), p[0], p[1], p[2]);
}

Value m_randint(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.randint", {"a", "b"}, 2, p, kAny, 1);
  return randrange_impl(R(self), p[0], binary_op(BinOp::Add, p[1], Value::small_int(1)), Value::empty());
}

Value m_choice(Value self, const Args& a) {
  Value p[1];
  bind_py_args(a, "Random.choice", {"seq"}, 1, p, kAny, 1);
  int64_t n = length(p[0]);
  if (n == 0) raise(types::index_error, "Cannot choose from an empty sequence");
  return get_item(p[0], make_int(randbelow_i64(R(self), n)));
}

Value m_shuffle(Value self, const Args& a) {
  Value p[1];
  bind_py_args(a, "Random.shuffle", {"x"}, 1, p, kAny, 1);
  Value x = p[0];
  RandomObj* r = R(self);
  if (is_list(x) && type_of(x) == &types::list) {
    auto& items = x.as<List>()->items;
    for (int64_t i = static_cast<int64_t>(items.size()) - 1; i >= 1; --i) {
      int64_t j = randbelow_i64(r, i + 1);
      std::swap(items[i], items[j]);
    }
    return Value::none();
  }
  for (int64_t i = length(x) - 1; i >= 1; --i) {
    int64_t j = randbelow_i64(r, i + 1);
    Value vi = make_int(i), vj = make_int(j);
    Value xi = get_item(x, vi), xj = get_item(x, vj);
    set_item(x, vi, xj);
    set_item(x, vj, xi);
  }
  return Value::none();
}

bool is_sequence(Value v) {
  Type* t = type_of(v);
  switch (t->kind) {
  case Kind::List: case Kind::Tuple: case Kind::Str: case Kind::Range: case Kind::Bytes: return true;
  default: break;
  }
  return bytes_like(v).has_value() || (!type_lookup(t, intern("__getitem__")).is_empty() &&
                                       !type_lookup(t, intern("__len__")).is_empty() && t->kind != Kind::Dict);
}

Value m_sample(Value self, const Args& a) {
  Value p[3];
  bind_py_args(a, "Random.sample", {"population", "k", "counts"}, 2, p, 2, 1);
  Value population = p[0];
  RandomObj* r = R(self);
  if (!is_sequence(population))
    raise_type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
  int64_t n = length(population);
  if (!p[2].is_empty() && !p[2].is_none()) {
    // counts: sample indices of range(total) and map them through the cumulative counts.
    List* cum = new_list();
    Value acc = Value::empty();
    Value it = get_iter(p[2]);
    Value c;
    while (iter_next(it, c)) {
      acc = acc.is_empty() ? c : binary_op(BinOp::Add, acc, c);
      cum->items.push_back(acc);
    }
    if (static_cast<int64_t>(cum->items.size()) != n)
      raise_value_error("The number of counts does not match the population");
    Value total = cum->items.back();
    cum->items.pop_back();
    if (!is_integer(total)) raise_type_error("Counts must be integers");
    if (int_compare(total, Value::small_int(0)) <= 0) raise_value_error("Total of counts must be greater than zero");
    Value args[2] = {make_range_values(Value::small_int(0), total, Value::small_int(1)), p[1]};
    Value kwname = Value::object(intern("k"));
    Args sub{args, 1, &kwname, &args[1], 1};
    Value selections = m_sample(self, sub);
    List* out = new_list();
    for (Value s : selections.as<List>()->items) {
      size_t lo = 0, hi = cum->items.size();
      while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (compare_bool(CmpOp::Lt, s, cum->items[mid])) hi = mid;
        else lo = mid + 1;
      }
      out->items.push_back(get_item(population, make_int(static_cast<int64_t>(lo))));
    }
    return Value::object(out);
  }
  if (!is_integer(p[1])) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(p[1]));
  auto k64 = int_as_i64(p[1]);
  if (!k64 || *k64 < 0 || *k64 > n) raise_value_error("Sample larger than population or is negative");
  int64_t k = *k64;
  List* result = new_list(static_cast<size_t>(k));
  result->items.assign(static_cast<size_t>(k), Value::none());
  int64_t setsize = 21;
  if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (n <= setsize) {
    List* pool = list_from_iterable(population);
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = randbelow_i64(r, n - i);
      result->items[i] = pool->items[j];
      pool->items[j] = pool->items[n - i - 1];
    }
  } else {
    std::unordered_set<int64_t> selected;
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = randbelow_i64(r, n);
      while (selected.count(j)) j = randbelow_i64(r, n);
      selected.insert(j);
      result->items[i] = get_item(population, make_int(j));
    }
  }
  return Value::object(result);
}

Value m_choices(Value self, const Args& a) {
  Value p[4];
  bind_py_args(a, "Random.choices", {"population", "weights", "cum_weights", "k"}, 1, p, 2, 1);
  RandomObj* r = R(self);
  Value population = p[0];
  int64_t n = length(population);
  int64_t k = p[3].is_empty() ? 1 : arg_index(p[3]);
  List* out = new_list();
  Value cum = p[2];
  if (cum.is_empty() || cum.is_none()) {
    if (p[1].is_empty() || p[1].is_none()) {
      double dn = static_cast<double>(n);
      for (int64_t i = 0; i < k; ++i)
        out->items.push_back(get_item(population, make_int(static_cast<int64_t>(std::floor(r->mt.random() * dn)))));
      return Value::object(out);
    }
    if (is_integer(p[1]))
      raise_fmt(types::type_error, "The number of choices must be a keyword argument: k={}", repr_string(p[1]));
    List* acc = new_list();
    Value total = Value::empty();
    Value it = get_iter(p[1]);
    Value w;
    while (iter_next(it, w)) {
      total = total.is_empty() ? w : binary_op(BinOp::Add, total, w);
      acc->items.push_back(total);
    }
    cum = Value::object(acc);
  } else if (!p[1].is_empty() && !p[1].is_none()) {
    raise_type_error("Cannot specify both weights and cumulative weights");
  }
  List* cw = list_from_iterable(cum);
  if (static_cast<int64_t>(cw->items.size()) != n) raise_value_error("The number of weights does not match the population");
  Value totalv = binary_op(BinOp::Add, cw->items.back(), F(0.0));
  double total = float_value(totalv);
  if (total <= 0.0) raise_value_error("Total of weights must be greater than zero");
  if (!std::isfinite(total)) raise_value_error("Total of weights must be finite");
  size_t hi0 = static_cast<size_t>(n - 1);
  for (int64_t i = 0; i < k; ++i) {
    Value x = F(r->mt.random() * total);
    size_t lo = 0, hi = hi0;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (compare_bool(CmpOp::Lt, x, cw->items[mid])) hi = mid;
      else lo = mid + 1;
    }
    out->items.push_back(get_item(population, make_int(static_cast<int64_t>(lo))));
  }
  return Value::object(out);
}

double real(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_integer(v)) return int_to_double(v.is_bool() ? Value::small_int(v.is_true()) : v);
  raise_fmt(types::type_error, "must be real number, not {}", tname(v));
}

Value m_uniform(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.uniform", {"a", "b"}, 2, p, kAny, 1);
  Value diff = binary_op(BinOp::Sub, p[1], p[0]);
  return binary_op(BinOp::Add, p[0], binary_op(BinOp::Mul, diff, F(R(self)->mt.random())));
}

Value m_triangular(Value self, const Args& a) {
  Value p[3];
  bind_py_args(a, "Random.triangular", {"low", "high", "mode"}, 0, p, kAny, 1);
  double low = p[0].is_empty() ? 0.0 : real(p[0]);
  double high = p[1].is_empty() ? 1.0 : real(p[1]);
  double u = R(self)->mt.random();
  double c;
  if (p[2].is_empty() || p[2].is_none()) {
    c = 0.5;
  } else {
    if (high - low == 0.0) return p[0].is_empty() ? F(low) : p[0];
    c = (real(p[2]) - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return F(low + (high - low) * std::sqrt(u * c));
}

double normal(RandomObj* r) {
  static const double kNvMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);
  while (true) {
    double u1 = r->mt.random();
    double u2 = 1.0 - r->mt.random();
    double z = kNvMagic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) return z;
  }
}

Value m_normalvariate(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.normalvariate", {"mu", "sigma"}, 0, p, kAny, 1);
  double mu = p[0].is_empty() ? 0.0 : real(p[0]), sigma = p[1].is_empty() ? 1.0 : real(p[1]);
  return F(mu + normal(R(self)) * sigma);
}

Value m_lognormvariate(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.lognormvariate", {"mu", "sigma"}, 2, p, kAny, 1);
  return F(std::exp(real(p[0]) + normal(R(self)) * real(p[1])));
}

Value m_gauss(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.gauss", {"mu", "sigma"}, 0, p, kAny, 1);
  double mu = p[0].is_empty() ? 0.0 : real(p[0]), sigma = p[1].is_empty() ? 1.0 : real(p[1]);
  RandomObj* r = R(self);
  double z;
  if (is_float(r->gauss_next)) {
    z = float_value(r->gauss_next);
    r->gauss_next = Value::none();
  } else {
    double x2pi = r->mt.random() * (2 * M_PI);
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->mt.random()));
    z = std::cos(x2pi) * g2rad;
    r->gauss_next = F(std::sin(x2pi) * g2rad);
  }
  return F(mu + z * sigma);
}

Value m_expovariate(Value self, const Args& a) {
  Value p[1];
  bind_py_args(a, "Random.expovariate", {"lambd"}, 1, p, kAny, 1);
  double lambd = real(p[0]);
  double x = -std::log(1.0 - R(self)->mt.random());
  if (lambd == 0.0) raise(types::zero_division_error, "float division by zero");
  return F(x / lambd);
}

Value m_paretovariate(Value self, const Args& a) {
  Value p[1];
  bind_py_args(a, "Random.paretovariate", {"alpha"}, 1, p, kAny, 1);
  double u = 1.0 - R(self)->mt.random();
  return F(std::pow(u, -1.0 / real(p[0])));
}

Value m_weibullvariate(Value self, const Args& a) {
  Value p[2];
  bind_py_args(a, "Random.weibullvariate", {"alpha", "beta"}, 2, p, kAny, 1);
  double u = 1.0 - R(self)->mt.random();
  return F(real(p[0]) * std::pow(-std::log(u), 1.0 / real(p[1])));
}

Value m_randbytes(Value self, const Args& a) {
  check_one(a, "randbytes");
  int64_t n = arg_index(a[0]);
  if (n < 0) raise_value_error("negative argument not allowed");
  Value bits = randbits(R(self), static_cast<uint64_t>(n) * 8);
  Mpz z;
  int_to_mpz(bits, z);
  std::string out(static_cast<size_t>(n), '\0');
  size_t count = 0;
  if (n > 0 && mpz_sgn(z) != 0) {
    std::string tmp((mpz_sizeinbase(z, 2) + 7) / 8, '\0');
    mpz_export(tmp.data(), &count, -1, 1, 0, 0, z);
    std::memcpy(out.data(), tmp.data(), count);
  }
  return make_bytes(out);
}

Value m_getstate(Value self, const Args& a) {
  check_none(a, "getstate");
  RandomObj* r = R(self);
  Tuple* st = new_tuple(Mt19937::kN + 1);
  for (int i = 0; i < Mt19937::kN; ++i) st->items[i] = make_int(r->mt.state()[i]);
  st->items[Mt19937::kN] = make_int(r->mt.index());
  Value items[3] = {Value::small_int(3), Value::object(st), r->gauss_next};
  return Value::object(new_tuple(items));
}

Value m_setstate(Value self, const Args& a) {
  check_one(a, "setstate");
  RandomObj* r = R(self);
  if (!is_tuple(a[0]) || a[0].as<Tuple>()->size != 3) raise_type_error("state vector must be a tuple");
  Tuple* t = a[0].as<Tuple>();
  if (t->items[0] != Value::small_int(3))
    raise_fmt(types::value_error, "state with version {} passed to Random.setstate() of version 3",
              repr_string(t->items[0]));
  if (!is_tuple(t->items[1]) || t->items[1].as<Tuple>()->size != Mt19937::kN + 1)
    raise_value_error("state vector is the wrong size");
  Tuple* st = t->items[1].as<Tuple>();
  for (int i = 0; i < Mt19937::kN; ++i) r->mt.state()[i] = static_cast<uint32_t>(arg_index(st->items[i]));
  int64_t index = arg_index(st->items[Mt19937::kN]);
  if (index < 0 || index > Mt19937::kN) raise_value_error("invalid state");
  r->mt.set_index(static_cast<int>(index));
  r->gauss_next = t->items[2];
  return Value::none();
}

RandomObj* new_random() {
  auto* r = gc::make<RandomObj>();
  r->type = &random_type;
  r->gauss_next = Value::none();
  return r;
}

Value construct_random(Value, const Args& a) {
  no_kwargs(a, "Random");
  check_expected(a, "Random", 0, 1);
  RandomObj* r = new_random();
  do_seed(r, a.npos ? a[0] : Value::none());
  return Value::object(r);
}

// random.SystemRandom(): a Random drawing from the kernel; it has no seed or state.
Value construct_system_random(Value, const Args&) {
  RandomObj* r = new_random();
  r->type = &system_random_type;
  r->mt.system = true;
  return Value::object(r);
}

Value m_system_seed(Value, const Args&) { return Value::none(); }
Value m_system_no_state(Value, const Args&) {
  raise(types::not_implemented_error, "System entropy source does not have state.");
}

template <NativeFn Fn> constexpr NativeFn M = method<&random_type, Fn>;

struct Def {
  const char* name;
  NativeFn fn;
};
constexpr Def kMethods[] = {
    {"seed", M<m_seed>},
    {"random", M<m_random>},
    {"getrandbits", M<m_getrandbits>},
    {"_randbelow", M<m_randbelow>},
    {"randrange", M<m_randrange>},
    {"randint", M<m_randint>},
    {"choice", M<m_choice>},
    {"shuffle", M<m_shuffle>},
    {"sample", M<m_sample>},
    {"choices", M<m_choices>},
    {"uniform", M<m_uniform>},
    {"triangular", M<m_triangular>},
    {"normalvariate", M<m_normalvariate>},
    {"lognormvariate", M<m_lognormvariate>},
    {"gauss", M<m_gauss>},
    {"expovariate", M<m_expovariate>},
    {"paretovariate", M<m_paretovariate>},
    {"weibullvariate", M<m_weibullvariate>},
    {"randbytes", M<m_randbytes>},
    {"getstate", M<m_getstate>},
    {"setstate", M<m_setstate>},
};

} // namespace

Module* make_random_module() {
  Module* m = new_module("random");
  if (!random_type.name[0]) {
    init_type(random_type, "Random", Kind::Object, &types::object);
    random_type.module_name = Value::object(intern("random"));
    random_type.construct = construct_random;
    for (const Def& d : kMethods) add_method(random_type, d.name, d.fn);
  }
  if (!system_random_type.name[0]) {
    init_type(system_random_type, "SystemRandom", Kind::Object, &random_type);
    system_random_type.module_name = Value::object(intern("random"));
    system_random_type.construct = construct_system_random;
    for (const Def& d : {Def{"seed", m_system_seed}, Def{"getstate", m_system_no_state},
                         Def{"setstate", m_system_no_state}})
      add_method(system_random_type, d.name, d.fn);
  }
  add_value(m, "Random", Value::object(&random_type));
  add_value(m, "SystemRandom", Value::object(&system_random_type));
  RandomObj* inst = new_random();
  do_seed(inst, Value::none());
  for (const Def& d : kMethods)
    add_value(m, d.name, new_native(d.name, d.fn, Value::object(inst), &random_type));
  return m;
}

} // namespace tributary::lib
