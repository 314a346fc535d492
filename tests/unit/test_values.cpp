// test_values.cpp — the value encoding, ints (small and big), strings, dicts and sets.
#include <doctest/doctest.h>

#include <cmath>

#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

using namespace tributary;

TEST_CASE("NaN-boxing keeps kinds apart") {
  Value i = Value::small_int(-5);
  CHECK(i.is_small_int());
  CHECK_FALSE(i.is_double());
  CHECK_FALSE(i.is_object());
  CHECK(i.as_small_int() == -5);

  Value d = Value::from_double(-0.0);
  CHECK(d.is_double());
  CHECK(std::signbit(d.as_double()));
  Value nan = Value::from_double(std::nan(""));
  CHECK(nan.is_double());
  CHECK(std::isnan(nan.as_double()));
  Value inf = Value::from_double(-INFINITY);
  CHECK(inf.is_double());
  CHECK(inf.as_double() == -INFINITY);

  CHECK(Value::none().is_none());
  CHECK(Value::boolean(true).is_bool());
  CHECK(Value::boolean(false).is_bool());
  CHECK_FALSE(Value::none().is_bool());
  Str* s = new_str("x");
  CHECK(Value::object(s).is_object());
  CHECK(Value::object(s).as<Str>() == s);
}

TEST_CASE("ints overflow into GMP and normalize back") {
  Value big = int_mul(make_int(int64_t(1) << 46), make_int(int64_t(1) << 46));
  CHECK(is_bigint(big));
  CHECK(int_to_decimal(big) == "4951760157141521099596496896");
  Value back = int_floordiv(big, make_int(int64_t(1) << 46));
  CHECK(back.is_small_int());
  CHECK(back.as_small_int() == (int64_t(1) << 46));
  CHECK(int_to_decimal(int_pow(make_int(2), make_int(200))) ==
        "1606938044258990275541962092341162602522202993782792835301376");
  CHECK(int_floordiv(make_int(-7), make_int(2)).as_small_int() == -4);
  CHECK(int_mod(make_int(-7), make_int(2)).as_small_int() == 1);
  CHECK(int_mod(make_int(7), make_int(-2)).as_small_int() == -1);
  CHECK(make_int(Value::kSmallMax + 1).is_object());
  CHECK(make_int(Value::kSmallMax).is_small_int());
}

TEST_CASE("hashes agree with CPython for numbers") {
  CHECK(hash_value(make_int(-1)) == -2);
  CHECK(hash_value(Value::from_double(1.0)) == 1);
  CHECK(hash_value(Value::from_double(1.5)) == 1152921504606846977);
  CHECK(hash_value(int_pow(make_int(2), make_int(61))) == 1);
  CHECK(hash_value(Value::boolean(true)) == 1);
}

TEST_CASE("strings index by code point") {
  Str* s = new_str("h\xc3\xa9llo");
  CHECK(s->length == 5);
  CHECK_FALSE(s->ascii);
  CHECK(str_char_at(s, 1)->view() == "\xc3\xa9");
  CHECK(str_slice(s, 1, 3, 1)->view() == "\xc3\xa9l");
  CHECK(str_find(s, new_str("l"), 0, 5) == 2);
  CHECK(str_repr("it's") == "\"it's\"");
  CHECK(str_repr("a\nb") == "'a\\nb'");
  CHECK(intern("abc") == intern("abc"));
}

TEST_CASE("dict keeps insertion order through deletes and growth") {
  Dict* d = new_dict();
  for (int i = 0; i < 100; ++i) dict_set(d, make_int(i), make_int(i * i));
  for (int i = 0; i < 100; i += 2) CHECK(dict_del(d, make_int(i)));
  CHECK(d->used == 50);
  CHECK(dict_get(d, make_int(9)).as_small_int() == 81);
  CHECK(dict_get(d, make_int(8)).is_empty());
  dict_set(d, Value::from_double(9.0), make_int(int64_t(0))); // 9.0 == 9: same key
  CHECK(d->used == 50);
  size_t pos = 0;
  Value k, v;
  int64_t expected = 1;
  while (dict_next(d, pos, k, v)) {
    CHECK(k.as_small_int() == expected);
    expected += 2;
  }
}

TEST_CASE("sets iterate in CPython's order") {
  Set* s = new_set();
  for (int x : {5, 3, 9, 1}) set_add(s, make_int(x));
  CHECK(repr_string(Value::object(s)) == "{9, 3, 5, 1}"); // CPython: 9 & 7 == 1 collides, probes linearly
  CHECK(set_discard(s, make_int(3)));
  CHECK_FALSE(set_contains(s, make_int(3)));
  CHECK(s->used == 3);
}
