// unparse.h — source text of an expression, as CPython's ast_unparse.c gives
// it (annotations under `from __future__ import annotations`).
#pragma once

#include <string>

#include "frontend/ast.h"

namespace tributary::frontend {

// The text of `e` at the level of a test (a top-level tuple gets parentheses).
std::string unparse(const Expr* e);

} // namespace tributary::frontend
