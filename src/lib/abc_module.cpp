// abc_module.cpp — `_abc`, CPython's native core of abc.ABCMeta
// (Modules/_abc.c of 3.11): abc.py imports _abc_init, _abc_register,
// _abc_instancecheck, _abc_subclasscheck, _get_dump, _reset_registry,
// _reset_caches and get_cache_token from here (without them it fell back to
// _py_abc, whose WeakSets made `import os` and every ABC check slow).
//
// Each ABC's `_abc_impl` is an `_abc_data` holding its registry of virtual
// subclasses, its cache of classes known to be subclasses and its negative
// cache, and the cache token the negative cache was filled under. register()
// bumps the one token (get_cache_token()), which empties every negative cache
// at its next use; the positive caches stay valid.
//
// The algorithm of __subclasscheck__ is CPython's, in its order: the cache,
// the negative cache, __subclasshook__ (True/False cached; anything but
// NotImplemented an AssertionError), the MRO, the registry (recursively), then
// __subclasses__() (recursively).
//
// Limit: CPython's three sets hold weak references; these hold the classes,
// so a class registered with or checked against an ABC lives as long as the
// ABC (_get_dump gives weak references made when it is called).
//
// Pattern matching: __abc_tpflags__ in a class body (collections.abc's
// Sequence and Mapping) marks the class as a sequence or mapping for `match`,
// and register() passes the mark on to the registered class (not to builtin
// types, which CPython's immutable types also refuse).
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/match.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

struct AbcData : Object {
  Set* registry;
  Set* cache;
  Set* negative_cache;
  uint64_t negative_cache_version;
};

Type abc_data_type;
uint64_t g_invalidation_counter = 0; // the cache token

Value builtin_value(const char* name) { return dict_get(vm::state().builtins->dict, Value::object(intern(name))); }

bool is_subclass(Value cls, Value base) { return truthy(call2(builtin_value("issubclass"), cls, base)); }

// cls.<name>(arg), the method looked up as an attribute of the class.
Value call_method(Value cls, const char* name, Value arg) { return call1(get_attr(cls, intern(name)), arg); }

AbcData* get_impl(Value self) {
  Value impl = get_attr(self, intern("_abc_impl"));
  if (type_of(impl) != &abc_data_type) raise(types::type_error, "_abc_impl is set to a wrong type");
  return static_cast<AbcData*>(impl.as_object());
}

bool is_abstract(Value v) {
  if (v.is_empty()) return false;
  Value flag = get_attr_or_empty(v, intern("__isabstractmethod__"));
  return !flag.is_empty() && truthy(flag);
}

// cls.__abstractmethods__: the names of its own abstract attributes and of
// its bases' abstract methods it has not overridden.
void compute_abstract_methods(Value self) {
  Set* abstracts = new_set(&types::frozenset);
  Value ns = get_attr(self, intern("__dict__"));
  List* items = list_from_iterable(call0(get_attr(ns, intern("items"))));
  for (Value item : items->items) {
    Tuple* pair = tuple_from_iterable(item);
    if (pair->size != 2) raise(types::type_error, "items() returned item which is not a 2-tuple");
    if (is_abstract(pair->items[1])) set_add(abstracts, pair->items[0]);
  }
  Value bases = get_attr(self, intern("__bases__"));
  if (!is_kind(bases, Kind::Tuple)) raise(types::type_error, "__bases__ is not tuple");
  for (Value base : bases.as<Tuple>()->span()) {
    Value base_abstracts = get_attr_or_empty(base, intern("__abstractmethods__"));
    if (base_abstracts.is_empty()) continue;
    Value it = get_iter(base_abstracts);
    for (Value name; iter_next(it, name);) {
      if (!is_str(name)) raise_fmt(types::type_error, "attribute name must be string, not '{}'", tname(name));
      if (is_abstract(get_attr_or_empty(self, name.as<Str>()))) set_add(abstracts, name);
    }
  }
  set_attr(self, intern("__abstractmethods__"), Value::object(abstracts));
}

// _abc_init(cls): computes __abstractmethods__ and gives cls its _abc_impl.
Value abc_init(Value, const Args& a) {
  check_one(a, "_abc_init");
  Value self = a[0];
  compute_abstract_methods(self);
  auto* data = gc::make<AbcData>();
  data->type = &abc_data_type;
  data->registry = new_set();
  data->cache = new_set();
  data->negative_cache = new_set();
  data->negative_cache_version = g_invalidation_counter;
  set_attr(self, intern("_abc_impl"), Value::object(data));
  if (is_type(self)) {
    Type* cls = self.as<Type>();
    Value key = Value::object(intern("__abc_tpflags__"));
    if (Value flags = dict_get(cls->dict, key); !flags.is_empty()) {
      if (flags.is_small_int()) {
        constexpr int64_t kSequence = 1 << 5, kMapping = 1 << 6; // CPython's Py_TPFLAGS_*
        int64_t v = flags.as_small_int();
        if ((v & (kSequence | kMapping)) == (kSequence | kMapping))
          raise(types::type_error, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
        cls->abc_match_flags |= ((v & kSequence) ? kMatchSequence : 0) | ((v & kMapping) ? kMatchMapping : 0);
      }
      del_attr(self, intern("__abc_tpflags__"));
    }
  }
  return Value::none();
}

// CPython's set_collection_flag_recursive: the mark goes to `cls` and its
// subclasses, except builtin types and classes already a sequence or mapping.
void mark_collection(Type* cls, uint8_t flag) {
  if (cls->is_builtin || (match_flags(cls) & (kMatchSequence | kMatchMapping))) return;
  cls->abc_match_flags |= flag;
}

// _abc_register(cls, subclass): a virtual subclass.
Value abc_register(Value, const Args& a) {
  check_takes(a, "_abc_register", 2, 2);
  Value self = a[0], subclass = a[1];
  if (!is_type(subclass)) raise(types::type_error, "Can only register classes");
  if (is_subclass(subclass, self)) return subclass; // already a subclass
  // (Tested after that, so X.register(X) is a no-op.)
  if (is_subclass(self, subclass)) raise(types::runtime_error, "Refusing to create an inheritance cycle");
  set_add(get_impl(self)->registry, subclass);
  ++g_invalidation_counter; // every negative cache is now stale
  if (is_type(self))
    if (uint8_t flag = match_flags(self.as<Type>()) & (kMatchSequence | kMatchMapping))
      mark_collection(subclass.as<Type>(), flag);
  return subclass;
}

bool in_set(Set* s, Value cls) { return s->used != 0 && set_contains(s, cls); }

// _abc_instancecheck(cls, instance).
Value abc_instancecheck(Value, const Args& a) {
  check_takes(a, "_abc_instancecheck", 2, 2);
  Value self = a[0], instance = a[1];
  AbcData* impl = get_impl(self);
  Value subclass = get_attr(instance, intern("__class__"));
  if (in_set(impl->cache, subclass)) return Value::boolean(true);
  Value subtype = Value::object(type_of(instance));
  if (subtype == subclass) {
    if (impl->negative_cache_version == g_invalidation_counter && in_set(impl->negative_cache, subclass))
      return Value::boolean(false);
    return call_method(self, "__subclasscheck__", subclass);
  }
  Value result = call_method(self, "__subclasscheck__", subclass);
  if (truthy(result)) return result;
  return call_method(self, "__subclasscheck__", subtype);
}

// _abc_subclasscheck(cls, subclass).
Value abc_subclasscheck(Value, const Args& a) {
  check_takes(a, "_abc_subclasscheck", 2, 2);
  Value self = a[0], subclass = a[1];
  if (!is_type(subclass)) raise(types::type_error, "issubclass() arg 1 must be a class");
  AbcData* impl = get_impl(self);
  if (in_set(impl->cache, subclass)) return Value::boolean(true);
  if (impl->negative_cache_version < g_invalidation_counter) {
    set_clear(impl->negative_cache);
    impl->negative_cache_version = g_invalidation_counter;
  } else if (in_set(impl->negative_cache, subclass)) {
    return Value::boolean(false);
  }
  auto yes = [&] {
    set_add(impl->cache, subclass);
    return Value::boolean(true);
  };
  Value ok = call_method(self, "__subclasshook__", subclass);
  if (ok.is_bool()) {
    if (ok.is_true()) return yes();
    set_add(impl->negative_cache, subclass);
    return Value::boolean(false);
  }
  if (ok != kNotImplemented)
    raise(types::assertion_error, "__subclasshook__ must return either False, True, or NotImplemented");
  for (Value c : subclass.as<Type>()->mro->span())
    if (c == self) return yes();
  // The registry, recursively (a snapshot: a check may register more).
  std::vector<Value> registered;
  size_t pos = 0;
  for (Value c; set_next(impl->registry, pos, c);)
    registered.push_back(c);
  for (Value c : registered) {
    if (c == subclass) return yes();
    if (is_subclass(subclass, c)) return yes();
  }
  Value subclasses = call0(get_attr(self, intern("__subclasses__")));
  if (!is_kind(subclasses, Kind::List)) raise(types::type_error, "__subclasses__() must return a list");
  List* scls = list_from_iterable(subclasses); // (a copy: the checks may create classes)
  for (Value c : scls->items)
    if (is_subclass(subclass, c)) return yes();
  set_add(impl->negative_cache, subclass);
  return Value::boolean(false);
}

// A set of weak references to the classes in `s`.
Value weak_set(Set* s) {
  Value ref = get_attr(Value::object(builtin_module("_weakref")), intern("ref"));
  Set* out = new_set();
  size_t pos = 0;
  for (Value c; set_next(s, pos, c);)
    set_add(out, call1(ref, c));
  return Value::object(out);
}

// _get_dump(cls): (registry, cache, negative_cache, negative_cache_version), for abc's debugging helpers.
Value abc_get_dump(Value, const Args& a) {
  check_one(a, "_get_dump");
  AbcData* impl = get_impl(a[0]);
  Value parts[4] = {weak_set(impl->registry), weak_set(impl->cache), weak_set(impl->negative_cache),
                    make_int_u64(impl->negative_cache_version)};
  return Value::object(new_tuple(std::span<const Value>(parts, 4)));
}

Value abc_reset_registry(Value, const Args& a) {
  check_one(a, "_reset_registry");
  set_clear(get_impl(a[0])->registry);
  return Value::none();
}

Value abc_reset_caches(Value, const Args& a) {
  check_one(a, "_reset_caches");
  AbcData* impl = get_impl(a[0]);
  set_clear(impl->cache);
  set_clear(impl->negative_cache);
  return Value::none();
}

Value abc_get_cache_token(Value, const Args& a) {
  check_none(a, "get_cache_token");
  return make_int_u64(g_invalidation_counter);
}

} // namespace

Module* make_abc_module() {
  if (!abc_data_type.name[0]) {
    init_type(abc_data_type, "_abc_data", Kind::Object, &types::object);
    abc_data_type.module_name = Value::object(intern("_abc"));
  }
  Module* m = new_module("_abc");
  static const MethodDef kFunctions[] = {
      {"_abc_init", abc_init},
      {"_abc_register", abc_register},
      {"_abc_instancecheck", abc_instancecheck},
      {"_abc_subclasscheck", abc_subclasscheck},
      {"_get_dump", abc_get_dump},
      {"_reset_registry", abc_reset_registry},
      {"_reset_caches", abc_reset_caches},
      {"get_cache_token", abc_get_cache_token},
  };
  for (const MethodDef& f : kFunctions)
    add_function(m, f.name, f.fn);
  return m;
}

} // namespace tributary::lib
