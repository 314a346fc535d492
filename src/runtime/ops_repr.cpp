// ops_repr.cpp — repr(), str() and format() of every builtin value, exactly as CPython prints them.
//
// Containers print through one std::string buffer (repr_into) and guard
// against self-reference with ReprGuard: a list containing itself prints
// `[[...]]`, a dict `{1: {...}}`. Addresses print as CPython's %p does (0x...).
#include <gmp.h>

#include <charconv>
#include <vector>

#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/iter.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"

namespace tributary {

using ops_detail::address;
using ops_detail::is_user_type;

namespace ops_detail {

namespace {
// Objects whose repr is in progress (innermost last); repr is single-threaded.
std::vector<const Object*>& repr_stack() {
  static std::vector<const Object*> stack;
  return stack;
}
} // namespace

ReprGuard::ReprGuard(const Object* o) : active(true), obj(o) {
  vm::enter_call(" while getting the repr of an object");
  for (const Object* p : repr_stack())
    if (p == o) active = false;
  if (active) repr_stack().push_back(o);
}

ReprGuard::~ReprGuard() {
  if (active) repr_stack().pop_back();
  vm::leave_call();
}

} // namespace ops_detail

namespace {

[[noreturn]] void raise_fmtlib(const fmtlib::FormatError& e) {
  Type* t = &types::value_error;
  if (e.type == "TypeError")
    t = &types::type_error;
  else if (e.type == "OverflowError")
    t = &types::overflow_error;
  raise(*t, e.message);
}

std::string bigint_decimal(Value v) {
  try {
    return fmtlib::int_to_string(v.as<BigInt>()->z, 10);
  } catch (const fmtlib::FormatError& e) {
    raise_fmtlib(e);
  }
}

void bytes_repr_into(std::string& out, const Bytes* b) {
  std::string_view data(reinterpret_cast<const char*>(b->data), b->size);
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out += 'b';
  out += quote;
  for (unsigned char c : data) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
}

// "module.Qualname" of a class as repr(<class>) shows it.
std::string class_path(const Type* t) {
  std::string name = t->qualname ? std::string(t->qualname->view()) : std::string(t->name);
  if (is_str(t->module_name)) {
    std::string_view mod = t->module_name.as<Str>()->view();
    if (mod != "builtins") return std::string(mod) + "." + name;
  }
  return name;
}

// The name a callable shows inside `<bound method X of ...>`.
std::string callable_qualname(Value f) {
  if (is_kind(f, Kind::Function)) return std::string(vm::function_qualname(f)->view());
  if (is_kind(f, Kind::NativeFunction)) {
    auto* n = f.as<NativeFunction>();
    return n->owner ? fmt::format("{}.{}", n->owner->name, n->name) : n->name;
  }
  return "?";
}

void repr_into(std::string& out, Value v);

template <class Range> void items_into(std::string& out, const Range& items) {
  bool first = true;
  for (Value item : items) {
    if (!first) out += ", ";
    first = false;
    repr_into(out, item);
  }
}

void dict_into(std::string& out, Dict* d) {
  ops_detail::ReprGuard guard(d);
  if (!guard.active) {
    out += "{...}";
    return;
  }
  out += '{';
  size_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, pos, k, v)) {
    if (!first) out += ", ";
    first = false;
    repr_into(out, k);
    out += ": ";
    repr_into(out, v);
  }
  out += '}';
}

void set_into(std::string& out, Set* s) {
  bool frozen = s->type->kind == Kind::FrozenSet;
  std::string name = s->type->name; // (a subclass's bare name, as CPython's tp_name)
  if (s->used == 0) {
    out += name + "()";
    return;
  }
  ops_detail::ReprGuard guard(s);
  if (!guard.active) {
    out += name + "(...)";
    return;
  }
  bool wrap = frozen || !s->type->is_builtin;
  if (wrap) out += name + "(";
  out += '{';
  size_t pos = 0;
  Value key;
  bool first = true;
  while (set_next(s, pos, key)) {
    if (!first) out += ", ";
    first = false;
    repr_into(out, key);
  }
  out += '}';
  if (wrap) out += ')';
}

void view_into(std::string& out, Value v) {
  Type* t = type_of(v);
  ops_detail::ReprGuard guard(v.as_object());
  if (!guard.active) {
    out += fmt::format("{}(...)", t->name);
    return;
  }
  out += t->name;
  out += "([";
  Value it = get_iter(v);
  Value item;
  bool first = true;
  while (iter_next(it, item)) {
    if (!first) out += ", ";
    first = false;
    repr_into(out, item);
  }
  out += "])";
}

void native_into(std::string& out, NativeFunction* f) {
  if (f->self.is_empty()) {
    if (f->owner)
      out += fmt::format("<method '{}' of '{}' objects>", f->name, f->owner->name);
    else
      out += fmt::format("<built-in function {}>", f->name);
    return;
  }
  if (is_kind(f->self, Kind::Module) || is_type(f->self)) {
    out += fmt::format("<built-in function {}>", f->name);
    return;
  }
  out += fmt::format("<built-in method {} of {} object at {}>", f->name, type_of(f->self)->name,
                     f->self.is_object() ? address(f->self.as_object()) : std::string("0x0"));
}

void module_into(std::string& out, Module* m) {
  Value file = dict_get(m->dict, Value::object(intern("__file__")));
  if (is_str(file))
    out += fmt::format("<module {} from {}>", str_repr(m->name->view()), str_repr(file.as<Str>()->view()));
  else
    out += fmt::format("<module {} (built-in)>", str_repr(m->name->view()));
}

// User classes: __repr__ (or __str__) defined in Python; empty when the class has none.
Value user_text(Value v, const char* dunder) {
  Value r = ops_detail::call_dunder(v, dunder);
  if (r.is_empty()) return r;
  if (!is_str(r)) raise_fmt(types::type_error, "{} returned non-string (type {})", dunder, type_of(r)->name);
  return r;
}

void repr_into(std::string& out, Value v) {
  if (v.is_small_int()) {
    out += std::to_string(v.as_small_int());
    return;
  }
  if (v.is_double()) {
    out += fmtlib::float_repr(v.as_double());
    return;
  }
  if (v.is_none()) {
    out += "None";
    return;
  }
  if (v.is_bool()) {
    out += v.is_true() ? "True" : "False";
    return;
  }
  if (v.is_empty()) {
    out += "<NULL>";
    return;
  }
  Object* o = v.as_object();
  Type* t = o->type;
  if (is_user_type(t)) {
    if (Value r = user_text(v, "__repr__"); !r.is_empty()) {
      out += r.as<Str>()->view();
      return;
    }
  }
  switch (t->kind) {
  case Kind::Int: out += bigint_decimal(v); return;
  case Kind::Float: out += fmtlib::float_repr(v.as<Float>()->value); return;
  case Kind::Str: out += str_repr(v.as<Str>()->view()); return;
  case Kind::Bytes: bytes_repr_into(out, v.as<Bytes>()); return;
  case Kind::Tuple: {
    Tuple* tup = v.as<Tuple>();
    if (tup->size == 0) {
      out += "()";
      return;
    }
    ops_detail::ReprGuard guard(o);
    if (!guard.active) {
      out += "(...)";
      return;
    }
    out += '(';
    items_into(out, tup->span());
    out += tup->size == 1 ? ",)" : ")";
    return;
  }
  case Kind::List: {
    ops_detail::ReprGuard guard(o);
    if (!guard.active) {
      out += "[...]";
      return;
    }
    out += '[';
    // Index loop: a repr may mutate the list.
    List* l = v.as<List>();
    for (size_t i = 0; i < l->items.size(); ++i) {
      if (i) out += ", ";
      repr_into(out, l->items[i]);
    }
    out += ']';
    return;
  }
  case Kind::Dict: dict_into(out, v.as<Dict>()); return;
  case Kind::Set:
  case Kind::FrozenSet: set_into(out, v.as<Set>()); return;
  case Kind::DictView: view_into(out, v); return;
  case Kind::Range: {
    Range* r = v.as<Range>();
    if (r->big) {
      out += "range(" + int_to_decimal(r->bstart) + ", " + int_to_decimal(r->bstop);
      if (int_compare(r->bstep, Value::small_int(1)) != 0) out += ", " + int_to_decimal(r->bstep);
      out += ')';
    } else if (r->step == 1) {
      out += fmt::format("range({}, {})", r->start, r->stop);
    } else {
      out += fmt::format("range({}, {}, {})", r->start, r->stop, r->step);
    }
    return;
  }
  case Kind::Slice: {
    Slice* s = v.as<Slice>();
    out += "slice(";
    repr_into(out, s->start);
    out += ", ";
    repr_into(out, s->stop);
    out += ", ";
    repr_into(out, s->step);
    out += ')';
    return;
  }
  case Kind::Type: out += fmt::format("<class '{}'>", class_path(v.as<Type>())); return;
  case Kind::Function: out += fmt::format("<function {} at {}>", vm::function_qualname(v)->view(), address(o)); return;
  case Kind::NativeFunction: native_into(out, v.as<NativeFunction>()); return;
  case Kind::BoundMethod: {
    auto* m = v.as<BoundMethod>();
    out += fmt::format("<bound method {} of ", callable_qualname(m->func));
    repr_into(out, m->self);
    out += '>';
    return;
  }
  case Kind::Module: module_into(out, v.as<Module>()); return;
  case Kind::Cell: {
    Value c = v.as<Cell>()->value;
    if (c.is_empty())
      out += fmt::format("<cell at {}: empty>", address(o));
    else
      out += fmt::format("<cell at {}: {} object at {}>", address(o), type_of(c)->name,
                         c.is_object() ? address(c.as_object()) : std::string("0x0"));
    return;
  }
  case Kind::Code: {
    vm::CodeLocation c = vm::code_location(v);
    out += fmt::format("<code object {} at {}, file \"{}\", line {}>", c.name, address(o), c.filename, c.first_line);
    return;
  }
  case Kind::Exception: out += exception_repr(v); return;
  case Kind::StaticMethod:
  case Kind::ClassMethod:
    out += fmt::format("<{}(", t->name);
    repr_into(out, v.as<StaticMethod>()->func);
    out += ")>";
    return;
  case Kind::Generator:
    out += fmt::format("<generator object {} at {}>", vm::generator_qualname(v)->view(), address(o));
    return;
  case Kind::NotImplemented: out += "NotImplemented"; return;
  case Kind::Ellipsis: out += "Ellipsis"; return;
  default: break;
  }
  if (ops_detail::is_union(v)) {
    out += ops_detail::union_repr(v);
    return;
  }
  if (ops_detail::is_generic_alias(v)) {
    out += ops_detail::generic_alias_repr(v);
    return;
  }
  if (Str* q = vm::coroutine_qualname(v)) {
    out += fmt::format("<{} object {} at {}>", t->name, q->view(), address(o));
    return;
  }
  out += fmt::format("<{} object at {}>", is_user_type(t) ? class_path(t) : std::string(t->name), address(o));
}

} // namespace

std::string repr_string(Value v) {
  std::string out;
  repr_into(out, v);
  return out;
}

std::string str_string(Value v) {
  if (is_str(v)) return std::string(v.as<Str>()->view());
  return std::string(to_str(v)->view());
}

Str* repr(Value v) {
  if (v.is_small_int()) { // (str() of ints in formatting loops: no std::string in between)
    char buf[24];
    char* end = std::to_chars(buf, buf + sizeof buf, v.as_small_int()).ptr;
    return new_str(std::string_view(buf, static_cast<size_t>(end - buf)));
  }
  return new_str(repr_string(v));
}

Str* to_str(Value v) {
  if (is_str(v) && v.as<Str>()->type == &types::str) return v.as<Str>();
  if (v.is_object()) {
    Type* t = v.as_object()->type;
    if (is_user_type(t)) {
      if (Value r = user_text(v, "__str__"); !r.is_empty()) return r.as<Str>();
    }
    if (t->kind == Kind::Str) return new_str(v.as<Str>()->view()); // a subclass's text, as a str
    if (t->kind == Kind::Exception) return new_str(exception_str(v));
  }
  return repr(v);
}

Str* format_value(Value v, Str* spec) {
  std::string_view s = spec->view();
  Type* t = type_of(v);
  if (is_user_type(t)) {
    Value sv = Value::object(spec);
    if (Value r = ops_detail::call_dunder(v, "__format__", {&sv, 1}); !r.is_empty()) {
      if (!is_str(r)) raise_fmt(types::type_error, "__format__ must return a str, not {}", type_of(r)->name);
      return r.as<Str>();
    }
    // (int, float and str's __format__ with an empty spec give str(self).)
    if (s.empty()) return to_str(v);
  }
  try {
    if (v.is_bool()) {
      if (s.empty()) return to_str(v);
      return new_str(fmtlib::format_int(static_cast<int64_t>(v.is_true()), s));
    }
    if (v.is_small_int()) return new_str(fmtlib::format_int(v.as_small_int(), s));
    if (is_float(v)) return new_str(fmtlib::format_float(float_value(v), s));
    if (is_bigint(v)) return new_str(fmtlib::format_int(v.as<BigInt>()->z, s));
    if (t->kind == Kind::Str) return new_str(fmtlib::format_str(v.as<Str>()->view(), s));
  } catch (const fmtlib::FormatError& e) {
    raise_fmtlib(e);
  }
  if (s.empty()) return to_str(v);
  raise_fmt(types::type_error, "unsupported format string passed to {}.__format__", t->name);
}

Str* type_name(Value v) { return intern(type_of(v)->name); }

} // namespace tributary
