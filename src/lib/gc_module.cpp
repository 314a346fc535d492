// gc_module.cpp — the `gc` module over Boehm GC.
//
// Tributary's collector is Boehm's mark-and-sweep over the whole heap, not a
// generational cycle collector beside reference counting, so:
// - collect() runs a full collection and returns 0: Boehm does not count the
//   objects it frees (CPython returns the number of unreachable objects);
//   gc.callbacks are called with ("start"/"stop", info) around it, and the
//   callbacks of weak references whose referent it freed after it.
// - disable() only records the state isenabled() reports: Boehm is the only
//   collector, and stopping it would let memory grow without bound (timeit
//   disables gc while it times).
// - thresholds and the debug flags are kept but change nothing.
// - get_objects/get_referrers/get_referents raise NotImplementedError: the
//   collector keeps no graph of references to walk.
// The module's state lives in one GcState object bound to its functions.
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

struct GcState : Object {
  bool enabled;
  int64_t threshold[3];
  int64_t debug;
  List* callbacks; // gc.callbacks: called as cb(phase, info)
};

Type gc_state_type;

GcState* state_of(Value self) { return self.as<GcState>(); }

// A C int argument: TypeError for a non-integer, OverflowError past int.
int64_t int_arg(Value v) {
  if (v.is_double()) raise(types::type_error, "'float' object cannot be interpreted as an integer");
  int64_t n = arg_index(v);
  if (n > INT32_MAX) raise(types::overflow_error, "signed integer is greater than maximum");
  if (n < INT32_MIN) raise(types::overflow_error, "signed integer is less than minimum");
  return n;
}

void run_callbacks(GcState* st, const char* phase, int64_t generation) {
  if (st->callbacks->items.empty()) return;
  Dict* info = new_dict();
  dict_set_str(info, "generation", make_int(generation));
  dict_set_str(info, "collected", Value::small_int(0));
  dict_set_str(info, "uncollectable", Value::small_int(0));
  Value args[2] = {str_value(phase), Value::object(info)};
  // A copy: a callback may change the list (CPython iterates a snapshot too).
  std::vector<Value> callbacks(st->callbacks->items.begin(), st->callbacks->items.end());
  for (Value cb : callbacks)
    call(cb, Args{args, 2});
}

Value gc_collect(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "collect", {"generation"}, 0, p);
  int64_t generation = p[0].is_empty() ? 2 : int_arg(p[0]);
  if (generation < 0 || generation > 2) raise(types::value_error, "invalid generation");
  GcState* st = state_of(self);
  run_callbacks(st, "start", generation);
  gc::collect();
  run_weakref_callbacks();
  run_callbacks(st, "stop", generation);
  return Value::small_int(0);
}

Value gc_enable(Value self, const Args& a) {
  check_none(a, "gc.enable");
  state_of(self)->enabled = true;
  return Value::none();
}

Value gc_disable(Value self, const Args& a) {
  check_none(a, "gc.disable");
  state_of(self)->enabled = false;
  return Value::none();
}

Value gc_isenabled(Value self, const Args& a) {
  check_none(a, "gc.isenabled");
  return Value::boolean(state_of(self)->enabled);
}

Value gc_get_threshold(Value self, const Args& a) {
  check_none(a, "gc.get_threshold");
  const int64_t* t = state_of(self)->threshold;
  Value items[3] = {make_int(t[0]), make_int(t[1]), make_int(t[2])};
  return Value::object(new_tuple(items));
}

Value gc_set_threshold(Value self, const Args& a) {
  check_takes(a, "set_threshold", 1, 3);
  for (uint32_t i = 0; i < a.npos; ++i)
    state_of(self)->threshold[i] = int_arg(a[i]);
  return Value::none();
}

Value gc_get_count(Value, const Args& a) {
  check_none(a, "gc.get_count");
  Value zeros[3] = {Value::small_int(0), Value::small_int(0), Value::small_int(0)};
  return Value::object(new_tuple(zeros));
}

Value gc_get_debug(Value self, const Args& a) {
  check_none(a, "gc.get_debug");
  return make_int(state_of(self)->debug);
}

Value gc_set_debug(Value self, const Args& a) {
  check_one(a, "gc.set_debug");
  state_of(self)->debug = int_arg(a[0]);
  return Value::none();
}

// freeze()/unfreeze(): nothing is moved to a permanent generation; none to count.
Value gc_freeze(Value, const Args& a) {
  check_none(a, "gc.freeze");
  return Value::none();
}
Value gc_unfreeze(Value, const Args& a) {
  check_none(a, "gc.unfreeze");
  return Value::none();
}
Value gc_get_freeze_count(Value, const Args& a) {
  check_none(a, "gc.get_freeze_count");
  return Value::small_int(0);
}

// is_tracked(obj): CPython's collector tracks containers, not atomic values
// (ints, floats, strings, bytes, None, booleans); everything else counts as
// tracked here (CPython also untracks tuples and dicts of atomic values
// lazily, which depends on its collections).
Value gc_is_tracked(Value, const Args& a) {
  check_one(a, "gc.is_tracked");
  Value v = a[0];
  const bool atomic = is_int(v) || v.is_double() || v.is_bool() || v.is_none() || is_str(v) || is_kind(v, Kind::Bytes);
  return Value::boolean(!atomic);
}

// is_finalized(obj): whether the collector ran obj's finalizer; Boehm runs
// none that Python sees.
Value gc_is_finalized(Value, const Args& a) {
  check_one(a, "gc.is_finalized");
  return Value::boolean(false);
}

[[noreturn]] void no_object_graph(const char* name) {
  raise_fmt(types::not_implemented_error,
            "gc.{}() is not supported: the collector (Boehm GC) keeps no graph of references", name);
}
Value gc_get_objects(Value, const Args&) { no_object_graph("get_objects"); }
Value gc_get_referrers(Value, const Args&) { no_object_graph("get_referrers"); }
Value gc_get_referents(Value, const Args&) { no_object_graph("get_referents"); }

} // namespace

Module* make_gc_module() {
  if (!gc_state_type.dict) init_type(gc_state_type, "gc_state", Kind::Object, &types::object);
  auto* st = gc::make<GcState>();
  st->type = &gc_state_type;
  st->enabled = true;
  st->threshold[0] = 700; // CPython's defaults
  st->threshold[1] = st->threshold[2] = 10;
  st->callbacks = new_list();
  Value self = Value::object(st);
  Module* m = new_module("gc");
  static const MethodDef kFunctions[] = {
      {"collect", gc_collect},
      {"enable", gc_enable},
      {"disable", gc_disable},
      {"isenabled", gc_isenabled},
      {"get_threshold", gc_get_threshold},
      {"set_threshold", gc_set_threshold},
      {"get_count", gc_get_count},
      {"get_debug", gc_get_debug},
      {"set_debug", gc_set_debug},
      {"freeze", gc_freeze},
      {"unfreeze", gc_unfreeze},
      {"get_freeze_count", gc_get_freeze_count},
      {"is_tracked", gc_is_tracked},
      {"is_finalized", gc_is_finalized},
      {"get_objects", gc_get_objects},
      {"get_referrers", gc_get_referrers},
      {"get_referents", gc_get_referents},
  };
  for (const MethodDef& d : kFunctions)
    add_value(m, d.name, new_native(d.name, d.fn, self));
  add_value(m, "garbage", Value::object(new_list()));
  add_value(m, "callbacks", Value::object(st->callbacks));
  add_value(m, "DEBUG_STATS", Value::small_int(1));
  add_value(m, "DEBUG_COLLECTABLE", Value::small_int(2));
  add_value(m, "DEBUG_UNCOLLECTABLE", Value::small_int(4));
  add_value(m, "DEBUG_SAVEALL", Value::small_int(32));
  add_value(m, "DEBUG_LEAK", Value::small_int(38));
  return m;
}

} // namespace tributary::lib
