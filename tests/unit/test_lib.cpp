// test_lib.cpp — the library's byte-exact cores: struct layouts and packing,
// and the Mersenne Twister against known CPython outputs.
#include <doctest/doctest.h>

#include <string>

#include "lib/mt19937.h"
#include "lib/struct_format.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"

using namespace tributary;
using namespace tributary::lib;

namespace {
std::string hex(const std::string& s) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}
} // namespace

TEST_CASE("MT19937 reference sequence (init_genrand 5489)") {
  Mt19937 mt;
  mt.init_genrand(5489);
  CHECK(mt.next() == 3499211612u);
  CHECK(mt.next() == 581869302u);
  CHECK(mt.next() == 3890346734u);
}

TEST_CASE("MT19937 seeded like random.seed(n)") {
  Mt19937 mt;
  uint32_t key[] = {5489};
  mt.init_by_array(key, 1);
  CHECK(mt.next() == 3382763572u); // random.seed(5489); random.getrandbits(32)
  CHECK(mt.next() == 956215839u);
  CHECK(mt.next() == 417760592u);

  uint32_t zero[] = {0};
  mt.init_by_array(zero, 1);
  CHECK(mt.random() == 0.8444218515250481); // random.seed(0); random.random()
  CHECK(mt.bits64(64) == 16422101724900707500ull);

  uint32_t two_words[] = {7, 256}; // 2**40 + 7
  mt.init_by_array(two_words, 2);
  CHECK(mt.next() == 2635837658u);
  CHECK(mt.next() == 3209733218u);
}

TEST_CASE("struct layouts: sizes and native alignment") {
  CHECK(structfmt::parse("@ci").size == 8);
  CHECK(structfmt::parse("@ic").size == 5);
  CHECK(structfmt::parse("=ci").size == 5);
  CHECK(structfmt::parse("@3sHd").size == 16);
  CHECK(structfmt::parse("<q10x2h").size == 22);
  auto l = structfmt::parse("<4sHd");
  CHECK(l.nvalues == 3);
  CHECK(l.items.size() == 3);
  CHECK(l.items[1].offset == 4);
  CHECK(l.items[2].offset == 6);
}

TEST_CASE("struct packing is byte-identical to CPython") {
  Value v1[] = {make_int(-2), make_int(0xDEADBEEF), make_int(-3)};
  CHECK(hex(structfmt::pack(structfmt::parse("<hIq"), v1)) == "feffefbeaddefdffffffffffffff");
  Value v2[] = {Value::object(new_bytes("a")), make_int(1)};
  CHECK(hex(structfmt::pack(structfmt::parse("@ci"), v2)) == "6100000001000000");
  Value v3[] = {Value::from_double(1.5)};
  CHECK(hex(structfmt::pack(structfmt::parse(">e"), v3)) == "3e00");
  auto l = structfmt::parse(">i");
  std::string packed = structfmt::pack(l, std::span<const Value>(v1, 1));
  Tuple* t = structfmt::unpack(l, reinterpret_cast<const unsigned char*>(packed.data()));
  CHECK(t->items[0] == make_int(-2));
}

TEST_CASE("struct errors are struct.error") {
  bool raised = false;
  try {
    structfmt::parse("z");
  } catch (const PyException& e) {
    raised = true;
    CHECK(type_of(e.exc) == &structfmt::error_type());
    CHECK(exception_str(e.exc) == "bad char in struct format");
  }
  CHECK(raised);
}
