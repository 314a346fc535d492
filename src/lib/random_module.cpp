// random_module.cpp — the `_random` module: CPython's _random.Random.
//
// The Mersenne Twister core that CPython's Lib/random.py builds on, with the
// same five methods as Modules/_randommodule.c: random(), seed(n=None),
// getstate(), setstate(state) and getrandbits(k). Everything else (randint,
// choice, shuffle, the distributions, SystemRandom, str/bytes seeds) is
// random.py's own code, which subclasses this type.
//
// Bit-identical to CPython 3.11: the generator is mt19937.h, seeded by
// init_by_array over the 32-bit words of |n| for an int (least significant
// first), over (size_t)hash(n) for anything else, and over 624 words of the
// kernel's entropy for None. The argument checks and their messages are
// CPython's (Random() takes 0 or 1 argument and, unless a subclass overrides
// __init__, no keywords; __new__ leaves the state zeroed, unseeded).
//
// Instances of Python subclasses keep this layout (basic_size) with their
// attributes embedded after it (new_builtin_subclass_instance), so the
// methods read the generator straight from `self` whatever its class.
#include <sys/random.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstring>
#include <vector>

#include "lib/lib.h"
#include "lib/mt19937.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type random_type;

struct RandomObj : Object {
  Mt19937 mt;
};

Mt19937& gen(Value self) { return self.as<RandomObj>()->mt; }

// ---- seeding ---------------------------------------------------------------------------

// init_by_array over the 32-bit words of |z| (one zero word for 0).
void seed_from_mpz(Mt19937& mt, mpz_t z) {
  mpz_abs(z, z);
  std::vector<uint32_t> key(1, 0);
  if (mpz_sgn(z) != 0) {
    key.assign((mpz_sizeinbase(z, 2) + 31) / 32, 0);
    size_t count = 0;
    mpz_export(key.data(), &count, -1, 4, 0, 0, z);
  }
  mt.init_by_array(key.data(), key.size());
}

// random_seed_urandom, falling back (as CPython does) on the time and the pid.
void seed_from_entropy(Mt19937& mt) {
  uint32_t key[Mt19937::kN];
  if (getrandom(key, sizeof key, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof key)) {
    auto t = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    key[0] = static_cast<uint32_t>(t);
    key[1] = static_cast<uint32_t>(t >> 32);
    key[2] = static_cast<uint32_t>(::getpid());
    auto m = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    key[3] = static_cast<uint32_t>(m);
    key[4] = static_cast<uint32_t>(m >> 32);
    mt.init_by_array(key, 5);
    return;
  }
  mt.init_by_array(key, Mt19937::kN);
}

// random_seed: None from entropy, an int (or int subclass) by its absolute
// value, anything else by its hash taken as an unsigned size_t.
void do_seed(Mt19937& mt, Value a) {
  if (a.is_empty() || a.is_none()) return seed_from_entropy(mt);
  Mpz z;
  if (a.is_bool())
    mpz_set_ui(z, a.is_true() ? 1 : 0);
  else if (is_integer(a))
    int_to_mpz(a, z);
  else
    int_to_mpz(make_int_u64(static_cast<uint64_t>(hash_value(a))), z);
  seed_from_mpz(mt, z);
}

// ---- methods ---------------------------------------------------------------------------

Value m_random(Value self, const Args& a) {
  check_none(a, "Random.random");
  return Value::from_double(gen(self).random());
}

Value m_seed(Value self, const Args& a) {
  no_kwargs(a, "Random.seed");
  check_expected(a, "seed", 0, 1);
  do_seed(gen(self), a.npos ? a[0] : Value::none());
  return Value::none();
}

// getrandbits(k): k random bits, 32-bit words least significant first, the
// last word's low bits dropped (as CPython fills its word array).
Value m_getrandbits(Value self, const Args& a) {
  check_one(a, "Random.getrandbits");
  if (!is_integer(a[0])) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(a[0]));
  auto k64 = int_as_i64(a[0].is_bool() ? Value::small_int(a[0].is_true()) : a[0]);
  if (!k64 || *k64 > INT_MAX || *k64 < INT_MIN)
    raise(types::overflow_error, "Python int too large to convert to C int");
  int64_t k = *k64;
  if (k < 0) raise_value_error("number of bits must be non-negative");
  Mt19937& mt = gen(self);
  if (k <= 64) return make_int_u64(mt.bits64(static_cast<int>(k)));
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t x = mt.next();
    if (k < 32) x >>= (32 - k);
    w[i] = x;
  }
  Mpz z;
  mpz_import(z, words, -1, 4, 0, 0, w.data());
  return make_int(z);
}

Value m_getstate(Value self, const Args& a) {
  check_none(a, "Random.getstate");
  Mt19937& mt = gen(self);
  Tuple* st = new_tuple(Mt19937::kN + 1);
  for (int i = 0; i < Mt19937::kN; ++i)
    st->items[i] = make_int(int64_t{mt.state()[i]});
  st->items[Mt19937::kN] = make_int(int64_t{mt.index()});
  return Value::object(st);
}

// PyLong_AsUnsignedLong, truncated to a word as CPython stores it.
uint32_t state_word(Value v) {
  if (!is_integer(v)) raise_type_error("an integer is required");
  if (v.is_bool()) return v.is_true();
  Mpz z(v);
  if (mpz_sgn(z) < 0) raise(types::overflow_error, "can't convert negative value to unsigned int");
  if (!mpz_fits_ulong_p(z)) raise(types::overflow_error, "Python int too large to convert to C unsigned long");
  return static_cast<uint32_t>(mpz_get_ui(z));
}

Value m_setstate(Value self, const Args& a) {
  check_one(a, "Random.setstate");
  if (!is_tuple(a[0])) raise_type_error("state vector must be a tuple");
  Tuple* st = a[0].as<Tuple>();
  if (st->size != Mt19937::kN + 1) raise_value_error("state vector is the wrong size");
  uint32_t words[Mt19937::kN];
  for (int i = 0; i < Mt19937::kN; ++i)
    words[i] = state_word(st->items[i]);
  Value iv = st->items[Mt19937::kN];
  if (!is_integer(iv)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(iv));
  auto index = int_as_i64(iv.is_bool() ? Value::small_int(iv.is_true()) : iv);
  if (!index) raise(types::overflow_error, "Python int too large to convert to C long");
  if (*index < 0 || *index > Mt19937::kN) raise_value_error("invalid state");
  Mt19937& mt = gen(self);
  std::memcpy(mt.state(), words, sizeof words);
  mt.set_index(static_cast<int>(*index));
  return Value::none();
}

// A blank generator of class `cls` (Random or a subclass): state zeroed, as
// CPython's tp_alloc leaves it until __init__ seeds it.
Value new_random(Type* cls) {
  auto* r = gc::make<RandomObj>();
  r->type = &random_type;
  std::memset(r->mt.state(), 0, sizeof(uint32_t) * Mt19937::kN);
  r->mt.set_index(0);
  Value v = Value::object(r);
  return cls == &random_type ? v : new_builtin_subclass_instance(cls, v);
}

// Random.__new__(cls, *args, **kwargs): the arguments are __init__'s.
Value m_new(Value, const Args& a) {
  if (a.npos == 0 || !is_type(a[0])) raise_type_error("Random.__new__(X): X is not a type object");
  Type* cls = a[0].as<Type>();
  if (!is_subtype(cls, &random_type))
    raise_fmt(types::type_error, "_random.Random.__new__({}): {} is not a subtype of _random.Random", cls->name,
              cls->name);
  return new_random(cls);
}

Value m_init(Value self, const Args& a);
Value init_entry(Value self, const Args& a) { return self_or_first<m_init>(self, a); }

// Random.__init__(self, n=None): seeds. Keywords are refused unless a
// subclass brought its own __init__ (CPython compares tp_init).
Value m_init(Value self, const Args& a) {
  if (!is_subtype(type_of(self), &random_type))
    raise_fmt(types::type_error, "descriptor '__init__' requires a '_random.Random' object but received a '{}'",
              tname(self));
  if (a.nkw) {
    Value init = type_lookup(type_of(self), intern("__init__"));
    if (type_of(self) == &random_type ||
        (is_kind(init, Kind::NativeFunction) && init.as<NativeFunction>()->fn == init_entry))
      raise_type_error("Random() takes no keyword arguments");
  }
  if (a.npos > 1) raise_type_error("Random() requires 0 or 1 argument");
  do_seed(gen(self), a.npos ? a[0] : Value::none());
  return Value::none();
}

// `_random.Random(...)` itself: __new__ then __init__.
Value construct_random(Value cls, const Args& a) {
  Value obj = new_random(cls.as<Type>());
  m_init(obj, a);
  return obj;
}

template <NativeFn Fn> constexpr NativeFn M = method<&random_type, Fn>;

void init_random_type() {
  init_type(random_type, "Random", Kind::Object, &types::object);
  random_type.module_name = Value::object(intern("_random"));
  random_type.is_builtin = false; // repr, hash and pickling as an ordinary object's
  random_type.basic_size = sizeof(RandomObj);
  random_type.construct = construct_random;
  add_static_method(random_type, "__new__", m_new);
  add_methods(random_type, {{"__init__", init_entry},
                            {"random", M<m_random>},
                            {"seed", M<m_seed>},
                            {"getstate", M<m_getstate>},
                            {"setstate", M<m_setstate>},
                            {"getrandbits", M<m_getrandbits>}});
  add_attr(random_type, "__doc__",
           str_value("Random() -> create a random number generator with its own internal state."));
}

} // namespace

Module* make_random_module() {
  Module* m = new_module("_random");
  if (!random_type.name[0]) init_random_type();
  add_value(m, "Random", Value::object(&random_type));
  return m;
}

} // namespace tributary::lib
