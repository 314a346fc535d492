// function.cpp — attributes of builtin functions and bound methods.
//
// Both are read-only; a bound method forwards the attributes it does not have
// to its function. Python functions and code objects belong to the interpreter
// (vm::function_get_attr and vm::code_get_attr, runtime/interpreter.h).
#include "runtime/containers.h"
#include "runtime/interpreter.h"
#include "runtime/ops_internal.h"

namespace tributary::ops_detail {

namespace {

Value native_function_attr(NativeFunction* f, std::string_view n) {
  if (n == "__name__") return str_value(f->name);
  if (n == "__qualname__")
    return f->owner ? str_value(fmt::format("{}.{}", f->owner->name, f->name)) : str_value(f->name);
  if (n == "__self__") return f->self.is_empty() ? Value::none() : f->self;
  if (n == "__module__")
    return f->owner ? Value::none() : Value::object(f->module ? f->module : intern("builtins"));
  if (n == "__doc__") return Value::none();
  return Value::empty();
}

} // namespace

Value callable_get_attr(Value fn, Str* name) {
  switch (type_of(fn)->kind) {
  case Kind::NativeFunction: return native_function_attr(fn.as<NativeFunction>(), name->view());
  case Kind::BoundMethod: {
    auto* m = fn.as<BoundMethod>();
    if (name->view() == "__self__") return m->self;
    if (name->view() == "__func__") return m->func;
    return get_attr_or_empty(m->func, name); // methods forward other attributes to the function
  }
  default: return Value::empty();
  }
}

} // namespace tributary::ops_detail
