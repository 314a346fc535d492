// containers.cpp — dict, set and list storage algorithms.
#include "runtime/containers.h"

#include <algorithm>

#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"

namespace tributary {

// ---- dict ------------------------------------------------------------------------

namespace {

constexpr uint64_t kDictMinIndex = 8;

// Key equality for hash tables: identity, then the fast string case, then ==.
inline bool keys_equal(Value a, Value b) {
  if (a == b) return true;
  if (is_str(a) && is_str(b)) return str_equals(a.as<Str>(), b.as<Str>());
  if (a.is_small_int() && b.is_small_int()) return false;
  return equals(a, b);
}

void dict_rebuild_index(Dict* d, uint64_t size) {
  d->index = static_cast<int32_t*>(gc::alloc_atomic(sizeof(int32_t) * size));
  std::fill_n(d->index, size, -1);
  d->index_mask = size - 1;
  for (size_t pos = 0; pos < d->entries.size(); ++pos) {
    uint64_t i = static_cast<uint64_t>(d->entries[pos].hash) & d->index_mask;
    uint64_t perturb = static_cast<uint64_t>(d->entries[pos].hash);
    while (d->index[i] != -1) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & d->index_mask;
    }
    d->index[i] = static_cast<int32_t>(pos);
  }
}

void dict_compact(Dict* d) {
  auto& e = d->entries;
  e.erase(std::remove_if(e.begin(), e.end(), [](const DictEntry& x) { return x.key.is_empty(); }), e.end());
}

void dict_grow(Dict* d) {
  if (d->entries.size() > d->used * 2 + 8) dict_compact(d);
  uint64_t size = kDictMinIndex;
  while (size * 2 < (d->entries.size() + 1) * 3) size <<= 1;
  dict_rebuild_index(d, size);
}

// Returns the index slot holding `key`, or the free slot where it would go.
int32_t* dict_probe(Dict* d, Value key, int64_t hash, bool& found) {
  uint64_t i = static_cast<uint64_t>(hash) & d->index_mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  for (;;) {
    int32_t* slot = &d->index[i];
    if (*slot == -1) {
      found = false;
      return slot;
    }
    DictEntry& e = d->entries[*slot];
    if (e.hash == hash && !e.key.is_empty() && keys_equal(e.key, key)) {
      found = true;
      return slot;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->index_mask;
  }
}

} // namespace

Dict* new_dict() {
  auto* d = gc::make<Dict>();
  d->type = &types::dict;
  dict_rebuild_index(d, kDictMinIndex);
  return d;
}

Value* dict_find(Dict* d, Value key, int64_t hash) {
  bool found;
  int32_t* slot = dict_probe(d, key, hash, found);
  return found ? &d->entries[*slot].value : nullptr;
}

Value* dict_find(Dict* d, Value key) { return dict_find(d, key, hash_value(key)); }

Value* dict_find_str(Dict* d, Str* key) { return dict_find(d, Value::object(key), str_hash(key)); }

bool dict_watch(Dict* d, Str* key) {
  bool found;
  int32_t* slot = dict_probe(d, Value::object(key), str_hash(key), found);
  if (found) d->entries[*slot].watched = true;
  return found;
}

Value dict_get(Dict* d, Value key) {
  Value* v = dict_find(d, key);
  return v ? *v : Value::empty();
}

void dict_set(Dict* d, Value key, int64_t hash, Value v) {
  bool found;
  int32_t* slot = dict_probe(d, key, hash, found);
  ++d->version;
  if (found) {
    DictEntry& e = d->entries[*slot];
    if (e.watched && e.value != v) ++d->watched_version;
    e.value = v;
    return;
  }
  ++d->watched_version;
  // Load factor 2/3 counting deleted entries, which still occupy index slots.
  if ((d->entries.size() + 1) * 3 > (d->index_mask + 1) * 2) {
    dict_grow(d);
    slot = dict_probe(d, key, hash, found);
  }
  *slot = static_cast<int32_t>(d->entries.size());
  d->entries.push_back({hash, key, v});
  ++d->used;
}

void dict_set(Dict* d, Value key, Value v) { dict_set(d, key, hash_value(key), v); }

void dict_set_str(Dict* d, std::string_view key, Value v) { dict_set(d, Value::object(intern(key)), v); }

bool dict_del(Dict* d, Value key) {
  bool found;
  int64_t hash = hash_value(key);
  int32_t* slot = dict_probe(d, key, hash, found);
  if (!found) return false;
  DictEntry& e = d->entries[*slot];
  e.key = Value::empty();
  e.value = Value::empty();
  --d->used;
  ++d->version;
  ++d->watched_version;
  // The index slot keeps pointing at the dead entry (a tombstone) so probe chains stay intact.
  if (d->used == 0) dict_clear(d);
  return true;
}

void dict_clear(Dict* d) {
  d->entries.clear();
  d->used = 0;
  ++d->version;
  ++d->watched_version;
  dict_rebuild_index(d, kDictMinIndex);
}

Dict* dict_copy(Dict* src) {
  Dict* d = new_dict();
  size_t pos = 0;
  Value k, v;
  while (dict_next(src, pos, k, v)) dict_set(d, k, src->entries[pos - 1].hash, v);
  return d;
}

bool dict_next(Dict* d, size_t& pos, Value& key, Value& value) {
  while (pos < d->entries.size()) {
    DictEntry& e = d->entries[pos++];
    if (!e.key.is_empty()) {
      key = e.key;
      value = e.value;
      return true;
    }
  }
  return false;
}

bool dict_merges_natively(Value v) {
  if (!is_dict(v)) return false;
  if (type_of(v)->is_builtin) return true;
  static Str* const iter_name = intern("__iter__");
  return ops_detail::find_dunder(v, iter_name).is_empty();
}

void dict_update(Dict* d, Value other) {
  if (dict_merges_natively(other)) {
    Dict* o = other.as<Dict>();
    size_t pos = 0;
    Value k, v;
    while (dict_next(o, pos, k, v)) dict_set(d, k, o->entries[pos - 1].hash, v);
    return;
  }
  if (Value keys = get_attr_or_empty(other, intern("keys")); !keys.is_empty()) {
    Value it = get_iter(call0(keys));
    Value k;
    while (iter_next(it, k)) dict_set(d, k, get_item(other, k));
    return;
  }
  Value it = get_iter(other);
  Value item;
  int64_t n = 0;
  while (iter_next(it, item)) {
    Value pair = Value::object(tuple_from_iterable(item));
    Tuple* t = pair.as<Tuple>();
    if (t->size != 2)
      raise_fmt(types::value_error, "dictionary update sequence element #{} has length {}; 2 is required", n,
                t->size);
    dict_set(d, t->items[0], t->items[1]);
    ++n;
  }
}

// ---- set (CPython's algorithm, for identical iteration order) ----------------------

namespace {

constexpr int64_t kSetMinSize = kSetSmall;
constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

void set_insert_clean(SetEntry* table, int64_t mask, Value key, int64_t hash) {
  auto unused = [](const SetEntry* e) { return e->key.is_empty() && e->hash != -1; };
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    int probes = (i + kLinearProbes <= static_cast<uint64_t>(mask)) ? kLinearProbes : 0;
    for (int j = 0; j <= probes; ++j, ++entry) {
      if (unused(entry)) {
        entry->key = key;
        entry->hash = hash;
        return;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

SetEntry* new_table(int64_t size) {
  auto* t = static_cast<SetEntry*>(gc::alloc(sizeof(SetEntry) * size));
  for (int64_t i = 0; i < size; ++i) t[i] = {0, Value::empty()};
  return t;
}

void set_table_resize(Set* s, int64_t minused) {
  int64_t newsize = kSetMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* old = s->table;
  int64_t oldsize = s->mask + 1;
  s->table = new_table(newsize);
  s->mask = newsize - 1;
  s->fill = s->used;
  for (int64_t i = 0; i < oldsize; ++i)
    if (!old[i].key.is_empty()) set_insert_clean(s->table, s->mask, old[i].key, old[i].hash);
}

// Finds the entry for key; nullptr if absent.
SetEntry* set_lookkey(Set* s, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & s->mask;
  for (;;) {
    SetEntry* entry = &s->table[i];
    int probes = (i + kLinearProbes <= static_cast<uint64_t>(s->mask)) ? kLinearProbes : 0;
    do {
      if (entry->key.is_empty() && entry->hash == 0) return nullptr;
      if (entry->hash == hash && !entry->key.is_empty() && keys_equal(entry->key, key)) return entry;
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & s->mask;
  }
}

void set_add_entry(Set* s, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & s->mask;
  for (;;) {
    SetEntry* entry = &s->table[i];
    int probes = (i + kLinearProbes <= static_cast<uint64_t>(s->mask)) ? kLinearProbes : 0;
    do {
      if (entry->key.is_empty() && entry->hash == 0) {
        ++s->fill;
        ++s->used;
        entry->key = key;
        entry->hash = hash;
        if (s->fill * 5 >= s->mask * 3) set_table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
        return;
      }
      if (entry->hash == hash && !entry->key.is_empty() && keys_equal(entry->key, key)) return;
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & s->mask;
  }
}

} // namespace

Set* new_set(Type* t) {
  auto* s = gc::make<Set>();
  s->type = t ? t : &types::set;
  set_clear(s);
  return s;
}

void set_take_table(Set* to, Set* from) {
  if (from->table == from->small) {
    std::copy(from->small, from->small + kSetSmall, to->small);
    to->table = to->small;
  } else {
    to->table = from->table;
  }
  to->mask = from->mask;
  to->fill = from->fill;
  to->used = from->used;
}

bool set_contains(Set* s, Value key) { return set_lookkey(s, key, hash_value(key)) != nullptr; }

void set_add(Set* s, Value key) { set_add_entry(s, key, hash_value(key)); }

bool set_discard(Set* s, Value key) {
  SetEntry* e = set_lookkey(s, key, hash_value(key));
  if (!e) return false;
  e->key = Value::empty();
  e->hash = -1; // dummy
  --s->used;
  return true;
}

void set_clear(Set* s) {
  std::fill_n(s->small, kSetSmall, SetEntry{0, Value::empty()});
  s->table = s->small;
  s->mask = kSetSmall - 1;
  s->fill = s->used = 0;
}

void set_update(Set* s, Value iterable) {
  Type* t = type_of(iterable);
  if (t->kind == Kind::Set || t->kind == Kind::FrozenSet) {
    Set* o = iterable.as<Set>();
    if (o->used == 0) return;
    // CPython: grow once for the combined size, then insert in the other's table order.
    if ((s->fill + o->used) * 5 >= s->mask * 3) set_table_resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask) {
      for (int64_t i = 0; i <= o->mask; ++i)
        if (!o->table[i].key.is_empty()) s->table[i] = o->table[i];
      s->fill = s->used = o->used;
      return;
    }
    for (int64_t i = 0; i <= o->mask; ++i)
      if (!o->table[i].key.is_empty()) set_add_entry(s, o->table[i].key, o->table[i].hash);
    return;
  }
  if (t->kind == Kind::Dict) {
    Dict* d = iterable.as<Dict>();
    size_t pos = 0;
    Value k, v;
    while (dict_next(d, pos, k, v)) set_add_entry(s, k, d->entries[pos - 1].hash);
    return;
  }
  Value it = get_iter(iterable);
  Value item;
  while (iter_next(it, item)) set_add(s, item);
}

Set* set_copy(Set* src, Type* t) {
  Set* s = new_set(t ? t : set_base_type(src));
  set_update(s, Value::object(src));
  return s;
}

bool set_next(Set* s, size_t& pos, Value& key) {
  while (static_cast<int64_t>(pos) <= s->mask) {
    SetEntry& e = s->table[pos++];
    if (!e.key.is_empty()) {
      key = e.key;
      return true;
    }
  }
  return false;
}

int64_t frozenset_hash(Set* s) {
  // CPython's frozenset hash (shuffle bits of each element hash, xor, then mix).
  uint64_t hash = 0;
  for (int64_t i = 0; i <= s->mask; ++i) {
    if (s->table[i].key.is_empty()) continue;
    uint64_t h = static_cast<uint64_t>(s->table[i].hash);
    hash ^= ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
  }
  hash ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069ull + 907133923ull;
  int64_t r = static_cast<int64_t>(hash);
  if (r == -1) r = 590923713;
  return r;
}

// ---- list ------------------------------------------------------------------------

void list_append(List* l, Value v) { l->items.push_back(v); }

void list_extend(List* l, Value iterable) {
  Type* t = type_of(iterable);
  if (t->kind == Kind::List) {
    List* o = iterable.as<List>();
    l->items.insert(l->items.end(), o->items.begin(), o->items.end()); // safe for l == o (copies first)
    return;
  }
  if (t->kind == Kind::Tuple) {
    Tuple* o = iterable.as<Tuple>();
    l->items.insert(l->items.end(), o->items, o->items + o->size);
    return;
  }
  Value it = get_iter(iterable);
  Value item;
  while (iter_next(it, item)) l->items.push_back(item);
}

Value list_slice(List* l, int64_t start, int64_t stop, int64_t step) {
  List* out = new_list();
  if (step == 1) {
    if (start < stop) out->items.assign(l->items.begin() + start, l->items.begin() + stop);
  } else {
    for (int64_t k = 0, n = slice_count(start, stop, step); k < n; ++k) out->items.push_back(l->items[start + k * step]);
  }
  return Value::object(out);
}

int64_t slice_indices(Slice* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step) {
  auto clamp_index = [](Value v, const char*) -> int64_t {
    if (!is_int(v) && !v.is_bool() && ops_detail::is_user_type(type_of(v))) {
      Value r = ops_detail::call_dunder(v, "__index__");
      if (!r.is_empty() && !is_int(r) && !r.is_bool())
        raise_fmt(types::type_error, "__index__ returned non-int (type {})", type_of(r)->name);
      if (!r.is_empty()) v = r;
    }
    if (auto i = int_as_i64(v)) return *i;
    if (is_int(v)) return int_is_negative(v) ? INT64_MIN / 2 : INT64_MAX / 2;
    raise_type_error("slice indices must be integers or None or have an __index__ method");
  };
  step = s->step.is_none() ? 1 : clamp_index(s->step, "step");
  if (step == 0) raise_value_error("slice step cannot be zero");
  if (step < -INT64_MAX) step = -INT64_MAX; // as PySlice_Unpack: -step must not overflow
  int64_t lower = step < 0 ? -1 : 0;
  int64_t upper = step < 0 ? length - 1 : length;
  auto fix = [&](Value v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t i = clamp_index(v, "");
    if (i < 0) {
      i += length;
      if (i < lower) i = lower;
    } else if (i > upper) {
      i = upper;
    }
    return i;
  };
  start = fix(s->start, step < 0 ? upper : lower);
  stop = fix(s->stop, step < 0 ? lower : upper);
  return slice_count(start, stop, step);
}

} // namespace tributary
