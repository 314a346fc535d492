// contextvars_module.cpp — `_contextvars` (PEP 567) for one thread:
// ContextVar, Token, Context and copy_context, under CPython's contextvars.py
// (and so decimal's _pydecimal, asyncio-free code using context variables).
//
// A Context maps ContextVars to values in a dict; one Context is current
// (a static pointer, so a GC root). ContextVar.set() writes the current
// Context's dict; copy_context() and Context.copy() copy it (CPython shares
// a persistent HAMT instead: same semantics, O(n) copies here). run() makes
// a Context current for one call and refuses to enter it twice.
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type context_type, context_var_type, token_type, missing_type;

struct Context : Object {
  Dict* vars;
  Context* prev; // the Context current before run() entered this one
  bool entered;
};

struct ContextVar : Object {
  Value name;
  Value default_value; // empty: none given
};

struct Token : Object {
  Context* context;
  ContextVar* var;
  Value old_value; // empty: the variable had no value (Token.MISSING)
  bool used;
};

Object missing_object{&missing_type};
Context* current_context = nullptr;

Context* new_context(Dict* vars) {
  auto* c = gc::make<Context>();
  c->type = &context_type;
  c->vars = vars;
  return c;
}

Context* current() {
  if (!current_context) current_context = new_context(new_dict());
  return current_context;
}

template <class T> T* self_as(Value v, Type* t) {
  if (type_of(v) != t) raise_fmt(types::type_error, "descriptor requires a '_contextvars.{}' object", t->name);
  return v.as<T>();
}

Context* self_context(Value v) { return self_as<Context>(v, &context_type); }
ContextVar* self_var(Value v) { return self_as<ContextVar>(v, &context_var_type); }
Token* self_token(Value v) { return self_as<Token>(v, &token_type); }

// ---- ContextVar ---------------------------------------------------------------------

Value construct_var(Value, const Args& a) {
  Value p[2];
  bind_args(a, "ContextVar", {"name", "default"}, 1, p, 0, 1);
  if (!is_str(p[0])) raise(types::type_error, "context variable name must be a str");
  auto* v = gc::make<ContextVar>();
  v->type = &context_var_type;
  v->name = p[0];
  v->default_value = p[1];
  return Value::object(v);
}

Value var_get(Value self, const Args& a) {
  ContextVar* var = self_var(self);
  check_takes(a, "get", 0, 1);
  if (Value* v = dict_find(current()->vars, self)) return *v;
  if (a.npos == 1) return a[0];
  if (!var->default_value.is_empty()) return var->default_value;
  Value args[1] = {self};
  raise(Value::object(new_exception(&types::lookup_error, args)));
}

Value var_set(Value self, const Args& a) {
  ContextVar* var = self_var(self);
  check_one(a, "ContextVar.set");
  Context* ctx = current();
  auto* t = gc::make<Token>();
  t->type = &token_type;
  t->context = ctx;
  t->var = var;
  t->old_value = dict_get(ctx->vars, self);
  dict_set(ctx->vars, self, a[0]);
  return Value::object(t);
}

Value var_reset(Value self, const Args& a) {
  check_one(a, "ContextVar.reset");
  if (type_of(a[0]) != &token_type)
    raise_fmt(types::type_error, "expected an instance of Token, got '{}'", tname(a[0]));
  Token* t = a[0].as<Token>();
  if (t->used) raise_fmt(types::runtime_error, "{} has already been used once", repr_string(a[0]));
  if (t->var != self_var(self)) raise_fmt(types::value_error, "{} was created by a different ContextVar", repr_string(a[0]));
  if (t->context != current()) raise_fmt(types::value_error, "{} was created in a different Context", repr_string(a[0]));
  t->used = true;
  if (t->old_value.is_empty()) dict_del(t->context->vars, self);
  else dict_set(t->context->vars, self, t->old_value);
  return Value::none();
}

Value var_name(Value, const Args& a) { return self_var(a[0])->name; }

Value var_repr(Value self, const Args&) {
  ContextVar* var = self_var(self);
  std::string def = var->default_value.is_empty() ? "" : " default=" + repr_string(var->default_value);
  return str_value(fmt::format("<ContextVar name={}{} at {}>", repr_string(var->name), def,
                               static_cast<const void*>(var)));
}

// ContextVar[int] is the class itself, as in CPython 3.11 (a GenericAlias there).
Value class_getitem(Value self, const Args& a) { return Value::object(&context_var_type); }

// ---- Token --------------------------------------------------------------------------

Value token_var(Value, const Args& a) { return Value::object(self_token(a[0])->var); }

Value token_old_value(Value, const Args& a) {
  Token* t = self_token(a[0]);
  return t->old_value.is_empty() ? Value::object(&missing_object) : t->old_value;
}

Value token_repr(Value self, const Args&) {
  Token* t = self_token(self);
  return str_value(fmt::format("<Token{} var={} at {}>", t->used ? " used" : "",
                               repr_string(Value::object(t->var)), static_cast<const void*>(t)));
}

// ---- Context ------------------------------------------------------------------------

Value construct_context(Value, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "Context() does not accept any arguments");
  return Value::object(new_context(new_dict()));
}

Value context_run(Value self, const Args& a) {
  Context* ctx = self_context(self);
  if (a.npos == 0) raise(types::type_error, "run() missing 1 required positional argument");
  if (ctx->entered) raise_fmt(types::runtime_error, "cannot enter context: {} is already entered", repr_string(self));
  ctx->prev = current();
  ctx->entered = true;
  current_context = ctx;
  struct Exit { // leaves the context however the call ends
    Context* ctx;
    ~Exit() {
      current_context = ctx->prev;
      ctx->prev = nullptr;
      ctx->entered = false;
    }
  } exit{ctx};
  return call(a[0], Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw});
}

Value context_copy(Value self, const Args&) { return Value::object(new_context(dict_copy(self_context(self)->vars))); }

ContextVar* var_key(Value v) {
  if (type_of(v) != &context_var_type)
    raise_fmt(types::type_error, "a ContextVar key was expected, got {}", repr_string(v));
  return v.as<ContextVar>();
}

Value context_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  var_key(a[0]);
  if (Value* v = dict_find(self_context(self)->vars, a[0])) return *v;
  raise(Value::object(new_exception(&types::key_error, std::span<const Value>(a.pos, 1))));
}

Value context_get(Value self, const Args& a) {
  check_takes(a, "get", 1, 2);
  var_key(a[0]);
  Value v = dict_get(self_context(self)->vars, a[0]);
  return !v.is_empty() ? v : a.npos == 2 ? a[1] : Value::none();
}

Value context_contains(Value self, const Args& a) {
  check_one(a, "__contains__");
  var_key(a[0]);
  return Value::boolean(dict_find(self_context(self)->vars, a[0]) != nullptr);
}

Value context_len(Value self, const Args&) {
  return make_int(static_cast<int64_t>(length(Value::object(self_context(self)->vars))));
}

Value context_iter(Value self, const Args&) { return get_iter(Value::object(self_context(self)->vars)); }

Value context_keys(Value self, const Args&) {
  return make_dict_view(types::dict_keys, self_context(self)->vars);
}
Value context_values(Value self, const Args&) {
  return make_dict_view(types::dict_values, self_context(self)->vars);
}
Value context_items(Value self, const Args&) {
  return make_dict_view(types::dict_items, self_context(self)->vars);
}

Value copy_context(Value, const Args& a) {
  check_none(a, "copy_context");
  return Value::object(new_context(dict_copy(current()->vars)));
}

void init_native_type(Type& t, const char* name, NativeFn construct) {
  init_type(t, name, Kind::Object, &types::object);
  t.module_name = Value::object(intern("_contextvars"));
  t.construct = construct;
  t.is_builtin = false; // subscripted, iterated and printed through its special methods
}

void init_types() {
  init_native_type(context_var_type, "ContextVar", construct_var);
  add_methods(context_var_type, {{"get", self_or_first<var_get>},
                                 {"set", self_or_first<var_set>},
                                 {"reset", self_or_first<var_reset>},
                                 {"__repr__", self_or_first<var_repr>}});
  add_getter(context_var_type, "name", var_name);
  add_attr(context_var_type, "__class_getitem__", new_native("__class_getitem__", class_getitem));

  init_native_type(token_type, "Token", nullptr);
  add_methods(token_type, {{"__repr__", self_or_first<token_repr>}});
  add_getter(token_type, "var", token_var);
  add_getter(token_type, "old_value", token_old_value);
  init_native_type(missing_type, "Token.MISSING", nullptr);
  add_method(missing_type, "__repr__", [](Value, const Args&) { return str_value("<Token.MISSING>"); });
  add_attr(token_type, "MISSING", Value::object(&missing_object));

  init_native_type(context_type, "Context", construct_context);
  add_methods(context_type, {{"run", self_or_first<context_run>},
                             {"copy", self_or_first<context_copy>},
                             {"get", self_or_first<context_get>},
                             {"keys", self_or_first<context_keys>},
                             {"values", self_or_first<context_values>},
                             {"items", self_or_first<context_items>},
                             {"__getitem__", self_or_first<context_getitem>},
                             {"__contains__", self_or_first<context_contains>},
                             {"__len__", self_or_first<context_len>},
                             {"__iter__", self_or_first<context_iter>}});
  add_attr(context_type, "__hash__", Value::none());
}

} // namespace

Module* make_contextvars_module() {
  if (!context_type.name[0]) init_types();
  Module* m = new_module("_contextvars");
  add_value(m, "ContextVar", Value::object(&context_var_type));
  add_value(m, "Token", Value::object(&token_type));
  add_value(m, "Context", Value::object(&context_type));
  add_function(m, "copy_context", copy_context);
  return m;
}

} // namespace tributary::lib
