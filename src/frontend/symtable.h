// symtable.h — scope analysis: which names are local, global, cell or free.
//
// One Scope per module, function, lambda, comprehension and class body.
// Resolution follows Python: a name assigned in a function is local unless
// declared global/nonlocal; a name used but not bound resolves to the nearest
// enclosing function scope that binds it (free here, cell there), skipping
// class scopes; otherwise it is global.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "frontend/ast.h"

namespace tributary::frontend {

enum class ScopeKind { Module, Function, Class, Comprehension };

enum class NameScope { Local, Global, Cell, Free, Name /* class body / module */ };

struct Scope {
  ScopeKind kind;
  std::string name;
  Scope* parent = nullptr;
  const Node* node = nullptr;
  std::vector<std::string> params;          // in order
  std::map<std::string, int> flags;         // name -> kBound | kUsed | ...
  std::vector<std::string> local_order;     // bound names in first-binding order
  std::map<std::string, NameScope> resolved;
  std::vector<std::string> cells;           // names owned here and captured by children
  std::vector<std::string> frees;           // names captured from an enclosing scope
  std::vector<std::unique_ptr<Scope>> children;
  bool has_yield = false;
  // An `async def` body, or a comprehension that awaits (an `async for` clause
  // or an `await` inside it): its code runs as a coroutine, or as an async
  // generator when it also yields (async generator expressions).
  bool is_coroutine = false;

  // kCompIter: a comprehension's iteration variable (a walrus may not rebind it).
  static constexpr int kBound = 1, kUsed = 2, kGlobal = 4, kNonlocal = 8, kParam = 16, kCompIter = 32;
  // While the builder visits a comprehension's iterable in this scope: no walrus there.
  int comp_iter_expr = 0;

  NameScope lookup(const std::string& n) const;
};

class SymbolTable {
public:
  // Builds and resolves the scopes of a module. Throws SyntaxErrorException.
  SymbolTable(const ModuleAst& module);
  Scope* module_scope() { return root_.get(); }
  Scope* scope_of(const Node* n) const; // function/lambda/comprehension/class node -> scope

private:
  std::unique_ptr<Scope> root_;
  std::map<const Node*, Scope*> by_node_;
  friend class ScopeBuilder;
};

} // namespace tributary::frontend
