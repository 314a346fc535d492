// sizeof.cpp — object.__sizeof__ and sys.getsizeof: the sizes CPython 3.11
// reports on a 64-bit machine.
//
// Programs print and compare these numbers, so they follow CPython's object
// layouts rather than Tributary's (whose small ints and floats are not heap
// objects at all). Exact for None, bool, int, float, str, bytes, tuple,
// range, slice, object(), sets and instances; a list counts one slot per
// item (CPython's over-allocation depends on how the list grew) and a dict the
// smallest table that holds its items; other builtin objects report 16.
#include <bit>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

// An int's size: a 24-byte header and at least one 30-bit digit.
int64_t int_size(Value v) {
  size_t bits;
  if (auto i = int_as_i64(v)) {
    uint64_t m = *i < 0 ? 0 - static_cast<uint64_t>(*i) : static_cast<uint64_t>(*i);
    bits = 64 - std::countl_zero(m);
  } else {
    Mpz z(v);
    bits = mpz_sizeinbase(z, 2);
  }
  int64_t digits = std::max<int64_t>(1, (static_cast<int64_t>(bits) + 29) / 30);
  return 24 + 4 * digits;
}

// A compact str: ASCII 48 + n + 1; else 72 + (n + 1) * the widest character's width.
int64_t str_size(const Str* s) {
  int64_t n = static_cast<int64_t>(s->length);
  if (s->ascii) return 48 + n + 1;
  uint32_t widest = 0;
  std::string_view text = s->view();
  for (size_t i = 0; i < text.size();)
    widest = std::max(widest, utf8_at(text, i));
  int64_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  return 72 + (n + 1) * width;
}

// A dict: 48 bytes, plus a keys table of 2**k slots (k >= 3) with 2/3 of them
// usable for entries of 16 bytes (all keys str) or 24.
int64_t dict_size(Dict* d) {
  if (d->used == 0) return 48;
  int64_t slots = 8;
  while (slots * 2 / 3 < static_cast<int64_t>(d->used))
    slots *= 2;
  bool str_keys = true;
  for (const DictEntry& e : d->entries)
    if (!e.key.is_empty() && !is_str(e.key)) str_keys = false;
  int64_t index_bytes = slots <= 128 ? 1 : slots <= 0x8000 ? 2 : slots <= 0x80000000LL ? 4 : 8;
  return 48 + 32 + slots * index_bytes + slots * 2 / 3 * (str_keys ? 16 : 24);
}

// The object's own size, without the collector's header (object.__sizeof__).
int64_t basic_size(Value v) {
  if (v.is_none()) return 16;
  if (v.is_bool()) return 28;
  if (v.is_double()) return 24;
  if (is_int(v)) return int_size(v);
  Type* t = type_of(v);
  switch (t->kind) {
  case Kind::Str: return str_size(v.as<Str>());
  case Kind::Bytes: return 33 + static_cast<int64_t>(bytes_like(v)->size());
  case Kind::Tuple: return 24 + 8 * static_cast<int64_t>(v.as<Tuple>()->size);
  case Kind::List: return 40 + 8 * static_cast<int64_t>(v.as<List>()->items.size());
  case Kind::Dict: return dict_size(v.as<Dict>());
  case Kind::Set:
  case Kind::FrozenSet: {
    int64_t slots = v.as<Set>()->mask + 1;
    return 200 + (slots > kSetSmall ? 16 * slots : 0);
  }
  case Kind::Range: return 48;
  case Kind::Slice: return 40;
  case Kind::Instance: return 24;
  default: break;
  }
  if (auto b = bytes_like(v)) return 56 + (b->empty() ? 0 : static_cast<int64_t>(b->size()) + 1); // bytearray
  if (t == &types::object) return 16;
  return t->is_builtin ? 16 : 24;
}

// What sys.getsizeof adds to __sizeof__: the GC header of tracked objects (and
// an instance's managed-dict pre-header).
int64_t header_size(Value v) {
  if (!v.is_object()) return 0;
  switch (type_of(v)->kind) {
  case Kind::Tuple:
  case Kind::List:
  case Kind::Dict:
  case Kind::Set:
  case Kind::FrozenSet:
  case Kind::Slice: return 16;
  case Kind::Instance: return 32;
  default: return 0;
  }
}

} // namespace

Value object_sizeof(Value self, const Args& a) {
  if (a.npos || a.nkw) {
    Type* t = type_of(self);
    check_none(a, fmt::format("{}.__sizeof__", t->is_builtin ? t->name : "object").c_str());
  }
  return make_int(basic_size(self));
}

Value sys_getsizeof(Value, const Args& a) {
  Value p[2];
  bind_args(a, "getsizeof", {"object", "default"}, 1, p);
  Value size;
  try {
    size = call_dunder(p[0], "__sizeof__");
    if (size.is_empty()) raise_fmt(types::type_error, "Type {} doesn't define __sizeof__", tname(p[0]));
    if (!is_integer(size)) raise(types::type_error, "an integer is required");
  } catch (const PyException& e) {
    if (p[1].is_empty() || !exception_matches(e.exc, Value::object(&types::type_error))) throw;
    return p[1];
  }
  if (int_is_negative(size)) raise(types::value_error, "__sizeof__() should return >= 0");
  auto n = int_as_i64(size);
  if (!n) raise(types::overflow_error, "Python int too large to convert to C ssize_t");
  return make_int(*n + header_size(p[0]));
}

} // namespace tributary::lib
