// native.cpp — argument checking with CPython's messages (see native.h).
#include "lib/native.h"

#include <fmt/format.h>

#include <vector>

#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

} // namespace

void no_kwargs(const Args& a, const char* qualname) {
  if (a.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", qualname);
}

void check_one(const Args& a, const char* qualname) {
  no_kwargs(a, qualname);
  if (a.npos != 1)
    raise_fmt(types::type_error, "{}() takes exactly one argument ({} given)", qualname, a.npos);
}

void check_none(const Args& a, const char* qualname) {
  no_kwargs(a, qualname);
  if (a.npos != 0)
    raise_fmt(types::type_error, "{}() takes no arguments ({} given)", qualname, a.npos);
}

void check_takes(const Args& a, const char* name, size_t min, size_t max) {
  no_kwargs(a, name);
  size_t n = a.npos;
  if (n >= min && n <= max) return;
  if (min == max)
    raise_fmt(types::type_error, "{}() takes exactly {} argument{} ({} given)", name, min, plural(min), n);
  if (n < min)
    raise_fmt(types::type_error, "{}() takes at least {} argument{} ({} given)", name, min, plural(min), n);
  raise_fmt(types::type_error, "{}() takes at most {} argument{} ({} given)", name, max, plural(max), n);
}

void check_expected(const Args& a, const char* name, size_t min, size_t max) {
  size_t n = a.npos;
  if (n >= min && n <= max) return;
  if (min == max)
    raise_fmt(types::type_error, "{} expected {} argument{}, got {}", name, min, plural(min), n);
  if (n < min)
    raise_fmt(types::type_error, "{} expected at least {} argument{}, got {}", name, min, plural(min), n);
  raise_fmt(types::type_error, "{} expected at most {} argument{}, got {}", name, max, plural(max), n);
}

Value kwarg(const Args& a, std::string_view name) {
  for (uint32_t i = 0; i < a.nkw; ++i)
    if (a.kwnames[i].as<Str>()->view() == name) return a.kwvals[i];
  return Value::empty();
}

void bind_args(const Args& a, const char* fname, std::initializer_list<const char*> names,
               size_t required, Value* out, size_t posonly, size_t kwonly) {
  size_t n = names.size();
  size_t maxpos = std::min(n, kwonly);
  for (size_t i = 0; i < n; ++i) out[i] = Value::empty();
  if (a.npos > maxpos) {
    if (maxpos == 0) raise_fmt(types::type_error, "{}() takes no positional arguments", fname);
    if (required == maxpos)
      raise_fmt(types::type_error, "{}() takes exactly {} positional argument{} ({} given)", fname, maxpos,
                plural(maxpos), a.npos);
    raise_fmt(types::type_error, "{}() takes at most {} {}argument{} ({} given)", fname, maxpos,
              kwonly < n ? "positional " : "", plural(maxpos), a.npos);
  }
  for (size_t i = 0; i < a.npos; ++i) out[i] = a.pos[i];
  for (uint32_t k = 0; k < a.nkw; ++k) {
    std::string_view key = a.kwnames[k].as<Str>()->view();
    size_t i = posonly;
    auto it = names.begin() + posonly;
    for (; i < n && key != *it; ++i, ++it) {}
    if (i == n) {
      if (a.nkw > n - posonly && n - posonly > 0 && a.npos == 0)
        raise_fmt(types::type_error, "{}() takes at most {} keyword argument{} ({} given)", fname, n - posonly,
                  plural(n - posonly), a.nkw);
      raise_fmt(types::type_error, "'{}' is an invalid keyword argument for {}()", key, fname);
    }
    if (!out[i].is_empty())
      raise_fmt(types::type_error, "argument for {}() given by name ('{}') and position ({})", fname, key, i + 1);
    out[i] = a.kwvals[k];
  }
  auto it = names.begin();
  for (size_t i = 0; i < required; ++i, ++it)
    if (out[i].is_empty())
      raise_fmt(types::type_error, "{}() missing required argument '{}' (pos {})", fname, *it, i + 1);
}

void bind_py_args(const Args& a, const char* qualname, std::span<const char* const> names, size_t required,
                  Value* out, size_t kwonly, size_t implicit) {
  size_t n = names.size();
  size_t maxpos = std::min(n, kwonly);
  size_t minpos = std::min(required, maxpos);
  for (size_t i = 0; i < n; ++i) out[i] = Value::empty();
  if (a.npos > maxpos) {
    size_t given = a.npos + implicit;
    if (minpos == maxpos)
      raise_fmt(types::type_error, "{}() takes {} positional argument{} but {} {} given", qualname, maxpos + implicit,
                plural(maxpos + implicit), given, given == 1 ? "was" : "were");
    raise_fmt(types::type_error, "{}() takes from {} to {} positional arguments but {} {} given", qualname,
              minpos + implicit, maxpos + implicit, given, given == 1 ? "was" : "were");
  }
  for (size_t i = 0; i < a.npos; ++i) out[i] = a.pos[i];
  for (uint32_t k = 0; k < a.nkw; ++k) {
    std::string_view key = a.kwnames[k].as<Str>()->view();
    size_t i = 0;
    auto it = names.begin();
    for (; i < n && key != *it; ++i, ++it) {}
    if (i == n) raise_fmt(types::type_error, "{}() got an unexpected keyword argument '{}'", qualname, key);
    if (!out[i].is_empty()) raise_fmt(types::type_error, "{}() got multiple values for argument '{}'", qualname, key);
    out[i] = a.kwvals[k];
  }
  std::vector<std::string_view> missing;
  auto it = names.begin();
  for (size_t i = 0; i < required; ++i, ++it)
    if (out[i].is_empty()) missing.push_back(*it);
  if (missing.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
    list += fmt::format("'{}'", missing[i]);
  }
  bool kw = required > kwonly && !missing.empty() && std::string_view(*(names.begin() + kwonly)) == missing[0];
  raise_fmt(types::type_error, "{}() missing {} required {}argument{}: {}", qualname, missing.size(),
            kw ? "keyword-only " : "positional ", plural(missing.size()), list);
}

bool is_callable_value(Value v) {
  if (!v.is_object()) return false;
  switch (v.as_object()->type->kind) {
  case Kind::Function:
  case Kind::NativeFunction:
  case Kind::BoundMethod:
  case Kind::Type:
  case Kind::StaticMethod: return true;
  default: return !type_lookup(type_of(v), intern("__call__")).is_empty();
  }
}

int64_t arg_index(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_bool()) return v.is_true();
  if (is_kind(v, Kind::Int)) {
    if (auto i = int_as_i64(v)) return *i;
    raise(types::overflow_error, "Python int too large to convert to C ssize_t");
  }
  raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
}

void raise_format_error(const fmtlib::FormatError& e) {
  Type* t = e.type == "TypeError"       ? &types::type_error
            : e.type == "OverflowError" ? &types::overflow_error
                                        : &types::value_error;
  raise(*t, e.message);
}

Value call_dunder(Value obj, const char* name, std::initializer_list<Value> args) {
  Value fn = type_lookup(type_of(obj), intern(name));
  if (fn.is_empty()) return fn;
  Value argv[8];
  argv[0] = obj;
  size_t n = 1;
  for (Value v : args) argv[n++] = v;
  return call(fn, Args{argv, static_cast<uint32_t>(n)});
}

void check_receiver(const Args& a, Type* owner, NativeFn wrapper) {
  if (a.npos > 0 && is_subtype(type_of(a.pos[0]), owner)) return;
  // (The method's name, for the message only.)
  const char* name = "?";
  size_t pos = 0;
  Value k, v;
  while (dict_next(owner->dict, pos, k, v))
    if (is_kind(v, Kind::NativeFunction) && v.as<NativeFunction>()->fn == wrapper) {
      name = v.as<NativeFunction>()->name;
      break;
    }
  if (a.npos == 0)
    raise_fmt(types::type_error, "unbound method {}.{}() needs an argument", owner->name, name);
  if (!is_subtype(type_of(a.pos[0]), owner))
    raise_fmt(types::type_error, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", name,
              owner->name, tname(a.pos[0]));
}

void add_methods(Type& t, std::initializer_list<MethodDef> defs) {
  for (const MethodDef& d : defs) add_method(t, d.name, d.fn);
}

void add_function(Module* m, const char* name, NativeFn fn) {
  Value f = new_native(name, fn);
  f.as<NativeFunction>()->module = m->name;
  dict_set(m->dict, Value::object(intern(name)), f);
}

void add_value(Module* m, const char* name, Value v) { dict_set(m->dict, Value::object(intern(name)), v); }

} // namespace tributary::lib
