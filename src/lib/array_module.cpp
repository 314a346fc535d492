// array_module.cpp — the `array` module: typed arrays of numbers (type codes
// b B u h H i I l L q Q f d) stored as their machine representation, so
// tobytes()/frombytes() give CPython's bytes on this machine (64-bit Linux:
// 'l' and 'L' are 8 bytes, 'u' is a 4-byte wchar_t).
//
// Range and type errors are CPython's per type code. An array is bytes-like
// (bytes(), join, struct.unpack) and memoryview views it (memoryview.cpp).
// Limits: struct.pack_into does not write into an array; no pickling.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "lib/lib.h"
#include "lib/native.h"
#include "lib/str_text.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

constexpr std::string_view kTypecodes = "bBuhHiIlLqQfd";

struct ArrayObj : Object {
  char code;
  GcVector<unsigned char> data;
};

Type array_type;

size_t item_size(char code) {
  switch (code) {
  case 'b':
  case 'B': return 1;
  case 'h':
  case 'H': return 2;
  case 'i':
  case 'I':
  case 'f':
  case 'u': return 4;
  default: return 8; // l L q Q d
  }
}

ArrayObj* as_array(Value v) { return v.as<ArrayObj>(); }
bool is_array(Value v) { return is_kind(v, Kind::Object) && is_subtype(v.as_object()->type, &array_type); }
size_t count_of(const ArrayObj* a) { return a->data.size() / item_size(a->code); }

Value new_array(char code) {
  auto* a = gc::make<ArrayObj>();
  a->type = &array_type;
  a->code = code;
  return Value::object(a);
}

// The item at index i as a Python value.
Value get(const ArrayObj* a, size_t i) {
  const unsigned char* p = a->data.data() + i * item_size(a->code);
  auto load = [&](auto zero) {
    decltype(zero) x;
    std::memcpy(&x, p, sizeof x);
    return x;
  };
  switch (a->code) {
  case 'b': return Value::small_int(load(int8_t{}));
  case 'B': return Value::small_int(load(uint8_t{}));
  case 'h': return Value::small_int(load(int16_t{}));
  case 'H': return Value::small_int(load(uint16_t{}));
  case 'i': return Value::small_int(load(int32_t{}));
  case 'I': return make_int(int64_t{load(uint32_t{})});
  case 'l':
  case 'q': return make_int(load(int64_t{}));
  case 'L':
  case 'Q': return make_int_u64(load(uint64_t{}));
  case 'f': return Value::from_double(load(float{}));
  case 'd': return Value::from_double(load(double{}));
  default: {
    std::string s;
    utf8_append(s, load(uint32_t{}));
    return str_value(s);
  }
  }
}

// An integer item: int or __index__, in range for the code (CPython's messages).
void pack_int(char code, Value v, unsigned char* out) {
  if (is_float(v)) raise(types::type_error, "'float' object cannot be interpreted as an integer");
  Value i = v;
  if (v.is_bool()) i = Value::small_int(v.is_true());
  if (!is_int(i)) {
    i = call_dunder(v, "__index__");
    if (i.is_empty() || !is_integer(i))
      raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  }
  auto small = int_as_i64(i);
  bool negative = int_is_negative(i);
  auto ranged = [&](int64_t lo, int64_t hi, const char* what) {
    if (!small || *small < lo) raise_fmt(types::overflow_error, "{} is less than minimum", what);
    if (*small > hi) raise_fmt(types::overflow_error, "{} is greater than maximum", what);
    if (negative && !small) raise_fmt(types::overflow_error, "{} is less than minimum", what);
    return *small;
  };
  auto store = [&](auto x) { std::memcpy(out, &x, sizeof x); };
  switch (code) {
  case 'b': store(static_cast<int8_t>(ranged(INT8_MIN, INT8_MAX, "signed char"))); return;
  case 'B': store(static_cast<uint8_t>(ranged(0, UINT8_MAX, "unsigned byte integer"))); return;
  case 'h': store(static_cast<int16_t>(ranged(INT16_MIN, INT16_MAX, "signed short integer"))); return;
  case 'H': store(static_cast<uint16_t>(ranged(0, UINT16_MAX, "unsigned short"))); return;
  case 'i': store(static_cast<int32_t>(ranged(INT32_MIN, INT32_MAX, "signed integer"))); return;
  case 'I':
    if (negative) raise(types::overflow_error, "can't convert negative value to unsigned int");
    if (!small || *small > UINT32_MAX) raise(types::overflow_error, "unsigned int is greater than maximum");
    store(static_cast<uint32_t>(*small));
    return;
  case 'l':
    if (!small) raise(types::overflow_error, "Python int too large to convert to C long");
    store(*small);
    return;
  case 'q':
    if (!small) raise(types::overflow_error, "int too big to convert");
    store(*small);
    return;
  default: { // 'L', 'Q'
    if (negative)
      raise(types::overflow_error,
            code == 'L' ? "can't convert negative value to unsigned int" : "can't convert negative int to unsigned");
    Mpz z(i);
    if (mpz_sizeinbase(z, 2) > 64)
      raise(types::overflow_error,
            code == 'L' ? "Python int too large to convert to C unsigned long" : "int too big to convert");
    store(static_cast<uint64_t>(mpz_getlimbn(z, 0)));
    return;
  }
  }
}

// Appends the representation of v to a's data.
void push(ArrayObj* a, Value v) {
  unsigned char buf[8];
  char c = a->code;
  if (c == 'f' || c == 'd') {
    auto d = is_float(v) ? std::optional<double>(float_value(v)) : real_as_double(v);
    if (!d) raise_fmt(types::type_error, "must be real number, not {}", tname(v));
    if (c == 'f') {
      float f = static_cast<float>(*d);
      std::memcpy(buf, &f, 4);
    } else {
      std::memcpy(buf, &*d, 8);
    }
  } else if (c == 'u') {
    if (!is_str(v) || v.as<Str>()->length != 1) raise(types::type_error, "array item must be unicode character");
    size_t p = 0;
    uint32_t cp = utf8_at(v.as<Str>()->view(), p);
    std::memcpy(buf, &cp, 4);
  } else {
    pack_int(c, v, buf);
  }
  a->data.insert(a->data.end(), buf, buf + item_size(c));
}

void extend_from(ArrayObj* a, Value iterable) {
  if (is_array(iterable)) {
    ArrayObj* b = as_array(iterable);
    if (b->code != a->code) raise(types::type_error, "can only extend with array of same kind");
    GcVector<unsigned char> copy(b->data); // (b may be a)
    a->data.insert(a->data.end(), copy.begin(), copy.end());
    return;
  }
  Value it = get_iter(iterable);
  Value x;
  while (iter_next(it, x))
    push(a, x);
}

void from_bytes(ArrayObj* a, std::string_view b) {
  if (b.size() % item_size(a->code)) raise(types::value_error, "bytes length not a multiple of item size");
  a->data.insert(a->data.end(), b.begin(), b.end());
}

Value construct_array(Value, const Args& args) {
  no_kwargs(args, "array.array");
  check_expected(args, "array", 1, 2);
  if (!is_str(args[0]) || args[0].as<Str>()->length != 1)
    raise_fmt(types::type_error, "array() argument 1 must be a unicode character, not {}", tname(args[0]));
  std::string_view tc = args[0].as<Str>()->view();
  if (tc.size() != 1 || kTypecodes.find(tc[0]) == std::string_view::npos)
    raise(types::value_error, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  Value r = new_array(tc[0]);
  ArrayObj* a = as_array(r);
  if (args.npos == 2) {
    Value init = args[1];
    if (is_str(init)) {
      if (a->code != 'u')
        raise_fmt(types::type_error, "cannot use a str to initialize an array with typecode '{}'", a->code);
      std::string_view text = init.as<Str>()->view();
      for (size_t pos = 0; pos < text.size();) {
        uint32_t cp = utf8_at(text, pos);
        unsigned char buf[4];
        std::memcpy(buf, &cp, 4);
        a->data.insert(a->data.end(), buf, buf + 4);
      }
    } else if (is_array(init)) { // any type code: item by item
      ArrayObj* src = as_array(init);
      for (size_t i = 0; i < count_of(src); ++i)
        push(a, get(src, i));
    } else if (auto b = bytes_like(init)) {
      from_bytes(a, *b);
    } else {
      extend_from(a, init);
    }
  }
  return r;
}

std::string array_repr(const ArrayObj* a) {
  std::string out = fmt::format("array('{}'", a->code);
  size_t n = count_of(a);
  if (n == 0) return out + ")";
  if (a->code == 'u') {
    std::string s;
    for (size_t i = 0; i < n; ++i)
      s += str_string(get(a, i));
    return out + ", " + repr_string(str_value(s)) + ")";
  }
  out += ", [";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += repr_string(get(a, i));
  }
  return out + "])";
}

int64_t index_in(const ArrayObj* a, Value key, const char* what) {
  int64_t i = arg_index(key);
  int64_t n = static_cast<int64_t>(count_of(a));
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(types::index_error, what);
  return i;
}

// ---- methods -----------------------------------------------------------------------------

Value a_append(Value self, const Args& a) {
  check_one(a, "array.append");
  push(as_array(self), a[0]);
  return Value::none();
}

Value a_extend(Value self, const Args& a) {
  check_one(a, "array.extend");
  extend_from(as_array(self), a[0]);
  return Value::none();
}

Value a_insert(Value self, const Args& a) {
  check_expected(a, "insert", 2, 2);
  ArrayObj* arr = as_array(self);
  int64_t n = static_cast<int64_t>(count_of(arr));
  int64_t i = arg_index(a[0]);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  Value tmp = new_array(arr->code);
  push(as_array(tmp), a[1]);
  size_t size = item_size(arr->code);
  auto& src = as_array(tmp)->data;
  arr->data.insert(arr->data.begin() + i * size, src.begin(), src.end());
  return Value::none();
}

Value a_pop(Value self, const Args& a) {
  check_expected(a, "pop", 0, 1);
  ArrayObj* arr = as_array(self);
  if (count_of(arr) == 0) raise(types::index_error, "pop from empty array");
  int64_t i = a.npos ? index_in(arr, a[0], "pop index out of range") : static_cast<int64_t>(count_of(arr)) - 1;
  Value v = get(arr, static_cast<size_t>(i));
  size_t size = item_size(arr->code);
  arr->data.erase(arr->data.begin() + i * size, arr->data.begin() + (i + 1) * size);
  return v;
}

// The first index whose item equals v, or -1.
int64_t find(const ArrayObj* a, Value v) {
  for (size_t i = 0; i < count_of(a); ++i)
    if (equals(get(a, i), v)) return static_cast<int64_t>(i);
  return -1;
}

Value a_remove(Value self, const Args& a) {
  check_one(a, "array.remove");
  ArrayObj* arr = as_array(self);
  int64_t i = find(arr, a[0]);
  if (i < 0) raise(types::value_error, "array.remove(x): x not in array");
  size_t size = item_size(arr->code);
  arr->data.erase(arr->data.begin() + i * size, arr->data.begin() + (i + 1) * size);
  return Value::none();
}

Value a_index(Value self, const Args& a) {
  check_expected(a, "index", 1, 3);
  ArrayObj* arr = as_array(self);
  int64_t n = static_cast<int64_t>(count_of(arr));
  int64_t start = a.npos > 1 ? arg_index(a[1]) : 0, stop = a.npos > 2 ? arg_index(a[2]) : n;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  for (int64_t i = start; i < std::min(stop, n); ++i)
    if (equals(get(arr, static_cast<size_t>(i)), a[0])) return make_int(i);
  raise(types::value_error, "array.index(x): x not in array");
}

Value a_count(Value self, const Args& a) {
  check_one(a, "array.count");
  ArrayObj* arr = as_array(self);
  int64_t n = 0;
  for (size_t i = 0; i < count_of(arr); ++i)
    n += equals(get(arr, i), a[0]);
  return make_int(n);
}

Value a_reverse(Value self, const Args& a) {
  check_none(a, "array.reverse");
  ArrayObj* arr = as_array(self);
  size_t size = item_size(arr->code), n = count_of(arr);
  for (size_t i = 0; i < n / 2; ++i)
    std::swap_ranges(arr->data.begin() + i * size, arr->data.begin() + (i + 1) * size,
                     arr->data.begin() + (n - 1 - i) * size);
  return Value::none();
}

Value a_tolist(Value self, const Args& a) {
  check_none(a, "array.tolist");
  ArrayObj* arr = as_array(self);
  List* l = new_list();
  for (size_t i = 0; i < count_of(arr); ++i)
    list_append(l, get(arr, i));
  return Value::object(l);
}

Value a_tobytes(Value self, const Args& a) {
  check_none(a, "array.tobytes");
  auto& d = as_array(self)->data;
  return make_bytes(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

Value a_frombytes(Value self, const Args& a) {
  check_one(a, "array.frombytes");
  auto b = bytes_like(a[0]);
  if (!b) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  from_bytes(as_array(self), std::string(*b));
  return Value::none();
}

Value a_fromlist(Value self, const Args& a) {
  check_one(a, "array.fromlist");
  if (!is_list(a[0])) raise(types::type_error, "arg must be list");
  ArrayObj* arr = as_array(self);
  size_t before = arr->data.size();
  try {
    for (Value v : a[0].as<List>()->items)
      push(arr, v);
  } catch (...) {
    arr->data.resize(before); // all or nothing, as CPython
    throw;
  }
  return Value::none();
}

Value a_tounicode(Value self, const Args& a) {
  check_none(a, "array.tounicode");
  ArrayObj* arr = as_array(self);
  if (arr->code != 'u') raise(types::value_error, "tounicode() may only be called on unicode type arrays");
  std::string s;
  for (size_t i = 0; i < count_of(arr); ++i)
    s += str_string(get(arr, i));
  return str_value(s);
}

Value a_byteswap(Value self, const Args& a) {
  check_none(a, "array.byteswap");
  ArrayObj* arr = as_array(self);
  size_t size = item_size(arr->code);
  for (size_t i = 0; i < arr->data.size(); i += size)
    std::reverse(arr->data.begin() + i, arr->data.begin() + i + size);
  return Value::none();
}

Value a_len(Value self, const Args&) { return make_int(static_cast<int64_t>(count_of(as_array(self)))); }

Value a_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  ArrayObj* arr = as_array(self);
  if (is_kind(a[0], Kind::Slice)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(a[0].as<Slice>(), static_cast<int64_t>(count_of(arr)), start, stop, step);
    Value r = new_array(arr->code);
    size_t size = item_size(arr->code);
    for (int64_t k = 0; k < n; ++k) {
      auto at = arr->data.begin() + (start + k * step) * size;
      as_array(r)->data.insert(as_array(r)->data.end(), at, at + size);
    }
    return r;
  }
  return get(arr, static_cast<size_t>(index_in(arr, a[0], "array index out of range")));
}

Value a_setitem(Value self, const Args& a) {
  check_expected(a, "__setitem__", 2, 2);
  ArrayObj* arr = as_array(self);
  size_t size = item_size(arr->code);
  if (is_kind(a[0], Kind::Slice)) {
    if (!is_array(a[1])) raise_fmt(types::type_error, "can only assign array (not \"{}\") to array slice", tname(a[1]));
    ArrayObj* src = as_array(a[1]);
    if (src->code != arr->code) raise(types::type_error, "bad argument type for built-in operation");
    GcVector<unsigned char> items(src->data);
    int64_t start, stop, step;
    int64_t n = slice_indices(a[0].as<Slice>(), static_cast<int64_t>(count_of(arr)), start, stop, step);
    int64_t m = static_cast<int64_t>(items.size() / size);
    if (step == 1) {
      arr->data.erase(arr->data.begin() + start * size, arr->data.begin() + (start + n) * size);
      arr->data.insert(arr->data.begin() + start * size, items.begin(), items.end());
      return Value::none();
    }
    if (m != n) raise_fmt(types::value_error, "attempt to assign array of size {} to extended slice of size {}", m, n);
    for (int64_t k = 0; k < n; ++k)
      std::copy(items.begin() + k * size, items.begin() + (k + 1) * size,
                arr->data.begin() + (start + k * step) * size);
    return Value::none();
  }
  int64_t i = index_in(arr, a[0], "array assignment index out of range");
  Value tmp = new_array(arr->code);
  push(as_array(tmp), a[1]);
  std::copy(as_array(tmp)->data.begin(), as_array(tmp)->data.end(), arr->data.begin() + i * size);
  return Value::none();
}

Value a_delitem(Value self, const Args& a) {
  check_one(a, "__delitem__");
  ArrayObj* arr = as_array(self);
  size_t size = item_size(arr->code);
  if (is_kind(a[0], Kind::Slice)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(a[0].as<Slice>(), static_cast<int64_t>(count_of(arr)), start, stop, step);
    std::vector<bool> drop(count_of(arr), false);
    for (int64_t k = 0; k < n; ++k)
      drop[start + k * step] = true;
    GcVector<unsigned char> kept;
    for (size_t i = 0; i < drop.size(); ++i)
      if (!drop[i]) kept.insert(kept.end(), arr->data.begin() + i * size, arr->data.begin() + (i + 1) * size);
    arr->data = kept;
    return Value::none();
  }
  int64_t i = index_in(arr, a[0], "array assignment index out of range");
  arr->data.erase(arr->data.begin() + i * size, arr->data.begin() + (i + 1) * size);
  return Value::none();
}

Value a_contains(Value self, const Args& a) {
  check_one(a, "__contains__");
  return Value::boolean(find(as_array(self), a[0]) >= 0);
}

Value a_iter(Value self, const Args&) { return get_iter(a_tolist(self, Args{})); }
Value a_repr(Value self, const Args&) { return str_value(array_repr(as_array(self))); }

// Comparisons: item by item, as lists (an array of another type code compares by value).
template <CmpOp Op> Value a_compare(Value self, const Args& a) {
  check_one(a, "comparison");
  if (!is_array(a[0])) return kNotImplemented;
  return Value::boolean(compare_bool(Op, a_tolist(self, Args{}), a_tolist(a[0], Args{})));
}

Value a_add(Value self, const Args& a) {
  check_one(a, "__add__");
  if (!is_array(a[0])) raise_fmt(types::type_error, "can only append array (not \"{}\") to array", tname(a[0]));
  if (as_array(a[0])->code != as_array(self)->code)
    raise(types::type_error, "bad argument type for built-in operation");
  Value r = new_array(as_array(self)->code);
  as_array(r)->data = as_array(self)->data;
  extend_from(as_array(r), a[0]);
  return r;
}

Value a_iadd(Value self, const Args& a) {
  check_one(a, "__iadd__");
  if (!is_array(a[0])) raise_fmt(types::type_error, "can only extend array with array (not \"{}\")", tname(a[0]));
  extend_from(as_array(self), a[0]);
  return self;
}

Value repeat(Value self, Value count) {
  if (!is_integer(count)) return kNotImplemented;
  int64_t n = std::max<int64_t>(0, arg_index(count));
  ArrayObj* arr = as_array(self);
  check_alloc_size(static_cast<uint64_t>(n), arr->data.size());
  Value r = new_array(arr->code);
  for (int64_t k = 0; k < n; ++k)
    as_array(r)->data.insert(as_array(r)->data.end(), arr->data.begin(), arr->data.end());
  return r;
}

Value a_mul(Value self, const Args& a) {
  check_one(a, "__mul__");
  return repeat(self, a[0]);
}

Value a_imul(Value self, const Args& a) {
  check_one(a, "__imul__");
  Value r = repeat(self, a[0]);
  if (r == kNotImplemented) return r;
  as_array(self)->data = as_array(r)->data;
  return self;
}

Value a_copy(Value self, const Args&) {
  Value r = new_array(as_array(self)->code);
  as_array(r)->data = as_array(self)->data;
  return r;
}

Value a_typecode(Value, const Args& a) { return str_value(std::string(1, as_array(a[0])->code)); }
Value a_itemsize(Value, const Args& a) { return make_int(static_cast<int64_t>(item_size(as_array(a[0])->code))); }

} // namespace

GcVector<unsigned char>* array_storage(Value v, char& code) {
  if (!is_array(v)) return nullptr;
  code = as_array(v)->code;
  return &as_array(v)->data;
}

size_t array_item_size(char code) { return item_size(code); }

Value array_decode(char code, const unsigned char* p) {
  ArrayObj tmp;
  tmp.code = code;
  tmp.data.assign(p, p + item_size(code));
  return get(&tmp, 0);
}

void array_encode(char code, Value v, unsigned char* out) {
  ArrayObj tmp;
  tmp.code = code;
  push(&tmp, v);
  std::copy(tmp.data.begin(), tmp.data.end(), out);
}

Module* make_array_module() {
  if (!array_type.dict) {
    init_type(array_type, "array", Kind::Object, &types::object);
    array_type.module_name = Value::object(intern("array"));
    array_type.is_builtin = false; // dispatched through its special methods
    array_type.construct = construct_array;
    constexpr Type* T = &array_type;
    add_methods(array_type, {
                                {"append", method<T, a_append>},
                                {"extend", method<T, a_extend>},
                                {"insert", method<T, a_insert>},
                                {"pop", method<T, a_pop>},
                                {"remove", method<T, a_remove>},
                                {"index", method<T, a_index>},
                                {"count", method<T, a_count>},
                                {"reverse", method<T, a_reverse>},
                                {"tolist", method<T, a_tolist>},
                                {"tobytes", method<T, a_tobytes>},
                                {"frombytes", method<T, a_frombytes>},
                                {"fromlist", method<T, a_fromlist>},
                                {"tounicode", method<T, a_tounicode>},
                                {"byteswap", method<T, a_byteswap>},
                                {"__len__", method<T, a_len>},
                                {"__getitem__", method<T, a_getitem>},
                                {"__setitem__", method<T, a_setitem>},
                                {"__delitem__", method<T, a_delitem>},
                                {"__contains__", method<T, a_contains>},
                                {"__iter__", method<T, a_iter>},
                                {"__repr__", method<T, a_repr>},
                                {"__eq__", method<T, a_compare<CmpOp::Eq>>},
                                {"__ne__", method<T, a_compare<CmpOp::Ne>>},
                                {"__lt__", method<T, a_compare<CmpOp::Lt>>},
                                {"__le__", method<T, a_compare<CmpOp::Le>>},
                                {"__gt__", method<T, a_compare<CmpOp::Gt>>},
                                {"__ge__", method<T, a_compare<CmpOp::Ge>>},
                                {"__add__", method<T, a_add>},
                                {"__iadd__", method<T, a_iadd>},
                                {"__mul__", method<T, a_mul>},
                                {"__rmul__", method<T, a_mul>},
                                {"__imul__", method<T, a_imul>},
                                {"__copy__", method<T, a_copy>},
                            });
    add_attr(array_type, "__hash__", Value::none());
    add_attr(array_type, "typecode", native_property("typecode", a_typecode));
    add_attr(array_type, "itemsize", native_property("itemsize", a_itemsize));
  }
  Module* m = new_module("array");
  add_value(m, "array", Value::object(&array_type));
  add_value(m, "ArrayType", Value::object(&array_type));
  add_value(m, "typecodes", str_value(kTypecodes));
  return m;
}

} // namespace tributary::lib
