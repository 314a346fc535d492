// gc_module.cpp — `gc` over the Boehm collector: collect, enable/disable,
// the thresholds and counts CPython reports (the collector has no
// generations; the values are CPython's defaults), the debug flags, and
// garbage/callbacks lists. Object enumeration (get_objects, get_referrers,
// get_referents) raises NotImplementedError: a conservative collector
// cannot list an object's references.
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

int64_t g_threshold[3] = {700, 10, 10};

Value gc_collect(Value, const Args& a) {
  Value p[1];
  bind_args(a, "collect", {"generation"}, 0, p);
  if (!p[0].is_empty()) {
    int64_t g = arg_index(p[0]);
    if (g < 0 || g > 2) raise_value_error("invalid generation");
  }
  gc::collect();
  return Value::small_int(0); // (unreachable objects are not counted)
}

Value gc_enable(Value, const Args& a) {
  check_none(a, "gc.enable");
  gc::set_enabled(true);
  return Value::none();
}

Value gc_disable(Value, const Args& a) {
  check_none(a, "gc.disable");
  gc::set_enabled(false);
  return Value::none();
}

Value gc_isenabled(Value, const Args& a) {
  check_none(a, "gc.isenabled");
  return Value::boolean(gc::enabled());
}

Value triple(int64_t a, int64_t b, int64_t c) {
  Value v[3] = {make_int(a), make_int(b), make_int(c)};
  return Value::object(new_tuple(v));
}

Value gc_get_threshold(Value, const Args& a) {
  check_none(a, "gc.get_threshold");
  return triple(g_threshold[0], g_threshold[1], g_threshold[2]);
}

Value gc_set_threshold(Value, const Args& a) {
  check_takes(a, "set_threshold", 1, 3);
  no_kwargs(a, "set_threshold");
  for (size_t i = 0; i < a.npos; ++i)
    g_threshold[i] = arg_index(a[i]);
  return Value::none();
}

Value gc_get_count(Value, const Args& a) {
  check_none(a, "gc.get_count");
  return triple(0, 0, 0);
}

Value gc_is_tracked(Value, const Args& a) {
  check_one(a, "gc.is_tracked");
  // CPython tracks containers and instances, not atoms such as ints and strs.
  Value v = a[0];
  return Value::boolean(v.is_object() && !is_str(v) && !is_int(v) && !is_kind(v, Kind::Bytes));
}

Value gc_unsupported(Value, const Args&) {
  raise(types::not_implemented_error, "a conservative collector cannot enumerate objects or references");
}

Value gc_noop(Value, const Args&) { return Value::none(); }

Value gc_get_debug(Value, const Args& a) {
  check_none(a, "gc.get_debug");
  return Value::small_int(0);
}

Value gc_freeze_count(Value, const Args& a) {
  check_none(a, "gc.get_freeze_count");
  return Value::small_int(0);
}

} // namespace

Module* make_gc_module() {
  Module* m = new_module("gc");
  static const MethodDef kFunctions[] = {
      {"collect", gc_collect},
      {"enable", gc_enable},
      {"disable", gc_disable},
      {"isenabled", gc_isenabled},
      {"get_threshold", gc_get_threshold},
      {"set_threshold", gc_set_threshold},
      {"get_count", gc_get_count},
      {"is_tracked", gc_is_tracked},
      {"is_finalized", [](Value, const Args&) { return Value::boolean(false); }},
      {"get_objects", gc_unsupported},
      {"get_referrers", gc_unsupported},
      {"get_referents", gc_unsupported},
      {"set_debug", gc_noop},
      {"get_debug", gc_get_debug},
      {"freeze", gc_noop},
      {"unfreeze", gc_noop},
      {"get_freeze_count", gc_freeze_count},
  };
  for (const MethodDef& d : kFunctions)
    add_function(m, d.name, d.fn);
  add_value(m, "garbage", Value::object(new_list()));
  add_value(m, "callbacks", Value::object(new_list()));
  static constexpr struct {
    const char* name;
    int value;
  } kFlags[] = {{"DEBUG_STATS", 1},
                {"DEBUG_COLLECTABLE", 2},
                {"DEBUG_UNCOLLECTABLE", 4},
                {"DEBUG_SAVEALL", 32},
                {"DEBUG_LEAK", 38}};
  for (const auto& f : kFlags)
    add_value(m, f.name, Value::small_int(f.value));
  return m;
}

} // namespace tributary::lib
