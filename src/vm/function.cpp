// function.cpp — function and code objects as Python code sees them: their
// attributes, and what repr and tracebacks show of them.
//
// Python functions expose their metadata (__name__, __defaults__, __code__...)
// and keep arbitrary user attributes in Function::dict, created on first
// store; code objects are read-only. The runtime's getattr and repr reach
// these through runtime/interpreter.h.
#include <algorithm>
#include <iterator>
#include <string>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
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

// code.co_code: two bytes per instruction, its opcode and the low byte of its
// argument. (Tributary's own instruction set, not CPython's: only its type
// and length mean the same.)
Value code_bytes(const Code* c) {
  std::string out;
  out.reserve(c->code.size() * 2);
  for (const Instr& in : c->code) {
    out += static_cast<char>(in.op);
    out += static_cast<char>(in.arg & 0xFF);
  }
  return Value::object(new_bytes(out));
}

Value values_tuple(const GcVector<Value>& v) {
  return Value::object(new_tuple(std::span<const Value>(v.data(), v.size())));
}

// code.co_lines(): (start, end, line) over co_code's byte offsets, one per run
// of instructions on the same line (None: no line).
Value code_lines(Value self, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "co_lines() takes no arguments");
  const Code* c = self.as<Code>();
  List* out = new_list();
  for (size_t i = 0; i < c->code.size();) {
    size_t j = i + 1;
    int line = i < c->lines.size() ? c->lines[i] : 0;
    while (j < c->code.size() && j < c->lines.size() && c->lines[j] == line)
      ++j;
    Value items[3] = {make_int(static_cast<int64_t>(2 * i)), make_int(static_cast<int64_t>(2 * j)),
                      line > 0 ? Value::small_int(line) : Value::none()};
    list_append(out, Value::object(new_tuple(items)));
    i = j;
  }
  return get_iter(Value::object(out));
}

std::vector<std::string> names_of(Value v, const char* field, size_t count) {
  if (!is_tuple(v))
    raise_fmt(types::type_error, "replace() argument '{}' must be tuple, not {}", field, type_of(v)->name);
  Tuple* t = v.as<Tuple>();
  if (t->size != count)
    raise_fmt(types::not_implemented_error, "code.replace({}=...) with {} names instead of {}", field, t->size, count);
  std::vector<std::string> out;
  for (Value n : t->span()) {
    if (!is_str(n)) raise_fmt(types::type_error, "name tuples must contain only strings, not '{}'", type_of(n)->name);
    out.emplace_back(n.as<Str>()->view());
  }
  return out;
}

// code.replace(**changes): a copy with its name, qualname, filename, first
// line, constants, names or variable names replaced (the same number of
// each: the instructions index them). Other fields only to their value.
Value code_replace(Value self, const Args& a) {
  if (a.npos) raise(types::type_error, "replace() takes no positional arguments");
  const Code* c = self.as<Code>();
  Code* n = copy_code(c);
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    Value v = a.kwvals[i];
    std::string field(k);
    auto text = [&] {
      if (!is_str(v)) raise_fmt(types::type_error, "replace() argument '{}' must be str, not {}", k, type_of(v)->name);
      return std::string(v.as<Str>()->view());
    };
    if (k == "co_name") {
      n->name = text();
    } else if (k == "co_qualname") {
      n->qualname = text();
    } else if (k == "co_filename") {
      n->filename = text();
    } else if (k == "co_firstlineno") {
      if (!v.is_small_int())
        raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", type_of(v)->name);
      int delta = static_cast<int>(v.as_small_int()) - c->first_line;
      n->first_line += delta;
      for (int& line : n->lines)
        if (line > 0) line += delta;
    } else if (k == "co_consts") {
      if (!is_tuple(v))
        raise_fmt(types::type_error, "replace() argument 'co_consts' must be tuple, not {}", type_of(v)->name);
      Tuple* t = v.as<Tuple>();
      if (t->size != c->consts.size())
        raise_fmt(types::not_implemented_error, "code.replace(co_consts=...) with {} constants instead of {}", t->size,
                  c->consts.size());
      n->consts.assign(t->items, t->items + t->size);
    } else if (k == "co_names") {
      std::vector<std::string> names = names_of(v, "co_names", c->names.size());
      for (size_t j = 0; j < names.size(); ++j)
        n->names[j] = Value::object(intern(names[j]));
    } else if (k == "co_flags") {
      // Only CO_ITERABLE_COROUTINE (types.coroutine) and CO_NESTED may change:
      // the other bits describe how the instructions were compiled.
      constexpr int64_t kIterable = 0x100, kNestedBit = 0x10;
      if (!v.is_small_int() && !is_kind(v, Kind::Int)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", type_of(v)->name);
      int64_t now = cpython_code_flags(c), want = int_as_i64(v).value_or(-1);
      if ((now ^ want) & ~(kIterable | kNestedBit))
        raise_fmt(types::not_implemented_error, "code.replace() cannot change co_flags from {:#x} to {:#x}", now, want);
      n->flags = (n->flags & ~(kIterableCoroutine | kNested)) | ((want & kIterable) ? kIterableCoroutine : 0) |
                 ((want & kNestedBit) ? kNested : 0);
    } else if (k == "co_varnames") {
      if (is_tuple(v) && v.as<Tuple>()->size != c->local_names.size())
        raise(types::value_error, "code: co_nlocals != len(co_varnames)");
      n->local_names = names_of(v, "co_varnames", c->local_names.size());
    } else {
      static constexpr std::string_view kOthers[] = {
          "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",   "co_stacksize",
          "co_code",     "co_freevars",        "co_cellvars",       "co_linetable", "co_exceptiontable"};
      if (std::find(std::begin(kOthers), std::end(kOthers), k) == std::end(kOthers))
        raise_fmt(types::type_error, "'{}' is an invalid keyword argument for replace()", k);
      Value now = code_get_attr(self, intern(k));
      if (now.is_empty() || !equals(now, v))
        raise_fmt(types::not_implemented_error, "code.replace() cannot change {} yet", k);
    }
  }
  return Value::object(n);
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
  if (n == "co_lines") return new_native("co_lines", code_lines, code);
  if (n == "replace") return new_native("replace", code_replace, code);
  if (n == "co_code") return code_bytes(c);
  if (n == "co_consts") return values_tuple(c->consts);
  if (n == "co_names") return values_tuple(c->names);
  if (n == "co_stacksize") return Value::small_int(c->max_stack);
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
    f->code = is_dict(f->globals) ? code_for_globals(v.as<Code>(), f->globals.as<Dict>()) : v.as<Code>();
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

namespace {

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None):
// CPython's func_new, with its argument checks and messages.
Value construct_function(Value, const Args& a) {
  static constexpr const char* kNames[] = {"code", "globals", "name", "argdefs", "closure"};
  Value p[5];
  if (a.npos > 5) raise_fmt(types::type_error, "function() takes at most 5 arguments ({} given)", a.npos + a.nkw);
  for (uint32_t i = 0; i < a.npos; ++i)
    p[i] = a[i];
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    auto at = std::find_if(std::begin(kNames), std::end(kNames), [&](const char* n) { return k == n; });
    if (at == std::end(kNames)) raise_fmt(types::type_error, "'{}' is an invalid keyword argument for function()", k);
    Value& slot = p[at - std::begin(kNames)];
    if (!slot.is_empty())
      raise_fmt(types::type_error, "argument for function() given by name ('{}') and position ({})", k,
                at - std::begin(kNames) + 1);
    slot = a.kwvals[i];
  }
  for (int i = 0; i < 2; ++i)
    if (p[i].is_empty())
      raise_fmt(types::type_error, "function() missing required argument '{}' (pos {})", kNames[i], i + 1);
  if (!is_kind(p[0], Kind::Code))
    raise_fmt(types::type_error, "function() argument 'code' must be code, not {}", type_of(p[0])->name);
  if (!is_dict(p[1]))
    raise_fmt(types::type_error, "function() argument 'globals' must be dict, not {}", type_of(p[1])->name);
  Value name = p[2], defaults = p[3], closure = p[4];
  if (!name.is_empty() && !name.is_none() && !is_str(name)) raise_type_error("arg 3 (name) must be None or string");
  if (!defaults.is_empty() && !defaults.is_none() && !is_tuple(defaults))
    raise_type_error("arg 4 (defaults) must be None or tuple");
  Code* code = p[0].as<Code>();
  size_t nfree = code->free_names.size();
  if (!closure.is_empty() && !closure.is_none()) {
    if (!is_tuple(closure)) raise_type_error("arg 5 (closure) must be tuple");
    for (Value c : closure.as<Tuple>()->span())
      if (!is_kind(c, Kind::Cell))
        raise_fmt(types::type_error, "arg 5 (closure) expected cell, found {}", type_of(c)->name);
  } else if (nfree) {
    raise_type_error("arg 5 (closure) must be tuple");
  }
  size_t nclosure = is_tuple(closure) ? closure.as<Tuple>()->size : 0;
  if (nclosure != nfree)
    raise_fmt(types::value_error, "{} requires closure of length {}, not {}", code->name, nfree, nclosure);
  Dict* globals = p[1].as<Dict>();
  Function* f = new_function(code_for_globals(code, globals), p[1]);
  if (is_str(name)) f->name = name.as<Str>();
  if (is_tuple(defaults)) f->defaults = defaults.as<Tuple>();
  if (nclosure) f->closure = closure.as<Tuple>();
  if (Value* m = dict_find_str(globals, intern("__name__"))) f->module = *m;
  return Value::object(f);
}

} // namespace

void init_function_type() { types::function.construct = construct_function; }

CodeLocation code_location(Value code) {
  auto* c = code.as<Code>();
  return {c->name, c->filename, c->first_line};
}

} // namespace tributary::vm
