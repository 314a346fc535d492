// sort.cpp — list.sort() and sorted(): a stable sort using only `<`.
//
// The values are never moved while comparisons run: an index permutation is
// sorted and applied at the end, so a comparison that raises (or a key
// function that raises) leaves the list exactly as it was, and every value
// stays reachable by the GC through `items` the whole time. reverse=True sorts
// with the reversed comparison, which keeps equal elements in their original
// order exactly like CPython's reverse-sort-reverse. Homogeneous small ints,
// floats and strs skip the generic comparison.
#include <algorithm>
#include <numeric>
#include <vector>

#include "lib/lib.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

enum class Homogeneous { Mixed, SmallInt, Float, Str };

Homogeneous classify(const GcVector<Value>& keys) {
  bool ints = true, floats = true, strs = true;
  for (Value v : keys) {
    ints = ints && v.is_small_int();
    floats = floats && v.is_double();
    strs = strs && is_str(v);
    if (!ints && !floats && !strs) return Homogeneous::Mixed;
  }
  return ints ? Homogeneous::SmallInt : floats ? Homogeneous::Float : Homogeneous::Str;
}

template <class Less> void sort_indices(std::vector<uint32_t>& idx, bool reverse, Less less) {
  if (reverse) std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) { return less(b, a); });
  else std::stable_sort(idx.begin(), idx.end(), less);
}

} // namespace

void sort_values(GcVector<Value>& items, Value key, bool reverse) {
  size_t n = items.size();
  if (n < 2) return;
  GcVector<Value> keys;
  if (key.is_none() || key.is_empty()) {
    keys = items;
  } else {
    keys.reserve(n);
    for (size_t i = 0; i < n; ++i) keys.push_back(call1(key, items[i]));
  }
  std::vector<uint32_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0u);
  const Value* k = keys.data();
  switch (classify(keys)) {
  case Homogeneous::SmallInt:
    sort_indices(idx, reverse, [k](uint32_t a, uint32_t b) { return k[a].as_small_int() < k[b].as_small_int(); });
    break;
  case Homogeneous::Float:
    sort_indices(idx, reverse, [k](uint32_t a, uint32_t b) { return k[a].as_double() < k[b].as_double(); });
    break;
  case Homogeneous::Str:
    sort_indices(idx, reverse,
                 [k](uint32_t a, uint32_t b) { return str_compare(k[a].as<Str>(), k[b].as<Str>()) < 0; });
    break;
  case Homogeneous::Mixed:
    sort_indices(idx, reverse, [k](uint32_t a, uint32_t b) { return compare_bool(CmpOp::Lt, k[a], k[b]); });
    break;
  }
  if (items.size() != n) raise(types::value_error, "list modified during sort");
  GcVector<Value> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = items[idx[i]];
  items.swap(out);
}

} // namespace tributary::lib
