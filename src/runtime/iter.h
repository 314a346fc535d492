// iter.h — iterator objects, dict views and the iteration protocol's builtin side.
//
// Every builtin iterator is an `IterObject` (Type kind Kind::Iterator) whose
// `ikind` selects the step function in iter_next(); its Type carries the
// CPython name (list_iterator, str_ascii_iterator, zip, ...) and Python-level
// `__iter__`/`__next__` methods. Iterators over dicts and sets remember the
// container's size at creation and raise RuntimeError if it changes, as
// CPython does. Dict views (dict_keys/values/items) are live views holding the
// dict.
#pragma once

#include <span>

#include "runtime/containers.h"
#include "runtime/object.h"

namespace tributary {

enum class IterKind : uint8_t {
  List,
  ListReverse,
  Tuple,
  StrAscii,
  StrUtf8,
  Bytes,
  Range,
  LongRange,
  DictKeys,
  DictValues,
  DictItems,
  DictReverseKeys,
  Set,
  Enumerate,
  Zip,
  Map,
  Filter,
  ReversedSeq,
  Callable,
  Sequence,
  Native,
};

struct IterObject : Object {
  IterKind ikind;
};

// list, tuple, str, bytes and reversed(seq) iterators: `index` is an item
// index (a byte offset for non-ASCII str); `seq` becomes empty when exhausted.
struct SeqIter : IterObject {
  Value seq;
  int64_t index;
};

struct RangeIter : IterObject {
  int64_t next, step;
  int64_t remaining;
};

// Iterator over a range whose items or length do not fit int64 (Python ints).
struct LongRangeIter : IterObject {
  Value next, step;
  Value remaining;
};

struct DictIter : IterObject {
  Dict* dict;
  size_t pos;  // entries position (counts down for reverse iteration)
  size_t used; // dict size at creation
  int64_t remaining;
};

struct SetIter : IterObject {
  Set* set;
  size_t pos;
  int64_t used;
};

struct EnumerateIter : IterObject {
  Value it;
  Value count;
};

// zip and map: several source iterators; `fn` is empty for zip.
struct MultiIter : IterObject {
  Value fn;
  GcVector<Value> its;
  bool strict;
  bool done;
};

// filter(fn, it) and iter(callable, sentinel): `fn` and either `it` or `sentinel`.
struct FnIter : IterObject {
  Value fn;
  Value it;       // filter's source iterator
  Value sentinel; // callable_iterator's sentinel
};

// Library iterators (itertools, deque, files...): `advance` steps the
// iterator, returning false at the end; the object extends NativeIter.
struct NativeIter : IterObject {
  bool (*advance)(NativeIter* self, Value& out);
};

struct DictView : Object {
  Dict* dict;
};

namespace types {
extern Type list_iterator, list_reverseiterator, tuple_iterator, str_ascii_iterator, str_iterator, bytes_iterator,
    range_iterator, longrange_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator, dict_reversekeyiterator, set_iterator,
    enumerate, zip, map, filter, reversed, callable_iterator;
} // namespace types

// The object size of an iterator classes may derive from (enumerate, zip, map,
// filter, reversed: their instances are copied into a subclass's layout); 0 for any other.
size_t subclassable_iter_size(const IterObject* it);

// Public constructors (builtins enumerate/zip/map/filter/reversed/range/iter).
Value make_enumerate(Value iterable, Value start);
Value make_zip(std::span<const Value> iterables, bool strict);
Value make_map(Value fn, std::span<const Value> iterables);
Value make_filter(Value fn_or_none, Value iterable);
Value make_reversed(Value seq);
Value make_callable_iterator(Value fn, Value sentinel);
Value make_range(int64_t start, int64_t stop, int64_t step); // ValueError for step 0
// A range of any Python ints (or bools); picks the int64 form when everything fits.
Value make_range_values(Value start, Value stop, Value step);
// range(...) arguments as Python values (ints or bools); TypeError as CPython.
Value make_range_from_args(std::span<const Value> args);
// A live view on `d`; `view_type` is types::dict_keys, dict_values or dict_items.
Value make_dict_view(Type& view_type, Dict* d);

// len(r): OverflowError "Python int too large to convert to C ssize_t" beyond int64.
int64_t range_length(const Range* r);
bool range_is_empty(const Range* r);
// The fields and the length as Python ints, for either representation.
Value range_start_value(const Range* r);
Value range_stop_value(const Range* r);
Value range_step_value(const Range* r);
Value range_length_value(const Range* r);
// Item `i` (already normalized to 0 <= i < length) of a range.
Value range_item(const Range* r, int64_t i);
// start + i*step for any Python int `i` (slice bounds may lie outside the range).
Value range_item_value(const Range* r, Value i);

// Makes `t` an iterator Type (Kind::Iterator, `__iter__` and `__next__`) in `module`.
void init_native_iter_type(Type& t, const char* name, const char* module);
// A new iterator of Type `t` with its NativeIter fields set; T extends NativeIter.
template <class T> T* new_native_iter(Type& t, bool (*advance)(NativeIter*, Value&)) {
  T* it = gc::make<T>();
  it->type = &t;
  it->ikind = IterKind::Native;
  it->advance = advance;
  return it;
}

// Registers the iterator Types and their Python-visible methods.
void init_iter_types();

} // namespace tributary
