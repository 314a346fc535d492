// attr_dict.cpp — an instance's __dict__: a dict of its attributes whose
// changes go back to the instance.
//
// Instances keep their attributes in slots under a shape (instance.h), so
// `obj.__dict__` is made on request from them. It is a dict (isinstance,
// json, iteration and reads are a dict's) of a subclass that writes each
// item assignment, deletion, update(), pop(), popitem(), setdefault() and
// clear() through to the instance, straight into its slots (no __setattr__,
// no descriptors: CPython's __dict__ writes bypass them too), so copy,
// pickle and `self.__dict__.update(kw)` work. The owner is kept in the dict's
// own attribute store under a name no attribute syntax can reach.
// Limit: it is a snapshot for reads: an attribute set on the instance after
// __dict__ was taken is not seen through that dict (CPython's is the same
// object); type(obj.__dict__) is this subclass, printed as 'dict'.
// A class's __dict__ is a read-only copy of the same kind, a mappingproxy
// (also types.MappingProxyType), whose repr and type pprint tells from a dict's.
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
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

void store(Value self, Value key, Value v) {
  dict_set(self.as<Dict>(), key, v);
  if (Instance* o = owner_store(self); o && is_str(key)) instance_set_slot(o, intern(key.as<Str>()->view()), v);
}

void remove(Value self, Value key) {
  dict_del(self.as<Dict>(), key);
  if (Instance* o = owner_store(self); o && is_str(key)) instance_del_slot(o, intern(key.as<Str>()->view()));
}

Value ad_setitem(Value self, const Args& a) {
  if (a.npos != 2) raise(types::type_error, "__setitem__ expected 2 arguments");
  self_dict(self, "__setitem__");
  store(self, a[0], a[1]);
  return Value::none();
}

Value ad_delitem(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__delitem__ expected 1 argument");
  Dict* d = self_dict(self, "__delitem__");
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
  if (a.npos < 1 || a.npos > 2) raise_fmt(types::type_error, "setdefault expected at least 1 argument, got {}", a.npos);
  if (Value* v = dict_find(d, a[0])) return *v;
  Value dflt = a.npos == 2 ? a[1] : Value::none();
  store(self, a[0], dflt);
  return dflt;
}

Value ad_clear(Value self, const Args& a) {
  Dict* d = self_dict(self, "clear");
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

Value mapping_proxy(Dict* d) {
  if (!mappingproxy_type.dict) init_mappingproxy_type();
  return new_builtin_subclass_instance(&mappingproxy_type, Value::object(d));
}

Value instance_attr_dict(Value owner, Dict* attrs) {
  if (!attr_dict_type.dict) init_attr_dict_type();
  Value d = new_builtin_subclass_instance(&attr_dict_type, Value::object(attrs));
  instance_set_slot(builtin_subclass_attr_store(d.as_object()), owner_name(), owner);
  return d;
}

} // namespace tributary
