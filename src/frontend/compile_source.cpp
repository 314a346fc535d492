// compile_source.cpp — the compiler the VM asks for (vm/compile.h): parses
// and compiles source text, raising the frontend's syntax errors as Python
// SyntaxError/IndentationError exceptions.
#include <span>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "vm/compile.h"

namespace tributary::vm {

namespace {

Value syntax_error_value(const frontend::SyntaxErrorInfo& e) {
  // Too deep to parse or compile: CPython raises these without a location.
  if (e.kind == "MemoryError") return Value::object(new_exception(&types::memory_error, ""));
  if (e.kind == "RecursionError") return Value::object(new_exception(&types::recursion_error, e.msg));
  Type* t = &types::syntax_error;
  if (e.kind == "IndentationError") t = &types::indentation_error;
  Value detail[6] = {str_value(e.filename),
                     Value::small_int(e.line),
                     Value::small_int(e.col),
                     e.text.empty() ? Value::none() : str_value(e.text + "\n"),
                     Value::small_int(e.line),
                     Value::small_int(e.end_col > 0 ? e.end_col : e.col)};
  Value args[2] = {str_value(e.msg), Value::object(new_tuple(std::span<const Value>(detail, 6)))};
  return Value::object(new_exception(t, std::span<const Value>(args, 2)));
}

} // namespace

Code* compile_source(std::string_view source, const std::string& filename, CompileMode mode) {
  if (source.find('\0') != std::string_view::npos)
    raise(types::syntax_error, "source code string cannot contain null bytes");
  try {
    frontend::ModuleAst ast = frontend::parse_module(source, filename);
    return frontend::compile_module(ast, mode);
  } catch (frontend::SyntaxErrorException& e) {
    raise(syntax_error_value(e.info));
  }
}

} // namespace tributary::vm

namespace tributary::frontend {

ModuleAst parse_or_raise(std::string_view source, const std::string& filename) {
  if (source.find('\0') != std::string_view::npos)
    raise(types::syntax_error, "source code string cannot contain null bytes");
  try {
    return parse_module(source, filename);
  } catch (SyntaxErrorException& e) {
    raise(vm::syntax_error_value(e.info));
  }
}

} // namespace tributary::frontend
