// weakref_module.cpp — `_weakref`, what CPython's weakref.py, _weakrefset.py
// and _py_abc.py import: ref (ReferenceType), proxy (ProxyType,
// CallableProxyType), getweakrefcount, getweakrefs, _remove_dead_weakref.
//
// A ref holds its referent disguised (GC_HIDE_POINTER) and registers the word
// as a Boehm disappearing link: the collector clears it when the referent
// becomes unreachable, so ref() then gives None, as CPython's does after the
// last strong reference goes. Objects outside the collected heap (the static
// builtin types) never die and are held directly.
//
// Every ref and proxy is registered under its referent's address (by a
// disappearing link to the ref itself, so a ref that dies first is
// forgotten, as in CPython): getweakrefcount/getweakrefs read it, and ref(x)
// and proxy(x) without a callback share one object, as CPython's do.
//
// Callbacks: after a collection has run (GC_set_on_collection_event), the
// next safe point calls the callbacks of the registered refs whose referent
// is gone: gc.collect(), and any weakref operation (creating a ref or proxy,
// calling a ref, using a proxy). Python code cannot run inside the
// collector, and the interpreter loop has no periodic check, so a callback
// may run later than in CPython.
//
// Limits: the collector scans conservatively and runs when it runs, so a
// referent dies later than in CPython (not at its last `del`; a stale word on
// the stack may keep it alive for a while).
#include <gc/gc.h>

#include <unordered_map>
#include <utility>
#include <vector>

#include "lib/builtins.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

struct WeakRef : Object {
  GC_hidden_pointer hidden; // the referent, disguised; 0 once collected
  bool linked;              // `hidden` is a registered disappearing link
  Value strong;             // a referent outside the collected heap
  Value callback;
  int64_t hash;             // -1 until computed (kept after the referent dies)
};

Type ref_type;
Type proxy_type;          // weakref.ProxyType: a WeakRef whose uses forward to the referent
Type callable_proxy_type; // weakref.CallableProxyType

WeakRef* self_ref(Value v) {
  if (!is_subtype(type_of(v), &ref_type)) raise(types::type_error, "descriptor requires a 'weakref.ReferenceType' object");
  return v.as<WeakRef>();
}

Value referent(WeakRef* w) {
  if (!w->strong.is_empty()) return w->strong;
  if (w->hidden == 0) return Value::none();
  return Value::object(static_cast<Object*>(GC_REVEAL_POINTER(w->hidden)));
}

void link(WeakRef* w, Object* obj) {
  if (GC_base(obj) == obj) {
    w->hidden = GC_HIDE_POINTER(obj);
    w->linked = true;
    GC_general_register_disappearing_link(reinterpret_cast<void**>(&w->hidden), obj);
  } else {
    w->strong = Value::object(obj); // static: lives as long as the program
  }
}

// ---- the registry --------------------------------------------------------------------------

// Every ref and proxy, by the address of its referent, as a disappearing link
// to the ref itself (cleared when the ref dies first: then its callback is
// never called, as in CPython). The links live in uncollectable cells, the
// table in the C heap, so neither keeps a ref or a referent alive. A cell
// whose ref is gone, or whose ref's referent is gone (another object may
// since have the address), is dropped at the next sweep.
using Cell = GC_hidden_pointer;
std::unordered_map<uintptr_t, std::vector<Cell*>>& registry() {
  static auto* table = new std::unordered_map<uintptr_t, std::vector<Cell*>>;
  return *table;
}
volatile bool g_collected = false; // a collection ended since the last sweep

void on_collection_event(GC_EventType event) {
  if (event == GC_EVENT_END) g_collected = true;
}

WeakRef* ref_in(const Cell* c) { return *c == 0 ? nullptr : static_cast<WeakRef*>(GC_REVEAL_POINTER(*c)); }

void drop(Cell* c) {
  if (*c != 0) GC_unregister_disappearing_link(reinterpret_cast<void**>(c));
  gc::free_root(c);
}

void register_ref(WeakRef* w, Object* obj) {
  static bool hooked = false;
  if (!hooked) {
    GC_set_on_collection_event(on_collection_event);
    hooked = true;
  }
  auto* c = static_cast<Cell*>(gc::alloc_root(sizeof(Cell)));
  *c = GC_HIDE_POINTER(w);
  GC_general_register_disappearing_link(reinterpret_cast<void**>(c), w);
  registry()[reinterpret_cast<uintptr_t>(obj)].push_back(c);
}

// The live refs and proxies to `obj`, oldest first.
std::vector<WeakRef*> refs_to(Object* obj) {
  std::vector<WeakRef*> out;
  auto it = registry().find(reinterpret_cast<uintptr_t>(obj));
  if (it == registry().end()) return out;
  for (Cell* c : it->second)
    if (WeakRef* w = ref_in(c); w && referent(w) == Value::object(obj)) out.push_back(w);
  return out;
}

// Drops the cells of dead refs and dead referents; the refs of dead referents
// that still have a callback are added to `due`, newest first per referent
// (CPython's order).
void sweep(GcVector<Value>& due) {
  auto& table = registry();
  for (auto it = table.begin(); it != table.end();) {
    auto& cells = it->second;
    for (size_t i = cells.size(); i-- > 0;) {
      WeakRef* w = ref_in(cells[i]);
      if (w && !(w->linked && w->hidden == 0)) continue;
      if (w && !w->callback.is_empty()) due.push_back(Value::object(w));
      drop(cells[i]);
      cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(i));
    }
    it = cells.empty() ? table.erase(it) : std::next(it);
  }
}

} // namespace

void run_weakref_callbacks() {
  if (!g_collected) return;
  g_collected = false;
  GcVector<Value> due; // (all found first: a callback may create refs)
  sweep(due);
  for (Value r : due) {
    auto* w = r.as<WeakRef>();
    Value cb = w->callback;
    w->callback = Value::empty(); // (CPython clears it: __callback__ is then None)
    try {
      call1(cb, r);
    } catch (PyException& ex) {
      flush_std_streams();
      Value sys = dict_get(vm::state().modules, Value::object(intern("sys")));
      stream_write(get_attr(sys, intern("stderr")),
                   "Exception ignored in: " + repr_string(cb) + "\n" + format_traceback(ex.exc));
    }
  }
}

namespace {

// A subclass instance (weakref.WeakMethod, KeyedRef) is a copy: its own word
// becomes the link.
void relocate_ref(Object* from, Object* to) {
  auto* src = static_cast<WeakRef*>(from);
  auto* dst = static_cast<WeakRef*>(to);
  if (src->linked) {
    GC_unregister_disappearing_link(reinterpret_cast<void**>(&src->hidden));
    src->linked = false;
    if (dst->hidden != 0)
      GC_general_register_disappearing_link(reinterpret_cast<void**>(&dst->hidden), GC_REVEAL_POINTER(dst->hidden));
  }
}

// As in CPython, the builtin values without a weakref slot refuse (their
// subclasses accept).
[[noreturn]] void refuse_weak_reference(Value obj) {
  Type* t = type_of(obj);
  const bool proxy = t == &proxy_type || t == &callable_proxy_type; // (CPython's tp_name names its module)
  raise_fmt(types::type_error, "cannot create weak reference to '{}{}' object", proxy ? "weakref." : "", t->name);
}

bool weakly_referenceable(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  if (t == &proxy_type || t == &callable_proxy_type) return false;
  if (!t->is_builtin) return true;
  switch (t->kind) {
  case Kind::Int:
  case Kind::Str:
  case Kind::Tuple:
  case Kind::List:
  case Kind::Dict:
  case Kind::Bytes: return false;
  default: return true;
  }
}

Value construct_ref(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "ref() takes no keyword arguments");
  if (a.npos < 1) raise_fmt(types::type_error, "__new__ expected at least 1 argument, got {}", a.npos);
  if (a.npos > 2) raise_fmt(types::type_error, "__new__ expected at most 2 arguments, got {}", a.npos);
  Value obj = a[0];
  if (!weakly_referenceable(obj)) refuse_weak_reference(obj);
  auto* w = gc::make<WeakRef>();
  w->type = &ref_type;
  w->hash = -1;
  w->callback = a.npos == 2 && !a[1].is_none() ? a[1] : Value::empty();
  link(w, obj.as_object());
  return Value::object(w);
}

// A new ref (of a subclass: the copy new_builtin_subclass_instance made) goes
// into the registry.
Value registered(Value ref) {
  auto* w = ref.as<WeakRef>();
  run_weakref_callbacks();
  register_ref(w, referent(w).as_object());
  return ref;
}

// An existing ref or proxy of exactly type `t` without a callback to `obj`
// (CPython shares those), or empty.
Value shared_ref(Value obj, Type* t) {
  if (!obj.is_object()) return Value::empty();
  for (WeakRef* w : refs_to(obj.as_object()))
    if (w->type == t && w->callback.is_empty()) return Value::object(w);
  return Value::empty();
}

// ref(obj[, callback]) of exactly type ref.
Value new_ref(const Args& a) {
  if (a.npos >= 1 && a.npos <= 2 && !a.nkw && (a.npos == 1 || a[1].is_none()))
    if (Value shared = shared_ref(a[0], &ref_type); !shared.is_empty()) return shared;
  return registered(construct_ref(Value::empty(), a));
}

Value ref_call(Value self, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "weakref() takes no arguments");
  run_weakref_callbacks();
  return referent(self_ref(self));
}

Value ref_hash(Value self, const Args&) {
  WeakRef* w = self_ref(self);
  if (w->hash == -1) {
    Value r = referent(w);
    if (r.is_none()) raise(types::type_error, "weak object has gone away");
    w->hash = hash_value(r);
  }
  return make_int(w->hash);
}

Value ref_eq(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  if (!is_subtype(type_of(a[0]), &ref_type)) return kNotImplemented;
  WeakRef* x = self_ref(self);
  WeakRef* y = a[0].as<WeakRef>();
  Value rx = referent(x), ry = referent(y);
  if (rx.is_none() || ry.is_none()) return Value::boolean(x == y);
  return Value::boolean(equals(rx, ry));
}

Value ref_ne(Value self, const Args& a) {
  Value r = ref_eq(self, a);
  return r == kNotImplemented ? r : Value::boolean(!r.is_true());
}

Value ref_repr(Value self, const Args&) {
  WeakRef* w = self_ref(self);
  Value r = referent(w);
  if (r.is_none()) return str_value(fmt::format("<weakref at {}; dead>", static_cast<const void*>(w)));
  return str_value(fmt::format("<weakref at {}; to '{}' at {}>", static_cast<const void*>(w), type_of(r)->name,
                               static_cast<const void*>(r.as_object())));
}

Value ref_callback(Value, const Args& a) {
  WeakRef* w = self_ref(a[0]);
  return w->callback.is_empty() ? Value::none() : w->callback;
}

Value getweakrefcount(Value, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "getweakrefcount() takes exactly one argument");
  run_weakref_callbacks();
  return make_int(a[0].is_object() ? static_cast<int64_t>(refs_to(a[0].as_object()).size()) : 0);
}

Value getweakrefs(Value, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "getweakrefs() takes exactly one argument");
  run_weakref_callbacks();
  List* l = new_list();
  if (a[0].is_object())
    for (WeakRef* w : refs_to(a[0].as_object()))
      l->items.push_back(Value::object(w));
  return Value::object(l);
}

// ---- proxies ------------------------------------------------------------------------------

bool is_proxy(Value v) { return is_exact(v, proxy_type) || is_exact(v, callable_proxy_type); }

// The referent of proxy `v`; ReferenceError once it is gone.
Value proxy_target(Value v) {
  run_weakref_callbacks();
  Value r = referent(v.as<WeakRef>());
  if (r.is_none()) {
    Value cls = dict_get(vm::state().builtins->dict, Value::object(intern("ReferenceError")));
    raise(*cls.as<Type>(), "weakly-referenced object no longer exists");
  }
  return r;
}
Value unwrap(Value v) { return is_proxy(v) ? proxy_target(v) : v; }

Value construct_proxy(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "_weakref.proxy() takes no keyword arguments");
  if (a.npos < 1) raise_fmt(types::type_error, "proxy expected at least 1 argument, got {}", a.npos);
  if (a.npos > 2) raise_fmt(types::type_error, "proxy expected at most 2 arguments, got {}", a.npos);
  Value obj = a[0];
  if (!weakly_referenceable(obj)) refuse_weak_reference(obj);
  Type* t = is_callable_value(obj) ? &callable_proxy_type : &proxy_type;
  if (a.npos == 1 || a[1].is_none())
    if (Value shared = shared_ref(obj, t); !shared.is_empty()) return shared;
  auto* w = gc::make<WeakRef>();
  w->type = t;
  w->hash = -1;
  w->callback = a.npos == 2 && !a[1].is_none() ? a[1] : Value::empty();
  link(w, obj.as_object());
  return registered(Value::object(w));
}

Value proxy_getattro(Value obj, Str* name, bool must) {
  Value t = proxy_target(obj);
  return must ? get_attr(t, name) : get_attr_or_empty(t, name);
}

void proxy_setattro(Value obj, Str* name, Value v) {
  Value t = proxy_target(obj);
  if (v.is_empty())
    del_attr(t, name);
  else
    set_attr(t, name, v);
}

void expect_args(const Args& a, uint32_t n, const char* name) {
  if (a.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", name);
  if (a.npos != n) raise_fmt(types::type_error, "expected {} argument{}, got {}", n, n == 1 ? "" : "s", a.npos);
}

template <BinOp Op, bool kReflected> Value proxy_binary(Value self, const Args& a) {
  expect_args(a, 1, "operator");
  Value x = unwrap(self), y = unwrap(a[0]);
  return kReflected ? binary_op(Op, y, x) : binary_op(Op, x, y);
}
template <BinOp Op> Value proxy_inplace(Value self, const Args& a) {
  expect_args(a, 1, "operator");
  return inplace_op(Op, unwrap(self), unwrap(a[0]));
}
template <BinOp Op> void add_proxy_binary(Type& t) {
  add_method(t, binary_dunder_name(Op, DunderKind::Plain), self_or_first<proxy_binary<Op, false>>);
  add_method(t, binary_dunder_name(Op, DunderKind::Reflected), self_or_first<proxy_binary<Op, true>>);
  add_method(t, binary_dunder_name(Op, DunderKind::Inplace), self_or_first<proxy_inplace<Op>>);
}
template <size_t... I> void add_proxy_binaries(Type& t, std::index_sequence<I...>) {
  (add_proxy_binary<static_cast<BinOp>(I)>(t), ...);
}

template <CmpOp Op> Value proxy_compare(Value self, const Args& a) {
  expect_args(a, 1, "comparison");
  return compare(Op, unwrap(self), unwrap(a[0]));
}

// The builtin function `name` applied to the referent (abs, int, float, reversed, bytes...).
template <const char* Name> Value proxy_builtin(Value self, const Args& a) {
  expect_args(a, 0, Name);
  Value t = proxy_target(self);
  return call1(dict_get(vm::state().builtins->dict, Value::object(intern(Name))), t);
}
constexpr char kAbs[] = "abs", kInt[] = "int", kFloat[] = "float", kIndex[] = "__index__", kDivmod[] = "divmod";

Value proxy_neg(Value self, const Args& a) { return expect_args(a, 0, "__neg__"), negate(proxy_target(self)); }
Value proxy_pos(Value self, const Args& a) { return expect_args(a, 0, "__pos__"), positive(proxy_target(self)); }
Value proxy_invert(Value self, const Args& a) { return expect_args(a, 0, "__invert__"), invert(proxy_target(self)); }
// __bytes__, __reversed__: the referent's own method (AttributeError without
// one, as CPython's proxy_bytes and proxy_reversed).
template <const char* Name> Value proxy_method(Value self, const Args& a) {
  expect_args(a, 0, Name);
  return call0(get_attr(proxy_target(self), intern(Name)));
}
constexpr char kBytesMethod[] = "__bytes__", kReversedMethod[] = "__reversed__";
// divmod(p, x) and divmod(x, p) on the referent.
template <bool Reflected> Value proxy_divmod(Value self, const Args& a) {
  expect_args(a, 1, "__divmod__");
  Value x = unwrap(self), y = unwrap(a[0]);
  Value divmod = dict_get(vm::state().builtins->dict, Value::object(intern(kDivmod)));
  return Reflected ? call2(divmod, y, x) : call2(divmod, x, y);
}
Value proxy_index(Value self, const Args& a) {
  expect_args(a, 0, kIndex);
  return call0(get_attr(proxy_target(self), intern(kIndex)));
}
Value proxy_bool(Value self, const Args& a) {
  expect_args(a, 0, "__bool__");
  return Value::boolean(truthy(proxy_target(self)));
}
Value proxy_len(Value self, const Args& a) {
  expect_args(a, 0, "__len__");
  return make_int(length(proxy_target(self)));
}
Value proxy_getitem(Value self, const Args& a) {
  expect_args(a, 1, "__getitem__");
  return get_item(proxy_target(self), a[0]);
}
Value proxy_setitem(Value self, const Args& a) {
  expect_args(a, 2, "__setitem__");
  set_item(proxy_target(self), a[0], a[1]);
  return Value::none();
}
Value proxy_delitem(Value self, const Args& a) {
  expect_args(a, 1, "__delitem__");
  del_item(proxy_target(self), a[0]);
  return Value::none();
}
Value proxy_contains(Value self, const Args& a) {
  expect_args(a, 1, "__contains__");
  return Value::boolean(contains(proxy_target(self), a[0]));
}
Value proxy_iter(Value self, const Args& a) {
  expect_args(a, 0, "__iter__");
  return get_iter(proxy_target(self));
}
Value proxy_next(Value self, const Args& a) {
  expect_args(a, 0, "__next__");
  Value t = proxy_target(self);
  Type* tt = type_of(t);
  if (tt->kind != Kind::Iterator && tt->kind != Kind::Generator && type_lookup(tt, intern("__next__")).is_empty())
    raise_fmt(types::type_error, "Weakref proxy referenced a non-iterator '{}' object", tt->name);
  Value out;
  if (iter_next(t, out)) return out;
  raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>())));
}
Value proxy_str(Value self, const Args& a) {
  expect_args(a, 0, "__str__");
  return Value::object(to_str(proxy_target(self)));
}
Value proxy_repr(Value self, const Args& a) {
  expect_args(a, 0, "__repr__");
  Value r = referent(self.as<WeakRef>());
  return str_value(fmt::format("<weakproxy at {}; to '{}' at {}>", static_cast<const void*>(self.as_object()),
                               type_of(r)->name, r.is_object() ? static_cast<const void*>(r.as_object()) : nullptr));
}
Value proxy_hash(Value self, const Args&) {
  raise_fmt(types::type_error, "unhashable type: '{}'", type_of(self)->tp_name);
}
Value proxy_call(Value self, const Args& a) { return call(proxy_target(self), a); }

void init_proxy_type(Type& t, const char* name) {
  init_type(t, name, Kind::Object, &types::object);
  t.module_name = Value::object(intern("weakref"));
  t.getattro = proxy_getattro;
  t.setattro = proxy_setattro;
  add_proxy_binaries(t, std::make_index_sequence<static_cast<size_t>(BinOp::kCount)>());
  add_methods(t, {{"__lt__", self_or_first<proxy_compare<CmpOp::Lt>>},
                  {"__le__", self_or_first<proxy_compare<CmpOp::Le>>},
                  {"__eq__", self_or_first<proxy_compare<CmpOp::Eq>>},
                  {"__ne__", self_or_first<proxy_compare<CmpOp::Ne>>},
                  {"__gt__", self_or_first<proxy_compare<CmpOp::Gt>>},
                  {"__ge__", self_or_first<proxy_compare<CmpOp::Ge>>},
                  {"__neg__", self_or_first<proxy_neg>},
                  {"__pos__", self_or_first<proxy_pos>},
                  {"__invert__", self_or_first<proxy_invert>},
                  {"__abs__", self_or_first<proxy_builtin<kAbs>>},
                  {"__int__", self_or_first<proxy_builtin<kInt>>},
                  {"__float__", self_or_first<proxy_builtin<kFloat>>},
                  {"__index__", self_or_first<proxy_index>},
                  {"__bool__", self_or_first<proxy_bool>},
                  {"__len__", self_or_first<proxy_len>},
                  {"__getitem__", self_or_first<proxy_getitem>},
                  {"__setitem__", self_or_first<proxy_setitem>},
                  {"__delitem__", self_or_first<proxy_delitem>},
                  {"__contains__", self_or_first<proxy_contains>},
                  {"__iter__", self_or_first<proxy_iter>},
                  {"__next__", self_or_first<proxy_next>},
                  {"__divmod__", self_or_first<proxy_divmod<false>>},
                  {"__rdivmod__", self_or_first<proxy_divmod<true>>},
                  {"__str__", self_or_first<proxy_str>},
                  {"__repr__", self_or_first<proxy_repr>},
                  {"__hash__", self_or_first<proxy_hash>}});
  // (CPython's callable proxies have neither: bytes() and reversed() of one
  // take the __index__ and sequence paths.)
  if (&t == &proxy_type)
    add_methods(t, {{"__reversed__", self_or_first<proxy_method<kReversedMethod>>},
                    {"__bytes__", self_or_first<proxy_method<kBytesMethod>>}});
  t.is_builtin = false; // used through its special methods
  t.tp_name = &t == &proxy_type ? "weakref.ProxyType" : "weakref.CallableProxyType";
}

// _remove_dead_weakref(d, key): del d[key] if it is a dead ref.
Value remove_dead_weakref(Value, const Args& a) {
  if (a.npos != 2 || !is_dict(a[0])) raise(types::type_error, "_remove_dead_weakref(dict, key)");
  Dict* d = a[0].as<Dict>();
  if (Value* v = dict_find(d, a[1]); v && is_subtype(type_of(*v), &ref_type) && referent(v->as<WeakRef>()).is_none())
    dict_del(d, a[1]);
  return Value::none();
}

void init_ref_type() {
  if (ref_type.dict) return;
  init_type(ref_type, "ReferenceType", Kind::Object, &types::object);
  ref_type.module_name = Value::object(intern("weakref"));
  ref_type.construct = [](Value, const Args& a) { return new_ref(a); };
  ref_type.basic_size = sizeof(WeakRef);
  ref_type.relocate = relocate_ref;
  add_method(ref_type, "__call__", self_or_first<ref_call>);
  add_method(ref_type, "__hash__", self_or_first<ref_hash>);
  add_method(ref_type, "__eq__", self_or_first<ref_eq>);
  add_method(ref_type, "__ne__", self_or_first<ref_ne>);
  add_method(ref_type, "__repr__", self_or_first<ref_repr>);
  add_getter(ref_type, "__callback__", ref_callback);
  add_static_method(ref_type, "__new__", [](Value, const Args& a) -> Value {
    if (a.npos == 0 || !is_type(a[0])) raise(types::type_error, "ref.__new__(X): X is not a type object");
    Type* cls = a[0].as<Type>();
    Args rest{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
    if (cls == &ref_type) return new_ref(rest);
    return registered(new_builtin_subclass_instance(cls, construct_ref(Value::empty(), rest)));
  });
  add_method(ref_type, "__init__", [](Value, const Args&) { return Value::none(); });
  ref_type.is_builtin = false; // called, hashed and compared through its special methods
  init_proxy_type(proxy_type, "ProxyType");
  init_proxy_type(callable_proxy_type, "CallableProxyType");
  add_method(callable_proxy_type, "__call__", self_or_first<proxy_call>);
}

} // namespace

Module* make_weakref_module() {
  init_ref_type();
  Module* m = new_module("_weakref");
  add_value(m, "ref", Value::object(&ref_type));
  add_value(m, "ReferenceType", Value::object(&ref_type));
  add_value(m, "ProxyType", Value::object(&proxy_type));
  add_value(m, "CallableProxyType", Value::object(&callable_proxy_type));
  add_function(m, "getweakrefcount", getweakrefcount);
  add_function(m, "getweakrefs", getweakrefs);
  add_function(m, "proxy", construct_proxy);
  add_function(m, "_remove_dead_weakref", remove_dead_weakref);
  return m;
}

} // namespace tributary::lib
