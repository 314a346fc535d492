// parser.h — source text to AST.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "frontend/ast.h"

namespace tributary::frontend {

// A syntax error as CPython reports it. `line` is 1-based, `col` is the 1-based
// column of the caret (CPython's `offset`), `end_col` 1-based exclusive end of
// the highlighted range (0 when only a single caret is shown). `kind` is the
// Python exception name: SyntaxError, IndentationError or TabError.
struct SyntaxErrorInfo {
  std::string kind = "SyntaxError";
  std::string msg;
  std::string filename;
  int line = 0;
  int col = 0;
  int end_col = 0;
  std::string text; // the offending source line, without newline
};

struct SyntaxErrorException : std::exception {
  SyntaxErrorInfo info;
  explicit SyntaxErrorException(SyntaxErrorInfo i) : info(std::move(i)) {}
  const char* what() const noexcept override { return info.msg.c_str(); }
};

// Parses a whole module. Throws SyntaxErrorException.
ModuleAst parse_module(std::string_view source, std::string filename);

// Parses one expression (used by eval() and f-string replacement fields).
Expr* parse_expression(std::string_view source, std::string filename, Arena& arena);

} // namespace tributary::frontend
