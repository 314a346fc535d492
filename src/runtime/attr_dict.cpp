// attr_dict.cpp — an instance's __dict__: a live mapping of its attributes.
//
// Instances keep their attributes in slots under a shape (instance.h), so
// `obj.__dict__` is a dict (isinstance, json, iteration and reads are a
// dict's) of a subclass made once per instance and kept in a hidden slot of
// the instance (" __dict__", a name no attribute syntax reaches), so
// `obj.__dict__ is obj.__dict__`. The instance's slots stay the truth:
// - writes (item assignment, deletion, update(), pop(), popitem(),
//   setdefault(), clear()) go straight into the slots (no __setattr__, no
//   descriptors: CPython's __dict__ writes bypass them too), so copy, pickle,
//   functools.cached_property and `self.__dict__.update(kw)` work;
// - key reads (`d[k]`, `d.get(k)`, `k in d`) read the slots;
// - whole-dict reads through its methods (len, iteration, keys/values/items,
//   repr, ==, copy, |) first bring the dict's own storage up to date with the
//   slots (refresh: changed values set in place, so an iteration in progress
//   is not disturbed when nothing changed).
// dict(d), d2.update(d), {**d} and f(**d) go through keys() because the type
// overrides __iter__ (dict_merges_natively, CPython's rule).
// Limits: native code that reads the storage without a method call, and a
// keys()/items() view kept across attribute changes, see it as of the last
// method call; non-str keys live in the storage only; `obj.__dict__ = d`
// copies d's items into the instance (CPython keeps d itself). type(obj.__dict__) is this subclass,
// printed as 'dict'. The owner is kept in the dict's own attribute store
// under " owner".
// A class's __dict__ is a read-only copy of the same kind, a mappingproxy
// (also types.MappingProxyType), whose repr and type pprint tells from a dict's.
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary {

namespace {

Type attr_dict_type;

Str* owner_name() { return intern(" owner"); }

Dict* self_dict(Value self, const char* method) {
  if (!self.is_object() || self.as_object()->type != &attr_dict_type)
    raise_fmt(types::type_error, "descriptor '{}' requires an instance dict", method);
  return self.as<Dict>();
}

// The instance's slot store, or null when the dict outlived its purpose.
Instance* owner_store(Value self) {
  Instance* own = builtin_subclass_attr_store(self.as_object());
  Value owner = own ? instance_get_slot(own, owner_name()) : Value::empty();
  return owner.is_empty() ? nullptr : attr_store(owner.as_object());
}

Str* cached_name() { return intern(" __dict__"); }

// Whether slot `name` of `o` is one of its __dict__ entries (not the hidden
// cache, not a __slots__ member).
bool visible(Instance* o, Str* name) {
  return !(name->nbytes && name->data[0] == ' ') && !is_slot_member(o->type, name);
}

// The live value of str key `key` in the owner, or empty; `found_owner` says
// whether there is an owner at all (else the storage answers).
Value live_get(Value self, Value key, bool& found_owner) {
  Instance* o = owner_store(self);
  found_owner = o && is_str(key);
  if (!found_owner) return Value::empty();
  Str* name = key.as<Str>();
  Value v = instance_get_slot(o, name);
  return v.is_empty() || !visible(o, name) ? Value::empty() : v;
}

// Brings the dict's storage up to date with the owner's slots, changing
// nothing when they agree.
void refresh(Value self) {
  Instance* o = owner_store(self);
  if (!o) return;
  Dict* d = self.as<Dict>();
  GcVector<Value> stale;
  size_t pos = 0;
  Value k, v;
  while (dict_next(d, pos, k, v))
    if (is_str(k) && instance_get_slot(o, k.as<Str>()).is_empty()) stale.push_back(k);
  for (Value key : stale) dict_del(d, key);
  for (uint32_t i = 0; i < o->shape->size; ++i) {
    Str* name = o->shape->names[i];
    if (!visible(o, name)) continue;
    Value* cur = dict_find(d, Value::object(name));
    if (!cur || *cur != o->slots[i]) dict_set(d, Value::object(name), o->slots[i]);
  }
}

void store(Value self, Value key, Value v) {
  dict_set(self.as<Dict>(), key, v);
  if (Instance* o = owner_store(self); o && is_str(key)) instance_set_slot(o, intern(key.as<Str>()->view()), v);
}

void remove(Value self, Value key) {
  dict_del(self.as<Dict>(), key);
  if (Instance* o = owner_store(self); o && is_str(key)) instance_del_slot(o, intern(key.as<Str>()->view()));
}

Value ad_getitem(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__getitem__ expected 1 argument");
  self_dict(self, "__getitem__");
  bool live;
  Value v = live_get(self, a[0], live);
  if (!v.is_empty()) return v;
  if (!live)
    if (Value* s = dict_find(self.as<Dict>(), a[0])) return *s;
  raise(Value::object(new_exception(&types::key_error, std::span<const Value>(a.pos, 1))));
}

Value ad_get(Value self, const Args& a) {
  self_dict(self, "get");
  if (a.npos < 1 || a.npos > 2) raise_fmt(types::type_error, "get expected at least 1 argument, got {}", a.npos);
  bool live;
  Value v = live_get(self, a[0], live);
  if (!v.is_empty()) return v;
  if (!live)
    if (Value* s = dict_find(self.as<Dict>(), a[0])) return *s;
  return a.npos == 2 ? a[1] : Value::none();
}

Value ad_contains(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__contains__ expected 1 argument");
  self_dict(self, "__contains__");
  bool live;
  Value v = live_get(self, a[0], live);
  if (live) return Value::boolean(!v.is_empty());
  return Value::boolean(dict_find(self.as<Dict>(), a[0]) != nullptr);
}

// The dict's own method `Name`, run on the refreshed storage.
template <const char* Name> Value ad_refreshed(Value self, const Args& a) {
  self_dict(self, Name);
  refresh(self);
  GcVector<Value> args;
  args.push_back(self);
  for (uint32_t i = 0; i < a.npos; ++i) args.push_back(a[i]);
  Value m = type_lookup(&types::dict, intern(Name));
  ops_detail::BuiltinPath builtin(self);
  return call(m, Args{args.data(), static_cast<uint32_t>(args.size()), a.kwnames, a.kwvals, a.nkw});
}

// A plain dict equal to `v` now: a refreshed copy of an instance dict, else `v`.
Value plain(Value v) {
  if (!v.is_object() || v.as_object()->type != &attr_dict_type) return v;
  refresh(v);
  return Value::object(dict_copy(v.as<Dict>()));
}

// `==`, `!=`, `|`, repr and copy() on plain copies: both operands may be
// instance dicts (vars(a) == a.__dict__), and each would defer to the other.
Value ad_eq(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__eq__ expected 1 argument");
  self_dict(self, "__eq__");
  return compare(CmpOp::Eq, plain(self), plain(a[0]));
}
Value ad_ne(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__ne__ expected 1 argument");
  self_dict(self, "__ne__");
  return compare(CmpOp::Ne, plain(self), plain(a[0]));
}
Value ad_or(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__or__ expected 1 argument");
  self_dict(self, "__or__");
  return binary_op(BinOp::Or, plain(self), plain(a[0]));
}
Value ad_repr(Value self, const Args&) { return Value::object(repr(plain(self))); }
Value ad_copy(Value self, const Args& a) {
  self_dict(self, "copy");
  if (a.npos) raise(types::type_error, "copy() takes no arguments");
  return plain(self);
}

constexpr char kIter[] = "__iter__", kLen[] = "__len__", kKeys[] = "keys", kValues[] = "values", kItems[] = "items",
               kReversed[] = "__reversed__";

Value ad_setitem(Value self, const Args& a) {
  if (a.npos != 2) raise(types::type_error, "__setitem__ expected 2 arguments");
  self_dict(self, "__setitem__");
  store(self, a[0], a[1]);
  return Value::none();
}

Value ad_delitem(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__delitem__ expected 1 argument");
  Dict* d = self_dict(self, "__delitem__");
  refresh(self);
  if (!dict_find(d, a[0])) raise(Value::object(new_exception(&types::key_error, std::span<const Value>(a.pos, 1))));
  remove(self, a[0]);
  return Value::none();
}

// update([other], **kw): a mapping's keys, or an iterable of pairs, then the keywords.
Value ad_update(Value self, const Args& a) {
  self_dict(self, "update");
  if (a.npos > 1) raise_fmt(types::type_error, "update expected at most 1 argument, got {}", a.npos);
  if (a.npos == 1) {
    Value other = a[0];
    Value keys = get_attr_or_empty(other, intern("keys"));
    if (!keys.is_empty()) {
      Value it = get_iter(call0(keys)), k;
      while (iter_next(it, k)) store(self, k, get_item(other, k));
    } else {
      Value it = get_iter(other), pair;
      while (iter_next(it, pair)) {
        Value kv = get_iter(pair), k, v, extra;
        if (!iter_next(kv, k) || !iter_next(kv, v) || iter_next(kv, extra))
          raise(types::value_error, "dictionary update sequence element has wrong length");
        store(self, k, v);
      }
    }
  }
  for (uint32_t i = 0; i < a.nkw; ++i) store(self, a.kwnames[i], a.kwvals[i]);
  return Value::none();
}

Value ad_pop(Value self, const Args& a) {
  Dict* d = self_dict(self, "pop");
  refresh(self);
  if (a.npos < 1 || a.npos > 2) raise_fmt(types::type_error, "pop expected at least 1 argument, got {}", a.npos);
  Value* v = dict_find(d, a[0]);
  if (!v) {
    if (a.npos == 2) return a[1];
    raise(Value::object(new_exception(&types::key_error, std::span<const Value>(a.pos, 1))));
  }
  Value r = *v;
  remove(self, a[0]);
  return r;
}

Value ad_popitem(Value self, const Args& a) {
  Dict* d = self_dict(self, "popitem");
  refresh(self);
  if (a.npos) raise(types::type_error, "popitem() takes no arguments");
  Value last = Value::empty();
  Value it = get_iter(Value::object(d)), k;
  while (iter_next(it, k)) last = k;
  if (last.is_empty()) raise(types::key_error, "popitem(): dictionary is empty");
  Value pair[2] = {last, *dict_find(d, last)};
  remove(self, last);
  return Value::object(new_tuple(std::span<const Value>(pair, 2)));
}

Value ad_setdefault(Value self, const Args& a) {
  Dict* d = self_dict(self, "setdefault");
  refresh(self);
  if (a.npos < 1 || a.npos > 2) raise_fmt(types::type_error, "setdefault expected at least 1 argument, got {}", a.npos);
  if (Value* v = dict_find(d, a[0])) return *v;
  Value dflt = a.npos == 2 ? a[1] : Value::none();
  store(self, a[0], dflt);
  return dflt;
}

Value ad_clear(Value self, const Args& a) {
  Dict* d = self_dict(self, "clear");
  refresh(self);
  if (a.npos) raise(types::type_error, "clear() takes no arguments");
  Value keys = call1(Value::object(&types::list), Value::object(d));
  Value it = get_iter(keys), k;
  while (iter_next(it, k)) remove(self, k);
  return Value::none();
}

void init_attr_dict_type() {
  init_type(attr_dict_type, "dict", Kind::Dict, &types::dict);
  attr_dict_type.is_builtin = false; // its methods, not the dict's, handle item assignment
  attr_dict_type.builtin_subclass = true;
  add_method(attr_dict_type, "__setitem__", self_or_first<ad_setitem>);
  add_method(attr_dict_type, "__delitem__", self_or_first<ad_delitem>);
  add_method(attr_dict_type, "update", self_or_first<ad_update>);
  add_method(attr_dict_type, "pop", self_or_first<ad_pop>);
  add_method(attr_dict_type, "popitem", self_or_first<ad_popitem>);
  add_method(attr_dict_type, "setdefault", self_or_first<ad_setdefault>);
  add_method(attr_dict_type, "clear", self_or_first<ad_clear>);
  add_method(attr_dict_type, "__getitem__", self_or_first<ad_getitem>);
  add_method(attr_dict_type, "get", self_or_first<ad_get>);
  add_method(attr_dict_type, "__contains__", self_or_first<ad_contains>);
  add_method(attr_dict_type, kIter, self_or_first<ad_refreshed<kIter>>);
  add_method(attr_dict_type, kLen, self_or_first<ad_refreshed<kLen>>);
  add_method(attr_dict_type, "__repr__", self_or_first<ad_repr>);
  add_method(attr_dict_type, "__eq__", self_or_first<ad_eq>);
  add_method(attr_dict_type, "__ne__", self_or_first<ad_ne>);
  add_method(attr_dict_type, "__or__", self_or_first<ad_or>);
  add_method(attr_dict_type, "copy", self_or_first<ad_copy>);
  add_method(attr_dict_type, kKeys, self_or_first<ad_refreshed<kKeys>>);
  add_method(attr_dict_type, kValues, self_or_first<ad_refreshed<kValues>>);
  add_method(attr_dict_type, kItems, self_or_first<ad_refreshed<kItems>>);
  add_method(attr_dict_type, kReversed, self_or_first<ad_refreshed<kReversed>>);
}

// ---- mappingproxy: a class's __dict__, types.MappingProxyType ----------------------------

Type mappingproxy_type;

[[noreturn]] Value proxy_readonly(Value, const Args&) {
  raise(types::type_error, "'mappingproxy' object does not support item assignment");
}
[[noreturn]] Value proxy_no_delete(Value, const Args&) {
  raise(types::type_error, "'mappingproxy' object does not support item deletion");
}

Value proxy_repr(Value self, const Args&) {
  Value plain = Value::object(dict_copy(self.as<Dict>()));
  return Value::object(new_str("mappingproxy(" + std::string(repr(plain)->view()) + ")"));
}

Value proxy_copy(Value self, const Args&) { return Value::object(dict_copy(self.as<Dict>())); }

// str(proxy) is the mapping's own str, as CPython's.
Value proxy_str(Value self, const Args&) { return Value::object(repr(Value::object(dict_copy(self.as<Dict>())))); }

void init_mappingproxy_type();

// MappingProxyType(mapping): a read-only copy of the mapping (CPython's proxy
// is a live view of it).
Value construct_mappingproxy(Value, const Args& a) {
  if (a.npos != 1 || a.nkw) raise(types::type_error, "mappingproxy() takes exactly one argument");
  Value m = a[0];
  if (get_attr_or_empty(m, intern("keys")).is_empty() || is_list(m) || is_tuple(m))
    raise_fmt(types::type_error, "mappingproxy() argument must be a mapping, not {}", type_of(m)->name);
  Dict* d = new_dict();
  Value it = get_iter(call0(get_attr(m, intern("keys")))), k;
  while (iter_next(it, k)) dict_set(d, k, get_item(m, k));
  return new_builtin_subclass_instance(&mappingproxy_type, Value::object(d));
}

void init_mappingproxy_type() {
  init_type(mappingproxy_type, "mappingproxy", Kind::Dict, &types::dict);
  mappingproxy_type.is_builtin = false; // its methods, not the dict's, answer item assignment
  mappingproxy_type.builtin_subclass = true;
  mappingproxy_type.construct = construct_mappingproxy;
  add_method(mappingproxy_type, "__setitem__", proxy_readonly);
  add_method(mappingproxy_type, "__delitem__", proxy_no_delete);
  add_method(mappingproxy_type, "__repr__", self_or_first<proxy_repr>);
  add_method(mappingproxy_type, "__str__", self_or_first<proxy_str>);
  add_method(mappingproxy_type, "copy", self_or_first<proxy_copy>);
  for (const char* name : {"update", "pop", "popitem", "setdefault", "clear", "__ior__"})
    add_attr(mappingproxy_type, name, Value::none()); // (absent, as on CPython's proxy: calling None raises)
}

} // namespace

bool is_instance_dict(Value v) { return v.is_object() && v.as_object()->type == &attr_dict_type; }

void set_instance_dict(Value owner, Value d) {
  if (!is_dict(d)) raise_fmt(types::type_error, "__dict__ must be set to a dictionary, not a '{}'", type_of(d)->name);
  Instance* o = attr_store(owner.as_object());
  Dict* items = plain(d).as<Dict>();
  if (Value old = instance_get_slot(o, cached_name()); !old.is_empty()) {
    // The old __dict__ keeps the old attributes and stops being the instance's.
    refresh(old);
    instance_del_slot(builtin_subclass_attr_store(old.as_object()), owner_name());
    instance_del_slot(o, cached_name());
  }
  GcVector<Str*> old;
  for (uint32_t i = 0; i < o->shape->size; ++i)
    if (visible(o, o->shape->names[i])) old.push_back(o->shape->names[i]);
  for (Str* name : old) instance_del_slot(o, name);
  size_t pos = 0;
  Value k, v;
  while (dict_next(items, pos, k, v))
    if (is_str(k)) instance_set_slot(o, intern(k.as<Str>()->view()), v);
}

Value mapping_proxy(Dict* d) {
  if (!mappingproxy_type.dict) init_mappingproxy_type();
  return new_builtin_subclass_instance(&mappingproxy_type, Value::object(d));
}

Value instance_attr_dict(Value owner) {
  if (!attr_dict_type.dict) init_attr_dict_type();
  Instance* o = attr_store(owner.as_object());
  if (Value cached = instance_get_slot(o, cached_name()); !cached.is_empty()) return cached;
  Value d = new_builtin_subclass_instance(&attr_dict_type, Value::object(new_dict()));
  instance_set_slot(builtin_subclass_attr_store(d.as_object()), owner_name(), owner);
  refresh(d);
  instance_set_slot(o, cached_name(), d);
  return d;
}

} // namespace tributary
