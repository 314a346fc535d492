// itertools_module.cpp — the `itertools` module.
//
// Every itertools object is a NativeIter (runtime/iter.h) with its own Type,
// so for-loops step it without a Python-level call; the Types are callable
// (`itertools.chain(...)`) and marked non-builtin so repr shows
// `<itertools.chain object at ...>` (count and repeat define __repr__ as in
// CPython). Semantics follow CPython's itertoolsmodule.c, including the
// argument errors; results of product/permutations/combinations are tuples
// built from a pool collected up front, as there.
#include <algorithm>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

Type count_type, repeat_type, chain_type, islice_type, product_type, permutations_type, combinations_type,
    cwr_type, accumulate_type, zip_longest_type, takewhile_type, dropwhile_type, starmap_type, groupby_type,
    grouper_type, cycle_type, compress_type, tee_type, filterfalse_type, pairwise_type;

Value pack_tuple(std::span<const Value> items) { return Value::object(new_tuple(items)); }

// ---- count / repeat / cycle ------------------------------------------------------------

struct CountIter : NativeIter {
  Value next, step;
};

bool count_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CountIter*>(base);
  out = it->next;
  it->next = binary_op(BinOp::Add, it->next, it->step);
  return true;
}

bool is_number(Value v) { return is_float(v) || is_integer(v); }

Value construct_count(Value, const Args& a) {
  Value p[2];
  bind_args(a, "count", {"start", "step"}, 0, p);
  Value start = p[0].is_empty() ? Value::small_int(0) : p[0];
  Value step = p[1].is_empty() ? Value::small_int(1) : p[1];
  if (!is_number(start) || !is_number(step)) raise_type_error("a number is required");
  auto* it = new_native_iter<CountIter>(count_type, count_step);
  it->next = start;
  it->step = step;
  return Value::object(it);
}

Value count_repr(Value self, const Args&) {
  auto* it = self.as<CountIter>();
  bool unit_step = is_integer(it->step) && int_compare(it->step, Value::small_int(1)) == 0 && !it->step.is_bool();
  if (unit_step) return str_value("count(" + repr_string(it->next) + ")");
  return str_value("count(" + repr_string(it->next) + ", " + repr_string(it->step) + ")");
}

struct RepeatIter : NativeIter {
  Value item;
  int64_t remaining; // -1: forever
};

bool repeat_step(NativeIter* base, Value& out) {
  auto* it = static_cast<RepeatIter*>(base);
  if (it->remaining == 0) return false;
  if (it->remaining > 0) --it->remaining;
  out = it->item;
  return true;
}

Value construct_repeat(Value, const Args& a) {
  Value p[2];
  bind_args(a, "repeat", {"object", "times"}, 1, p);
  auto* it = new_native_iter<RepeatIter>(repeat_type, repeat_step);
  it->item = p[0];
  it->remaining = -1;
  if (!p[1].is_empty()) it->remaining = std::max<int64_t>(0, arg_index(p[1]));
  return Value::object(it);
}

Value repeat_repr(Value self, const Args&) {
  auto* it = self.as<RepeatIter>();
  if (it->remaining < 0) return str_value("repeat(" + repr_string(it->item) + ")");
  return str_value("repeat(" + repr_string(it->item) + ", " + std::to_string(it->remaining) + ")");
}

Value repeat_len_hint(Value self, const Args&) {
  auto* it = self.as<RepeatIter>();
  if (it->remaining < 0) raise_type_error("len() of unsized object");
  return make_int(it->remaining);
}

struct CycleIter : NativeIter {
  Value source; // empty once exhausted
  List* saved;
  size_t index;
};

bool cycle_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CycleIter*>(base);
  if (!it->source.is_empty()) {
    if (iter_next(it->source, out)) {
      it->saved->items.push_back(out);
      return true;
    }
    it->source = Value::empty();
  }
  if (it->saved->items.empty()) return false;
  out = it->saved->items[it->index];
  it->index = (it->index + 1) % it->saved->items.size();
  return true;
}

Value construct_cycle(Value, const Args& a) {
  no_kwargs(a, "cycle");
  check_expected(a, "cycle", 1, 1);
  auto* it = new_native_iter<CycleIter>(cycle_type, cycle_step);
  it->source = get_iter(a[0]);
  it->saved = new_list();
  it->index = 0;
  return Value::object(it);
}

// ---- chain / islice / compress / pairwise ----------------------------------------------

struct ChainIter : NativeIter {
  Value sources; // iterator over the iterables; empty when done
  Value current; // iterator; empty between iterables
};

bool chain_step(NativeIter* base, Value& out) {
  auto* it = static_cast<ChainIter*>(base);
  while (!it->sources.is_empty()) {
    if (it->current.is_empty()) {
      Value next;
      if (!iter_next(it->sources, next)) {
        it->sources = Value::empty();
        return false;
      }
      it->current = get_iter(next);
    }
    if (iter_next(it->current, out)) return true;
    it->current = Value::empty();
  }
  return false;
}

Value make_chain(Value sources) {
  auto* it = new_native_iter<ChainIter>(chain_type, chain_step);
  it->sources = get_iter(sources);
  return Value::object(it);
}

Value construct_chain(Value, const Args& a) {
  no_kwargs(a, "chain");
  return make_chain(Value::object(new_tuple(a.positional())));
}

Value chain_from_iterable(Value, const Args& a) {
  check_one(a, "chain.from_iterable");
  return make_chain(a[0]);
}

struct IsliceIter : NativeIter {
  Value source;  // empty when done
  int64_t next;  // index of the next item to yield
  int64_t stop;  // -1: no stop
  int64_t step;
  int64_t consumed;
};

bool islice_step(NativeIter* base, Value& out) {
  auto* it = static_cast<IsliceIter*>(base);
  if (it->source.is_empty()) return false;
  Value item;
  while (it->consumed < it->next) {
    if (!iter_next(it->source, item)) {
      it->source = Value::empty();
      return false;
    }
    ++it->consumed;
  }
  if ((it->stop != -1 && it->consumed >= it->stop) || !iter_next(it->source, item)) {
    it->source = Value::empty();
    return false;
  }
  ++it->consumed;
  out = item;
  int64_t old = it->next;
  it->next = static_cast<int64_t>(static_cast<uint64_t>(it->next) + static_cast<uint64_t>(it->step));
  if (it->next < old || (it->stop != -1 && it->next > it->stop)) it->next = it->stop;
  return true;
}

// PyNumber_AsSsize_t(v, OverflowError) with the error cleared: -1 on any failure.
int64_t ssize_or_minus1(Value v) {
  Value i = v;
  if (!is_integer(v)) {
    i = call_dunder(v, "__index__");
    if (i.is_empty() || !is_integer(i)) return -1;
  }
  auto x = int_as_i64(i.is_bool() ? Value::small_int(i.is_true()) : i);
  return x ? *x : -1;
}

Value construct_islice(Value, const Args& a) {
  no_kwargs(a, "islice");
  if (a.npos < 2) raise_fmt(types::type_error, "islice expected at least 2 arguments, got {}", a.npos);
  if (a.npos > 4) raise_fmt(types::type_error, "islice expected at most 4 arguments, got {}", a.npos);
  static constexpr const char* kStopError =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (a.npos == 2) {
    if (!a[1].is_none()) {
      stop = ssize_or_minus1(a[1]);
      if (stop == -1) raise_value_error(kStopError);
    }
  } else {
    if (!a[1].is_none()) start = ssize_or_minus1(a[1]);
    if (!a[2].is_none()) {
      stop = ssize_or_minus1(a[2]);
      if (stop == -1) raise_value_error(kStopError);
    }
  }
  if (start < 0 || stop < -1)
    raise_value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (a.npos == 4 && !a[3].is_none()) step = ssize_or_minus1(a[3]);
  if (step < 1) raise_value_error("Step for islice() must be a positive integer or None.");
  auto* it = new_native_iter<IsliceIter>(islice_type, islice_step);
  it->source = get_iter(a[0]);
  it->next = start;
  it->stop = stop;
  it->step = step;
  it->consumed = 0;
  return Value::object(it);
}

struct CompressIter : NativeIter {
  Value data, selectors;
};

bool compress_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CompressIter*>(base);
  Value d, s;
  while (iter_next(it->data, d) && iter_next(it->selectors, s))
    if (truthy(s)) {
      out = d;
      return true;
    }
  return false;
}

Value construct_compress(Value, const Args& a) {
  Value p[2];
  bind_args(a, "compress", {"data", "selectors"}, 2, p);
  auto* it = new_native_iter<CompressIter>(compress_type, compress_step);
  it->data = get_iter(p[0]);
  it->selectors = get_iter(p[1]);
  return Value::object(it);
}

struct PairwiseIter : NativeIter {
  Value source, last; // last empty before the first item
};

bool pairwise_step(NativeIter* base, Value& out) {
  auto* it = static_cast<PairwiseIter*>(base);
  if (it->source.is_empty()) return false;
  if (it->last.is_empty() && !iter_next(it->source, it->last)) {
    it->source = Value::empty();
    return false;
  }
  Value next;
  if (!iter_next(it->source, next)) {
    it->source = Value::empty();
    return false;
  }
  Value items[2] = {it->last, next};
  out = pack_tuple(items);
  it->last = next;
  return true;
}

Value construct_pairwise(Value, const Args& a) {
  no_kwargs(a, "pairwise");
  check_expected(a, "pairwise", 1, 1);
  auto* it = new_native_iter<PairwiseIter>(pairwise_type, pairwise_step);
  it->source = get_iter(a[0]);
  return Value::object(it);
}

// ---- takewhile / dropwhile / filterfalse / starmap -------------------------------------

struct PredIter : NativeIter {
  Value fn, source;
  bool flag; // takewhile: stopped; dropwhile: dropping done
};

bool takewhile_step(NativeIter* base, Value& out) {
  auto* it = static_cast<PredIter*>(base);
  if (it->flag) return false;
  Value x;
  if (!iter_next(it->source, x)) return false;
  if (truthy(call1(it->fn, x))) {
    out = x;
    return true;
  }
  it->flag = true;
  return false;
}

bool dropwhile_step(NativeIter* base, Value& out) {
  auto* it = static_cast<PredIter*>(base);
  Value x;
  while (iter_next(it->source, x)) {
    if (!it->flag && truthy(call1(it->fn, x))) continue;
    it->flag = true;
    out = x;
    return true;
  }
  return false;
}

bool filterfalse_step(NativeIter* base, Value& out) {
  auto* it = static_cast<PredIter*>(base);
  Value x;
  while (iter_next(it->source, x)) {
    bool keep = it->fn.is_none() ? !truthy(x) : !truthy(call1(it->fn, x));
    if (keep) {
      out = x;
      return true;
    }
  }
  return false;
}

bool starmap_step(NativeIter* base, Value& out) {
  auto* it = static_cast<PredIter*>(base);
  Value x;
  if (!iter_next(it->source, x)) return false;
  Tuple* args = tuple_from_iterable(x);
  out = call(it->fn, Args{args->items, static_cast<uint32_t>(args->size)});
  return true;
}

template <Type* T, bool (*Step)(NativeIter*, Value&)>
Value construct_pred(Value, const Args& a) {
  no_kwargs(a, T->name);
  check_expected(a, T->name, 2, 2);
  auto* it = new_native_iter<PredIter>(*T, Step);
  it->fn = a[0];
  it->source = get_iter(a[1]);
  it->flag = false;
  return Value::object(it);
}

// ---- accumulate ------------------------------------------------------------------------

struct AccumulateIter : NativeIter {
  Value source, fn, total, initial; // total empty before the first item
};

bool accumulate_step(NativeIter* base, Value& out) {
  auto* it = static_cast<AccumulateIter*>(base);
  if (!it->initial.is_empty()) {
    it->total = it->initial;
    it->initial = Value::empty();
    out = it->total;
    return true;
  }
  Value x;
  if (!iter_next(it->source, x)) return false;
  if (it->total.is_empty()) it->total = x;
  else if (it->fn.is_none() || it->fn.is_empty()) it->total = binary_op(BinOp::Add, it->total, x);
  else it->total = call2(it->fn, it->total, x);
  out = it->total;
  return true;
}

Value construct_accumulate(Value, const Args& a) {
  Value p[3];
  bind_args(a, "accumulate", {"iterable", "func", "initial"}, 1, p, 0, 2);
  auto* it = new_native_iter<AccumulateIter>(accumulate_type, accumulate_step);
  it->source = get_iter(p[0]);
  it->fn = p[1].is_empty() ? Value::none() : p[1];
  it->initial = p[2].is_none() ? Value::empty() : p[2];
  return Value::object(it);
}

// ---- zip_longest -----------------------------------------------------------------------

struct ZipLongestIter : NativeIter {
  GcVector<Value> its; // empty Value for an exhausted source
  size_t active;
  Value fill;
};

bool zip_longest_step(NativeIter* base, Value& out) {
  auto* it = static_cast<ZipLongestIter*>(base);
  if (it->its.empty() || it->active == 0) return false;
  Tuple* t = new_tuple(it->its.size());
  for (size_t i = 0; i < it->its.size(); ++i) {
    Value v = it->fill;
    if (!it->its[i].is_empty() && !iter_next(it->its[i], v)) {
      it->its[i] = Value::empty();
      v = it->fill;
      if (--it->active == 0) return false;
    }
    t->items[i] = v;
  }
  out = Value::object(t);
  return true;
}

Value construct_zip_longest(Value, const Args& a) {
  Value fill = Value::none();
  for (uint32_t k = 0; k < a.nkw; ++k) {
    if (a.kwnames[k].as<Str>()->view() != "fillvalue")
      raise_type_error("zip_longest() got an unexpected keyword argument");
    fill = a.kwvals[k];
  }
  auto* it = new_native_iter<ZipLongestIter>(zip_longest_type, zip_longest_step);
  for (Value v : a.positional()) it->its.push_back(get_iter(v));
  it->active = it->its.size();
  it->fill = fill;
  return Value::object(it);
}

// ---- combinatorics ---------------------------------------------------------------------

// State shared by product, permutations, combinations and combinations_with_replacement:
// index vectors over pools, as CPython.
struct CombIter : NativeIter {
  GcVector<Value> pool;     // product: all pools concatenated
  GcVector<size_t> bounds;  // product: pool sizes per position
  GcVector<size_t> indices;
  GcVector<size_t> cycles;  // permutations
  size_t r;
  bool first, done;
};

Tuple* tuple_at(CombIter* it, const GcVector<size_t>& offsets) {
  Tuple* t = new_tuple(it->r);
  for (size_t i = 0; i < it->r; ++i) t->items[i] = it->pool[offsets[i]];
  return t;
}

bool product_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CombIter*>(base);
  if (it->done) return false;
  auto& idx = it->indices;
  auto& sizes = it->bounds;
  size_t n = sizes.size();
  if (!it->first) {
    size_t i = n;
    while (i > 0) {
      --i;
      if (++idx[i] < sizes[i]) break;
      idx[i] = 0;
      if (i == 0) {
        it->done = true;
        return false;
      }
    }
    if (n == 0) {
      it->done = true;
      return false;
    }
  }
  it->first = false;
  Tuple* t = new_tuple(n);
  size_t offset = 0;
  for (size_t i = 0; i < n; ++i) {
    t->items[i] = it->pool[offset + idx[i]];
    offset += sizes[i];
  }
  out = Value::object(t);
  return true;
}

CombIter* new_comb(Type& t, bool (*step)(NativeIter*, Value&), Value iterable) {
  auto* it = new_native_iter<CombIter>(t, step);
  List* l = list_from_iterable(iterable);
  it->pool.assign(l->items.begin(), l->items.end());
  it->first = true;
  it->done = false;
  return it;
}

Value construct_product(Value, const Args& a) {
  int64_t repeat = 1;
  for (uint32_t k = 0; k < a.nkw; ++k) {
    if (a.kwnames[k].as<Str>()->view() != "repeat")
      raise_fmt(types::type_error, "product() got an unexpected keyword argument '{}'",
                a.kwnames[k].as<Str>()->view());
    repeat = arg_index(a.kwvals[k]);
  }
  if (repeat < 0) raise_value_error("repeat argument cannot be negative");
  auto* it = new_comb(product_type, product_step, Value::object(new_list()));
  GcVector<List*> pools;
  for (Value v : a.positional()) pools.push_back(list_from_iterable(v));
  for (int64_t r = 0; r < repeat; ++r)
    for (List* l : pools) {
      it->pool.insert(it->pool.end(), l->items.begin(), l->items.end());
      it->bounds.push_back(l->items.size());
    }
  it->indices.assign(it->bounds.size(), 0);
  for (size_t s : it->bounds)
    if (s == 0) it->done = true;
  return Value::object(it);
}

bool combinations_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CombIter*>(base);
  if (it->done) return false;
  auto& idx = it->indices;
  size_t n = it->pool.size(), r = it->r;
  if (!it->first) {
    size_t i = r;
    while (true) {
      if (i == 0) {
        it->done = true;
        return false;
      }
      --i;
      if (idx[i] != i + n - r) break;
    }
    ++idx[i];
    for (size_t j = i + 1; j < r; ++j) idx[j] = idx[j - 1] + 1;
  }
  it->first = false;
  out = Value::object(tuple_at(it, idx));
  return true;
}

bool cwr_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CombIter*>(base);
  if (it->done) return false;
  auto& idx = it->indices;
  size_t n = it->pool.size(), r = it->r;
  if (!it->first) {
    size_t i = r;
    while (true) {
      if (i == 0) {
        it->done = true;
        return false;
      }
      --i;
      if (idx[i] != n - 1) break;
    }
    size_t v = idx[i] + 1;
    for (size_t j = i; j < r; ++j) idx[j] = v;
  }
  it->first = false;
  out = Value::object(tuple_at(it, idx));
  return true;
}

bool permutations_step(NativeIter* base, Value& out) {
  auto* it = static_cast<CombIter*>(base);
  if (it->done) return false;
  auto& idx = it->indices;
  auto& cyc = it->cycles;
  size_t n = it->pool.size(), r = it->r;
  if (!it->first) {
    if (n == 0) {
      it->done = true;
      return false;
    }
    size_t i = r;
    while (true) {
      if (i == 0) {
        it->done = true;
        return false;
      }
      --i;
      if (--cyc[i] == 0) {
        size_t first = idx[i];
        for (size_t j = i; j + 1 < n; ++j) idx[j] = idx[j + 1];
        idx[n - 1] = first;
        cyc[i] = n - i;
      } else {
        size_t j = cyc[i];
        std::swap(idx[i], idx[n - j]);
        break;
      }
    }
  }
  it->first = false;
  out = Value::object(tuple_at(it, idx));
  return true;
}

int64_t r_arg(Value v) {
  if (!is_integer(v)) raise_fmt(types::type_error, "Expected int as r");
  int64_t r = arg_index(v);
  if (r < 0) raise_value_error("r must be non-negative");
  return r;
}

Value construct_combinations(Value, const Args& a) {
  Value p[2];
  bind_args(a, "combinations", {"iterable", "r"}, 2, p);
  int64_t r = r_arg(p[1]);
  auto* it = new_comb(combinations_type, combinations_step, p[0]);
  it->r = static_cast<size_t>(r);
  if (it->r > it->pool.size()) it->done = true;
  for (size_t i = 0; i < it->r; ++i) it->indices.push_back(i);
  return Value::object(it);
}

Value construct_cwr(Value, const Args& a) {
  Value p[2];
  bind_args(a, "combinations_with_replacement", {"iterable", "r"}, 2, p);
  int64_t r = r_arg(p[1]);
  auto* it = new_comb(cwr_type, cwr_step, p[0]);
  it->r = static_cast<size_t>(r);
  if (it->pool.empty() && it->r > 0) it->done = true;
  it->indices.assign(it->r, 0);
  return Value::object(it);
}

Value construct_permutations(Value, const Args& a) {
  Value p[2];
  bind_args(a, "permutations", {"iterable", "r"}, 1, p);
  auto* it = new_comb(permutations_type, permutations_step, p[0]);
  size_t n = it->pool.size();
  it->r = p[1].is_empty() || p[1].is_none() ? n : static_cast<size_t>(r_arg(p[1]));
  if (it->r > n) it->done = true;
  for (size_t i = 0; i < n; ++i) it->indices.push_back(i);
  for (size_t i = 0; i < it->r; ++i) it->cycles.push_back(n - i);
  return Value::object(it);
}

// ---- groupby ---------------------------------------------------------------------------

struct GroupbyIter : NativeIter {
  Value source, keyfn;
  Value tgtkey, currkey, currvalue; // empty when unset
  Value current_grouper;
};

struct GrouperIter : NativeIter {
  Value parent; // GroupbyIter
  Value tgtkey;
};

// Advances the groupby source by one item; false at the end.
bool groupby_advance(GroupbyIter* g) {
  Value v;
  if (g->source.is_empty() || !iter_next(g->source, v)) {
    g->source = Value::empty();
    return false;
  }
  g->currvalue = v;
  g->currkey = g->keyfn.is_none() ? v : call1(g->keyfn, v);
  return true;
}

bool grouper_step(NativeIter* base, Value& out) {
  auto* it = static_cast<GrouperIter*>(base);
  auto* g = it->parent.as<GroupbyIter>();
  if (g->current_grouper != Value::object(it)) return false;
  if (g->currvalue.is_empty() && !groupby_advance(g)) return false;
  if (!equals(it->tgtkey, g->currkey)) return false;
  out = g->currvalue;
  g->currvalue = Value::empty();
  return true;
}

bool groupby_step(NativeIter* base, Value& out) {
  auto* g = static_cast<GroupbyIter*>(base);
  g->current_grouper = Value::empty();
  // Skip to the next key.
  while (true) {
    if (g->currkey.is_empty() || g->currvalue.is_empty()) {
      if (!groupby_advance(g)) return false;
    }
    if (g->tgtkey.is_empty() || !equals(g->tgtkey, g->currkey)) break;
    if (!groupby_advance(g)) return false;
  }
  g->tgtkey = g->currkey;
  auto* grouper = new_native_iter<GrouperIter>(grouper_type, grouper_step);
  grouper->parent = Value::object(g);
  grouper->tgtkey = g->tgtkey;
  g->current_grouper = Value::object(grouper);
  Value items[2] = {g->currkey, Value::object(grouper)};
  out = pack_tuple(items);
  return true;
}

Value construct_groupby(Value, const Args& a) {
  Value p[2];
  bind_args(a, "groupby", {"iterable", "key"}, 1, p);
  auto* g = new_native_iter<GroupbyIter>(groupby_type, groupby_step);
  g->source = get_iter(p[0]);
  g->keyfn = p[1].is_empty() ? Value::none() : p[1];
  return Value::object(g);
}

// ---- tee -------------------------------------------------------------------------------

// tee's shared buffer: items read from the source, and how many each copy consumed.
struct TeeData : Object {
  Value source;
  GcVector<Value> items;
  size_t base; // index of items[0] in the stream
};

struct TeeIter : NativeIter {
  TeeData* data;
  size_t pos; // stream index of this copy's next item
};

bool tee_step(NativeIter* b, Value& out) {
  auto* it = static_cast<TeeIter*>(b);
  TeeData* d = it->data;
  size_t i = it->pos - d->base;
  if (i >= d->items.size()) {
    Value v;
    if (d->source.is_empty() || !iter_next(d->source, v)) {
      d->source = Value::empty();
      return false;
    }
    d->items.push_back(v);
  }
  out = d->items[it->pos - d->base];
  ++it->pos;
  return true;
}

Value new_tee(TeeData* d, size_t pos) {
  auto* it = new_native_iter<TeeIter>(tee_type, tee_step);
  it->data = d;
  it->pos = pos;
  return Value::object(it);
}

Value tee_copy(Value self, const Args&) {
  auto* it = self.as<TeeIter>();
  return new_tee(it->data, it->pos);
}

Value f_tee(Value, const Args& a) {
  no_kwargs(a, "tee");
  check_expected(a, "tee", 1, 2);
  int64_t n = a.npos > 1 ? arg_index(a[1]) : 2;
  if (n < 0) raise_value_error("n must be >= 0");
  Tuple* t = new_tuple(static_cast<size_t>(n));
  if (n == 0) return Value::object(t);
  Value src = a[0];
  if (type_of(src) == &tee_type) {
    auto* it = src.as<TeeIter>();
    t->items[0] = src;
    for (int64_t i = 1; i < n; ++i) t->items[i] = new_tee(it->data, it->pos);
    return Value::object(t);
  }
  auto* d = gc::make<TeeData>();
  d->type = &types::object;
  d->source = get_iter(src);
  d->base = 0;
  for (int64_t i = 0; i < n; ++i) t->items[i] = new_tee(d, 0);
  return Value::object(t);
}

void init_types() {
  struct Def {
    Type* type;
    const char* name;
    NativeFn construct;
  };
  const Def kTypes[] = {
      {&count_type, "count", construct_count},
      {&repeat_type, "repeat", construct_repeat},
      {&chain_type, "chain", construct_chain},
      {&islice_type, "islice", construct_islice},
      {&product_type, "product", construct_product},
      {&permutations_type, "permutations", construct_permutations},
      {&combinations_type, "combinations", construct_combinations},
      {&cwr_type, "combinations_with_replacement", construct_cwr},
      {&accumulate_type, "accumulate", construct_accumulate},
      {&zip_longest_type, "zip_longest", construct_zip_longest},
      {&takewhile_type, "takewhile", construct_pred<&takewhile_type, takewhile_step>},
      {&dropwhile_type, "dropwhile", construct_pred<&dropwhile_type, dropwhile_step>},
      {&filterfalse_type, "filterfalse", construct_pred<&filterfalse_type, filterfalse_step>},
      {&starmap_type, "starmap", construct_pred<&starmap_type, starmap_step>},
      {&groupby_type, "groupby", construct_groupby},
      {&grouper_type, "_grouper", nullptr},
      {&cycle_type, "cycle", construct_cycle},
      {&compress_type, "compress", construct_compress},
      {&tee_type, "_tee", nullptr},
      {&pairwise_type, "pairwise", construct_pairwise},
  };
  for (const Def& d : kTypes) {
    init_native_iter_type(*d.type, d.name, "itertools");
    d.type->is_builtin = false; // repr as <itertools.name object at ...>; __repr__ where defined
    d.type->construct = d.construct;
  }
  add_method(count_type, "__repr__", method<&count_type, count_repr>);
  add_method(repeat_type, "__repr__", method<&repeat_type, repeat_repr>);
  add_method(repeat_type, "__length_hint__", method<&repeat_type, repeat_len_hint>);
  add_method(tee_type, "__copy__", method<&tee_type, tee_copy>);
  add_attr(chain_type, "from_iterable", new_native("from_iterable", chain_from_iterable));
}

} // namespace

Module* make_itertools_module() {
  Module* m = new_module("itertools");
  if (!count_type.name[0]) init_types();
  for (Type* t : {&count_type, &repeat_type, &chain_type, &islice_type, &product_type, &permutations_type,
                  &combinations_type, &cwr_type, &accumulate_type, &zip_longest_type, &takewhile_type,
                  &dropwhile_type, &filterfalse_type, &starmap_type, &groupby_type, &cycle_type, &compress_type,
                  &pairwise_type})
    add_value(m, t->name, Value::object(t));
  add_function(m, "tee", f_tee);
  return m;
}

} // namespace tributary::lib
