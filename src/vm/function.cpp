// function.cpp — function and code objects as Python code sees them: their
// attributes, and what repr and tracebacks show of them.
//
// Python functions expose their metadata (__name__, __defaults__, __code__...)
// and keep arbitrary user attributes in Function::dict, created on first
// store; code objects are read-only. The runtime's getattr and repr reach
// these through runtime/interpreter.h.
#include <algorithm>
#include <climits>
#include <iterator>
#include <optional>
#include <string>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "vm/code.h"
#include "vm/interp.h"

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

// co_linetable in CPython 3.11's format (Objects/locations.md) over
// Tributary's instructions, one code unit each: entries of up to 8 units on
// one line, "no column" entries (code 13) with the line's delta from the
// previous entry's as a signed varint, "no location" (code 15) for line 0.
Value line_table(const Code* c) {
  std::string out;
  int prev = c->first_line;
  for (size_t i = 0; i < c->code.size();) {
    int line = i < c->lines.size() ? c->lines[i] : 0;
    size_t j = i + 1;
    while (j < c->code.size() && j - i < 8 && (j < c->lines.size() ? c->lines[j] : 0) == line)
      ++j;
    int code = line > 0 ? 13 : 15;
    out += static_cast<char>(0x80 | (code << 3) | static_cast<int>(j - i - 1));
    if (line > 0) {
      int delta = line - prev;
      uint32_t v = delta < 0 ? (static_cast<uint32_t>(-delta) << 1) | 1 : static_cast<uint32_t>(delta) << 1;
      for (; v >= 0x40; v >>= 6)
        out += static_cast<char>(0x40 | (v & 0x3f));
      out += static_cast<char>(v);
      prev = line;
    }
    i = j;
  }
  return Value::object(new_bytes(out));
}

// co_exceptiontable in CPython 3.11's format (Objects/exception_handling_notes.txt):
// per entry start, size, target and depth << 1 (lasti: Tributary keeps no
// such flag) in code units, as big-endian 6-bit varints, the entry's first
// byte marked with 0x80.
Value exception_table(const Code* c) {
  std::string out;
  auto varint = [&](uint32_t v, bool first) {
    int shift = 0;
    while (shift + 6 < 32 && (v >> (shift + 6)))
      shift += 6;
    for (; shift > 0; shift -= 6) {
      out += static_cast<char>((first ? 0x80 : 0) | 0x40 | ((v >> shift) & 0x3f));
      first = false;
    }
    out += static_cast<char>((first ? 0x80 : 0) | (v & 0x3f));
  };
  for (const ExceptionEntry& e : c->exception_table) {
    varint(e.start, true);
    varint(e.end - e.start, false);
    varint(e.target, false);
    varint(e.depth << 1, false);
  }
  return Value::object(new_bytes(out));
}

// SystemError, which only the builtins module defines.
[[noreturn]] void raise_system_error(std::string_view msg) {
  Value cls = dict_get(state().builtins->dict, Value::object(intern("SystemError")));
  raise(*cls.as<Type>(), msg);
}

std::vector<std::string> names_of(Value v, std::string_view field) {
  if (!is_tuple(v))
    raise_fmt(types::type_error, "replace() argument '{}' must be tuple, not {}", field, type_of(v)->name);
  std::vector<std::string> out;
  for (Value n : v.as<Tuple>()->span()) {
    if (!is_str(n)) raise_system_error("non-string found in code slot");
    out.emplace_back(n.as<Str>()->view());
  }
  return out;
}

// An int argument of code.replace() as CPython's "int" converter reads it.
int replace_int(Value v) {
  if (!v.is_small_int() && !is_kind(v, Kind::Int) && !is_kind(v, Kind::Bool))
    raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", type_of(v)->name);
  std::optional<int64_t> i = int_as_i64(v);
  if (!i || *i > INT32_MAX || *i < INT32_MIN) raise(types::overflow_error, "Python int too large to convert to C int");
  return static_cast<int>(*i);
}

// What code.replace() builds a code object from: the original's fields, then
// the keywords' values.
struct CodeFields {
  int argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno;
  Value code, consts, names, varnames, freevars, cellvars, linetable, exceptiontable;
  std::string name, qualname, filename;
};

// code.replace(**changes), checked as CPython's code_replace and
// _PyCode_Validate check (same errors, same order), then applied as far as
// Tributary's instructions allow: names, constants, line numbers, argument
// counts, co_flags' CO_ITERABLE_COROUTINE/CO_NESTED, a larger stack or more
// local variables. What the instructions cannot follow (other co_code bytes,
// fewer locals or a smaller stack than they use, another number of cells or
// constants, another line or exception table) raises ValueError, the error
// CPython gives for an invalid code object, instead of being ignored.
Value code_replace(Value self, const Args& a) {
  if (a.npos) raise(types::type_error, "replace() takes no positional arguments");
  const Code* c = self.as<Code>();
  CodeFields f{c->argcount,    c->posonlycount, c->kwonlycount,
               c->nlocals,     c->max_stack,    static_cast<int>(cpython_code_flags(c)),
               c->first_line,  Value::empty(),  Value::empty(),
               Value::empty(), Value::empty(),  Value::empty(),
               Value::empty(), Value::empty(),  Value::empty(),
               c->name,        c->qualname,     c->filename};
  auto text = [](std::string_view k, Value v) {
    if (!is_str(v)) raise_fmt(types::type_error, "replace() argument '{}' must be str, not {}", k, type_of(v)->name);
    return std::string(v.as<Str>()->view());
  };
  auto bytes = [](std::string_view k, Value v) {
    if (!is_kind(v, Kind::Bytes))
      raise_fmt(types::type_error, "replace() argument '{}' must be bytes, not {}", k, type_of(v)->name);
    return v;
  };
  auto tuple = [](std::string_view k, Value v) {
    if (!is_tuple(v))
      raise_fmt(types::type_error, "replace() argument '{}' must be tuple, not {}", k, type_of(v)->name);
    return v;
  };
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    Value v = a.kwvals[i];
    if (k == "co_argcount")
      f.argcount = replace_int(v);
    else if (k == "co_posonlyargcount")
      f.posonlyargcount = replace_int(v);
    else if (k == "co_kwonlyargcount")
      f.kwonlyargcount = replace_int(v);
    else if (k == "co_nlocals")
      f.nlocals = replace_int(v);
    else if (k == "co_stacksize")
      f.stacksize = replace_int(v);
    else if (k == "co_flags")
      f.flags = replace_int(v);
    else if (k == "co_firstlineno")
      f.firstlineno = replace_int(v);
    else if (k == "co_code")
      f.code = bytes(k, v);
    else if (k == "co_consts")
      f.consts = tuple(k, v);
    else if (k == "co_names")
      f.names = tuple(k, v);
    else if (k == "co_varnames")
      f.varnames = tuple(k, v);
    else if (k == "co_freevars")
      f.freevars = tuple(k, v);
    else if (k == "co_cellvars")
      f.cellvars = tuple(k, v);
    else if (k == "co_filename")
      f.filename = text(k, v);
    else if (k == "co_name")
      f.name = text(k, v);
    else if (k == "co_qualname")
      f.qualname = text(k, v);
    else if (k == "co_linetable")
      f.linetable = bytes(k, v);
    else if (k == "co_exceptiontable")
      f.exceptiontable = bytes(k, v);
    else
      raise_fmt(types::type_error, "'{}' is an invalid keyword argument for replace()", k);
  }
  const std::pair<const char*, int> ints[] = {{"co_argcount", f.argcount},
                                              {"co_posonlyargcount", f.posonlyargcount},
                                              {"co_kwonlyargcount", f.kwonlyargcount},
                                              {"co_nlocals", f.nlocals},
                                              {"co_stacksize", f.stacksize},
                                              {"co_flags", f.flags},
                                              {"co_firstlineno", f.firstlineno}};
  for (auto [field, value] : ints)
    if (value < 0) raise_fmt(types::value_error, "{} must be a positive integer", field);

  std::vector<std::string> varnames = f.varnames.is_empty() ? c->local_names : names_of(f.varnames, "co_varnames");
  std::vector<std::string> freevars = f.freevars.is_empty() ? c->free_names : names_of(f.freevars, "co_freevars");
  std::vector<std::string> cellvars = f.cellvars.is_empty() ? c->cell_names : names_of(f.cellvars, "co_cellvars");
  // _PyCode_Validate: a bad combination of counts is "a bad argument to an
  // internal function" (SystemError); CPython's message also names its C source line.
  if (f.argcount < f.posonlyargcount) raise_system_error("bad argument to internal function");
  if (!f.code.is_empty() && f.code.as<Bytes>()->size % 2) raise(types::value_error, "code: co_code is malformed");
  int nplain = static_cast<int>(varnames.size()) - f.argcount - f.kwonlyargcount - ((f.flags & 0x04) ? 1 : 0) -
               ((f.flags & 0x08) ? 1 : 0);
  if (nplain < 0) raise(types::value_error, "code: co_varnames is too small");
  if (static_cast<size_t>(f.nlocals) != varnames.size())
    raise(types::value_error, "code: co_nlocals != len(co_varnames)");

  // What CPython would accept but Tributary's instructions cannot follow.
  if (!f.code.is_empty() && !equals(f.code, code_bytes(c)))
    raise(types::value_error, "code: co_code is not Tributary's bytecode (only the code's own co_code can be given)");
  if (f.nlocals < c->nlocals)
    raise_fmt(types::value_error, "code: co_varnames is too small (the instructions use {} locals)", c->nlocals);
  if (f.stacksize < c->max_stack)
    raise_fmt(types::value_error, "code: co_stacksize is too small (the instructions use {})", c->max_stack);
  if (freevars.size() != c->free_names.size() || cellvars.size() != c->cell_names.size())
    raise(types::value_error, "code: co_freevars and co_cellvars must keep their number of cells");
  if (!f.consts.is_empty() && f.consts.as<Tuple>()->size != c->consts.size())
    raise_fmt(types::value_error, "code: co_consts must keep its {} constants (the instructions index them)",
              c->consts.size());
  std::vector<std::string> names;
  if (!f.names.is_empty()) {
    names = names_of(f.names, "co_names");
    if (names.size() != c->names.size())
      raise_fmt(types::value_error, "code: co_names must keep its {} names (the instructions index them)",
                c->names.size());
  }
  if (!f.linetable.is_empty() && !equals(f.linetable, line_table(c)))
    raise(types::value_error, "code: co_linetable can only be given its own value");
  if (!f.exceptiontable.is_empty() && !equals(f.exceptiontable, exception_table(c)))
    raise(types::value_error, "code: co_exceptiontable can only be given its own value");
  // Only CO_ITERABLE_COROUTINE (types.coroutine) and CO_NESTED may change:
  // the other bits describe how the instructions were compiled.
  constexpr int kIterable = 0x100, kNestedBit = 0x10;
  int now_flags = static_cast<int>(cpython_code_flags(c));
  if ((now_flags ^ f.flags) & ~(kIterable | kNestedBit))
    raise_fmt(types::value_error,
              "code: co_flags cannot change from {:#x} to {:#x} (the instructions were compiled for them)", now_flags,
              f.flags);

  Code* n = copy_code(c);
  n->name = f.name;
  n->qualname = f.qualname;
  n->filename = f.filename;
  int delta = f.firstlineno - c->first_line;
  n->first_line = f.firstlineno;
  for (int& line : n->lines)
    if (line > 0) line += delta;
  if (!f.consts.is_empty())
    n->consts.assign(f.consts.as<Tuple>()->items, f.consts.as<Tuple>()->items + c->consts.size());
  for (size_t j = 0; j < names.size(); ++j)
    n->names[j] = Value::object(intern(names[j]));
  n->flags &= ~static_cast<uint32_t>(kIterableCoroutine | kNested);
  if (f.flags & kIterable) n->flags |= kIterableCoroutine;
  if (f.flags & kNestedBit) n->flags |= kNested;
  n->argcount = f.argcount;
  n->posonlycount = f.posonlyargcount;
  n->kwonlycount = f.kwonlyargcount;
  n->nlocals = f.nlocals;
  n->max_stack = f.stacksize;
  n->local_names = std::move(varnames);
  n->free_names = std::move(freevars);
  n->cell_names = std::move(cellvars);
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
  if (n == "co_linetable") return line_table(c);
  if (n == "co_exceptiontable") return exception_table(c);
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
