// user_class.cpp — classes defined in Python; see user_class.h.
#include "runtime/user_class.h"

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/iter.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"

namespace tributary {

namespace {

Value g_object_init, g_object_new, g_object_setattr, g_object_delattr, g_object_getattribute, g_exc_init;

Type super_type_storage;

bool is_attribute_error(const PyException& e) {
  return exception_matches(e.exc, Value::object(&types::attribute_error));
}

// Calls `fn` with `first` prepended to the arguments (keywords kept).
Value call_with_first(Value fn, Value first, const Args& a) {
  GcVector<Value> buf;
  buf.reserve(a.npos + 1);
  buf.push_back(first);
  buf.insert(buf.end(), a.pos, a.pos + a.npos);
  Args b{buf.data(), a.npos + 1, a.kwnames, a.kwvals, a.nkw};
  return call(fn, b);
}

std::string class_path(const Type* t) {
  std::string name = t->qualname ? std::string(t->qualname->view()) : std::string(t->name);
  if (is_str(t->module_name)) {
    std::string_view mod = t->module_name.as<Str>()->view();
    if (mod != "builtins") return std::string(mod) + "." + name;
  }
  return name;
}

// ---- instantiation ------------------------------------------------------------------

// object.__new__ refuses a class whose __abstractmethods__ (abc.ABCMeta sets
// it) is not empty.
// (A class_hooks bit beside the public ones: instance creation asks it.)
constexpr uint32_t kHookAbstract = 1u << 31;

void check_not_abstract(Type* t) {
  if (!(class_hooks(t) & kHookAbstract)) return;
  Value am = type_lookup(t, intern("__abstractmethods__"));
  List* names = list_from_iterable(am);
  std::sort(names->items.begin(), names->items.end(),
            [](Value x, Value y) { return compare_bool(CmpOp::Lt, x, y); });
  std::string joined;
  for (size_t i = 0; i < names->items.size(); ++i) joined += (i ? ", " : "") + str_string(names->items[i]);
  raise_fmt(types::type_error, "Can't instantiate abstract class {} with abstract method{} {}", t->name,
            names->items.size() > 1 ? "s" : "", joined);
}

// BaseException.__init__.
Value exc_init(Value self, const Args& a) {
  self.as<ExceptionObj>()->args = new_tuple(a.positional());
  return Value::none();
}

Value construct_instance(Value self, const Args& a) {
  Type* t = self.as<Type>();
  static Str* const kNew = intern("__new__");
  static Str* const kInit = intern("__init__");
  Value new_fn = type_lookup(t, kNew);
  Value init = type_lookup(t, kInit);
  bool default_new = new_fn == g_object_new;
  Value obj;
  if (t->kind == Kind::Exception && default_new) {
    if (init == g_exc_init) return types::base_exception.construct(self, a);
    obj = Value::object(new_exception(t, a.positional()));
  } else if (default_new) {
    if (t->kind != Kind::Instance) raise_fmt(types::type_error, "cannot create '{}' instances", t->name);
    check_not_abstract(t);
    if (init == g_object_init && (a.npos || a.nkw))
      raise_fmt(types::type_error, "{}() takes no arguments", t->name);
    obj = Value::object(new_instance(t));
  } else {
    Value f = is_kind(new_fn, Kind::StaticMethod) ? new_fn.as<StaticMethod>()->func : new_fn;
    obj = call_with_first(f, self, a);
    if (!is_subtype(type_of(obj), t)) return obj;
  }
  if (init == g_object_init) return obj;
  if (init == g_exc_init) { // BaseException.__init__ sets args, whatever __new__ gave
    exc_init(obj, a);
    return obj;
  }
  Value r = call_with_first(init, obj, a);
  if (!r.is_none()) raise_fmt(types::type_error, "__init__() should return None, not '{}'", type_of(r)->name);
  return obj;
}

// ---- object's default methods ------------------------------------------------------------

int64_t pointer_hash(const void* p) {
  uint64_t y = reinterpret_cast<uintptr_t>(p);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

Value object_init(Value, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "object.__init__() takes exactly one argument (the instance to initialize)");
  return Value::none();
}

Value object_new(Value, const Args& a) {
  if (a.npos < 1) raise(types::type_error, "object.__new__(): not enough arguments");
  if (!is_type(a[0]))
    raise_fmt(types::type_error, "object.__new__(X): X is not a type object ({})", type_of(a[0])->name);
  Type* t = a[0].as<Type>();
  if (t->kind == Kind::Instance) {
    check_not_abstract(t);
    return Value::object(new_instance(t));
  }
  if (t->kind == Kind::Exception) return Value::object(new_exception(t, a.positional().subspan(1)));
  if (t == &types::object) return call0(Value::object(t));
  raise_fmt(types::type_error, "object.__new__({}) is not safe, use {}.__new__()", t->name, t->name);
}

Value object_repr(Value self, const Args&) {
  Type* t = type_of(self);
  if (!self.is_object() || t->is_builtin) return Value::object(repr(self));
  return str_value(fmt::format("<{} object at {}>", class_path(t), ops_detail::address(self.as_object())));
}

Value object_str(Value self, const Args&) { return Value::object(repr(self)); }

Value object_eq(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  return self == a[0] ? Value::boolean(true) : kNotImplemented;
}

Value object_ne(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  Value r = ops_detail::call_dunder(self, "__eq__", {a.pos, 1});
  if (r.is_empty() || r == kNotImplemented) return kNotImplemented;
  return Value::boolean(!truthy(r));
}

Value object_hash(Value self, const Args&) {
  if (!self.is_object() || type_of(self)->is_builtin) return make_int(hash_value(self));
  return make_int(pointer_hash(self.as_object()));
}

Str* name_arg(Value v) {
  if (!is_str(v)) raise_fmt(types::type_error, "attribute name must be string, not '{}'", type_of(v)->name);
  return v.as<Str>();
}

// Instances and builtin subclasses: attributes in an Instance's slots.
bool has_attrs(Value v) {
  return v.is_object() && (is_kind(v, Kind::Instance) || has_attr_store(v.as_object()->type));
}

Value object_getattribute(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  if (has_attrs(self)) return instance_getattr_raw(self, name_arg(a[0]));
  return get_attr(self, name_arg(a[0]));
}

Value object_setattr(Value self, const Args& a) {
  if (a.npos != 2) raise_fmt(types::type_error, "expected 2 arguments, got {}", a.npos);
  if (has_attrs(self)) instance_setattr_raw(self, name_arg(a[0]), a[1]);
  else if (is_type(self)) set_class_attr(self.as<Type>(), name_arg(a[0]), a[1]);
  else set_attr(self, name_arg(a[0]), a[1]);
  return Value::none();
}

Value object_delattr(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  if (has_attrs(self)) instance_delattr_raw(self, name_arg(a[0]));
  else del_attr(self, name_arg(a[0]));
  return Value::none();
}

Value object_init_subclass(Value, const Args&) { return Value::none(); }

// object.__format__: format(obj, "") is str(obj); anything else is refused.
Value object_format(Value self, const Args& a) {
  if (a.npos != 1 || !is_str(a[0])) raise(types::type_error, "__format__() argument must be str");
  if (a[0].as<Str>()->nbytes != 0)
    raise_fmt(types::type_error, "unsupported format string passed to {}.__format__", type_of(self)->name);
  return Value::object(to_str(self));
}

// object.__subclasshook__: "no opinion" (abc's ABCMeta asks it first).
Value object_subclasshook(Value, const Args&) { return kNotImplemented; }

// ---- BaseException's methods -------------------------------------------------------------

Value exc_str(Value self, const Args&) { return str_value(exception_str(self)); }
Value exc_repr(Value self, const Args&) { return str_value(exception_repr(self)); }
Value exc_with_traceback(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "with_traceback() takes exactly one argument");
  exception_set_attr(self, intern("__traceback__"), a[0]);
  return self;
}

// BaseException.add_note(note): appends to __notes__ (created as a list).
Value exc_add_note(Value self, const Args& a) {
  if (a.npos != 1 || a.nkw) raise(types::type_error, "add_note() takes exactly one argument");
  if (!is_str(a[0])) raise_fmt(types::type_error, "note must be a str, not '{}'", type_of(a[0])->name);
  static Str* const kNotes = intern("__notes__");
  Value notes = get_attr_or_empty(self, kNotes);
  if (notes.is_empty()) {
    notes = Value::object(new_list());
    set_attr(self, kNotes, notes);
  } else if (!is_list(notes)) {
    raise(types::type_error, "Cannot add note: __notes__ is not a list");
  }
  list_append(notes.as<List>(), a[0]);
  return Value::none();
}

// ---- property, staticmethod, classmethod, super ----------------------------------------

Value make_property(Value fget, Value fset, Value fdel) {
  auto* p = gc::make<Property>();
  p->type = &types::property;
  p->fget = fget.is_empty() ? Value::none() : fget;
  p->fset = fset.is_empty() ? Value::none() : fset;
  p->fdel = fdel.is_empty() ? Value::none() : fdel;
  return Value::object(p);
}

Value construct_property(Value, const Args& a) {
  Value p[4];
  static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
  if (a.npos > 4) raise_fmt(types::type_error, "property() takes at most 4 arguments ({} given)", a.npos);
  for (uint32_t i = 0; i < a.npos; ++i) p[i] = a[i];
  for (uint32_t k = 0; k < a.nkw; ++k) {
    std::string_view n = a.kwnames[k].as<Str>()->view();
    size_t j = 0;
    while (j < 4 && n != kNames[j]) ++j;
    if (j == 4) raise_fmt(types::type_error, "property() got an unexpected keyword argument '{}'", n);
    p[j] = a.kwvals[k];
  }
  return make_property(p[0], p[1], p[2]);
}

Property* property_self(Value self) {
  if (!is_kind(self, Kind::Property)) raise(types::type_error, "descriptor requires a 'property' object");
  return self.as<Property>();
}
Value property_getter(Value self, const Args& a) {
  Property* p = property_self(self);
  if (a.npos != 1) raise(types::type_error, "getter() takes exactly one argument");
  return make_property(a[0], p->fset, p->fdel);
}
Value property_setter(Value self, const Args& a) {
  Property* p = property_self(self);
  if (a.npos != 1) raise(types::type_error, "setter() takes exactly one argument");
  return make_property(p->fget, a[0], p->fdel);
}
Value property_deleter(Value self, const Args& a) {
  Property* p = property_self(self);
  if (a.npos != 1) raise(types::type_error, "deleter() takes exactly one argument");
  return make_property(p->fget, p->fset, a[0]);
}

Value wrap_method(Type& t, const char* name, const Args& a) {
  if (a.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", name);
  if (a.npos != 1) raise_fmt(types::type_error, "{} expected 1 argument, got {}", name, a.npos);
  auto* s = gc::make<StaticMethod>();
  s->type = &t;
  s->func = a[0];
  return Value::object(s);
}
Value construct_staticmethod(Value, const Args& a) { return wrap_method(types::staticmethod, "staticmethod", a); }
Value construct_classmethod(Value, const Args& a) { return wrap_method(types::classmethod, "classmethod", a); }

Value construct_super(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "super() takes no keyword arguments");
  if (a.npos == 0) raise(types::runtime_error, "super(): no arguments");
  if (!is_type(a[0])) raise_fmt(types::type_error, "super() argument 1 must be a type, not {}", type_of(a[0])->name);
  if (a.npos != 2) raise(types::not_implemented_error, "unbound super() is not supported yet");
  Type* cls = a[0].as<Type>();
  Value obj = a[1];
  Type* self_type;
  if (is_type(obj) && is_subtype(obj.as<Type>(), cls)) self_type = obj.as<Type>();
  else if (is_subtype(type_of(obj), cls)) self_type = type_of(obj);
  else raise(types::type_error, "super(type, obj): obj must be an instance or subtype of type");
  auto* s = gc::make<Super>();
  s->type = &super_type_storage;
  s->thisclass = cls;
  s->self = obj;
  s->self_type = self_type;
  return Value::object(s);
}

Value new_bound(Value func, Value self) {
  auto* m = gc::make<BoundMethod>();
  m->type = &types::bound_method;
  m->func = func;
  m->self = self;
  return Value::object(m);
}

} // namespace

// ---- MRO ------------------------------------------------------------------------------

Tuple* c3_mro(Type* t, Tuple* bases) {
  for (size_t i = 0; i < bases->size; ++i)
    for (size_t j = i + 1; j < bases->size; ++j)
      if (bases->items[i] == bases->items[j])
        raise_fmt(types::type_error, "duplicate base class {}", bases->items[i].as<Type>()->name);
  std::vector<std::vector<Type*>> seqs;
  for (Value b : bases->span()) {
    Type* bt = b.as<Type>();
    std::vector<Type*> s;
    for (Value m : bt->mro->span()) s.push_back(m.as<Type>());
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> direct;
  for (Value b : bases->span()) direct.push_back(b.as<Type>());
  seqs.push_back(direct);
  std::vector<Type*> out{t};
  for (;;) {
    bool any = false;
    for (auto& s : seqs) any |= !s.empty();
    if (!any) break;
    Type* pick = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Type* cand = s.front();
      bool in_tail = false;
      for (auto& o : seqs)
        for (size_t k = 1; k < o.size() && !in_tail; ++k) in_tail = o[k] == cand;
      if (!in_tail) {
        pick = cand;
        break;
      }
    }
    if (!pick) {
      std::vector<Type*> heads;
      for (auto& s : seqs)
        if (!s.empty() && std::find(heads.begin(), heads.end(), s.front()) == heads.end()) heads.push_back(s.front());
      std::string names;
      for (size_t i = 0; i < heads.size(); ++i) names += (i ? ", " : "") + std::string(heads[i]->name);
      raise_fmt(types::type_error, "Cannot create a consistent method resolution\norder (MRO) for bases {}", names);
    }
    out.push_back(pick);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
  }
  Tuple* r = new_tuple(out.size());
  for (size_t i = 0; i < out.size(); ++i) r->items[i] = Value::object(out[i]);
  return r;
}

// ---- class creation -------------------------------------------------------------------------

namespace {

// The builtin type whose layout instances of a class with these bases have
// (CPython's "solid base"): object for plain classes, BaseException (or a
// subclass) for exceptions, type for metaclasses, else the one builtin base.
Type* layout_base(Tuple* bases) {
  Type* solid = &types::object;
  for (Value b : bases->span()) {
    if (!is_type(b)) raise(types::type_error, "bases must be types");
    Type* bt = b.as<Type>();
    Type* base = bt;
    // Up to a builtin type or a native one (its own constructor; _weakref.ref).
    while (!base->is_builtin && base->construct == construct_instance) base = base->base;
    if (!base->is_builtin && base->kind == Kind::Object && !base->basic_size)
      raise_fmt(types::not_implemented_error, "subclassing builtin type '{}' is not supported yet", base->name);
    if (bt->is_exception) base = bt; // exceptions share one layout
    if (base->is_builtin && !bt->is_exception) {
      // Types CPython itself refuses as bases (no Py_TPFLAGS_BASETYPE).
      static constexpr std::string_view kFinal[] = {
          "bool",      "NoneType", "NotImplementedType", "ellipsis", "range", "slice", "function",
          "generator", "method",   "builtin_function_or_method", "code", "cell", "frame", "mappingproxy"};
      for (std::string_view f : kFinal)
        if (f == std::string_view(base->name))
          raise_fmt(types::type_error, "type '{}' is not an acceptable base type", base->name);
      const bool iter_base = base == &types::enumerate || base == &types::zip || base == &types::map ||
                             base == &types::filter || base == &types::reversed;
      if (base->kind == Kind::Function || (base->kind == Kind::Iterator && !iter_base) ||
          base->kind == Kind::DictView || base->kind == Kind::NativeFunction || base->kind == Kind::BoundMethod ||
          base->kind == Kind::File || base->kind == Kind::Generator)
        raise_fmt(types::not_implemented_error, "subclassing builtin type '{}' is not supported yet", base->name);
    }
    if (base == &types::object) continue;
    if (solid == &types::object || is_subtype(base, solid)) solid = bt->is_exception ? bt : base;
    else if (!is_subtype(solid, base) && !(solid->is_exception && bt->is_exception))
      raise(types::type_error, "multiple bases have instance lay-out conflict");
  }
  return solid;
}

} // namespace

namespace {
void install_slots(Type* t, Dict* ns); // (__slots__, below)
bool slots_only(Type* t);
void check_slots_store(Type* t, Str* name);
} // namespace

Type* make_class(Str* name, Tuple* bases, Dict* ns, Type* meta) {
  if (bases->size == 0) {
    Value obj = Value::object(&types::object);
    bases = new_tuple(std::span<const Value>(&obj, 1));
  }
  Type* solid = layout_base(bases);
  bool exception = solid->is_exception;
  auto* t = gc::make<Type>();
  t->type = meta;
  t->name = intern(name->view())->data;
  t->kind = exception ? Kind::Exception : solid == &types::object ? Kind::Instance : solid->kind;
  t->builtin_subclass = t->kind != Kind::Instance && t->kind != Kind::Exception && t->kind != Kind::Type;
  t->is_builtin = false;
  t->is_exception = exception;
  t->base = bases->items[0].as<Type>();
  t->bases = bases;
  t->dict = ns;
  t->construct = construct_instance;
  install_slots(t, ns);
  static Str* const kQualname = intern("__qualname__");
  static Str* const kModule = intern("__module__");
  Value qn = dict_get(ns, Value::object(kQualname));
  if (!qn.is_empty() && !is_str(qn))
    raise_fmt(types::type_error, "type __qualname__ must be a str, not {}", type_of(qn)->name);
  t->qualname = is_str(qn) ? qn.as<Str>() : intern(name->view());
  dict_del(ns, Value::object(kQualname));
  // type(name, bases, ns) without __module__: the calling code's module (a class statement sets it).
  if (!dict_find_str(ns, kModule))
    if (Dict* g = vm::current_globals())
      if (Value* mod_name = dict_find_str(g, intern("__name__"))) dict_set(ns, Value::object(kModule), *mod_name);
  Value mod = dict_get(ns, Value::object(kModule));
  t->module_name = is_str(mod) ? mod : Value::empty();
  // Implicit wrapping, as type.__new__ does.
  if (Value* v = dict_find_str(ns, intern("__new__")); v && is_kind(*v, Kind::Function)) {
    Args one{v, 1};
    *v = construct_staticmethod(Value::empty(), one);
  }
  for (const char* cm : {"__init_subclass__", "__class_getitem__"})
    if (Value* v = dict_find_str(ns, intern(cm)); v && is_kind(*v, Kind::Function)) {
      Args one{v, 1};
      *v = construct_classmethod(Value::empty(), one);
    }
  if (dict_find_str(ns, intern("__eq__")) && !dict_find_str(ns, intern("__hash__")))
    dict_set(ns, Value::object(intern("__hash__")), Value::none());
  if (!dict_find_str(ns, intern("__doc__"))) dict_set(ns, Value::object(intern("__doc__")), Value::none());
  t->mro = c3_mro(t, bases);
  for (Value b : bases->span()) {
    Type* bt = b.as<Type>();
    if (!bt->subclasses) bt->subclasses = new_list();
    list_append(bt->subclasses, Value::object(t));
  }
  return t;
}

Type* type_new(Type* meta, Str* name, Tuple* bases, Dict* ns, const Args& kw) {
  // The class owns a plain copy of the namespace (which __prepare__ may have
  // made a dict subclass).
  Dict* own = dict_copy(ns);
  Type* t = make_class(name, bases, own, meta); // (__module__ from the caller when ns has none)
  Value cls = Value::object(t);
  if (Value* cell = dict_find_str(own, intern("__classcell__"))) {
    if (is_kind(*cell, Kind::Cell)) cell->as<Cell>()->value = cls;
    dict_del(own, Value::object(intern("__classcell__")));
  }
  // __set_name__ of descriptors defined in the body.
  size_t pos = 0;
  Value k, v;
  GcVector<Value> named;
  while (dict_next(own, pos, k, v)) {
    if (!v.is_object() || type_of(v)->is_builtin) continue;
    if (type_lookup(type_of(v), intern("__set_name__")).is_empty()) continue;
    named.push_back(k);
    named.push_back(v);
  }
  for (size_t i = 0; i < named.size(); i += 2) {
    Value args[2] = {cls, named[i]};
    call(get_attr(named[i + 1], intern("__set_name__")), Args{args, 2});
  }
  // super().__init_subclass__(**kw)
  for (size_t i = 1; i < t->mro->size; ++i) {
    Type* b = t->mro->items[i].as<Type>();
    Value* f = dict_find_str(b->dict, intern("__init_subclass__"));
    if (!f) continue;
    Value fn = is_kind(*f, Kind::ClassMethod) ? f->as<StaticMethod>()->func : *f;
    if (is_kind(fn, Kind::NativeFunction) && kw.nkw)
      raise_fmt(types::type_error, "{}.__init_subclass__() takes no keyword arguments", t->name);
    Args args{&cls, 1, kw.kwnames, kw.kwvals, kw.nkw};
    call(fn, args);
    break;
  }
  return t;
}

Type* most_derived_metaclass(Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (Value b : bases->span()) {
    Type* bm = type_of(b);
    if (is_subtype(winner, bm)) continue;
    if (is_subtype(bm, winner)) {
      winner = bm;
      continue;
    }
    raise(types::type_error, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                             "subclass of the metaclasses of all its bases");
  }
  return winner;
}

namespace {

// type.__new__(meta, name, bases, ns, **kw), and type(name, bases, ns).
Value type_dunder_new(Value, const Args& a) {
  if (a.npos == 2 && a.nkw == 0 && is_type(a[0])) return Value::object(type_of(a[1])); // type.__new__(type, x)
  if (a.npos != 4) raise(types::type_error, "type.__new__() takes exactly 3 arguments");
  if (!is_type(a[0])) raise_fmt(types::type_error, "type.__new__(X): X is not a type object ({})", type_of(a[0])->name);
  Type* meta = a[0].as<Type>();
  if (!is_subtype(meta, &types::type))
    raise_fmt(types::type_error, "type.__new__({}): {} is not a subtype of type", meta->name, meta->name);
  if (!is_str(a[1])) raise_fmt(types::type_error, "type.__new__() argument 1 must be str, not {}", type_of(a[1])->name);
  if (!is_tuple(a[2])) raise_fmt(types::type_error, "type.__new__() argument 2 must be tuple, not {}", type_of(a[2])->name);
  if (!is_dict(a[3])) raise_fmt(types::type_error, "type.__new__() argument 3 must be dict, not {}", type_of(a[3])->name);
  Tuple* bases = a[2].as<Tuple>();
  for (Value b : bases->span())
    if (!is_type(b)) // (a non-type base's metaclass is its type, which is no type subclass)
      raise(types::type_error, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                               "subclass of the metaclasses of all its bases");
  Type* winner = most_derived_metaclass(meta, bases);
  if (winner != meta) {
    // As CPython's type_new: a more derived metaclass's own __new__ makes it.
    Value f = type_lookup(winner, intern("__new__"));
    if (f != dict_get(types::type.dict, Value::object(intern("__new__")))) {
      if (is_kind(f, Kind::StaticMethod)) f = f.as<StaticMethod>()->func;
      Value args[4] = {Value::object(winner), a[1], a[2], a[3]};
      return call(f, Args{args, 4, a.kwnames, a.kwvals, a.nkw});
    }
  }
  return Value::object(type_new(winner, a[1].as<Str>(), bases, a[3].as<Dict>(), a)); // (type_new copies ns)
}

// The descriptor methods of the builtin descriptors, for code that asks for
// them (enum's _is_descriptor, inspect): attribute lookup binds these kinds
// itself (ops_attr.cpp bind).
Value descriptor_get(Value self, const Args& a) {
  if (a.npos < 1 || a.npos > 2) raise(types::type_error, "__get__ expected 1 or 2 arguments");
  Value obj = a[0];
  Value owner = a.npos == 2 ? a[1] : Value::none();
  switch (type_of(self)->kind) {
  case Kind::Function: return obj.is_none() ? self : new_bound(self, obj);
  case Kind::StaticMethod: return self.as<StaticMethod>()->func;
  case Kind::ClassMethod:
    return new_bound(self.as<StaticMethod>()->func, owner.is_none() ? Value::object(type_of(obj)) : owner);
  case Kind::Property: return obj.is_none() ? self : ops_detail::bind_attr(self, obj, intern("?"));
  default: return self;
  }
}

Value property_set(Value self, const Args& a) {
  if (a.npos != 2) raise(types::type_error, "__set__ expected 2 arguments");
  Property* p = property_self(self);
  if (p->fset.is_empty() || p->fset.is_none()) raise(types::attribute_error, "can't set attribute");
  return call2(p->fset, a[0], a[1]);
}

Value property_delete(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__delete__ expected 1 argument");
  Property* p = property_self(self);
  if (p->fdel.is_empty() || p->fdel.is_none()) raise(types::attribute_error, "can't delete attribute");
  return call1(p->fdel, a[0]);
}

Value type_subclasses(Value self, const Args& a) {
  Value cls = self.is_empty() && a.npos ? a[0] : self;
  if (!is_type(cls)) raise(types::type_error, "descriptor '__subclasses__' requires a 'type' object");
  Type* t = cls.as<Type>();
  return Value::object(t->subclasses ? new_list(std::span<const Value>(t->subclasses->items)) : new_list());
}

// type.mro(cls): the method resolution order as a list (a metaclass
// overriding mro() does not change __mro__ here).
Value type_mro(Value self, const Args& a) {
  Value cls = self.is_empty() && a.npos ? a[0] : self;
  if (!is_type(cls)) raise(types::type_error, "descriptor 'mro' of 'type' object needs an argument");
  if ((self.is_empty() ? a.npos - 1 : a.npos) != 0) raise(types::type_error, "type.mro() takes no arguments");
  return Value::object(new_list(cls.as<Type>()->mro->span()));
}

Value type_dunder_init(Value self, const Args& a) {
  const uint32_t n = self.is_empty() ? a.npos - (a.npos > 0) : a.npos; // (the class itself not counted)
  if (n != 1 && n != 3) raise(types::type_error, "type.__init__() takes 1 or 3 arguments");
  return Value::none();
}

// type.__call__(cls, *args): what calling a class does (a metaclass's
// __call__ reaches it through super()).
Value type_dunder_call(Value self, const Args& a) {
  Value cls = self;
  Args rest = a;
  if (cls.is_empty()) {
    if (a.npos == 0) throw_descriptor_needs_argument();
    cls = a[0];
    rest = Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  }
  if (!is_type(cls)) raise_fmt(types::type_error, "descriptor '__call__' requires a 'type' object but received a '{}'", type_of(cls)->name);
  Type* t = cls.as<Type>();
  if (!t->construct) raise_fmt(types::type_error, "cannot create '{}' instances", t->name);
  return t->construct(cls, rest);
}

} // namespace

Value add_static_method(Type& t, const char* name, NativeFn fn) {
  // T.__new__ is bound to T, as CPython's (copyreg finds a class's builtin base by
  // `base.__new__.__self__ is base`); the natives ignore their receiver.
  Value f = new_native(name, fn, std::string_view(name) == "__new__" ? Value::object(&t) : Value::empty(), &t);
  Args one{&f, 1};
  Value sm = construct_staticmethod(Value::empty(), one);
  add_attr(t, name, sm);
  return sm;
}

Value add_class_method(Type& t, const char* name, NativeFn fn) {
  Value f = new_native(name, fn, Value::empty(), &t);
  Args one{&f, 1};
  Value cm = construct_classmethod(Value::empty(), one);
  add_attr(t, name, cm);
  return cm;
}

bool class_defines_get(Type* t) {
  static Str* const kGet = intern("__get__");
  return !type_lookup(t, kGet).is_empty();
}

bool class_defines_set_or_delete(Type* t) {
  static Str* const kSet = intern("__set__");
  static Str* const kDelete = intern("__delete__");
  return !type_lookup(t, kSet).is_empty() || !type_lookup(t, kDelete).is_empty();
}

// ---- __slots__ ---------------------------------------------------------------------------
//
// A slot's attribute lives in the instance's ordinary storage; what __slots__
// changes is which names an instance may have. Each slot name gets a
// member_descriptor in the class: a non-data descriptor (so loads and stores
// keep the instance fast paths) whose __get__ gives the descriptor itself on
// the class and "'P' object has no attribute 'x'" for an unset slot.

Type member_descriptor_type;

struct MemberDescriptor : Object {
  Str* name;
  Type* owner;
};

bool is_slot_member(Type* t, Str* name) {
  if (!member_descriptor_type.dict) return false;
  Value attr = type_lookup(t, name);
  return is_kind(attr, Kind::Object) && attr.as_object()->type == &member_descriptor_type;
}

namespace {

// The receiver and arguments of a native method called bound or unbound.
Args receiver_first(Value& self, const Args& a, const char* name) {
  if (!self.is_empty()) return a;
  if (a.npos == 0 || !is_kind(a[0], Kind::Object) || a[0].as_object()->type != &member_descriptor_type)
    raise_fmt(types::type_error, "descriptor '{}' requires a 'member_descriptor' object", name);
  self = a[0];
  return Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
}

Value member_get(Value self, const Args& args) {
  Args a = receiver_first(self, args, "__get__");
  if (a.npos < 1 || a.npos > 2) raise(types::type_error, "__get__ expected 1 or 2 arguments");
  auto* d = self.as<MemberDescriptor>();
  Value obj = a[0];
  if (obj.is_none()) return self;
  if (!is_subtype(type_of(obj), d->owner))
    raise_fmt(types::type_error, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", d->name->view(),
              d->owner->name, type_of(obj)->name);
  raise_fmt(types::attribute_error, "'{}' object has no attribute '{}'", type_of(obj)->name, d->name->view());
}

Value member_repr(Value self, const Args& args) {
  receiver_first(self, args, "__repr__");
  auto* d = self.as<MemberDescriptor>();
  return Value::object(new_str(fmt::format("<member '{}' of '{}' objects>", d->name->view(), d->owner->name)));
}

bool is_member_of(Value v, Type* owner) {
  return is_kind(v, Kind::Object) && v.as_object()->type == &member_descriptor_type &&
         v.as<MemberDescriptor>()->owner == owner;
}

// `__x` in class `_Cls` is stored as `_Cls__x` (private name mangling).
std::string mangle(std::string_view cls, std::string_view name) {
  if (!name.starts_with("__") || name.ends_with("__") || name.find('.') != std::string_view::npos) return std::string(name);
  size_t skip = cls.find_first_not_of('_');
  if (skip == std::string_view::npos) return std::string(name);
  return "_" + std::string(cls.substr(skip)) + std::string(name);
}

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  return true;
}

// Whether a __slots__ value lists "__dict__" (a str, or a tuple or list of them).
bool names_dict_slot(Value slots) {
  auto is_dict_name = [](Value v) { return is_str(v) && v.as<Str>()->view() == "__dict__"; };
  if (is_str(slots)) return is_dict_name(slots);
  std::span<const Value> items;
  if (is_tuple(slots)) items = slots.as<Tuple>()->span();
  else if (is_list(slots)) items = std::span<const Value>(slots.as<List>()->items);
  for (Value v : items)
    if (is_dict_name(v)) return true;
  return false;
}

// Whether every class of t's MRO but object (and the builtin value type a
// subclass of int, float, str, ... derives from) declares __slots__, none with __dict__.
bool slots_only(Type* t) {
  for (Value m : t->mro->span()) {
    Type* mt = m.as<Type>();
    if (mt == &types::object ||
        (mt->is_builtin && t->builtin_subclass && mt->kind == t->kind && mt->kind != Kind::Object))
      continue;
    if (mt->is_builtin || (mt->kind != Kind::Instance && !mt->builtin_subclass) || !mt->dict) return false;
    Value* slots = dict_find_str(mt->dict, intern("__slots__"));
    if (!slots || names_dict_slot(*slots)) return false;
  }
  return true;
}

// Checks a new class's __slots__ and puts a member descriptor in its dict for
// each name (but __dict__ and __weakref__, which a slot list may name).
void install_slots(Type* t, Dict* ns) {
  Value slots = dict_get(ns, Value::object(intern("__slots__")));
  if (slots.is_empty()) return;
  if (!member_descriptor_type.dict) {
    init_type(member_descriptor_type, "member_descriptor", Kind::Object, &types::object);
    member_descriptor_type.is_builtin = false; // its __get__ is found as a Python descriptor's
    add_method(member_descriptor_type, "__get__", member_get);
    add_method(member_descriptor_type, "__repr__", member_repr);
  }
  List* names = is_str(slots) ? new_list(std::span<const Value>(&slots, 1)) : list_from_iterable(slots);
  bool has_dict = false;
  for (Value n : names->items) {
    if (!is_str(n)) raise_fmt(types::type_error, "__slots__ items must be strings, not '{}'", type_of(n)->name);
    std::string_view v = n.as<Str>()->view();
    if (!is_identifier(v)) raise(types::type_error, "__slots__ must be identifiers");
    if (v == "__dict__") {
      if (has_dict) raise(types::type_error, "__dict__ slot disallowed: we already got one");
      has_dict = true;
      continue;
    }
    if (v == "__weakref__") continue;
    Str* key = intern(mangle(t->name, v));
    Value* existing = dict_find_str(ns, key);
    if (existing && is_member_of(*existing, t)) continue; // (a name listed twice)
    if (existing) raise_fmt(types::value_error, "'{}' in __slots__ conflicts with class variable", v);
    auto* d = gc::make<MemberDescriptor>();
    d->type = &member_descriptor_type;
    d->name = key;
    d->owner = t;
    dict_set(ns, Value::object(key), Value::object(d));
  }
}


// Raises AttributeError when instances of `t` may not have attribute `name`
// (t's hooks include kHookSlots and no class of its MRO gives `name` a slot
// or a class attribute).
void check_slots_store(Type* t, Str* name) {
  Value cls_attr = type_lookup(t, name);
  if (is_kind(cls_attr, Kind::Object) && cls_attr.as_object()->type == &member_descriptor_type) return;
  if (cls_attr.is_empty())
    raise_fmt(types::attribute_error, "'{}' object has no attribute '{}'", t->name, name->view());
  raise_fmt(types::attribute_error, "'{}' object attribute '{}' is read-only", t->name, name->view());
}

} // namespace

int64_t type_flags(Type* t) {
  constexpr int64_t kHeapType = 1 << 9, kBaseType = 1 << 10, kIsAbstract = 1 << 20;
  if (t->construct != construct_instance) return t == &types::boolean || t == &types::none ? 0 : kBaseType;
  return kHeapType | kBaseType | ((class_hooks(t) & kHookAbstract) ? kIsAbstract : 0);
}

uint32_t class_hooks(Type* t) {
  uint64_t epoch = instance_class_epoch();
  if (t->hooks_epoch == epoch) return t->hooks;
  uint32_t h = 0;
  if (!type_lookup(t, intern("__getattr__")).is_empty()) h |= kHookGetattr;
  if (Value v = type_lookup(t, intern("__setattr__")); !v.is_empty() && v != g_object_setattr) h |= kHookSetattr;
  if (Value v = type_lookup(t, intern("__delattr__")); !v.is_empty() && v != g_object_delattr) h |= kHookDelattr;
  if (Value v = type_lookup(t, intern("__getattribute__")); !v.is_empty() && v != g_object_getattribute)
    h |= kHookGetattribute;
  if (Value am = type_lookup(t, intern("__abstractmethods__")); !am.is_empty() && truthy(am)) h |= kHookAbstract;
  if (slots_only(t)) h |= kHookSlots;
  t->hooks = h;
  t->hooks_epoch = epoch;
  return h;
}

// ---- instance attributes -------------------------------------------------------------------

namespace {

Value instance_lookup(Value obj, Str* name) {
  Instance* o = attr_store(obj.as_object());
  Type* t = o->type;
  Value cls_attr = type_lookup(t, name);
  if (is_data_descriptor(cls_attr)) return ops_detail::bind_attr(cls_attr, obj, name);
  if (is_kind(obj, Kind::Module)) {
    // A module subclass's attributes are its module dict's, as CPython's.
    Dict* d = obj.as<Module>()->dict;
    if (Value* v = dict_find_str(d, name)) return *v;
    if (!cls_attr.is_empty()) return ops_detail::bind_attr(cls_attr, obj, name);
    if (name->view() == "__dict__") return Value::object(d);
    return name->view() == "__class__" ? Value::object(t) : Value::empty();
  }
  int i = shape_find(o->shape, name);
  if (i >= 0) return o->slots[i];
  if (!cls_attr.is_empty()) return ops_detail::bind_attr(cls_attr, obj, name);
  std::string_view n = name->view();
  if (n.size() > 4 && n[0] == '_' && n[1] == '_') {
    if (n == "__dict__")
      return class_hooks(t) & kHookSlots ? Value::empty() : instance_attr_dict(obj);
    if (n == "__class__") return Value::object(t);
  }
  return Value::empty();
}

[[noreturn]] void no_attribute(Value obj, Str* name) {
  raise_fmt(types::attribute_error, "'{}' object has no attribute '{}'", type_of(obj)->name, name->view());
}

} // namespace

Value instance_getattr_raw(Value obj, Str* name) {
  Value v = instance_lookup(obj, name);
  if (v.is_empty()) no_attribute(obj, name);
  return v;
}

Value instance_getattr(Value obj, Str* name, bool or_empty) {
  Type* t = type_of(obj);
  uint32_t hooks = class_hooks(t);
  Value nm = Value::object(name);
  Value v;
  if (hooks & kHookGetattribute) {
    try {
      return ops_detail::call_dunder(obj, "__getattribute__", {&nm, 1});
    } catch (const PyException& e) {
      if (!is_attribute_error(e)) throw;
      if (!(hooks & kHookGetattr)) {
        if (or_empty) return Value::empty();
        throw;
      }
    }
  } else {
    v = instance_lookup(obj, name);
    if (!v.is_empty()) return v;
  }
  if (hooks & kHookGetattr) {
    if (!or_empty) return ops_detail::call_dunder(obj, "__getattr__", {&nm, 1});
    try {
      return ops_detail::call_dunder(obj, "__getattr__", {&nm, 1});
    } catch (const PyException& e) {
      if (!is_attribute_error(e)) throw;
      return Value::empty();
    }
  }
  if (or_empty) return Value::empty();
  no_attribute(obj, name);
}

void instance_setattr_raw(Value obj, Str* name, Value v) {
  Instance* o = attr_store(obj.as_object());
  Value cls_attr = type_lookup(o->type, name);
  if (!is_kind(cls_attr, Kind::Property) && is_data_descriptor(cls_attr)) {
    Value set = type_lookup(type_of(cls_attr), intern("__set__"));
    if (set.is_empty()) raise(types::attribute_error, "__set__");
    Value args[3] = {cls_attr, obj, v};
    call(set, Args{args, 3});
    return;
  }
  if (is_kind(cls_attr, Kind::Property)) {
    Value fset = cls_attr.as<Property>()->fset;
    if (fset.is_empty() || fset.is_none())
      raise_fmt(types::attribute_error, "property '{}' of '{}' object has no setter", name->view(), o->type->name);
    call2(fset, obj, v);
    return;
  }
  if (name->view() == "__class__") raise(types::type_error, "__class__ assignment is not supported yet");
  if (is_kind(obj, Kind::Module)) return dict_set(obj.as<Module>()->dict, Value::object(name), v);
  if (class_hooks(o->type) & kHookSlots) check_slots_store(o->type, name);
  if (name->view() == "__dict__") return set_instance_dict(obj, v);
  instance_set_slot(o, name, v);
}

void instance_setattr(Value obj, Str* name, Value v) {
  if (class_hooks(type_of(obj)) & kHookSetattr) {
    Value args[2] = {Value::object(name), v};
    ops_detail::call_dunder(obj, "__setattr__", args);
    return;
  }
  instance_setattr_raw(obj, name, v);
}

void instance_delattr_raw(Value obj, Str* name) {
  Instance* o = attr_store(obj.as_object());
  Value cls_attr = type_lookup(o->type, name);
  if (!is_kind(cls_attr, Kind::Property) && is_data_descriptor(cls_attr)) {
    Value del = type_lookup(type_of(cls_attr), intern("__delete__"));
    if (del.is_empty()) raise(types::attribute_error, "__delete__");
    Value args[2] = {cls_attr, obj};
    call(del, Args{args, 2});
    return;
  }
  if (is_kind(cls_attr, Kind::Property)) {
    Value fdel = cls_attr.as<Property>()->fdel;
    if (fdel.is_empty() || fdel.is_none())
      raise_fmt(types::attribute_error, "property '{}' of '{}' object has no deleter", name->view(), o->type->name);
    call1(fdel, obj);
    return;
  }
  if (is_kind(obj, Kind::Module)) {
    if (!dict_find_str(obj.as<Module>()->dict, name))
      raise_fmt(types::attribute_error, "module '{}' has no attribute '{}'", obj.as<Module>()->name->view(), name->view());
    dict_del(obj.as<Module>()->dict, Value::object(name));
    return;
  }
  if (!instance_del_slot(o, name)) {
    // An unset slot's deletion error is the bare name, as CPython's member_descriptor.
    if (is_kind(cls_attr, Kind::Object) && cls_attr.as_object()->type == &member_descriptor_type)
      raise(types::attribute_error, name->view());
    no_attribute(obj, name);
  }
}

void instance_delattr(Value obj, Str* name) {
  if (class_hooks(type_of(obj)) & kHookDelattr) {
    Value nm = Value::object(name);
    ops_detail::call_dunder(obj, "__delattr__", {&nm, 1});
    return;
  }
  instance_delattr_raw(obj, name);
}

// ---- super -----------------------------------------------------------------------------------

Type* super_type() { return &super_type_storage; }

void throw_descriptor_needs_argument() { raise(types::type_error, "descriptor needs an argument"); }

Value super_getattr(Value sup, Str* name) {
  Super* s = sup.as<Super>();
  Tuple* mro = s->self_type->mro;
  size_t i = 0;
  while (i < mro->size && mro->items[i].as<Type>() != s->thisclass) ++i;
  for (++i; i < mro->size; ++i) {
    Type* b = mro->items[i].as<Type>();
    if (!b->dict) continue;
    Value* found = dict_find_str(b->dict, name);
    if (!found) continue;
    Value attr = *found;
    bool self_is_type = s->self.as_object() == s->self_type;
    if (is_kind(attr, Kind::ClassMethod)) return new_bound(attr.as<StaticMethod>()->func, Value::object(s->self_type));
    if (is_kind(attr, Kind::StaticMethod)) return attr.as<StaticMethod>()->func;
    if (self_is_type && (is_kind(attr, Kind::Function) || is_kind(attr, Kind::NativeFunction))) return attr;
    return ops_detail::bind_attr(attr, s->self, name);
  }
  if (name->view() == "__class__") return Value::object(&super_type_storage);
  if (name->view() == "__self__") return s->self;
  if (name->view() == "__thisclass__") return Value::object(s->thisclass);
  return Value::empty();
}

Value super_repr(Value self, const Args&) {
  Super* s = self.as<Super>();
  return str_value(fmt::format("<super: <class '{}'>, <{} object>>", s->thisclass->name, s->self_type->name));
}

void init_class_protocol() {
  using namespace types;
  add_method(object, "__init__", self_or_first<object_init>);
  g_object_init = dict_get(object.dict, Value::object(intern("__init__")));
  {
    Value f = new_native("__new__", object_new, Value::object(&object));
    Args one{&f, 1};
    add_attr(object, "__new__", construct_staticmethod(Value::empty(), one));
    g_object_new = dict_get(object.dict, Value::object(intern("__new__")));
  }
  add_method(object, "__repr__", self_or_first<object_repr>);
  add_method(object, "__str__", self_or_first<object_str>);
  add_method(object, "__eq__", self_or_first<object_eq>);
  add_method(object, "__ne__", self_or_first<object_ne>);
  add_method(object, "__hash__", self_or_first<object_hash>);
  add_method(object, "__format__", self_or_first<object_format>);
  {
    Value f = new_native("__subclasshook__", object_subclasshook);
    Args one{&f, 1};
    add_attr(object, "__subclasshook__", construct_classmethod(Value::empty(), one));
  }
  add_method(object, "__getattribute__", self_or_first<object_getattribute>);
  add_method(object, "__setattr__", self_or_first<object_setattr>);
  add_method(object, "__delattr__", self_or_first<object_delattr>);
  {
    Value f = new_native("__init_subclass__", object_init_subclass);
    Args one{&f, 1};
    add_attr(object, "__init_subclass__", construct_classmethod(Value::empty(), one));
  }
  g_object_setattr = dict_get(object.dict, Value::object(intern("__setattr__")));
  g_object_delattr = dict_get(object.dict, Value::object(intern("__delattr__")));
  g_object_getattribute = dict_get(object.dict, Value::object(intern("__getattribute__")));
  add_method(base_exception, "__init__", self_or_first<exc_init>);
  g_exc_init = dict_get(base_exception.dict, Value::object(intern("__init__")));
  add_static_method(type, "__new__", type_dunder_new);
  add_method(type, "__init__", type_dunder_init);
  add_method(type, "__call__", type_dunder_call);
  add_method(type, "__subclasses__", type_subclasses);
  add_method(type, "mro", type_mro);
  for (Type* t : {&function, &staticmethod, &classmethod, &property}) add_method(*t, "__get__", self_or_first<descriptor_get>);
  add_method(property, "__set__", self_or_first<property_set>);
  add_method(property, "__delete__", self_or_first<property_delete>);
  add_method(base_exception, "__str__", self_or_first<exc_str>);
  add_method(base_exception, "__repr__", self_or_first<exc_repr>);
  add_method(base_exception, "with_traceback", self_or_first<exc_with_traceback>);
  add_method(base_exception, "add_note", self_or_first<exc_add_note>);
  init_exception_group_methods();

  property.construct = construct_property;
  add_method(property, "getter", self_or_first<property_getter>);
  add_method(property, "setter", self_or_first<property_setter>);
  add_method(property, "deleter", self_or_first<property_deleter>);
  staticmethod.construct = construct_staticmethod;
  classmethod.construct = construct_classmethod;
  init_type(super_type_storage, "super", Kind::Object, &object);
  super_type_storage.construct = construct_super;
  add_method(super_type_storage, "__repr__", self_or_first<super_repr>);
  super_type_storage.is_builtin = false; // repr() asks its __repr__
  init_slot_wrappers();
  init_traceback_types();
}

Value plain_instance_init(Value cls) {
  if (!is_kind(cls, Kind::Type) || type_of(cls) != &types::type) return Value::empty();
  Type* t = cls.as<Type>();
  if (t->is_builtin || t->kind != Kind::Instance || t->construct != construct_instance) return Value::empty();
  if (type_lookup(t, intern("__new__")) != g_object_new) return Value::empty();
  Value init = type_lookup(t, intern("__init__"));
  return init == g_object_init ? Value::empty() : init;
}

} // namespace tributary
