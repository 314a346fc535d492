// functools_module.cpp — the `functools` module: reduce, partial, lru_cache,
// cache, wraps/update_wrapper and cmp_to_key.
//
// partial and the lru_cache wrapper are callable library objects (a native
// `__call__`); partial flattens nested partials and prints as CPython's
// `functools.partial(<function f at 0x...>, 1, a=2)`. lru_cache keys on the
// positional arguments plus the keyword names and values (as CPython's
// _make_key), evicts the least recently used entry when bounded and reports
// cache_info() as CacheInfo(hits=, misses=, maxsize=, currsize=).
// Limits: the wrappers do not bind as methods (no __get__). What is not
// native here (total_ordering, singledispatch, cached_property,
// partialmethod, ...) comes from CPython's functools.py, run once as a
// hidden module on first use through this module's __getattr__ (PEP 562).
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "vm/interp.h"

#include <fstream>
#include <sstream>

namespace tributary::lib {

namespace {

Type partial_type, lru_wrapper_type, cmp_key_type;

// ---- reduce ------------------------------------------------------------------------------

Value f_reduce(Value, const Args& a) {
  no_kwargs(a, "reduce");
  check_expected(a, "reduce", 2, 3);
  Value it = get_iter(a[1]);
  Value acc = a.npos == 3 ? a[2] : Value::empty();
  Value x;
  while (iter_next(it, x)) acc = acc.is_empty() ? x : call2(a[0], acc, x);
  if (acc.is_empty()) raise_type_error("reduce() of empty iterable with no initial value");
  return acc;
}

// ---- partial -----------------------------------------------------------------------------

struct Partial : Object {
  Value fn;
  Tuple* args;
  Dict* kw;
};

Partial* P(Value v) { return v.as<Partial>(); }

Value construct_partial(Value cls, const Args& a) {
  if (a.npos == 0) raise_type_error("type 'partial' takes at least one argument");
  Value fn = a[0];
  if (!is_callable_value(fn)) raise_type_error("the first argument must be callable");
  GcVector<Value> args;
  Dict* kw = new_dict();
  if (type_of(fn) == &partial_type) { // flatten partial(partial(f, 1), 2)
    Partial* inner = P(fn);
    args.assign(inner->args->items, inner->args->items + inner->args->size);
    dict_update(kw, Value::object(inner->kw));
    fn = inner->fn;
  }
  args.insert(args.end(), a.pos + 1, a.pos + a.npos);
  dict_update_kwargs(kw, a);
  auto* p = gc::make<Partial>();
  p->type = cls.as<Type>();
  p->fn = fn;
  p->args = new_tuple(std::span<const Value>(args));
  p->kw = kw;
  return Value::object(p);
}

// partial.__reduce__/__setstate__ (copy, pickle): (type(self), (func,),
// (func, args, keywords or None, None)), as CPython's partial_reduce.
Value partial_reduce(Value self, const Args&) {
  Partial* p = P(self);
  Value fn = p->fn;
  Value state[4] = {fn, Value::object(p->args), p->kw->used ? Value::object(dict_copy(p->kw)) : Value::none(),
                    Value::none()};
  Value parts[3] = {Value::object(type_of(self)), Value::object(new_tuple(std::span<const Value>(&fn, 1))),
                    Value::object(new_tuple(state))};
  return Value::object(new_tuple(parts));
}

Value partial_setstate(Value self, const Args& a) {
  check_one(a, "__setstate__");
  Value s = a[0];
  if (!is_tuple(s) || s.as<Tuple>()->size != 4) raise_type_error("argument to __setstate__ must be a tuple");
  Tuple* t = s.as<Tuple>();
  if (!is_callable_value(t->items[0]) || !is_tuple(t->items[1]) || !(t->items[2].is_none() || is_dict(t->items[2])))
    raise_type_error("invalid partial state");
  Partial* p = P(self);
  p->fn = t->items[0];
  p->args = t->items[1].as<Tuple>();
  p->kw = is_dict(t->items[2]) ? dict_copy(t->items[2].as<Dict>()) : new_dict();
  return Value::none();
}

Value partial_call(Value self, const Args& a) {
  Partial* p = P(self);
  GcVector<Value> pos(p->args->items, p->args->items + p->args->size);
  pos.insert(pos.end(), a.pos, a.pos + a.npos);
  Dict* kw = dict_copy(p->kw);
  dict_update_kwargs(kw, a);
  GcVector<Value> names, vals;
  size_t i = 0;
  Value k, v;
  while (dict_next(kw, i, k, v)) {
    names.push_back(k);
    vals.push_back(v);
  }
  Args call_args{pos.data(), static_cast<uint32_t>(pos.size()), names.data(), vals.data(),
                 static_cast<uint32_t>(names.size())};
  return call(p->fn, call_args);
}

Value partial_repr(Value self, const Args&) {
  Partial* p = P(self);
  std::string out = "functools.partial(" + repr_string(p->fn);
  for (Value v : p->args->span()) out += ", " + repr_string(v);
  size_t i = 0;
  Value k, v;
  while (dict_next(p->kw, i, k, v)) out += ", " + str_string(k) + "=" + repr_string(v);
  return str_value(out + ")");
}

Value partial_func(Value, const Args& a) { return P(a[0])->fn; }
Value partial_args(Value, const Args& a) { return Value::object(P(a[0])->args); }
Value partial_keywords(Value, const Args& a) { return Value::object(P(a[0])->kw); }

// ---- lru_cache ---------------------------------------------------------------------------

struct LruWrapper : Object {
  Value fn;
  Dict* cache;
  int64_t maxsize; // -1: unbounded
  bool typed;
  int64_t hits, misses;
  Dict* attrs; // __name__, __doc__, __wrapped__ ...
};

LruWrapper* L(Value v) { return v.as<LruWrapper>(); }

Value kwd_mark() {
  static Value mark = [] {
    auto* o = static_cast<Object*>(gc::alloc_root(sizeof(Object)));
    o->type = &types::object;
    return Value::object(o);
  }();
  return mark;
}

Value make_key(const Args& a, bool typed) {
  GcVector<Value> parts(a.pos, a.pos + a.npos);
  if (a.nkw) {
    parts.push_back(kwd_mark());
    for (uint32_t i = 0; i < a.nkw; ++i) {
      parts.push_back(a.kwnames[i]);
      parts.push_back(a.kwvals[i]);
    }
  }
  if (typed) {
    for (uint32_t i = 0; i < a.npos; ++i) parts.push_back(Value::object(type_of(a.pos[i])));
    for (uint32_t i = 0; i < a.nkw; ++i) parts.push_back(Value::object(type_of(a.kwvals[i])));
  }
  return Value::object(new_tuple(std::span<const Value>(parts)));
}

Value lru_call(Value self, const Args& a) {
  LruWrapper* w = L(self);
  if (w->maxsize == 0) {
    ++w->misses;
    return call(w->fn, a);
  }
  Value key = make_key(a, w->typed);
  int64_t h = hash_value(key);
  if (Value* v = dict_find(w->cache, key, h)) {
    ++w->hits;
    Value result = *v;
    if (w->maxsize > 0) { // move to the most recently used end
      dict_del(w->cache, key);
      dict_set(w->cache, key, h, result);
    }
    return result;
  }
  ++w->misses;
  Value result = call(w->fn, a);
  if (w->maxsize > 0 && static_cast<int64_t>(w->cache->used) >= w->maxsize) {
    size_t pos = 0;
    Value k, v;
    if (dict_next(w->cache, pos, k, v)) dict_del(w->cache, k);
  }
  dict_set(w->cache, key, h, result);
  return result;
}

Value lru_cache_info(Value self, const Args& a) {
  check_none(a, "cache_info");
  LruWrapper* w = L(self);
  // A CacheInfo namedtuple, built through collections.namedtuple.
  static Value cache_info_type = [] {
    Value args[2] = {str_value("CacheInfo"), str_value("hits misses maxsize currsize")};
    return namedtuple_function(Value::empty(), Args{args, 2});
  }(); // a static: Boehm scans the data segment, so the class stays alive
  Value vals[4] = {make_int(w->hits), make_int(w->misses), w->maxsize < 0 ? Value::none() : make_int(w->maxsize),
                   make_int(static_cast<int64_t>(w->cache->used))};
  return call(cache_info_type, Args{vals, 4});
}

Value lru_cache_clear(Value self, const Args& a) {
  check_none(a, "cache_clear");
  LruWrapper* w = L(self);
  dict_clear(w->cache);
  w->hits = w->misses = 0;
  return Value::none();
}

Value lru_repr(Value self, const Args&) {
  return str_value("<functools._lru_cache_wrapper object at " + fmt::format("{:#x}", self.bits()) + ">");
}

Value wrapper_attr_getter(Value name, const Args& a) {
  LruWrapper* w = L(a[0]);
  if (Value* v = dict_find(w->attrs, name)) return *v;
  return get_attr(w->fn, name.as<Str>());
}

Value make_wrapper(Value fn, int64_t maxsize, bool typed) {
  if (!is_callable_value(fn)) raise_type_error("the first argument must be callable");
  auto* w = gc::make<LruWrapper>();
  w->type = &lru_wrapper_type;
  w->fn = fn;
  w->cache = new_dict();
  w->maxsize = maxsize;
  w->typed = typed;
  w->attrs = new_dict();
  dict_set(w->attrs, Value::object(intern("__wrapped__")), fn);
  return Value::object(w);
}

// lru_cache(maxsize=128, typed=False) or lru_cache(user_function): the decorator.
Value lru_decorator(Value config, const Args& a) {
  check_one(a, "decorating_function");
  Tuple* c = config.as<Tuple>();
  return make_wrapper(a[0], c->items[0].is_none() ? -1 : c->items[0].as_small_int(), c->items[1].is_true());
}

Value f_lru_cache(Value, const Args& a) {
  Value p[2];
  bind_py_args(a, "lru_cache", {"maxsize", "typed"}, 0, p);
  Value maxsize = p[0].is_empty() ? Value::small_int(128) : p[0];
  bool typed = !p[1].is_empty() && truthy(p[1]);
  if (is_callable_value(maxsize) && !is_integer(maxsize)) return make_wrapper(maxsize, 128, typed);
  int64_t m = -1;
  if (!maxsize.is_none()) {
    if (!is_integer(maxsize)) raise_type_error("Expected first argument to be an integer, a callable, or None");
    m = std::max<int64_t>(0, arg_index(maxsize));
  }
  Value cfg[2] = {m < 0 ? Value::none() : make_int(m), Value::boolean(typed)};
  return new_native("decorating_function", lru_decorator, Value::object(new_tuple(cfg)));
}

Value f_cache(Value, const Args& a) {
  check_one(a, "cache");
  return make_wrapper(a[0], -1, false);
}

// ---- wraps / update_wrapper --------------------------------------------------------------

constexpr const char* kAssigned[] = {"__module__", "__name__", "__qualname__", "__doc__"};

Value update_wrapper_impl(Value wrapper, Value wrapped) {
  for (const char* name : kAssigned) {
    Value v = get_attr_or_empty(wrapped, intern(name));
    if (v.is_empty()) continue;
    try {
      set_attr(wrapper, intern(name), v);
    } catch (const PyException&) {
    }
  }
  Value wd = get_attr_or_empty(wrapped, intern("__dict__"));
  Value rd = get_attr_or_empty(wrapper, intern("__dict__"));
  if (is_dict(wd) && is_dict(rd) && wd != rd) dict_update(rd.as<Dict>(), wd);
  try {
    set_attr(wrapper, intern("__wrapped__"), wrapped);
  } catch (const PyException&) {
  }
  return wrapper;
}

Value f_update_wrapper(Value, const Args& a) {
  Value p[4];
  bind_py_args(a, "update_wrapper", {"wrapper", "wrapped", "assigned", "updated"}, 2, p);
  return update_wrapper_impl(p[0], p[1]);
}

Value wraps_apply(Value wrapped, const Args& a) {
  check_one(a, "update_wrapper");
  return update_wrapper_impl(a[0], wrapped);
}

Value f_wraps(Value, const Args& a) {
  Value p[3];
  bind_py_args(a, "wraps", {"wrapped", "assigned", "updated"}, 1, p);
  return new_native("update_wrapper", wraps_apply, p[0]);
}

// ---- cmp_to_key --------------------------------------------------------------------------

struct CmpKey : Object {
  Value cmp, obj;
};

Value cmp_key_compare(Value self, const Args& a, CmpOp op) {
  if (type_of(a[0]) != &cmp_key_type) return kNotImplemented;
  auto* x = self.as<CmpKey>();
  Value r = call2(x->cmp, x->obj, a[0].as<CmpKey>()->obj);
  return compare(op, r, Value::small_int(0));
}
Value ck_lt(Value self, const Args& a) { return cmp_key_compare(self, a, CmpOp::Lt); }
Value ck_le(Value self, const Args& a) { return cmp_key_compare(self, a, CmpOp::Le); }
Value ck_gt(Value self, const Args& a) { return cmp_key_compare(self, a, CmpOp::Gt); }
Value ck_ge(Value self, const Args& a) { return cmp_key_compare(self, a, CmpOp::Ge); }
Value ck_eq(Value self, const Args& a) { return cmp_key_compare(self, a, CmpOp::Eq); }

Value make_cmp_key(Value cmp, const Args& a) {
  check_one(a, "K");
  auto* k = gc::make<CmpKey>();
  k->type = &cmp_key_type;
  k->cmp = cmp;
  k->obj = a[0];
  return Value::object(k);
}

Value f_cmp_to_key(Value, const Args& a) {
  Value p[1];
  bind_args(a, "cmp_to_key", {"mycmp"}, 1, p);
  return new_native("K", make_cmp_key, p[0]);
}

Value property_of(const char* name, NativeFn get, Value bound = Value::empty()) {
  auto* p = gc::make<Property>();
  p->type = &types::property;
  p->fget = new_native(name, get, bound);
  p->fset = Value::none();
  p->fdel = Value::none();
  return Value::object(p);
}

void init_types() {
  init_type(partial_type, "partial", Kind::Object, &types::object);
  partial_type.module_name = Value::object(intern("functools"));
  partial_type.is_builtin = false;
  partial_type.construct = construct_partial;
  add_method(partial_type, "__call__", method<&partial_type, partial_call>);
  add_method(partial_type, "__repr__", method<&partial_type, partial_repr>);
  add_method(partial_type, "__reduce__", method<&partial_type, partial_reduce>);
  add_method(partial_type, "__setstate__", method<&partial_type, partial_setstate>);
  add_attr(partial_type, "func", property_of("func", partial_func));
  add_attr(partial_type, "args", property_of("args", partial_args));
  add_attr(partial_type, "keywords", property_of("keywords", partial_keywords));

  init_type(lru_wrapper_type, "_lru_cache_wrapper", Kind::Object, &types::object);
  lru_wrapper_type.module_name = Value::object(intern("functools"));
  lru_wrapper_type.is_builtin = false;
  add_method(lru_wrapper_type, "__call__", method<&lru_wrapper_type, lru_call>);
  add_method(lru_wrapper_type, "cache_info", method<&lru_wrapper_type, lru_cache_info>);
  add_method(lru_wrapper_type, "cache_clear", method<&lru_wrapper_type, lru_cache_clear>);
  add_method(lru_wrapper_type, "__repr__", method<&lru_wrapper_type, lru_repr>);
  for (const char* name : {"__wrapped__", "__name__", "__qualname__", "__doc__", "__module__"})
    add_attr(lru_wrapper_type, name, property_of(name, wrapper_attr_getter, Value::object(intern(name))));

  init_type(cmp_key_type, "functools.KeyWrapper", Kind::Object, &types::object);
  cmp_key_type.is_builtin = false;
  add_method(cmp_key_type, "__lt__", method<&cmp_key_type, ck_lt>);
  add_method(cmp_key_type, "__le__", method<&cmp_key_type, ck_le>);
  add_method(cmp_key_type, "__gt__", method<&cmp_key_type, ck_gt>);
  add_method(cmp_key_type, "__ge__", method<&cmp_key_type, ck_ge>);
  add_method(cmp_key_type, "__eq__", method<&cmp_key_type, ck_eq>);
  add_attr(cmp_key_type, "__hash__", Value::none());
}

Module* python_functools = nullptr; // CPython's functools.py, run on first use (a GC root)

// functools.__getattr__(name): the attribute of CPython's functools.py.
Value f_getattr(Value, const Args& a) {
  check_one(a, "__getattr__");
  if (!is_str(a[0])) raise_type_error("attribute name must be string");
  // Module metadata importlib probes (__spec__, __loader__, __path__, ...) is
  // not worth running functools.py for; of the dunders it defines only __all__.
  std::string_view name = a[0].as<Str>()->view();
  if (name.size() > 4 && name.starts_with("__") && name.ends_with("__") && name != "__all__")
    raise_fmt(types::attribute_error, "module 'functools' has no attribute '{}'", name);
  if (!python_functools) {
    Value dir = get_attr(Value::object(builtin_module("sys")), intern("_stdlib_dir"));
    std::string path = is_str(dir) ? str_string(dir) + "/functools.py" : std::string();
    std::ifstream in(path, std::ios::binary);
    if (path.empty() || !in)
      raise_fmt(types::attribute_error, "module 'functools' has no attribute '{}'", a[0].as<Str>()->view());
    std::stringstream source;
    source << in.rdbuf();
    Module* m = new_module("functools");
    dict_set(m->dict, Value::object(intern("__file__")), str_value(path));
    vm::exec_source(source.str(), path, m);
    python_functools = m;
  }
  Value* v = dict_find_str(python_functools->dict, a[0].as<Str>());
  if (!v) raise_fmt(types::attribute_error, "module 'functools' has no attribute '{}'", a[0].as<Str>()->view());
  return *v;
}

} // namespace

Module* make_functools_module() {
  Module* m = new_module("functools");
  if (!partial_type.name[0]) init_types();
  add_function(m, "reduce", f_reduce);
  add_value(m, "partial", Value::object(&partial_type));
  add_function(m, "lru_cache", f_lru_cache);
  add_function(m, "cache", f_cache);
  add_function(m, "wraps", f_wraps);
  add_function(m, "update_wrapper", f_update_wrapper);
  add_function(m, "cmp_to_key", f_cmp_to_key);
  add_function(m, "__getattr__", f_getattr);
  return m;
}

} // namespace tributary::lib
