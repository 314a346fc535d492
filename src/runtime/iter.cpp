// iter.cpp — builtin iterators, dict views, get_iter() and iter_next().
//
// iter_next() never raises StopIteration: it returns false at the end, and
// marks the iterator exhausted (so a later call stays false even if the
// container grows, as in CPython). Only the Python-visible `__next__` methods
// turn exhaustion into StopIteration.
#include "runtime/iter.h"

#include <string>

#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary {

namespace types {
Type list_iterator, list_reverseiterator, tuple_iterator, str_ascii_iterator, str_iterator, bytes_iterator,
    range_iterator, longrange_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator,
    dict_reversekeyiterator, set_iterator, enumerate, zip, map, filter, reversed, callable_iterator;
} // namespace types

namespace {

template <class T> T* new_iter(Type& t, IterKind k) {
  T* it = gc::make<T>();
  it->type = &t;
  it->ikind = k;
  return it;
}

Value new_seq_iter(Type& t, IterKind k, Value seq, int64_t index) {
  auto* it = new_iter<SeqIter>(t, k);
  it->seq = seq;
  it->index = index;
  return Value::object(it);
}

Value new_dict_iter(Type& t, IterKind k, Dict* d) {
  auto* it = new_iter<DictIter>(t, k);
  it->dict = d;
  it->used = d->used;
  it->remaining = static_cast<int64_t>(d->used);
  it->pos = k == IterKind::DictReverseKeys ? d->entries.size() : 0;
  return Value::object(it);
}

Value range_iter(int64_t start, int64_t step, int64_t len) {
  auto* it = new_iter<RangeIter>(types::range_iterator, IterKind::Range);
  it->next = start;
  it->step = step;
  it->remaining = len;
  return Value::object(it);
}

Value longrange_iter(Value start, Value step, Value len) {
  auto* it = new_iter<LongRangeIter>(types::longrange_iterator, IterKind::LongRange);
  it->next = start;
  it->step = step;
  it->remaining = len;
  return Value::object(it);
}

// Number of items of range(start, stop, step) (step != 0) as an unsigned
// count, as CPython's get_len_of_range (never overflows).
uint64_t len_of_range_u64(int64_t start, int64_t stop, int64_t step) {
  if (step > 0 && start < stop)
    return (static_cast<uint64_t>(stop) - static_cast<uint64_t>(start) - 1) / static_cast<uint64_t>(step) + 1;
  if (step < 0 && start > stop)
    return (static_cast<uint64_t>(start) - static_cast<uint64_t>(stop) - 1) / (0 - static_cast<uint64_t>(step)) + 1;
  return 0;
}

// Number of items as a Python int (any size).
Value len_of_range_value(Value start, Value stop, Value step) {
  Value one = Value::small_int(1);
  if (!int_is_negative(step)) {
    if (int_compare(start, stop) >= 0) return Value::small_int(0);
    return int_add(int_floordiv(int_sub(int_sub(stop, start), one), step), one);
  }
  if (int_compare(start, stop) <= 0) return Value::small_int(0);
  return int_add(int_floordiv(int_sub(int_sub(start, stop), one), int_neg(step)), one);
}

// The forward iterator, as CPython's range_iter: range_iterator (whose int64
// fields the interpreter's FOR_ITER steps) only when start + len*step, the
// value `next` reaches at the end, cannot overflow int64.
Value range_forward_iter(const Range* r) {
  if (!r->big) {
    uint64_t ulen = len_of_range_u64(r->start, r->stop, r->step); // <= INT64_MAX when !big
    bool overflow = ulen && (r->step > 0 ? r->stop > INT64_MAX - (r->step - 1) : r->stop < INT64_MIN + (-1 - r->step));
    if (!overflow) return range_iter(r->start, r->step, static_cast<int64_t>(ulen));
  }
  return longrange_iter(range_start_value(r), range_step_value(r), range_length_value(r));
}

// The reversed iterator, as CPython's range_reverse.
Value range_reverse_iter(const Range* r) {
  if (!r->big && r->step != INT64_MIN) {
    int64_t start = r->start, step = r->step;
    bool overflow = step > 0 ? static_cast<uint64_t>(start) - static_cast<uint64_t>(INT64_MIN) < static_cast<uint64_t>(step)
                             : static_cast<uint64_t>(INT64_MAX) - static_cast<uint64_t>(start) < 0 - static_cast<uint64_t>(step);
    if (!overflow) {
      uint64_t ulen = len_of_range_u64(start, r->stop, step);
      uint64_t new_stop = static_cast<uint64_t>(start) - static_cast<uint64_t>(step);
      auto new_start = static_cast<int64_t>(new_stop + ulen * static_cast<uint64_t>(step));
      return range_iter(new_start, -step, static_cast<int64_t>(ulen));
    }
  }
  Value len = range_length_value(r), step = range_step_value(r);
  Value last = int_add(range_start_value(r), int_mul(int_sub(len, Value::small_int(1)), step));
  return longrange_iter(last, int_neg(step), len);
}

Value pair(Value a, Value b) {
  Value items[2] = {a, b};
  return Value::object(new_tuple(items));
}

bool dict_step(DictIter* it, Value& out) {
  Dict* d = it->dict;
  if (!d) return false;
  if (it->used != d->used) {
    it->dict = nullptr;
    raise(types::runtime_error, "dictionary changed size during iteration");
  }
  bool reverse = it->ikind == IterKind::DictReverseKeys;
  for (;;) {
    if (reverse ? it->pos == 0 : it->pos >= d->entries.size()) {
      it->dict = nullptr;
      return false;
    }
    const DictEntry& e = d->entries[reverse ? --it->pos : it->pos++];
    if (e.key.is_empty()) continue;
    if (it->remaining == 0) {
      it->dict = nullptr;
      raise(types::runtime_error, "dictionary keys changed during iteration");
    }
    --it->remaining;
    switch (it->ikind) {
    case IterKind::DictValues: out = e.value; break;
    case IterKind::DictItems: out = pair(e.key, e.value); break;
    default: out = e.key; break;
    }
    return true;
  }
}

bool set_step(SetIter* it, Value& out) {
  Set* s = it->set;
  if (!s) return false;
  if (it->used != s->used) {
    it->set = nullptr;
    raise(types::runtime_error, "Set changed size during iteration");
  }
  if (set_next(s, it->pos, out)) return true;
  it->set = nullptr;
  return false;
}

// Steps a str iterator; `index` is a byte offset for non-ASCII strings.
bool str_step(SeqIter* it, Value& out) {
  Str* s = it->seq.as<Str>();
  if (static_cast<size_t>(it->index) >= s->nbytes) {
    it->seq = Value::empty();
    return false;
  }
  if (it->ikind == IterKind::StrAscii) {
    out = Value::object(str_from_codepoint(static_cast<unsigned char>(s->data[it->index++])));
  } else {
    size_t pos = static_cast<size_t>(it->index);
    out = Value::object(str_from_codepoint(utf8_at(s->view(), pos)));
    it->index = static_cast<int64_t>(pos);
  }
  return true;
}

// reversed(tuple / str / bytes): `index` counts down (a byte offset for non-ASCII str).
bool reversed_step(SeqIter* it, Value& out) {
  Value seq = it->seq;
  if (seq.is_empty() || it->index <= 0) {
    it->seq = Value::empty();
    return false;
  }
  switch (type_of(seq)->kind) {
  case Kind::Tuple: {
    Tuple* t = seq.as<Tuple>();
    if (it->index > static_cast<int64_t>(t->size)) it->index = static_cast<int64_t>(t->size);
    out = t->items[--it->index];
    return true;
  }
  case Kind::Str: {
    Str* s = seq.as<Str>();
    size_t end = static_cast<size_t>(it->index);
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s->data[start]) & 0xC0) == 0x80)
      --start;
    size_t pos = start;
    out = Value::object(str_from_codepoint(utf8_at(s->view(), pos)));
    it->index = static_cast<int64_t>(start);
    return true;
  }
  case Kind::Bytes: out = Value::small_int(seq.as<Bytes>()->data[--it->index]); return true;
  default: {
    // A user sequence with __len__ and __getitem__.
    out = get_item(seq, make_int(--it->index));
    return true;
  }
  }
}

bool zip_step(MultiIter* z, Value& out) {
  if (z->done || z->its.empty()) return false;
  size_t n = z->its.size();
  Tuple* result = new_tuple(n);
  for (size_t i = 0; i < n; ++i) {
    Value v;
    if (iter_next(z->its[i], v)) {
      result->items[i] = v;
      continue;
    }
    z->done = true;
    if (!z->strict) return false;
    auto plural = [](size_t k) { return k == 1 ? std::string(" 1") : fmt::format("s 1-{}", k); };
    if (i > 0) raise_fmt(types::value_error, "zip() argument {} is shorter than argument{}", i + 1, plural(i));
    for (size_t j = 1; j < n; ++j) {
      Value extra;
      if (iter_next(z->its[j], extra))
        raise_fmt(types::value_error, "zip() argument {} is longer than argument{}", j + 1, plural(j));
    }
    return false;
  }
  out = Value::object(result);
  return true;
}

bool map_step(MultiIter* m, Value& out) {
  if (m->done) return false;
  size_t n = m->its.size();
  GcVector<Value> args(n);
  for (size_t i = 0; i < n; ++i) {
    if (!iter_next(m->its[i], args[i])) {
      m->done = true;
      return false;
    }
  }
  Args a{args.data(), static_cast<uint32_t>(n)};
  out = call(m->fn, a);
  return true;
}

bool is_stop_iteration(const PyException& e) { return exception_matches(e.exc, Value::object(&types::stop_iteration)); }

bool is_index_or_stop(const PyException& e) {
  return exception_matches(e.exc, Value::object(&types::index_error)) || is_stop_iteration(e);
}

// Python-visible iterator methods.
Value iterator_next_method(Value self, const Args&) {
  Value v;
  ops_detail::BuiltinPath path(self); // (a subclass's super().__next__(): not its own again)
  if (iter_next(self, v)) return v;
  raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>())));
}
Value iterator_iter_method(Value self, const Args&) { return self; }

// ---- constructors called as `T(...)` -----------------------------------------

// Returns the keyword argument `name` (empty if absent); TypeError for any other keyword.
Value keyword(const Args& args, const char* fname, const char* name) {
  Value found;
  for (uint32_t i = 0; i < args.nkw; ++i) {
    std::string_view k = args.kwnames[i].as<Str>()->view();
    if (name && k == name)
      found = args.kwvals[i];
    else
      raise_fmt(types::type_error, "{}() got an unexpected keyword argument '{}'", fname, k);
  }
  return found;
}

Value construct_enumerate(Value, const Args& args) {
  Value start = keyword(args, "enumerate", "start");
  Value iterable;
  if (args.npos >= 1) iterable = args[0];
  if (args.npos >= 2) {
    if (!start.is_empty()) raise_type_error("argument for enumerate() given by name ('start') and position (2)");
    start = args[1];
  }
  if (args.npos > 2) raise_fmt(types::type_error, "enumerate() takes at most 2 arguments ({} given)", args.npos);
  if (iterable.is_empty()) raise_type_error("enumerate() missing required argument 'iterable'");
  return make_enumerate(iterable, start.is_empty() ? Value::small_int(0) : start);
}

Value construct_zip(Value, const Args& args) {
  Value strict = keyword(args, "zip", "strict");
  return make_zip(args.positional(), !strict.is_empty() && truthy(strict));
}

Value construct_map(Value, const Args& args) {
  keyword(args, "map", nullptr);
  if (args.npos < 2) raise_type_error("map() must have at least two arguments.");
  return make_map(args[0], args.positional().subspan(1));
}

Value construct_filter(Value, const Args& args) {
  if (args.nkw) raise_type_error("filter() takes no keyword arguments");
  if (args.npos != 2) raise_fmt(types::type_error, "filter expected 2 arguments, got {}", args.npos);
  return make_filter(args[0], args[1]);
}

Value construct_reversed(Value, const Args& args) {
  if (args.nkw) raise_type_error("reversed() takes no keyword arguments");
  if (args.npos != 1) raise_fmt(types::type_error, "reversed expected 1 argument, got {}", args.npos);
  return make_reversed(args[0]);
}

Value construct_range(Value, const Args& args) {
  if (args.nkw) raise_type_error("range() takes no keyword arguments");
  return make_range_from_args(args.positional());
}

void init_iter_type(Type& t, const char* name) {
  init_type(t, name, Kind::Iterator, &types::object);
  add_method(t, "__next__", self_or_first<iterator_next_method>);
  add_method(t, "__iter__", self_or_first<iterator_iter_method>);
}

} // namespace

// ---- public constructors --------------------------------------------------------

Value make_enumerate(Value iterable, Value start) {
  if (!is_int(start) && !start.is_bool())
    raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", type_of(start)->name);
  auto* e = new_iter<EnumerateIter>(types::enumerate, IterKind::Enumerate);
  e->it = get_iter(iterable);
  e->count = start.is_bool() ? Value::small_int(start.is_true()) : start;
  return Value::object(e);
}

Value make_zip(std::span<const Value> iterables, bool strict) {
  auto* z = new_iter<MultiIter>(types::zip, IterKind::Zip);
  z->its.reserve(iterables.size());
  for (Value v : iterables)
    z->its.push_back(get_iter(v));
  z->strict = strict;
  return Value::object(z);
}

Value make_map(Value fn, std::span<const Value> iterables) {
  auto* m = new_iter<MultiIter>(types::map, IterKind::Map);
  m->fn = fn;
  m->its.reserve(iterables.size());
  for (Value v : iterables)
    m->its.push_back(get_iter(v));
  return Value::object(m);
}

Value make_filter(Value fn_or_none, Value iterable) {
  auto* f = new_iter<FnIter>(types::filter, IterKind::Filter);
  f->fn = fn_or_none;
  f->it = get_iter(iterable);
  return Value::object(f);
}

Value make_callable_iterator(Value fn, Value sentinel) {
  auto* f = new_iter<FnIter>(types::callable_iterator, IterKind::Callable);
  f->fn = fn;
  f->sentinel = sentinel;
  return Value::object(f);
}

Value make_reversed(Value seq) {
  switch (type_of(seq)->kind) {
  case Kind::List:
    return new_seq_iter(types::list_reverseiterator, IterKind::ListReverse, seq,
                        static_cast<int64_t>(seq.as<List>()->items.size()) - 1);
  case Kind::Tuple:
    return new_seq_iter(types::reversed, IterKind::ReversedSeq, seq, static_cast<int64_t>(seq.as<Tuple>()->size));
  case Kind::Str:
    return new_seq_iter(types::reversed, IterKind::ReversedSeq, seq, static_cast<int64_t>(seq.as<Str>()->nbytes));
  case Kind::Bytes:
    return new_seq_iter(types::reversed, IterKind::ReversedSeq, seq, static_cast<int64_t>(seq.as<Bytes>()->size));
  case Kind::Range: return range_reverse_iter(seq.as<Range>());
  case Kind::Dict: return new_dict_iter(types::dict_reversekeyiterator, IterKind::DictReverseKeys, seq.as<Dict>());
  default: break;
  }
  Type* t = type_of(seq);
  if (Value m = type_lookup(t, intern("__reversed__")); !m.is_empty() && !m.is_none()) {
    Value self = seq;
    Args a{&self, 1};
    return call(m, a);
  }
  if (!t->is_builtin && !type_lookup(t, intern("__getitem__")).is_empty() &&
      !type_lookup(t, intern("__len__")).is_empty())
    return new_seq_iter(types::reversed, IterKind::ReversedSeq, seq, length(seq));
  raise_fmt(types::type_error, "'{}' object is not reversible", t->name);
}

int64_t range_length(const Range* r) {
  if (!r->big) return static_cast<int64_t>(len_of_range_u64(r->start, r->stop, r->step));
  auto n = int_as_i64(r->blength);
  if (!n) raise(types::overflow_error, "Python int too large to convert to C ssize_t");
  return *n;
}

Value range_length_value(const Range* r) {
  return r->big ? r->blength : make_int(static_cast<int64_t>(len_of_range_u64(r->start, r->stop, r->step)));
}
Value range_start_value(const Range* r) { return r->big ? r->bstart : make_int(r->start); }
Value range_stop_value(const Range* r) { return r->big ? r->bstop : make_int(r->stop); }
Value range_step_value(const Range* r) { return r->big ? r->bstep : make_int(r->step); }

bool range_is_empty(const Range* r) {
  return r->big ? int_compare(r->blength, Value::small_int(0)) == 0
                : len_of_range_u64(r->start, r->stop, r->step) == 0;
}

Value range_item(const Range* r, int64_t i) {
  if (!r->big) // start + i*step lies between start and stop: wrapping arithmetic gives it exactly
    return make_int(static_cast<int64_t>(static_cast<uint64_t>(r->start) +
                                         static_cast<uint64_t>(i) * static_cast<uint64_t>(r->step)));
  return int_add(r->bstart, int_mul(make_int(i), r->bstep));
}

Value range_item_value(const Range* r, Value i) {
  if (auto x = int_as_i64(i); x && !r->big) {
    __int128 v = static_cast<__int128>(r->start) + static_cast<__int128>(*x) * r->step; // any index, so 128 bits
    if (v >= INT64_MIN && v <= INT64_MAX) return make_int(static_cast<int64_t>(v));
  }
  return int_add(range_start_value(r), int_mul(i, range_step_value(r)));
}

Value make_range(int64_t start, int64_t stop, int64_t step) {
  if (step == 0) raise_value_error("range() arg 3 must not be zero");
  if (len_of_range_u64(start, stop, step) > static_cast<uint64_t>(INT64_MAX))
    return make_range_values(make_int(start), make_int(stop), make_int(step));
  auto* r = gc::make<Range>();
  r->type = &types::range;
  r->start = start;
  r->stop = stop;
  r->step = step;
  return Value::object(r);
}

Value make_range_values(Value start, Value stop, Value step) {
  if (start.is_bool()) start = Value::small_int(start.is_true());
  if (stop.is_bool()) stop = Value::small_int(stop.is_true());
  if (step.is_bool()) step = Value::small_int(step.is_true());
  auto a = int_as_i64(start), b = int_as_i64(stop), c = int_as_i64(step);
  if (c && *c == 0) raise_value_error("range() arg 3 must not be zero");
  if (a && b && c && len_of_range_u64(*a, *b, *c) <= static_cast<uint64_t>(INT64_MAX)) return make_range(*a, *b, *c);
  auto* r = gc::make<Range>();
  r->type = &types::range;
  r->big = true;
  r->bstart = start;
  r->bstop = stop;
  r->bstep = step;
  r->blength = len_of_range_value(start, stop, step);
  return Value::object(r);
}

Value make_range_from_args(std::span<const Value> args) {
  if (args.empty()) raise_type_error("range expected at least 1 argument, got 0");
  if (args.size() > 3) raise_fmt(types::type_error, "range expected at most 3 arguments, got {}", args.size());
  for (Value a : args)
    if (!is_int(a) && !a.is_bool())
      raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", type_of(a)->name);
  if (args.size() == 1) return make_range_values(Value::small_int(0), args[0], Value::small_int(1));
  return make_range_values(args[0], args[1], args.size() == 3 ? args[2] : Value::small_int(1));
}

Value make_dict_view(Type& view_type, Dict* d) {
  auto* v = gc::make<DictView>();
  v->type = &view_type;
  v->dict = d;
  return Value::object(v);
}

// ---- the protocol ------------------------------------------------------------------

Value get_iter(Value v) {
  Type* t = type_of(v);
  if (has_attr_store(t)) { // a builtin subclass's own __iter__
    if (Value it = ops_detail::call_dunder(v, "__iter__"); !it.is_empty()) return it;
  }
  switch (t->kind) {
  case Kind::List: return new_seq_iter(types::list_iterator, IterKind::List, v, 0);
  case Kind::Tuple: return new_seq_iter(types::tuple_iterator, IterKind::Tuple, v, 0);
  case Kind::Str:
    if (v.as<Str>()->ascii) return new_seq_iter(types::str_ascii_iterator, IterKind::StrAscii, v, 0);
    return new_seq_iter(types::str_iterator, IterKind::StrUtf8, v, 0);
  case Kind::Bytes: return new_seq_iter(types::bytes_iterator, IterKind::Bytes, v, 0);
  case Kind::Range: return range_forward_iter(v.as<Range>());
  case Kind::Dict: return new_dict_iter(types::dict_keyiterator, IterKind::DictKeys, v.as<Dict>());
  case Kind::DictView: {
    Dict* d = v.as<DictView>()->dict;
    if (t == &types::dict_values) return new_dict_iter(types::dict_valueiterator, IterKind::DictValues, d);
    if (t == &types::dict_items) return new_dict_iter(types::dict_itemiterator, IterKind::DictItems, d);
    return new_dict_iter(types::dict_keyiterator, IterKind::DictKeys, d);
  }
  case Kind::Set:
  case Kind::FrozenSet: {
    auto* it = new_iter<SetIter>(types::set_iterator, IterKind::Set);
    it->set = v.as<Set>();
    it->used = it->set->used;
    return Value::object(it);
  }
  case Kind::Iterator:
  case Kind::Generator: return v;
  default: break;
  }
  if (Value m = type_lookup(t, intern("__iter__")); !m.is_empty() && !m.is_none()) {
    Value self = v;
    Args a{&self, 1};
    Value it = call(m, a);
    Type* it_type = type_of(it);
    if (it_type->kind != Kind::Iterator && it_type->kind != Kind::Generator &&
        type_lookup(it_type, intern("__next__")).is_empty())
      raise_fmt(types::type_error, "iter() returned non-iterator of type '{}'", it_type->name);
    return it;
  }
  if (!t->is_builtin && !type_lookup(t, intern("__getitem__")).is_empty())
    return new_seq_iter(types::iterator, IterKind::Sequence, v, 0);
  raise_fmt(types::type_error, "'{}' object is not iterable", t->name);
}

size_t subclassable_iter_size(const IterObject* it) {
  switch (it->ikind) {
  case IterKind::Enumerate: return sizeof(EnumerateIter);
  case IterKind::Zip:
  case IterKind::Map: return sizeof(MultiIter);
  case IterKind::Filter: return sizeof(FnIter);
  case IterKind::ReversedSeq: return sizeof(SeqIter);
  default: return 0;
  }
}

bool iter_next(Value itv, Value& out) {
  // A subclass of enumerate, zip, map, filter or reversed: its own __next__ first.
  if (is_kind(itv, Kind::Iterator) && has_attr_store(itv.as_object()->type)) {
    static Str* const kNext = intern("__next__");
    if (Value m = ops_detail::find_dunder(itv, kNext); !m.is_empty()) {
      try {
        out = ops_detail::call_with_self(m, itv, {});
      } catch (const PyException& e) {
        if (is_stop_iteration(e)) return false;
        throw;
      }
      return true;
    }
  }
  if (!is_kind(itv, Kind::Iterator)) {
    if (is_kind(itv, Kind::Generator)) return vm::generator_next(itv, out); // no StopIteration allocated
    // User iterators: call __next__, turning StopIteration into false.
    static Str* const kNext = intern("__next__");
    Type* t = type_of(itv);
    Value m = type_lookup(t, kNext);
    if (m.is_empty()) raise_fmt(types::type_error, "'{}' object is not an iterator", t->name);
    try {
      out = ops_detail::call_with_self(m, itv, {});
    } catch (const PyException& e) {
      if (is_stop_iteration(e)) return false;
      throw;
    }
    return true;
  }
  auto* base = itv.as<IterObject>();
  switch (base->ikind) {
  case IterKind::List: {
    auto* it = static_cast<SeqIter*>(base);
    if (it->seq.is_empty()) return false;
    List* l = it->seq.as<List>();
    if (static_cast<size_t>(it->index) < l->items.size()) {
      out = l->items[it->index++];
      return true;
    }
    it->seq = Value::empty();
    return false;
  }
  case IterKind::ListReverse: {
    auto* it = static_cast<SeqIter*>(base);
    if (it->seq.is_empty()) return false;
    List* l = it->seq.as<List>();
    if (it->index >= 0 && static_cast<size_t>(it->index) < l->items.size()) {
      out = l->items[it->index--];
      return true;
    }
    it->seq = Value::empty();
    return false;
  }
  case IterKind::Tuple: {
    auto* it = static_cast<SeqIter*>(base);
    if (it->seq.is_empty()) return false;
    Tuple* t = it->seq.as<Tuple>();
    if (static_cast<size_t>(it->index) < t->size) {
      out = t->items[it->index++];
      return true;
    }
    it->seq = Value::empty();
    return false;
  }
  case IterKind::StrAscii:
  case IterKind::StrUtf8: {
    auto* it = static_cast<SeqIter*>(base);
    return !it->seq.is_empty() && str_step(it, out);
  }
  case IterKind::Bytes: {
    auto* it = static_cast<SeqIter*>(base);
    if (it->seq.is_empty()) return false;
    Bytes* b = it->seq.as<Bytes>();
    if (static_cast<size_t>(it->index) < b->size) {
      out = Value::small_int(b->data[it->index++]);
      return true;
    }
    it->seq = Value::empty();
    return false;
  }
  case IterKind::Range: {
    auto* it = static_cast<RangeIter*>(base);
    if (it->remaining <= 0) return false;
    out = make_int(it->next);
    --it->remaining;
    it->next = static_cast<int64_t>(static_cast<uint64_t>(it->next) + static_cast<uint64_t>(it->step));
    return true;
  }
  case IterKind::LongRange: {
    auto* it = static_cast<LongRangeIter*>(base);
    if (int_compare(it->remaining, Value::small_int(0)) <= 0) return false;
    out = it->next;
    it->remaining = int_sub(it->remaining, Value::small_int(1));
    it->next = int_add(it->next, it->step);
    return true;
  }
  case IterKind::DictKeys:
  case IterKind::DictValues:
  case IterKind::DictItems:
  case IterKind::DictReverseKeys: return dict_step(static_cast<DictIter*>(base), out);
  case IterKind::Set: return set_step(static_cast<SetIter*>(base), out);
  case IterKind::Enumerate: {
    auto* e = static_cast<EnumerateIter*>(base);
    Value v;
    if (!iter_next(e->it, v)) return false;
    out = pair(e->count, v);
    e->count = e->count.is_small_int() && e->count.as_small_int() < Value::kSmallMax
                   ? Value::small_int(e->count.as_small_int() + 1)
                   : int_add(e->count, Value::small_int(1));
    return true;
  }
  case IterKind::Zip: return zip_step(static_cast<MultiIter*>(base), out);
  case IterKind::Map: return map_step(static_cast<MultiIter*>(base), out);
  case IterKind::Filter: {
    auto* f = static_cast<FnIter*>(base);
    Value v;
    while (iter_next(f->it, v)) {
      bool keep = f->fn.is_none() ? truthy(v) : truthy(call1(f->fn, v));
      if (keep) {
        out = v;
        return true;
      }
    }
    return false;
  }
  case IterKind::ReversedSeq: return reversed_step(static_cast<SeqIter*>(base), out);
  case IterKind::Callable: {
    auto* f = static_cast<FnIter*>(base);
    if (f->fn.is_empty()) return false;
    Value v;
    try {
      v = call0(f->fn);
    } catch (const PyException& e) {
      if (!is_stop_iteration(e)) throw;
      f->fn = Value::empty();
      return false;
    }
    if (equals(v, f->sentinel)) {
      f->fn = Value::empty();
      return false;
    }
    out = v;
    return true;
  }
  case IterKind::Sequence: {
    auto* it = static_cast<SeqIter*>(base);
    if (it->seq.is_empty()) return false;
    try {
      out = get_item(it->seq, make_int(it->index));
    } catch (const PyException& e) {
      if (!is_index_or_stop(e)) throw;
      it->seq = Value::empty();
      return false;
    }
    ++it->index;
    return true;
  }
  case IterKind::Native: {
    auto* it = static_cast<NativeIter*>(base);
    return it->advance(it, out);
  }
  }
  return false;
}

void init_native_iter_type(Type& t, const char* name, const char* module) {
  init_iter_type(t, name);
  t.module_name = Value::object(intern(module));
}

void init_iter_types() {
  init_iter_type(types::list_iterator, "list_iterator");
  init_iter_type(types::list_reverseiterator, "list_reverseiterator");
  init_iter_type(types::tuple_iterator, "tuple_iterator");
  init_iter_type(types::str_ascii_iterator, "str_ascii_iterator");
  init_iter_type(types::str_iterator, "str_iterator");
  init_iter_type(types::bytes_iterator, "bytes_iterator");
  init_iter_type(types::range_iterator, "range_iterator");
  init_iter_type(types::longrange_iterator, "longrange_iterator");
  init_iter_type(types::dict_keyiterator, "dict_keyiterator");
  init_iter_type(types::dict_valueiterator, "dict_valueiterator");
  init_iter_type(types::dict_itemiterator, "dict_itemiterator");
  init_iter_type(types::dict_reversekeyiterator, "dict_reversekeyiterator");
  init_iter_type(types::set_iterator, "set_iterator");
  init_iter_type(types::callable_iterator, "callable_iterator");
  init_iter_type(types::iterator, "iterator");
  init_iter_type(types::enumerate, "enumerate");
  init_iter_type(types::zip, "zip");
  init_iter_type(types::map, "map");
  init_iter_type(types::filter, "filter");
  init_iter_type(types::reversed, "reversed");
  types::enumerate.construct = construct_enumerate;
  types::zip.construct = construct_zip;
  types::map.construct = construct_map;
  types::filter.construct = construct_filter;
  types::reversed.construct = construct_reversed;
  types::range.construct = construct_range;
}

} // namespace tributary
