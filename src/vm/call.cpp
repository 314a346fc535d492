// call.cpp — calling Python functions: argument binding, frame set-up, depth limit.
#include <alloca.h>

#include <string>

#include "vm/jit_hooks.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/interp.h"

namespace tributary::vm {

Vm& state() {
  static Vm vm;
  return vm;
}

Value current_handled_exception() {
  Value h = state().handled;
  return h.is_none() ? Value::empty() : h;
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  // 'a'  |  'a' and 'b'  |  'a', 'b', and 'c'  (CPython's wording)
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

[[noreturn]] void too_many_positional(Function* fn, size_t given, size_t kw_given) {
  Code* co = fn->code;
  int required = co->argcount - (fn->defaults ? static_cast<int>(fn->defaults->size) : 0);
  std::string takes;
  if (required < co->argcount) takes = fmt::format("from {} to {}", required, co->argcount);
  else takes = std::to_string(co->argcount);
  std::string plural = (required < co->argcount || co->argcount != 1) ? "s" : "";
  std::string kw_part;
  if (kw_given)
    kw_part = fmt::format(" positional argument{} (and {} keyword-only argument{})", given == 1 ? "" : "s", kw_given,
                          kw_given == 1 ? "" : "s");
  raise_fmt(types::type_error, "{}() takes {} positional argument{} but {}{} {} given", fn->qualname->view(), takes,
            plural, given, kw_given ? kw_part : "", (given == 1 && !kw_given) ? "was" : "were");
}

} // namespace

void bind_arguments(Function* fn, const Args& args, Value* locals) {
  Code* co = fn->code;
  const int argcount = co->argcount;
  const int total_named = argcount + co->kwonlycount;
  const bool has_varargs = co->flags & kVarargs;
  const bool has_varkw = co->flags & kVarkeywords;
  Dict* kwdict = nullptr;
  if (has_varkw) {
    kwdict = new_dict();
    locals[total_named + (has_varargs ? 1 : 0)] = Value::object(kwdict);
  }

  // Positional arguments.
  size_t npos = args.npos;
  size_t direct = std::min<size_t>(npos, argcount);
  for (size_t i = 0; i < direct; ++i) locals[i] = args.pos[i];
  if (has_varargs) {
    locals[total_named] = Value::object(new_tuple(std::span<const Value>(args.pos + direct, npos - direct)));
  } else if (npos > static_cast<size_t>(argcount)) {
    size_t kw_only_given = 0;
    for (uint32_t k = 0; k < args.nkw; ++k) {
      std::string_view name = args.kwnames[k].as<Str>()->view();
      for (int j = argcount; j < total_named; ++j)
        if (co->local_names[j] == name) ++kw_only_given;
    }
    too_many_positional(fn, npos, kw_only_given);
  }

  // Keyword arguments.
  std::vector<std::string> posonly_as_kw;
  for (uint32_t k = 0; k < args.nkw; ++k) {
    Str* name = args.kwnames[k].as<Str>();
    int slot = -1;
    for (int j = co->posonlycount; j < total_named; ++j) {
      if (co->local_names[j] == name->view()) {
        slot = j;
        break;
      }
    }
    if (slot < 0) {
      if (kwdict) {
        dict_set(kwdict, args.kwnames[k], args.kwvals[k]);
        continue;
      }
      for (int j = 0; j < co->posonlycount; ++j)
        if (co->local_names[j] == name->view()) posonly_as_kw.push_back(co->local_names[j]);
      if (!posonly_as_kw.empty()) continue;
      raise_fmt(types::type_error, "{}() got an unexpected keyword argument '{}'", fn->qualname->view(), name->view());
    }
    if (!locals[slot].is_empty())
      raise_fmt(types::type_error, "{}() got multiple values for argument '{}'", fn->qualname->view(), name->view());
    locals[slot] = args.kwvals[k];
  }
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (size_t i = 0; i < posonly_as_kw.size(); ++i)
      names += (i ? ", " : "") + posonly_as_kw[i];
    // (CPython's wording: every name inside one pair of quotes, 'a, b')
    raise_fmt(types::type_error, "{}() got some positional-only arguments passed as keyword arguments: '{}'",
              fn->qualname->view(), names);
  }

  // Defaults, then report what is still missing.
  if (npos < static_cast<size_t>(argcount)) {
    int ndefaults = fn->defaults ? static_cast<int>(fn->defaults->size) : 0;
    int first_default = argcount - ndefaults;
    std::vector<std::string> missing;
    for (int i = static_cast<int>(npos); i < argcount; ++i) {
      if (!locals[i].is_empty()) continue;
      if (i >= first_default) locals[i] = fn->defaults->items[i - first_default];
      else missing.push_back(co->local_names[i]);
    }
    if (!missing.empty())
      raise_fmt(types::type_error, "{}() missing {} required positional argument{}: {}", fn->qualname->view(),
                missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing));
  }
  if (co->kwonlycount) {
    std::vector<std::string> missing;
    for (int i = argcount; i < total_named; ++i) {
      if (!locals[i].is_empty()) continue;
      Value dflt = is_dict(fn->kwdefaults) ? dict_get(fn->kwdefaults.as<Dict>(), Value::object(intern(co->local_names[i])))
                                           : Value::empty();
      if (dflt.is_empty()) missing.push_back(co->local_names[i]);
      else locals[i] = dflt;
    }
    if (!missing.empty())
      raise_fmt(types::type_error, "{}() missing {} required keyword-only argument{}: {}", fn->qualname->view(),
                missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing));
  }
}

namespace {

// Approximate C stack use guard: deep recursion through native code (sorted
// keys, repr of nested lists) must end in RecursionError, not a crash.
// (Vm::c_stack_bytes is the usable depth; main runs the interpreter on a thread
// with a large stack so sanitizer builds also reach the recursion limit.)

// The shallowest stack address seen on entry to Python code.
char* g_stack_origin = nullptr;

} // namespace

void enter_call(const char* context) {
  Vm& vm = state();
  char probe;
  if (!g_stack_origin || &probe > g_stack_origin) g_stack_origin = &probe;
  if (++vm.depth > vm.recursion_limit || static_cast<size_t>(g_stack_origin - &probe) > vm.c_stack_bytes) {
    --vm.depth;
    raise(types::recursion_error, std::string("maximum recursion depth exceeded") + context);
  }
}

void setup_cells(Frame& f, Function* fn) {
  Code* co = f.code;
  Value* cells = f.cells();
  for (size_t i = 0; i < co->cell_names.size(); ++i) {
    auto* c = gc::make<Cell>();
    c->type = &types::cell;
    int from = co->cell_param[i];
    c->value = from >= 0 ? f.slots[from] : Value::empty();
    cells[i] = Value::object(c);
  }
  for (size_t i = 0; i < co->free_names.size(); ++i) cells[co->cell_names.size() + i] = fn->closure->items[i];
}

void leave_call() { --state().depth; }

Frame make_frame(Code* co, Function* fn, Dict* globals, Value* slots) {
  Frame frame;
  frame.code = co;
  frame.func = fn;
  frame.globals = globals;
  frame.builtins = state().builtins->dict;
  frame.slots = slots;
  frame.pc = co->code.data();
  return frame;
}

Value call_function(Function* fn, const Args& args) {
  Code* co = fn->code;
  if (co->flags & kGenerator) [[unlikely]] return make_generator(fn, args);
  const size_t nslots = co->nlocals + co->ncells() + co->max_stack;
  auto* slots = static_cast<Value*>(alloca(nslots * sizeof(Value)));
  for (size_t i = 0; i < nslots; ++i) slots[i] = Value::empty();

  // Fast path: exact positional arity, no keywords, nothing special to collect.
  if (args.nkw == 0 && args.npos == static_cast<uint32_t>(co->argcount) &&
      !(co->flags & (kVarargs | kVarkeywords)) && co->kwonlycount == 0) {
    for (uint32_t i = 0; i < args.npos; ++i) slots[i] = args.pos[i];
  } else {
    bind_arguments(fn, args, slots);
  }

  Frame frame = make_frame(co, fn, fn->globals.as<Dict>(), slots);
  if (co->ncells()) setup_cells(frame, fn);

  CallDepth depth;
  if (jit::enabled() && !co->ncells()) {
    if (jit::CompiledTrace* t = jit::on_function_entry(&frame)) {
      jit::Resume r = jit::run_compiled(t, &frame);
      if (r.returned) return r.result;
      // Continue in the interpreter where the compiled code left off.
      frame.pc = co->code.data() + r.pc;
      frame.resume_depth = r.depth;
      if (!r.push.is_empty()) frame.stack_base()[frame.resume_depth++] = r.push;
      if (!r.exception.is_empty()) {
        --frame.pc; // run_frame raises it as raised by the instruction before frame.pc + 1
        frame.resume_exception = r.exception;
      }
    }
  }
  return run_frame(&frame);
}

Value call_python_function(Value fn, const Args& args) { return call_function(fn.as<Function>(), args); }

Value resume_function(Function* fn, const Value* init, uint32_t pc, uint32_t depth, Value exc) {
  Code* co = fn->code;
  const size_t nslots = co->nlocals + co->ncells() + co->max_stack;
  auto* slots = static_cast<Value*>(alloca(nslots * sizeof(Value)));
  std::copy(init, init + nslots, slots);
  Frame frame = make_frame(co, fn, fn->globals.as<Dict>(), slots);
  frame.pc += pc;
  frame.resume_depth = depth;
  frame.resume_exception = exc;
  if (exc.is_empty()) jit::on_resume(&frame);
  CallDepth calls;
  return run_frame(&frame);
}

Value run_class_body(Function* fn, Dict* ns) {
  Code* co = fn->code;
  const size_t nslots = co->nlocals + co->ncells() + co->max_stack;
  auto* slots = static_cast<Value*>(alloca(nslots * sizeof(Value)));
  for (size_t i = 0; i < nslots; ++i) slots[i] = Value::empty();
  Frame frame = make_frame(co, fn, fn->globals.as<Dict>(), slots);
  frame.locals_dict = ns;
  if (co->ncells()) setup_cells(frame, fn);
  CallDepth depth;
  return run_frame(&frame);
}

Value run_module_code(Code* co, Dict* globals) {
  const size_t nslots = co->nlocals + co->ncells() + co->max_stack;
  auto* slots = static_cast<Value*>(alloca(nslots * sizeof(Value)));
  for (size_t i = 0; i < nslots; ++i) slots[i] = Value::empty();
  if (!dict_find_str(globals, intern("__builtins__")))
    dict_set(globals, Value::object(intern("__builtins__")), Value::object(state().builtins));
  Frame frame = make_frame(co, nullptr, globals, slots);
  CallDepth depth;
  return run_frame(&frame);
}

} // namespace tributary::vm
