// containers.h — dict, set, list and tuple internals.
//
// Dict: insertion-ordered (an entries array plus an open-addressing index of
// entry positions, like CPython's compact dict). Deleted entries keep their
// slot with an empty key until the next compaction. `version` changes on every
// mutation so caches (global lookups, JIT guards) can check it cheaply.
// Set: CPython's own probing scheme (linear probes, then perturbation) and
// resize policy, so iteration order — and therefore printed output — matches
// CPython for the same hashes.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace tributary {

struct DictEntry {
  int64_t hash;
  Value key;   // empty for a deleted entry
  Value value;
  // Nonzero when compiled code assumed this value (see Dict::watched_version);
  // a full word, so compiled code that stores to the entry can guard it is zero.
  uint64_t watched = 0;
};

struct Dict : Object {
  GcVector<DictEntry> entries;
  int32_t* index = nullptr;  // entry position, -1 if free; size index_mask + 1
  uint64_t index_mask = 0;
  size_t used = 0;           // live entries
  uint64_t version = 0;          // bumped by every change (interpreter inline caches)
  // Bumped when keys are added or removed, or a watched entry's value changes:
  // what compiled code guards, so stores to unrelated globals do not
  // invalidate it (PyPy's quasi-immutable module cells, per dict).
  uint64_t watched_version = 0;
};

struct SetEntry {
  int64_t hash;  // -1 with empty key: dummy (deleted)
  Value key;     // empty: unused
};

inline constexpr int64_t kSetSmall = 8; // entries of a set's own table (CPython's smalltable)

struct Set : Object {
  SetEntry* table; // `small` until the set outgrows it
  int64_t mask;
  int64_t fill;  // active + dummy
  int64_t used;  // active
  SetEntry small[kSetSmall];
};
// Gives `to` the contents of `from` (whose table `from` must no longer use);
// a table inside `from` is copied into `to`'s own.
void set_take_table(Set* to, Set* from);

// set or frozenset, whichever `s` is an instance of (results of set
// operations on subclass instances are of the builtin type, as in CPython).
inline Type* set_base_type(const Set* s) { return s->type->kind == Kind::FrozenSet ? &types::frozenset : &types::set; }

Dict* new_dict();
// Lookup with the key's precomputed hash; returns nullptr when absent.
Value* dict_find(Dict* d, Value key, int64_t hash);
Value* dict_find(Dict* d, Value key);
Value* dict_find_str(Dict* d, Str* key); // fast path for interned names
// Marks the entry for `key` as watched; false when absent.
bool dict_watch(Dict* d, Str* key);
Value dict_get(Dict* d, Value key);      // empty Value when absent
void dict_set(Dict* d, Value key, Value v);
void dict_set(Dict* d, Value key, int64_t hash, Value v);
void dict_set_str(Dict* d, std::string_view key, Value v);
bool dict_del(Dict* d, Value key);       // false when absent
void dict_clear(Dict* d);
Dict* dict_copy(Dict* d);
void dict_update(Dict* d, Value other);  // mapping or iterable of pairs
// Whether merging `v` (dict(v), d.update(v), {**v}, f(**v)) may read its
// storage: a dict whose type keeps dict's own __iter__ (CPython's dict_merge
// rule; an instance's __dict__ overrides it to read its instance first).
bool dict_merges_natively(Value v);
// Iteration over live entries: pos starts at 0; false at the end.
bool dict_next(Dict* d, size_t& pos, Value& key, Value& value);

Set* new_set(Type* t = nullptr);
bool set_contains(Set* s, Value key);
void set_add(Set* s, Value key);
bool set_discard(Set* s, Value key);
void set_update(Set* s, Value iterable);
Set* set_copy(Set* s, Type* t = nullptr);
bool set_next(Set* s, size_t& pos, Value& key);
void set_clear(Set* s);
int64_t frozenset_hash(Set* s);

void list_append(List* l, Value v);
void list_extend(List* l, Value iterable);
Value list_slice(List* l, int64_t start, int64_t stop, int64_t step);

// Normalizes a Python index against `size` (negative counts from the end);
// false when out of range.
inline bool normalize_index(int64_t& i, int64_t size) {
  if (i < 0) i += size;
  return i >= 0 && i < size;
}
// Resolves a Slice against a length (CPython's PySlice_GetIndicesEx); returns the count.
// `step` is clamped to [-INT64_MAX, INT64_MAX] so that it can be negated.
int64_t slice_indices(Slice* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step);
// Number of indices start, start+step, ... before `stop` (as slice_indices returns).
// Loops over a slice count items rather than testing `i < stop` after `i += step`,
// which can overflow int64 for a huge step.
inline int64_t slice_count(int64_t start, int64_t stop, int64_t step) {
  if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

} // namespace tributary
