// atexit_module.cpp — `atexit`: functions run, last registered first, when
// the main program ends (also after an uncaught exception's traceback), as
// CPython's. An exception in one is reported as "Exception ignored in atexit
// callback" and the others still run.
#include "lib/builtins.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/ops.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// Entries (func, args, keyword names, keyword values), tuples; a static
// pointer, so a GC root.
List* callbacks = nullptr;

List* registry() {
  if (!callbacks) callbacks = new_list();
  return callbacks;
}

Value ae_register(Value, const Args& a) {
  if (a.npos == 0) raise_type_error("register() takes at least 1 argument (0 given)");
  if (!is_callable_value(a[0])) raise_type_error("the first argument must be callable");
  Value entry[4] = {a[0], Value::object(new_tuple(a.positional().subspan(1))),
                    Value::object(new_tuple(std::span<const Value>(a.kwnames, a.nkw))),
                    Value::object(new_tuple(std::span<const Value>(a.kwvals, a.nkw)))};
  list_append(registry(), Value::object(new_tuple(entry)));
  return a[0];
}

Value ae_unregister(Value, const Args& a) {
  check_one(a, "unregister");
  auto& items = registry()->items;
  for (size_t i = items.size(); i-- > 0;)
    if (equals(items[i].as<Tuple>()->items[0], a[0])) items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
  return Value::none();
}

Value ae_run(Value, const Args&) {
  run_atexit_callbacks();
  return Value::none();
}

Value ae_clear(Value, const Args&) {
  registry()->items.clear();
  return Value::none();
}

Value ae_ncallbacks(Value, const Args&) { return Value::small_int(static_cast<int64_t>(registry()->items.size())); }

} // namespace

void run_atexit_callbacks() {
  auto& items = registry()->items;
  while (!items.empty()) {
    Tuple* e = items.back().as<Tuple>();
    items.pop_back();
    Value fn = e->items[0];
    Tuple *args = e->items[1].as<Tuple>(), *kwnames = e->items[2].as<Tuple>(), *kwvals = e->items[3].as<Tuple>();
    try {
      call(fn, Args{args->items, static_cast<uint32_t>(args->size), kwnames->items, kwvals->items,
                    static_cast<uint32_t>(kwnames->size)});
    } catch (PyException& ex) {
      flush_std_streams();
      Value sys = dict_get(vm::state().modules, Value::object(intern("sys")));
      stream_write(get_attr(sys, intern("stderr")),
                   "Exception ignored in atexit callback: " + repr_string(fn) + "\n" + format_traceback(ex.exc));
    }
  }
}

Module* make_atexit_module() {
  Module* m = new_module("atexit");
  add_function(m, "register", ae_register);
  add_function(m, "unregister", ae_unregister);
  add_function(m, "_run_exitfuncs", ae_run);
  add_function(m, "_clear", ae_clear);
  add_function(m, "_ncallbacks", ae_ncallbacks);
  return m;
}

} // namespace tributary::lib
