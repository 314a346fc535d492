// thread_module.cpp — `_thread` for a program with one thread: what reprlib,
// threading, functools-style caches and the library's locks import.
//
// Locks and RLocks keep CPython's state and errors (releasing an unlocked
// lock raises RuntimeError, an RLock counts its acquisitions) and work as
// context managers. With one thread nothing can ever release a lock that is
// held, so a blocking acquire() of a held lock, which would hang CPython for
// ever, raises RuntimeError instead; a non-blocking or timed one returns
// False at once. start_new_thread() raises RuntimeError ("can't start new
// thread"); _local is a plain class (one thread has one set of attributes).
#include <sys/syscall.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type lock_type, rlock_type;

struct Lock : Object {
  bool locked;
  int64_t count; // RLock: acquisitions by the (only) owner
};

constexpr int64_t kMainThreadIdent = 1;

Lock* self_lock(Value v, Type* t) {
  if (type_of(v) != t) raise_fmt(types::type_error, "descriptor requires a '_thread.{}' object", t->name);
  return v.as<Lock>();
}

Value new_lock(Type* t) {
  auto* l = gc::make<Lock>();
  l->type = t;
  return Value::object(l);
}

// acquire(blocking=True, timeout=-1): whether the lock could be taken now.
bool may_acquire(Lock* l, const Args& a, const char* name) {
  Value p[2];
  bind_args(a, name, {"blocking", "timeout"}, 0, p);
  bool blocking = p[0].is_empty() || truthy(p[0]);
  double timeout = -1;
  if (!p[1].is_empty()) timeout = is_float(p[1]) ? float_value(p[1]) : int_to_double(p[1]);
  if (!blocking && timeout != -1) raise(types::value_error, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1) raise(types::value_error, "timeout value must be a non-negative number");
  if (!l->locked) return true;
  if (blocking && timeout == -1)
    raise(types::runtime_error, "deadlock: acquiring a held lock with no other thread to release it");
  return false;
}

Value lock_acquire(Value self, const Args& a) {
  Lock* l = self_lock(self, &lock_type);
  if (!may_acquire(l, a, "acquire")) return Value::boolean(false);
  l->locked = true;
  return Value::boolean(true);
}

Value lock_release(Value self, const Args&) {
  Lock* l = self_lock(self, &lock_type);
  if (!l->locked) raise(types::runtime_error, "release unlocked lock");
  l->locked = false;
  return Value::none();
}

Value lock_exit(Value self, const Args&) { return lock_release(self, Args{}); }

Value lock_locked(Value self, const Args&) { return Value::boolean(self_lock(self, &lock_type)->locked); }

Value lock_reinit(Value self, const Args&) {
  self_lock(self, &lock_type)->locked = false;
  return Value::none();
}

Value lock_repr(Value self, const Args&) {
  Lock* l = self_lock(self, &lock_type);
  return str_value(fmt::format("<{} _thread.lock object at {}>", l->locked ? "locked" : "unlocked",
                               static_cast<const void*>(l)));
}

Value rlock_acquire(Value self, const Args& a) {
  Lock* l = self_lock(self, &rlock_type);
  if (l->count == 0 && !may_acquire(l, a, "acquire")) return Value::boolean(false);
  l->locked = true;
  ++l->count;
  return Value::boolean(true);
}

Value rlock_release(Value self, const Args&) {
  Lock* l = self_lock(self, &rlock_type);
  if (l->count == 0) raise(types::runtime_error, "cannot release un-acquired lock");
  l->locked = --l->count > 0;
  return Value::none();
}

Value rlock_exit(Value self, const Args&) { return rlock_release(self, Args{}); }

Value rlock_is_owned(Value self, const Args&) { return Value::boolean(self_lock(self, &rlock_type)->count > 0); }

Value rlock_recursion_count(Value self, const Args&) { return make_int(self_lock(self, &rlock_type)->count); }

// _release_save(): releases completely, returning (count, owner) for _acquire_restore.
Value rlock_release_save(Value self, const Args&) {
  Lock* l = self_lock(self, &rlock_type);
  if (l->count == 0) raise(types::runtime_error, "cannot release un-acquired lock");
  Value state[2] = {make_int(l->count), make_int(kMainThreadIdent)};
  l->count = 0;
  l->locked = false;
  return Value::object(new_tuple(state));
}

Value rlock_acquire_restore(Value self, const Args& a) {
  Lock* l = self_lock(self, &rlock_type);
  check_one(a, "_acquire_restore");
  Tuple* state = is_tuple(a[0]) ? a[0].as<Tuple>() : nullptr;
  if (!state || state->size != 2) raise(types::type_error, "_acquire_restore() argument must be a (count, owner) tuple");
  l->count = arg_index(state->items[0]);
  l->locked = l->count > 0;
  return Value::none();
}

Value rlock_repr(Value self, const Args&) {
  Lock* l = self_lock(self, &rlock_type);
  return str_value(fmt::format("<{} _thread.RLock object owner={} count={} at {}>", l->locked ? "locked" : "unlocked",
                               l->locked ? kMainThreadIdent : 0, l->count, static_cast<const void*>(l)));
}

void init_lock_types() {
  init_type(lock_type, "lock", Kind::Object, &types::object);
  lock_type.module_name = Value::object(intern("_thread"));
  lock_type.construct = [](Value, const Args&) -> Value { return new_lock(&lock_type); };
  lock_type.is_builtin = false; // printed through its __repr__
  add_methods(lock_type, {{"acquire", self_or_first<lock_acquire>},
                          {"acquire_lock", self_or_first<lock_acquire>},
                          {"__enter__", self_or_first<lock_acquire>},
                          {"release", self_or_first<lock_release>},
                          {"release_lock", self_or_first<lock_release>},
                          {"__exit__", self_or_first<lock_exit>},
                          {"locked", self_or_first<lock_locked>},
                          {"locked_lock", self_or_first<lock_locked>},
                          {"_at_fork_reinit", self_or_first<lock_reinit>},
                          {"__repr__", self_or_first<lock_repr>}});
  init_type(rlock_type, "RLock", Kind::Object, &types::object);
  rlock_type.module_name = Value::object(intern("_thread"));
  rlock_type.construct = [](Value, const Args&) -> Value { return new_lock(&rlock_type); };
  rlock_type.is_builtin = false;
  add_methods(rlock_type, {{"acquire", self_or_first<rlock_acquire>},
                           {"__enter__", self_or_first<rlock_acquire>},
                           {"release", self_or_first<rlock_release>},
                           {"__exit__", self_or_first<rlock_exit>},
                           {"_is_owned", self_or_first<rlock_is_owned>},
                           {"_recursion_count", self_or_first<rlock_recursion_count>},
                           {"_release_save", self_or_first<rlock_release_save>},
                           {"_acquire_restore", self_or_first<rlock_acquire_restore>},
                           {"__repr__", self_or_first<rlock_repr>}});
}

Value allocate_lock(Value, const Args& a) {
  check_none(a, "allocate_lock");
  return new_lock(&lock_type);
}

Value get_ident(Value, const Args&) { return make_int(kMainThreadIdent); }

Value get_native_id(Value, const Args&) { return make_int(static_cast<int64_t>(syscall(SYS_gettid))); }

Value start_new_thread(Value, const Args&) { raise(types::runtime_error, "can't start new thread"); }

Value thread_count(Value, const Args&) { return Value::small_int(0); }

Value stack_size(Value, const Args& a) {
  check_takes(a, "stack_size", 0, 1);
  if (a.npos == 1 && arg_index(a[0]) != 0) raise(types::value_error, "setting stack size not supported");
  return Value::small_int(0);
}

Value thread_exit(Value, const Args&) { raise(Value::object(new_exception(&types::system_exit, std::span<const Value>()))); }

Value daemon_threads_allowed(Value, const Args&) { return Value::boolean(true); }

} // namespace

Module* make_thread_module() {
  if (!lock_type.name[0]) init_lock_types();
  Module* m = new_module("_thread");
  add_value(m, "LockType", Value::object(&lock_type));
  add_value(m, "lock", Value::object(&lock_type));
  add_value(m, "RLock", Value::object(&rlock_type));
  add_value(m, "error", Value::object(&types::runtime_error));
  add_value(m, "TIMEOUT_MAX", Value::from_double(9223372036.0)); // CPython's on Linux (PY_TIMEOUT_MAX in s)
  Type* local = make_class(intern("_local"), new_tuple(0), new_dict());
  local->module_name = Value::object(intern("_thread"));
  add_value(m, "_local", Value::object(local));
  static const MethodDef kFunctions[] = {
      {"allocate_lock", allocate_lock},   {"allocate", allocate_lock},
      {"_set_sentinel", allocate_lock},   {"get_ident", get_ident},
      {"get_native_id", get_native_id},   {"start_new_thread", start_new_thread},
      {"start_new", start_new_thread},    {"_count", thread_count},
      {"stack_size", stack_size},         {"exit", thread_exit},
      {"exit_thread", thread_exit},       {"daemon_threads_allowed", daemon_threads_allowed},
  };
  for (const MethodDef& f : kFunctions) add_function(m, f.name, f.fn);
  return m;
}

} // namespace tributary::lib
