// ops_attr.cpp — the attribute protocol: obj.name, obj.name = v, del obj.name, method lookup.
//
// Lookup order for an instance of a builtin type: the instance's own storage
// (module dict, exception attributes, function attributes...), then the type's
// MRO dicts, where a found attribute is bound (descriptor protocol):
//   NativeFunction with an owner -> a copy bound to `self` (method descriptor);
//   Python function -> BoundMethod; staticmethod -> its function;
//   classmethod -> BoundMethod on the type; property -> fget(obj).
// lookup_method() skips the binding allocation and tells the caller to pass
// self instead. User instances (Kind::Instance, hidden classes) and super()
// proxies are delegated to runtime/user_class.cpp.
#include <cstring>

#include "runtime/containers.h"
#include "runtime/gc.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary {

using ops_detail::is_user_type;

namespace {

Value new_bound_method(Value func, Value self) {
  auto* m = gc::make<BoundMethod>();
  m->type = &types::bound_method;
  m->func = func;
  m->self = self;
  return Value::object(m);
}

bool is_method_descriptor(Value v) {
  if (is_kind(v, Kind::NativeFunction)) {
    auto* f = v.as<NativeFunction>();
    return f->owner && f->self.is_empty();
  }
  return is_kind(v, Kind::Function);
}

// The descriptor protocol for an attribute found on type(obj).
Value bind(Value attr, Value obj, Str* name) {
  if (!attr.is_object()) return attr;
  switch (attr.as_object()->type->kind) {
  case Kind::NativeFunction: {
    auto* f = attr.as<NativeFunction>();
    if (!f->owner || !f->self.is_empty()) return attr;
    return new_native(f->name, f->fn, obj, f->owner);
  }
  case Kind::Function: return new_bound_method(attr, obj);
  case Kind::StaticMethod: return attr.as<StaticMethod>()->func;
  case Kind::ClassMethod: return new_bound_method(attr.as<StaticMethod>()->func, Value::object(type_of(obj)));
  case Kind::Property: {
    Value fget = attr.as<Property>()->fget;
    if (fget.is_empty() || fget.is_none())
      raise_fmt(types::attribute_error, "property '{}' of '{}' object has no getter", name->view(), type_of(obj)->name);
    return call1(fget, obj);
  }
  default:
    if (is_user_descriptor(attr)) { // a class with __get__
      Value args[3] = {attr, obj, Value::object(type_of(obj))};
      return call(type_lookup(type_of(attr), intern("__get__")), Args{args, 3});
    }
    return attr;
  }
}

// Attributes of a class object (`int.__name__`, `list.append`, `A.method`).
Value type_attr(Type* t, Str* name) {
  std::string_view n = name->view();
  if (n.size() > 4 && n.substr(0, 2) == "__") {
    if (n == "__name__") return Value::object(intern(t->name));
    if (n == "__qualname__") return t->qualname ? Value::object(t->qualname) : Value::object(intern(t->name));
    if (n == "__module__") return t->module_name.is_empty() ? Value::none() : t->module_name;
    if (n == "__mro__") return Value::object(t->mro);
    if (n == "__bases__") return Value::object(t->bases);
    if (n == "__base__") return t->base ? Value::object(t->base) : Value::none();
    // A snapshot, where CPython gives a read-only mappingproxy: a class's dict
    // changes only through setattr/delattr, which the lookup caches and the
    // JIT's guards watch (class_changed).
    if (n == "__dict__") return mapping_proxy(dict_copy(t->dict));
    if (n == "__class__") return Value::object(type_of(Value::object(t)));
    if (n == "__flags__") return make_int(type_flags(t));
  }
  Value v = type_lookup(t, name);
  if (!v.is_empty()) {
    if (is_kind(v, Kind::StaticMethod)) return v.as<StaticMethod>()->func;
    if (is_kind(v, Kind::ClassMethod)) return new_bound_method(v.as<StaticMethod>()->func, Value::object(t));
    if (is_user_descriptor(v)) { // __get__(None, cls)
      Value args[3] = {v, Value::none(), Value::object(t)};
      return call(type_lookup(type_of(v), intern("__get__")), Args{args, 3});
    }
    return v;
  }
  if (n == "__doc__") return Value::none();
  // inspect.signature(object) reads it (CPython derives it from the type's doc;
  // no other type here has one).
  if (n == "__text_signature__") return t == &types::object ? Value::object(intern("()")) : Value::none();
  // Attributes of the metaclass (type.mro, ...), bound to the class.
  Type* meta = type_of(Value::object(t));
  if (Value m = type_lookup(meta, name); !m.is_empty()) return bind(m, Value::object(t), name);
  return Value::empty();
}

// _PyObject_IsAbstract: a true __isabstractmethod__ (an empty `v` is not abstract).
bool is_abstract(Value v) {
  if (v.is_empty()) return false;
  Value flag = get_attr_or_empty(v, intern("__isabstractmethod__"));
  return !flag.is_empty() && truthy(flag);
}

// Attributes stored in the object itself (before the type's); empty when absent.
Value instance_attr(Value obj, Type* t, Str* name) {
  switch (t->kind) {
  case Kind::Module: {
    Module* m = obj.as<Module>();
    if (Value* v = dict_find_str(m->dict, name)) return *v;
    if (name->view() == "__dict__") return Value::object(m->dict);
    return Value::empty();
  }
  case Kind::Type: return type_attr(obj.as<Type>(), name);
  case Kind::Exception: return exception_get_attr(obj, name);
  case Kind::Function: return vm::function_get_attr(obj, name);
  case Kind::Code: return vm::code_get_attr(obj, name);
  case Kind::NativeFunction:
  case Kind::BoundMethod: return ops_detail::callable_get_attr(obj, name);
  case Kind::Slice: {
    Slice* s = obj.as<Slice>();
    std::string_view n = name->view();
    if (n == "start") return s->start;
    if (n == "stop") return s->stop;
    if (n == "step") return s->step;
    return Value::empty();
  }
  case Kind::Cell:
    if (name->view() == "cell_contents") {
      Value v = obj.as<Cell>()->value;
      if (v.is_empty()) raise_value_error("Cell is empty");
      return v;
    }
    return Value::empty();
  case Kind::StaticMethod:
  case Kind::ClassMethod:
    if (name->view() == "__func__") return obj.as<StaticMethod>()->func;
    if (name->view() == "__isabstractmethod__") return Value::boolean(is_abstract(obj.as<StaticMethod>()->func));
    return Value::empty();
  case Kind::Property: {
    Property* p = obj.as<Property>();
    std::string_view n = name->view();
    auto or_none = [](Value v) { return v.is_empty() ? Value::none() : v; };
    if (n == "fget") return or_none(p->fget);
    if (n == "fset") return or_none(p->fset);
    if (n == "fdel") return or_none(p->fdel);
    // (An abstract getter, setter or deleter makes the property abstract: abc.abstractmethod under @property.)
    if (n == "__isabstractmethod__") return Value::boolean(is_abstract(p->fget) || is_abstract(p->fset) || is_abstract(p->fdel));
    return Value::empty();
  }
  default: return Value::empty();
  }
}

[[noreturn]] void raise_no_attribute(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->kind == Kind::Module)
    raise_fmt(types::attribute_error, "module '{}' has no attribute '{}'", obj.as<Module>()->name->view(),
              name->view());
  if (t->kind == Kind::Type)
    raise_fmt(types::attribute_error, "type object '{}' has no attribute '{}'", obj.as<Type>()->name, name->view());
  raise_fmt(types::attribute_error, "'{}' object has no attribute '{}'", t->name, name->view());
}

} // namespace

Value ops_detail::bind_attr(Value attr, Value obj, Str* name) { return bind(attr, obj, name); }

namespace {

Value type_lookup_mro(Type* t, Str* name) {
  if (!t->mro) return t->dict ? dict_get(t->dict, Value::object(name)) : Value::empty();
  for (size_t i = 0; i < t->mro->size; ++i) {
    Type* b = t->mro->items[i].as<Type>();
    if (!b->dict) continue;
    if (Value* v = dict_find_str(b->dict, name)) return *v;
  }
  return Value::empty();
}

// CPython's method cache: what the MRO walk found for (type, name), valid
// while no class dict changed since (class_changed bumps the epoch). The
// entries live in static data, which the collector scans, so a cached type
// or name cannot be freed and its address reused while its entry stands.
struct LookupEntry {
  Type* type;
  Str* name;
  uint64_t epoch;
  Value value;
};
constexpr size_t kLookupCacheSize = 2048;
LookupEntry g_lookup_cache[kLookupCacheSize];

} // namespace

Value type_lookup(Type* t, Str* name) {
  const uintptr_t h = (reinterpret_cast<uintptr_t>(t) >> 4) ^ (reinterpret_cast<uintptr_t>(name) >> 3);
  LookupEntry& e = g_lookup_cache[(h ^ (h >> 11)) & (kLookupCacheSize - 1)];
  const uint64_t epoch = instance_class_epoch();
  if (e.type == t && e.name == name && e.epoch == epoch) return e.value;
  Value v = type_lookup_mro(t, name);
  e = LookupEntry{t, name, epoch, v};
  return v;
}

static Value plain_attr_or_empty(Value obj, Str* name);

namespace {

// PEP 562: a module's own __getattr__(name), called for names it lacks
// (empty when it has none).
Value module_getattr_hook(Value module, Str* name) {
  static Str* const kGetattr = intern("__getattr__");
  if (name == kGetattr) return Value::empty();
  Value* hook = dict_find_str(module.as<Module>()->dict, kGetattr);
  return hook ? call1(*hook, Value::object(name)) : Value::empty();
}

} // namespace

// The attribute without a module's __getattr__ hook; empty when missing.
static Value plain_attr_or_empty(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->getattro) return t->getattro(obj, name, false);
  if (t->kind == Kind::Instance || has_attr_store(t)) return instance_getattr(obj, name, true);
  if (t == super_type()) return super_getattr(obj, name);
  if (obj.is_object()) {
    Value v = instance_attr(obj, t, name);
    if (!v.is_empty() || t->kind == Kind::Type) return v;
  }
  if (Value v = type_lookup(t, name); !v.is_empty()) return bind(v, obj, name);
  if (name->view() == "__class__") return Value::object(t);
  if (name->view() == "__doc__") return Value::none(); // every object has one (its type's)
  return Value::empty();
}

Value get_attr_or_empty(Value obj, Str* name) {
  Value v = plain_attr_or_empty(obj, name);
  if (!v.is_empty() || !is_kind(obj, Kind::Module)) return v;
  try {
    return module_getattr_hook(obj, name);
  } catch (const PyException& e) {
    if (!exception_matches(e.exc, Value::object(&types::attribute_error))) throw;
    return Value::empty();
  }
}

Value get_attr(Value obj, Str* name) {
  if (obj.is_object() && (is_kind(obj, Kind::Instance) || has_attr_store(type_of(obj))))
    return instance_getattr(obj, name, false);
  if (obj.is_object() && obj.as_object()->type->getattro) return obj.as_object()->type->getattro(obj, name, true);
  if (is_kind(obj, Kind::Module)) {
    // (The hook's own AttributeError, with its message, propagates.)
    if (Value v = plain_attr_or_empty(obj, name); !v.is_empty()) return v;
    if (Value v = module_getattr_hook(obj, name); !v.is_empty()) return v;
    raise_no_attribute(obj, name);
  }
  Value v = get_attr_or_empty(obj, name);
  if (v.is_empty()) raise_no_attribute(obj, name);
  return v;
}

Value lookup_method(Value obj, Str* name, bool& is_method) {
  Type* t = type_of(obj);
  Kind k = t->kind;
  const bool attrs = k == Kind::Instance || has_attr_store(t);
  if (t->getattro) {
    is_method = false;
    return t->getattro(obj, name, true);
  }
  if (attrs && !(class_hooks(t) & kHookGetattribute)) {
    // A method on the class, not shadowed by an instance attribute: call it unbound.
    Value f = type_lookup(t, name);
    if ((k == Kind::Instance ? is_kind(f, Kind::Function) : is_method_descriptor(f)) &&
        shape_find(attr_store(obj.as_object())->shape, name) < 0) {
      is_method = true;
      return f;
    }
  }
  bool own_storage = t == super_type() ||
      k == Kind::Type || k == Kind::Module || k == Kind::Exception || k == Kind::Function || attrs;
  if (!own_storage) {
    Value f = type_lookup(t, name);
    if (is_method_descriptor(f)) {
      is_method = true;
      return f;
    }
  }
  is_method = false;
  return get_attr(obj, name);
}

void set_class_attr(Type* cls, Str* name, Value v) {
  if (cls->is_builtin)
    raise_fmt(types::type_error, "cannot set '{}' attribute of immutable type '{}'", name->view(), cls->name);
  // __name__ and __qualname__ are the type's own fields, not dict entries (typing
  // renames its `io` class to typing.io before registering it in sys.modules).
  if (name->view() == "__name__" || name->view() == "__qualname__") {
    if (!is_str(v))
      raise_fmt(types::type_error, "can only assign string to {}.{}, not '{}'", cls->name, name->view(),
                type_of(v)->name);
    std::string_view text = v.as<Str>()->view();
    if (name->view() == "__qualname__") {
      cls->qualname = v.as<Str>();
    } else {
      if (text.find('\0') != std::string_view::npos) raise(types::value_error, "type name must not contain null characters");
      char* copy = static_cast<char*>(gc::alloc_root(text.size() + 1));
      std::memcpy(copy, text.data(), text.size());
      copy[text.size()] = 0;
      cls->name = copy;
    }
    class_changed(cls);
    return;
  }
  dict_set(cls->dict, Value::object(name), v);
  // What the class's repr and __module__ show (a str, as the class statement sets).
  if (name->view() == "__module__") cls->module_name = is_str(v) ? v : Value::empty();
  class_changed(cls);
}

void set_attr(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  if (t->setattro) {
    t->setattro(obj, name, v);
    return;
  }
  if (has_attr_store(t) || (t->kind == Kind::Type && !t->is_builtin && (class_hooks(t) & kHookSetattr))) {
    instance_setattr(obj, name, v); // (a metaclass's __setattr__ too)
    return;
  }
  switch (t->kind) {
  case Kind::Module: dict_set(obj.as<Module>()->dict, Value::object(name), v); return;
  case Kind::Type: set_class_attr(obj.as<Type>(), name, v); return;
  case Kind::Exception: exception_set_attr(obj, name, v); return;
  case Kind::Function: vm::function_set_attr(obj, name, v); return;
  case Kind::Instance: instance_setattr(obj, name, v); return;
  default: break;
  }
  Value attr = type_lookup(t, name);
  if (is_kind(attr, Kind::Property)) {
    Value fset = attr.as<Property>()->fset;
    if (fset.is_empty() || fset.is_none())
      raise_fmt(types::attribute_error, "property '{}' of '{}' object has no setter", name->view(), t->name);
    call2(fset, obj, v);
    return;
  }
  if (!attr.is_empty()) {
    if (is_method_descriptor(attr))
      raise_fmt(types::attribute_error, "'{}' object attribute '{}' is read-only", t->name, name->view());
    raise_fmt(types::attribute_error, "attribute '{}' of '{}' objects is not writable", name->view(), t->name);
  }
  raise_fmt(types::attribute_error, "'{}' object has no attribute '{}'", t->name, name->view());
}

void del_attr(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->setattro) {
    t->setattro(obj, name, Value::empty());
    return;
  }
  if (has_attr_store(t)) {
    instance_delattr(obj, name);
    return;
  }
  switch (t->kind) {
  case Kind::Module:
    if (!dict_del(obj.as<Module>()->dict, Value::object(name)))
      raise_fmt(types::attribute_error, "'module' object has no attribute '{}'", name->view());
    return;
  case Kind::Type: {
    Type* cls = obj.as<Type>();
    if (cls->is_builtin)
      raise_fmt(types::type_error, "cannot set '{}' attribute of immutable type '{}'", name->view(), cls->name);
    if (!dict_del(cls->dict, Value::object(name)))
      raise_fmt(types::attribute_error, "type object '{}' has no attribute '{}'", cls->name, name->view());
    class_changed(cls);
    return;
  }
  case Kind::Exception:
    if (exception_del_attr(obj, name)) return;
    break;
  case Kind::Function:
    if (vm::function_del_attr(obj, name)) return;
    break;
  case Kind::Instance: instance_delattr(obj, name); return;
  default: break;
  }
  Value attr = type_lookup(t, name);
  if (is_kind(attr, Kind::Property)) {
    Value fdel = attr.as<Property>()->fdel;
    if (fdel.is_empty() || fdel.is_none())
      raise_fmt(types::attribute_error, "property '{}' of '{}' object has no deleter", name->view(), t->name);
    call1(fdel, obj);
    return;
  }
  if (!attr.is_empty())
    raise_fmt(types::attribute_error, "'{}' object attribute '{}' is read-only", t->name, name->view());
  raise_fmt(types::attribute_error, "'{}' object has no attribute '{}'", t->name, name->view());
}

} // namespace tributary
