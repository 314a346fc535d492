// exec.cpp — builtins that run code or look at the running frame:
// __build_class__, exec, eval, compile, globals, locals, vars.
//
// The running frame is Vm::frame (set by run_frame). The JIT never inlines
// Python calls (calls from traces are helper calls into the interpreter), so
// the frame a native sees there is its caller's. locals() of a function is a
// snapshot (CPython's semantics without the write-back of frame proxies).
// exec() with a locals dict other than globals compiles in CompileMode::Names
// so module-level names go to that dict; otherwise the code is compiled like a
// module (LOAD_GLOBAL, which the JIT handles), so generated code runs as fast
// as written code.
#include <alloca.h>

#include <algorithm>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/exec.h"

#include "vm/frame.h"
#include "vm/interp.h"

namespace tributary::vm {

Value run_code(Code* co, Dict* globals, Dict* locals) {
  const size_t nslots = co->nlocals + co->ncells() + co->max_stack;
  auto* slots = static_cast<Value*>(alloca(nslots * sizeof(Value)));
  for (size_t i = 0; i < nslots; ++i) slots[i] = Value::empty();
  if (!dict_find_str(globals, intern("__builtins__")))
    dict_set(globals, Value::object(intern("__builtins__")), Value::object(state().builtins));
  Frame frame = make_frame(co, nullptr, globals, slots);
  frame.locals_dict = locals == globals ? nullptr : locals;
  CallDepth depth;
  return run_frame(&frame);
}

namespace {

Frame* caller() {
  Frame* f = state().frame;
  if (!f) raise(types::runtime_error, "no current frame");
  return f;
}

// A snapshot of a frame's local variables (locals()).
Dict* frame_locals(Frame* f) {
  if (f->locals_dict) return f->locals_dict;
  if (!f->func) return f->globals;
  Dict* d = new_dict();
  Code* co = f->code;
  for (int i = 0; i < co->nlocals; ++i)
    if (!f->slots[i].is_empty() && co->local_names[i][0] != '.')
      dict_set(d, Value::object(intern(co->local_names[i])), f->slots[i]);
  Value* cells = f->cells();
  size_t ncell = co->cell_names.size();
  for (size_t i = 0; i < ncell + co->free_names.size(); ++i) {
    const std::string& n = i < ncell ? co->cell_names[i] : co->free_names[i - ncell];
    if (n == "__class__" && i >= ncell) continue;
    Value v = cells[i].is_object() ? cells[i].as<Cell>()->value : Value::empty();
    if (!v.is_empty()) dict_set(d, Value::object(intern(n)), v);
  }
  return d;
}

} // namespace

Dict* current_globals() { return state().frame ? state().frame->globals : nullptr; }

namespace {

Value builtin_globals(Value, const Args& a) {
  if (a.npos || a.nkw) raise_fmt(types::type_error, "globals() takes no arguments ({} given)", a.npos);
  return Value::object(caller()->globals);
}

Value builtin_locals(Value, const Args& a) {
  if (a.npos || a.nkw) raise_fmt(types::type_error, "locals() takes no arguments ({} given)", a.npos);
  return Value::object(frame_locals(caller()));
}

Value builtin_vars(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "vars() takes no keyword arguments");
  if (a.npos > 1) raise_fmt(types::type_error, "vars expected at most 1 argument, got {}", a.npos);
  if (a.npos == 0) return Value::object(frame_locals(caller()));
  Value d = get_attr_or_empty(a[0], intern("__dict__"));
  if (d.is_empty()) raise(types::type_error, "vars() argument must have __dict__ attribute");
  return d;
}

// The names dir(obj) lists, unsorted (object.__dir__): obj's own (its
// __dict__), then its class's and their bases', and the attributes every
// object has (__class__; __dict__ and __weakref__ of a class written in
// Python). A module lists its dict only.
List* dir_names(Value obj) {
  Dict* names = new_dict();
  auto add_keys = [&](Dict* d) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(d, pos, k, v))
      if (is_str(k)) dict_set(names, k, Value::none());
  };
  auto add = [&](const char* name) { dict_set(names, Value::object(intern(name)), Value::none()); };
  Type* t = type_of(obj);
  if (Value d = get_attr_or_empty(obj, intern("__dict__")); is_dict(d)) add_keys(d.as<Dict>());
  if (t->kind != Kind::Module) {
    Type* cls = is_type(obj) ? obj.as<Type>() : t;
    bool python_class = false;
    for (Value m : cls->mro->span()) {
      Type* mt = m.as<Type>();
      if (mt->dict) add_keys(mt->dict);
      python_class = python_class || (!mt->is_builtin && mt->kind == Kind::Instance);
    }
    add("__class__");
    if (python_class) {
      add("__dict__");
      add("__weakref__");
    }
  }
  List* l = new_list();
  size_t pos = 0;
  Value k, v;
  while (dict_next(names, pos, k, v)) list_append(l, k);
  return l;
}

// object.__dir__(self): the default listing, unsorted.
Value object_dir(Value self, const Args& a) {
  if (self.is_empty()) {
    if (a.npos != 1) raise_fmt(types::type_error, "descriptor '__dir__' of 'object' object needs an argument");
    return Value::object(dir_names(a[0]));
  }
  if (a.npos || a.nkw) raise_fmt(types::type_error, "object.__dir__() takes no arguments ({} given)", a.npos);
  return Value::object(dir_names(self));
}

// dir(obj): the sorted names of obj's attributes; dir(): the caller's local
// names. An object's __dir__ other than object's decides for itself.
Value builtin_dir(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "dir() takes no keyword arguments");
  if (a.npos > 1) raise_fmt(types::type_error, "dir expected at most 1 argument, got {}", a.npos);
  List* l;
  if (a.npos == 0) {
    l = new_list();
    Dict* locals = frame_locals(caller());
    size_t pos = 0;
    Value k, v;
    while (dict_next(locals, pos, k, v))
      if (is_str(k)) list_append(l, k);
  } else {
    Value obj = a[0];
    Value own = type_lookup(type_of(obj), intern("__dir__"));
    l = !own.is_empty() && !is_kind(own, Kind::NativeFunction) ? list_from_iterable(call(own, Args{&obj, 1}))
                                                               : dir_names(obj);
  }
  std::sort(l->items.begin(), l->items.end(), [](Value x, Value y) { return compare_bool(CmpOp::Lt, x, y); });
  return Value::object(l);
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value builtin_import(Value, const Args& a) {
  static const char* const kNames[] = {"name", "globals", "locals", "fromlist", "level"};
  Value p[5];
  if (a.npos > 5) raise_fmt(types::type_error, "__import__() takes at most 5 arguments ({} given)", a.npos);
  for (uint32_t i = 0; i < a.npos; ++i) p[i] = a[i];
  for (uint32_t k = 0; k < a.nkw; ++k) {
    std::string_view n = a.kwnames[k].as<Str>()->view();
    size_t j = 0;
    while (j < 5 && n != kNames[j]) ++j;
    if (j == 5) raise_fmt(types::type_error, "__import__() got an unexpected keyword argument '{}'", n);
    p[j] = a.kwvals[k];
  }
  if (p[0].is_empty()) raise(types::type_error, "__import__() missing required argument 'name' (pos 1)");
  if (!is_str(p[0])) raise_fmt(types::type_error, "__import__() argument 1 must be str, not {}", type_of(p[0])->name);
  Dict* globals = is_dict(p[1]) ? p[1].as<Dict>() : state().builtins->dict;
  Value fromlist = p[3].is_empty() || p[3].is_none() ? Value::none() : Value::object(tuple_from_iterable(p[3]));
  Value level = p[4].is_empty() ? Value::small_int(0) : p[4];
  if (int_as_i64(level).value_or(0) < 0) raise(types::value_error, "level must be >= 0");
  if (p[0].as<Str>()->nbytes == 0 && int_as_i64(level).value_or(0) == 0) raise(types::value_error, "Empty module name");
  return import_module(globals, p[0].as<Str>(), fromlist, level);
}

} // namespace

Dict* builtins_dict() { return state().builtins ? state().builtins->dict : nullptr; }

Value import_name(Dict* globals, Str* name, Value fromlist, Value level) {
  Value* hook = dict_find_str(state().builtins->dict, intern("__import__"));
  if (!hook) raise(types::import_error, "__import__ not found");
  if (is_kind(*hook, Kind::NativeFunction) && hook->as<NativeFunction>()->fn == builtin_import)
    return import_module(globals, name, fromlist, level);
  Value args[5] = {Value::object(name), Value::object(globals), Value::none(), fromlist, level};
  return call(*hook, Args{args, 5});
}

namespace {

std::string_view source_text(Value v, const char* fname) {
  if (is_str(v)) return v.as<Str>()->view();
  if (is_kind(v, Kind::Bytes)) {
    Bytes* b = v.as<Bytes>();
    return {reinterpret_cast<const char*>(b->data), b->size};
  }
  raise_fmt(types::type_error, "{}() arg 1 must be a string, bytes or code object", fname);
}

// Resolves the globals/locals arguments of exec and eval.
void namespaces(const Args& a, const char* fname, Dict*& globals, Dict*& locals) {
  Value g = a.npos > 1 ? a[1] : Value::none();
  Value l = a.npos > 2 ? a[2] : Value::none();
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    if (k == "globals") g = a.kwvals[i];
    else if (k == "locals") l = a.kwvals[i];
    else raise_fmt(types::type_error, "{}() got an unexpected keyword argument '{}'", fname, k);
  }
  if (!g.is_none() && !is_dict(g)) {
    if (std::string_view(fname) == "exec")
      raise_fmt(types::type_error, "exec() globals must be a dict, not {}", type_of(g)->name);
    raise(types::type_error, is_kind(g, Kind::Dict) ? "globals must be a real dict" : "globals must be a dict");
  }
  if (!l.is_none() && !is_dict(l)) raise(types::type_error, "locals must be a mapping");
  if (g.is_none()) {
    Frame* f = caller();
    globals = f->globals;
    locals = l.is_none() ? frame_locals(f) : l.as<Dict>();
  } else {
    globals = g.as<Dict>();
    locals = l.is_none() ? globals : l.as<Dict>();
  }
}

Value builtin_exec(Value, const Args& a) {
  if (a.npos < 1 || a.npos > 3) raise_fmt(types::type_error, "exec expected at least 1 argument, got {}", a.npos);
  Dict *globals, *locals;
  namespaces(a, "exec", globals, locals);
  Code* co;
  if (is_kind(a[0], Kind::Code))
    co = code_for_globals(a[0].as<Code>(), globals);
  else
    co = compile_source(source_text(a[0], "exec"), "<string>",
                        locals == globals ? CompileMode::Module : CompileMode::Names);
  run_code(co, globals, locals);
  return Value::none();
}

Value builtin_eval(Value, const Args& a) {
  if (a.npos < 1 || a.npos > 3) raise_fmt(types::type_error, "eval expected at least 1 argument, got {}", a.npos);
  Dict *globals, *locals;
  namespaces(a, "eval", globals, locals);
  Code* co;
  if (is_kind(a[0], Kind::Code)) {
    co = code_for_globals(a[0].as<Code>(), globals);
  } else {
    if (!is_str(a[0]) && !is_kind(a[0], Kind::Bytes))
      raise(types::type_error, "eval() arg 1 must be a string, bytes or code object");
    std::string_view src = source_text(a[0], "eval");
    while (!src.empty() && (src[0] == ' ' || src[0] == '\t')) src.remove_prefix(1);
    co = compile_source(src, "<string>", CompileMode::Eval);
  }
  return run_code(co, globals, locals);
}

Value builtin_compile(Value, const Args& a) {
  Value p[3];
  static const char* const kNames[] = {"source", "filename", "mode"};
  if (a.npos > 6) raise_fmt(types::type_error, "compile() takes at most 6 arguments ({} given)", a.npos);
  for (uint32_t i = 0; i < a.npos && i < 3; ++i) p[i] = a[i];
  Value flags = a.npos > 3 ? a[3] : Value::small_int(0);
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    for (int j = 0; j < 3; ++j)
      if (k == kNames[j]) p[j] = a.kwvals[i];
    if (k == "flags") flags = a.kwvals[i];
  }
  for (int j = 0; j < 3; ++j)
    if (p[j].is_empty())
      raise_fmt(types::type_error, "compile() missing required argument '{}' (pos {})", kNames[j], j + 1);
  if (!is_str(p[2])) raise_fmt(types::type_error, "compile() argument 'mode' must be str, not {}", type_of(p[2])->name);
  if (!is_str(p[1]))
    raise_fmt(types::type_error, "compile() argument 'filename' must be str, not {}", type_of(p[1])->name);
  std::string_view mode = p[2].as<Str>()->view();
  std::string filename(p[1].as<Str>()->view());
  std::string_view src = source_text(p[0], "compile");
  constexpr int64_t kOnlyAst = 0x400; // ast.PyCF_ONLY_AST
  if (int_as_i64(flags).value_or(0) & kOnlyAst) return compile_to_ast(src, filename, mode);
  if (mode == "exec") return Value::object(compile_source(src, filename, CompileMode::Names));
  if (mode == "single") return Value::object(compile_source(src, filename, CompileMode::Single));
  if (mode == "eval") {
    while (!src.empty() && (src[0] == ' ' || src[0] == '\t')) src.remove_prefix(1);
    return Value::object(compile_source(src, filename, CompileMode::Eval));
  }
  raise(types::value_error, "compile() mode must be 'exec', 'eval' or 'single'");
}

// PEP 560: a base that is no class but has __mro_entries__ (typing's
// Generic[T], List[int]) stands for the classes that method returns.
// Returns `orig` itself when no base had one.
Tuple* resolve_mro_entries(Tuple* orig) {
  GcVector<Value> out;
  bool changed = false;
  for (Value b : orig->span()) {
    Value entries = is_type(b) ? Value::empty() : get_attr_or_empty(b, intern("__mro_entries__"));
    if (entries.is_empty()) {
      out.push_back(b);
      continue;
    }
    Value r = call1(entries, Value::object(orig));
    if (!is_tuple(r)) raise(types::type_error, "__mro_entries__ must return a tuple");
    for (Value e : r.as<Tuple>()->span()) out.push_back(e);
    changed = true;
  }
  return changed ? new_tuple(std::span<const Value>(out.data(), out.size())) : orig;
}

// __build_class__(func, name, *bases, **kwds): finds the metaclass, runs the
// class body in the namespace its __prepare__ gives, and calls the metaclass
// (type.__new__ in user_class.cpp for plain classes).
Value builtin_build_class(Value, const Args& a) {
  if (a.npos < 2) raise(types::type_error, "__build_class__: not enough arguments");
  if (!is_kind(a[0], Kind::Function)) raise(types::type_error, "__build_class__: func must be a function");
  if (!is_str(a[1])) raise(types::type_error, "__build_class__: name is not a string");
  GcVector<Value> kwnames, kwvals;
  Value meta;
  for (uint32_t i = 0; i < a.nkw; ++i) {
    if (a.kwnames[i].as<Str>()->view() == "metaclass") {
      meta = a.kwvals[i];
      continue;
    }
    kwnames.push_back(a.kwnames[i]);
    kwvals.push_back(a.kwvals[i]);
  }
  Tuple* orig_bases = new_tuple(a.positional().subspan(2));
  Tuple* bases = resolve_mro_entries(orig_bases);
  for (Value b : bases->span())
    if (!is_type(b)) raise(types::type_error, "bases must be types");
  if (meta.is_empty()) meta = Value::object(bases->size ? type_of(bases->items[0]) : &types::type);
  if (is_type(meta)) meta = Value::object(most_derived_metaclass(meta.as<Type>(), bases));
  Args kw{nullptr, 0, kwnames.data(), kwvals.data(), static_cast<uint32_t>(kwnames.size())};
  Value name = a[1];
  Dict* ns;
  if (Value prepare = get_attr_or_empty(meta, intern("__prepare__")); !prepare.is_empty()) {
    Value args[2] = {name, Value::object(bases)};
    Value r = call(prepare, Args{args, 2, kw.kwnames, kw.kwvals, kw.nkw});
    if (!is_dict(r))
      raise_fmt(types::type_error, "{}.__prepare__() must return a mapping, not {}",
                is_type(meta) ? meta.as<Type>()->name : "<metaclass>", type_of(r)->name);
    ns = r.as<Dict>();
  } else {
    ns = new_dict();
  }
  run_class_body(a[0].as<Function>(), ns);
  if (bases != orig_bases) dict_set(ns, Value::object(intern("__orig_bases__")), Value::object(orig_bases));
  if (meta == Value::object(&types::type))
    return Value::object(type_new(&types::type, name.as<Str>(), bases, ns, kw));
  Value args[3] = {name, Value::object(bases), Value::object(ns)};
  return call(meta, Args{args, 3, kw.kwnames, kw.kwvals, kw.nkw});
}

} // namespace

namespace {

// function.__code__, .__globals__, ... found on the type itself (types.py takes
// their types as GetSetDescriptorType/MemberDescriptorType): properties that
// read what function_get_attr gives an instance.
template <const char* Name> Value function_field(Value, const Args& a) {
  if (a.npos != 1 || !is_kind(a[0], Kind::Function))
    raise_fmt(types::type_error, "descriptor '{}' for 'function' objects doesn't apply to this object", Name);
  Value v = function_get_attr(a[0], intern(Name));
  if (v.is_empty()) raise_fmt(types::attribute_error, "'function' object has no attribute '{}'", Name);
  return v;
}

constexpr char kCode[] = "__code__", kGlobals[] = "__globals__", kDefaults[] = "__defaults__",
               kKwdefaults[] = "__kwdefaults__", kClosure[] = "__closure__", kAnnotations[] = "__annotations__";

void add_function_fields() {
  auto add = [](const char* name, NativeFn fn) { add_getter(types::function, name, fn); };
  add(kCode, function_field<kCode>);
  add(kGlobals, function_field<kGlobals>);
  add(kDefaults, function_field<kDefaults>);
  add(kKwdefaults, function_field<kKwdefaults>);
  add(kClosure, function_field<kClosure>);
  add(kAnnotations, function_field<kAnnotations>);
}

} // namespace

void init_exec_builtins(Module* builtins) {
  struct Def {
    const char* name;
    NativeFn fn;
  };
  static const Def kDefs[] = {
      {"__build_class__", builtin_build_class}, {"exec", builtin_exec},     {"eval", builtin_eval},
      {"compile", builtin_compile},             {"globals", builtin_globals}, {"locals", builtin_locals},
      {"vars", builtin_vars},                   {"dir", builtin_dir},         {"__import__", builtin_import},
  };
  for (const Def& d : kDefs) dict_set(builtins->dict, Value::object(intern(d.name)), new_native(d.name, d.fn));
  add_method(types::object, "__dir__", object_dir);
  auto add = [&](const char* n, Type* t) { dict_set(builtins->dict, Value::object(intern(n)), Value::object(t)); };
  add("property", &types::property);
  add("staticmethod", &types::staticmethod);
  add("classmethod", &types::classmethod);
  add("super", super_type());
  add_function_fields();
}

} // namespace tributary::vm
