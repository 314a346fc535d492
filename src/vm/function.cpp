// function.cpp — function and code objects as Python code sees them: their
// attributes, and what repr and tracebacks show of them.
//
// Python functions expose their metadata (__name__, __defaults__, __code__...)
// and keep arbitrary user attributes in Function::dict, created on first
// store; code objects are read-only. The runtime's getattr and repr reach
// these through runtime/interpreter.h.
#include "runtime/containers.h"
#include "runtime/ops.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "vm/code.h"

namespace tributary::vm {

namespace {

Value or_none(const Object* o) { return o ? Value::object(o) : Value::none(); }

Value str_tuple(const std::vector<std::string>& names, size_t count) {
  Tuple* t = new_tuple(std::min(count, names.size()));
  for (size_t i = 0; i < t->size; ++i)
    t->items[i] = Value::object(intern(names[i]));
  return Value::object(t);
}

Dict* function_dict(Function* f) {
  if (f->dict.is_empty() || !is_dict(f->dict)) f->dict = Value::object(new_dict());
  return f->dict.as<Dict>();
}

// code.co_positions(): one (line, end_line, col, end_col) per instruction;
// Tributary keeps no columns, and traceback.py then uses tb_lineno (without
// carets), so every entry is four Nones.
Value code_positions(Value self, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "co_positions() takes no arguments");
  Value nones[4] = {Value::none(), Value::none(), Value::none(), Value::none()};
  Value entry = Value::object(new_tuple(nones));
  List* out = new_list();
  for (size_t i = 0; i < self.as<Code>()->code.size(); ++i) list_append(out, entry);
  return get_iter(Value::object(out));
}

} // namespace

Value code_get_attr(Value code, Str* name) {
  auto* c = code.as<Code>();
  std::string_view n = name->view();
  if (n == "co_name") return str_value(c->name);
  if (n == "co_qualname") return str_value(c->qualname);
  if (n == "co_filename") return str_value(c->filename);
  if (n == "co_firstlineno") return Value::small_int(c->first_line);
  if (n == "co_flags") return Value::small_int(cpython_code_flags(c));
  if (n == "co_argcount") return Value::small_int(c->argcount);
  if (n == "co_posonlyargcount") return Value::small_int(c->posonlycount);
  if (n == "co_kwonlyargcount") return Value::small_int(c->kwonlycount);
  if (n == "co_nlocals") return Value::small_int(c->nlocals);
  if (n == "co_varnames") return str_tuple(c->local_names, c->local_names.size());
  if (n == "co_cellvars") return str_tuple(c->cell_names, c->cell_names.size());
  if (n == "co_freevars") return str_tuple(c->free_names, c->free_names.size());
  if (n == "co_positions") return new_native("co_positions", code_positions, code);
  return Value::empty();
}

Value function_get_attr(Value fn, Str* name) {
  auto* f = fn.as<Function>();
  std::string_view n = name->view();
  if (n == "__name__") return Value::object(f->name);
  if (n == "__qualname__") return Value::object(f->qualname);
  if (n == "__module__") return f->module.is_empty() ? Value::none() : f->module;
  if (n == "__doc__") return f->doc.is_empty() ? Value::none() : f->doc;
  if (n == "__defaults__") return or_none(f->defaults);
  if (n == "__kwdefaults__") return f->kwdefaults.is_empty() ? Value::none() : f->kwdefaults;
  if (n == "__code__") return Value::object(f->code);
  if (n == "__globals__") return f->globals;
  if (n == "__closure__") return or_none(f->closure);
  if (n == "__dict__") return Value::object(function_dict(f));
  if (is_dict(f->dict)) {
    if (Value* v = dict_find_str(f->dict.as<Dict>(), name)) return *v;
  }
  if (n == "__annotations__") {
    Value d = Value::object(new_dict());
    dict_set(function_dict(f), Value::object(name), d);
    return d;
  }
  return Value::empty();
}

bool function_set_attr(Value fn, Str* name, Value v) {
  if (!is_kind(fn, Kind::Function)) return false;
  auto* f = fn.as<Function>();
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") {
    if (!is_str(v)) raise_fmt(types::type_error, "{} must be set to a string object", n);
    (n == "__name__" ? f->name : f->qualname) = v.as<Str>();
  } else if (n == "__defaults__") {
    if (!v.is_none() && !is_tuple(v)) raise_type_error("__defaults__ must be set to a tuple object");
    f->defaults = v.is_none() ? nullptr : v.as<Tuple>();
  } else if (n == "__kwdefaults__") {
    if (!v.is_none() && !is_dict(v)) raise_type_error("__kwdefaults__ must be set to a dict object");
    f->kwdefaults = v.is_none() ? Value::empty() : v;
  } else if (n == "__doc__") {
    f->doc = v;
  } else if (n == "__module__") {
    f->module = v;
  } else if (n == "__dict__") {
    if (!is_dict(v))
      raise_type_error("__dict__ must be set to a dictionary, not a '" + std::string(type_of(v)->name) + "'");
    f->dict = v;
  } else if (n == "__code__" || n == "__globals__" || n == "__closure__") {
    if (n != "__code__") raise_fmt(types::attribute_error, "readonly attribute");
    if (!is_kind(v, Kind::Code)) raise_type_error("__code__ must be set to a code object");
    f->code = v.as<Code>();
  } else {
    dict_set(function_dict(f), Value::object(name), v);
  }
  return true;
}

bool function_del_attr(Value fn, Str* name) {
  if (!is_kind(fn, Kind::Function)) return false;
  auto* f = fn.as<Function>();
  return is_dict(f->dict) && dict_del(f->dict.as<Dict>(), Value::object(name));
}

Str* function_qualname(Value fn) { return fn.as<Function>()->qualname; }

CodeLocation code_location(Value code) {
  auto* c = code.as<Code>();
  return {c->name, c->filename, c->first_line};
}

} // namespace tributary::vm
