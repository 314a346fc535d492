// parser_expr.cpp — expressions, expression statements and assignment targets.
//
// Precedence climbs from `expression` (lambda, conditional) through
// disjunction, conjunction, inversion, comparison, the bitwise operators,
// shifts, sums, terms, factors and power down to await/primary/atom, exactly
// as CPython 3.11's grammar. Targets are parsed as expressions and then
// validated by `set_context`, which also produces CPython's "cannot assign
// to ..." messages.
#include <cstdint>
#include <cstdlib>

#include "frontend/parser_internal.h"

namespace tributary::frontend::detail {

namespace {

bool is_soft_keyword(std::string_view s) { return s == "match" || s == "case" || s == "_"; }

const Constant* as_constant(const Expr* e) {
  return e->kind == ExprKind::Constant ? static_cast<const Constant*>(e) : nullptr;
}

// Converts digits in `base` (no prefix, no underscores) to decimal digits.
std::string to_decimal(std::string_view digits, int base) {
  std::vector<std::uint32_t> limbs{0}; // little-endian, base 1e9
  for (char c : digits) {
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    std::uint64_t carry = static_cast<std::uint64_t>(d);
    for (auto& limb : limbs) {
      std::uint64_t v = static_cast<std::uint64_t>(limb) * base + carry;
      limb = static_cast<std::uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  std::string out = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

std::string strip_underscores(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

bool is_simple_target(const Expr* e) {
  return e->kind == ExprKind::Name || e->kind == ExprKind::Attribute || e->kind == ExprKind::Subscript;
}

// Expressions that CPython's `bitwise_or` rule can produce on its own; only
// those get the "Maybe you meant '=='" hint.
bool is_bitwise_or_level(const Expr* e) {
  switch (e->kind) {
  case ExprKind::BoolOp:
  case ExprKind::Compare:
  case ExprKind::Lambda:
  case ExprKind::IfExp:
  case ExprKind::NamedExpr:
  case ExprKind::Starred:
  case ExprKind::Yield:
  case ExprKind::YieldFrom:
  case ExprKind::List:
  case ExprKind::Tuple:
  case ExprKind::GeneratorExp: return false;
  case ExprKind::UnaryOp: return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
  case ExprKind::Constant: {
    ConstKind k = as_constant(e)->ckind;
    return k != ConstKind::True && k != ConstKind::False && k != ConstKind::None;
  }
  default: return true;
  }
}

} // namespace

// ---- expression statements ------------------------------------------------------

Stmt* Parser::parse_expression_statement() {
  Pos start = token_start();
  bool parenthesized = at_op("(");
  Expr* first = at_keyword("yield") ? parse_yield() : parse_star_expressions();

  if (at_op(":")) {
    // Annotated assignment. CPython validates the target only once an
    // annotation follows the ':'.
    advance();
    Expr* annotation = nullptr;
    if (is_simple_target(first)) {
      annotation = parse_expression();
    } else {
      // Only the error-hint pass of CPython reads past the ':' here, so a
      // missing annotation reports "invalid syntax" at the ':'.
      std::size_t save = pos_, save_furthest = furthest_;
      bool save_speculating = speculating_;
      speculating_ = true;
      try {
        annotation = parse_expression();
      } catch (const TokenizerError&) {
        throw;
      } catch (const SyntaxErrorException&) {
        annotation = nullptr;
      }
      speculating_ = save_speculating;
      if (!annotation) {
        pos_ = save - 1; // back on the ':'
        furthest_ = save_furthest;
        invalid_syntax();
      }
    }
    if (first->kind == ExprKind::Tuple) {
      auto* t = static_cast<TupleExpr*>(first);
      bool bare = !is_parenthesized(t) && !t->elts.empty();
      error_at_node(bare ? t->elts[0] : first, "only single target (not tuple) can be annotated");
    }
    if (first->kind == ExprKind::List) error_at_node(first, "only single target (not list) can be annotated");
    if (!is_simple_target(first)) error_at_node(first, "illegal target for annotation");
    AnnAssign* node = make<AnnAssign>(start);
    set_context(first, ExprContext::Store);
    node->target = first;
    node->annotation = annotation;
    node->simple = first->kind == ExprKind::Name && !parenthesized;
    if (accept_op("=")) node->value = at_keyword("yield") ? parse_yield() : parse_star_expressions();
    return finish(node);
  }

  static constexpr std::pair<std::string_view, BinOpKind> kAugOps[] = {
      {"+=", BinOpKind::Add},       {"-=", BinOpKind::Sub},     {"*=", BinOpKind::Mult},    {"@=", BinOpKind::MatMult},
      {"/=", BinOpKind::Div},       {"%=", BinOpKind::Mod},     {"&=", BinOpKind::BitAnd},  {"|=", BinOpKind::BitOr},
      {"^=", BinOpKind::BitXor},    {"<<=", BinOpKind::LShift}, {">>=", BinOpKind::RShift}, {"**=", BinOpKind::Pow},
      {"//=", BinOpKind::FloorDiv},
  };
  for (auto [text, op] : kAugOps) {
    if (!at_op(text)) continue;
    if (!is_simple_target(first)) {
      error_at_node(first, "'" + describe(first) + "' is an illegal expression for augmented assignment");
    }
    advance();
    AugAssign* node = make<AugAssign>(start);
    set_context(first, ExprContext::Store);
    node->target = first;
    node->op = op;
    node->value = at_keyword("yield") ? parse_yield() : parse_star_expressions();
    return finish(node);
  }

  if (at_op("=")) {
    ExprList targets{first};
    Expr* value = nullptr;
    for (;;) {
      advance();
      Expr* rhs = at_keyword("yield") ? parse_yield() : parse_star_expressions();
      if (!at_op("=")) {
        value = rhs;
        break;
      }
      targets.push_back(rhs);
    }
    for (Expr* t : targets) {
      if (targets.size() == 1) check_assignment_hint(t);
      if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) {
        error_at_node(t, "assignment to yield expression not possible");
      }
      set_context(t, ExprContext::Store);
    }
    Assign* node = make<Assign>(start);
    node->targets = std::move(targets);
    node->value = value;
    return finish(node);
  }

  if (at_op(":=") && first->kind != ExprKind::Name) {
    error_at_node(first, "cannot use assignment expressions with " + describe(first));
  }
  ExprStmt* node = make<ExprStmt>(start);
  node->value = first;
  return finish(node);
}

// True when `e` is directly enclosed in parentheses in the source.
bool Parser::is_parenthesized(const Expr* e) const {
  if (e->kind == ExprKind::Tuple) return paren_tuples_.count(e) != 0;
  for (std::size_t i = 1; i < lex_.tokens.size(); ++i) {
    if (shifted(lex_.tokens[i].start).line == e->pos.line && lex_.tokens[i].start.col == e->pos.col) {
      return lex_.tokens[i - 1].is_op("(");
    }
  }
  return false;
}

// CPython's invalid_named_expression hint for `f() = 1`: an invalid target
// directly before the '=' (the whole target, or the last element of a bare
// tuple) that is a bitwise-or-level expression gets "Maybe you meant '=='".
void Parser::check_assignment_hint(Expr* target) {
  Expr* bad = invalid_target(target, ExprContext::Store);
  if (!bad) return;
  Expr* before_equals = target;
  if (target->kind == ExprKind::Tuple && !is_parenthesized(target)) {
    auto& elts = static_cast<TupleExpr*>(target)->elts;
    if (!elts.empty()) before_equals = elts.back();
  }
  if (bad != before_equals) return;
  const Constant* c = as_constant(bad);
  bool excluded = bad->kind == ExprKind::List || bad->kind == ExprKind::Tuple || bad->kind == ExprKind::GeneratorExp ||
                  (c && (c->ckind == ConstKind::True || c->ckind == ConstKind::False || c->ckind == ConstKind::None));
  if (excluded || !(is_bitwise_or_level(bad) || is_parenthesized(bad))) return;
  error_at_node(bad, "cannot assign to " + describe(bad) + " here. Maybe you meant '==' instead of '='?");
}

// ---- assignment targets ---------------------------------------------------------

std::string Parser::describe(const Expr* e) {
  switch (e->kind) {
  case ExprKind::Attribute: return "attribute";
  case ExprKind::Subscript: return "subscript";
  case ExprKind::Starred: return "starred";
  case ExprKind::Name: return "name";
  case ExprKind::List: return "list";
  case ExprKind::Tuple: return "tuple";
  case ExprKind::Lambda: return "lambda";
  case ExprKind::Call: return "function call";
  case ExprKind::BoolOp:
  case ExprKind::BinOp:
  case ExprKind::UnaryOp: return "expression";
  case ExprKind::GeneratorExp: return "generator expression";
  case ExprKind::Yield:
  case ExprKind::YieldFrom: return "yield expression";
  case ExprKind::Await: return "await expression";
  case ExprKind::ListComp: return "list comprehension";
  case ExprKind::SetComp: return "set comprehension";
  case ExprKind::DictComp: return "dict comprehension";
  case ExprKind::Dict: return "dict literal";
  case ExprKind::Set: return "set display";
  case ExprKind::JoinedStr:
  case ExprKind::FormattedValue: return "f-string expression";
  case ExprKind::Compare: return "comparison";
  case ExprKind::IfExp: return "conditional expression";
  case ExprKind::NamedExpr: return "named expression";
  case ExprKind::Slice: return "slice";
  case ExprKind::Constant:
    switch (as_constant(e)->ckind) {
    case ConstKind::None: return "None";
    case ConstKind::True: return "True";
    case ConstKind::False: return "False";
    case ConstKind::Ellipsis: return "ellipsis";
    default: return "literal";
    }
  }
  return "expression";
}

// Returns the first sub-expression of `e` that cannot be a target, or null
// (CPython's _PyPegen_get_invalid_target).
Expr* Parser::invalid_target(Expr* e, ExprContext ctx) const {
  switch (e->kind) {
  case ExprKind::Name:
  case ExprKind::Attribute:
  case ExprKind::Subscript: return nullptr;
  case ExprKind::Starred:
    if (ctx == ExprContext::Del) return e;
    return invalid_target(static_cast<Starred*>(e)->value, ctx);
  case ExprKind::List:
    for (Expr* elt : static_cast<ListExpr*>(e)->elts)
      if (Expr* bad = invalid_target(elt, ctx)) return bad;
    return nullptr;
  case ExprKind::Tuple:
    for (Expr* elt : static_cast<TupleExpr*>(e)->elts)
      if (Expr* bad = invalid_target(elt, ctx)) return bad;
    return nullptr;
  default: return e;
  }
}

void Parser::set_context(Expr* e, ExprContext ctx) {
  if (Expr* bad = invalid_target(e, ctx)) {
    error_at_node(bad, (ctx == ExprContext::Del ? "cannot delete " : "cannot assign to ") + describe(bad));
  }
  switch (e->kind) {
  case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; break;
  case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
  case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
  case ExprKind::Starred:
    static_cast<Starred*>(e)->ctx = ctx;
    set_context(static_cast<Starred*>(e)->value, ctx);
    break;
  case ExprKind::List:
    static_cast<ListExpr*>(e)->ctx = ctx;
    for (Expr* elt : static_cast<ListExpr*>(e)->elts)
      set_context(elt, ctx);
    break;
  case ExprKind::Tuple:
    static_cast<TupleExpr*>(e)->ctx = ctx;
    for (Expr* elt : static_cast<TupleExpr*>(e)->elts)
      set_context(elt, ctx);
    break;
  default: break;
  }
}

// `for` targets (statements and comprehensions): star_targets up to 'in'.
Expr* Parser::parse_for_target() {
  Pos start = token_start();
  ExprList elts;
  bool comma = false;
  for (;;) {
    if (at_op("*")) {
      Pos s = token_start();
      advance();
      Starred* st = make<Starred>(s);
      st->value = parse_bitor();
      elts.push_back(finish(st));
    } else {
      elts.push_back(parse_bitor());
    }
    if (!at_op(",")) break;
    advance();
    comma = true;
    if (at_keyword("in")) break;
  }
  Expr* target = elts.size() == 1 && !comma ? elts[0] : tuple_of(std::move(elts), start);
  set_context(target, ExprContext::Store);
  return target;
}

// A single star_target (`with ... as target`).
Expr* Parser::parse_star_target() {
  Expr* target = parse_bitor();
  set_context(target, ExprContext::Store);
  return target;
}

// `if x = 1:` and friends: CPython's invalid_named_expression hints.
void Parser::check_equals_typo(Expr* test) {
  std::size_t save = pos_, save_furthest = furthest_;
  int save_depth = bracket_depth_;
  bool save_speculating = speculating_;
  speculating_ = true;
  Expr* rhs = nullptr;
  try {
    advance();
    rhs = parse_bitor();
    if (at_op("=") || at_op(":=")) rhs = nullptr;
  } catch (const TokenizerError&) {
    speculating_ = save_speculating;
    throw;
  } catch (const SyntaxErrorException&) {
    rhs = nullptr;
  }
  speculating_ = save_speculating;
  if (rhs && !speculating_) {
    if (test->kind == ExprKind::Name && !is_parenthesized(test)) {
      error_between(test, rhs, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    const Constant* c = as_constant(test);
    bool excluded = test->kind == ExprKind::List || test->kind == ExprKind::Tuple ||
                    test->kind == ExprKind::GeneratorExp ||
                    (c && (c->ckind == ConstKind::True || c->ckind == ConstKind::False || c->ckind == ConstKind::None));
    if (!excluded && (is_bitwise_or_level(test) || is_parenthesized(test))) {
      error_at_node(test, "cannot assign to " + describe(test) + " here. Maybe you meant '==' instead of '='?");
    }
  }
  pos_ = save;
  furthest_ = save_furthest;
  bracket_depth_ = save_depth;
}

// ---- expression lists -----------------------------------------------------------

Expr* Parser::tuple_of(ExprList elts, Pos start) {
  TupleExpr* t = make<TupleExpr>(start);
  t->elts = std::move(elts);
  return finish(t);
}

// True when the current token can begin an expression.
bool Parser::at_expression_start() const {
  const Token& t = peek();
  switch (t.kind) {
  case TokenKind::Number:
  case TokenKind::String: return true;
  case TokenKind::Name:
    return !is_keyword(t.text) || t.text == "None" || t.text == "True" || t.text == "False" || t.text == "not" ||
           t.text == "lambda" || t.text == "await";
  case TokenKind::Op:
    return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" || t.text == "~" ||
           t.text == "..." || t.text == "*";
  default: return false;
  }
}

bool Parser::at_comprehension() const { return at_keyword("for") || (at_keyword("async") && peek(1).is_name("for")); }

// star_expressions: a star_expression or an unparenthesized tuple of them.
Expr* Parser::parse_star_expressions() {
  Pos start = token_start();
  Expr* first = parse_star_expression();
  if (!at_op(",")) return first;
  ExprList elts{first};
  while (accept_op(",")) {
    if (!at_expression_start()) break;
    elts.push_back(parse_star_expression());
  }
  return tuple_of(std::move(elts), start);
}

Expr* Parser::parse_star_expression() {
  if (!at_op("*")) return parse_expression();
  Pos start = token_start();
  advance();
  Starred* s = make<Starred>(start);
  s->value = parse_bitor();
  return finish(s);
}

Expr* Parser::parse_star_named_expression() {
  if (!at_op("*")) return parse_named_expression();
  return parse_star_expression();
}

// named_expression: NAME ':=' expression | expression !':='. With
// `equals_hint`, a following '=' gets CPython's "Maybe you meant '=='" hints.
Expr* Parser::parse_named_expression(bool equals_hint) {
  if (peek().kind == TokenKind::Name && !is_keyword(peek().text) && peek(1).is_op(":=")) {
    Pos start = token_start();
    Name* target = make<Name>(start);
    target->id = std::string(advance().text);
    target->end = prev_end();
    target->ctx = ExprContext::Store;
    if (target->id == "__debug__") error_at_node(target, "cannot assign to __debug__");
    advance(); // :=
    NamedExpr* n = make<NamedExpr>(start);
    n->target = target;
    n->value = parse_expression();
    return finish(n);
  }
  Expr* e = parse_expression();
  if (at_op(":=")) error_at_node(e, "cannot use assignment expressions with " + describe(e));
  if (equals_hint && at_op("=") && !speculating_) check_equals_typo(e);
  return e;
}

// expression: disjunction ['if' disjunction 'else' expression] | lambdef
Expr* Parser::parse_expression() {
  if (at_keyword("lambda")) return parse_lambda();
  Nesting nesting(*this);
  std::size_t first_token = pos_;
  Expr* body = parse_disjunction();
  if (at_keyword("if")) {
    advance();
    Expr* test = parse_disjunction();
    if (!accept_keyword("else")) {
      if (!at_op(":") && !speculating_) error_between(body, test, "expected 'else' after 'if' expression");
      invalid_syntax();
    }
    IfExp* e = make<IfExp>(body->pos);
    e->body = body;
    e->test = test;
    e->orelse = parse_expression();
    return finish(e);
  }
  check_missing_comma(body, first_token);
  return body;
}

// CPython's invalid_expression / invalid_legacy_expression: two expressions
// in a row mean a forgotten comma inside brackets, or a Python 2 statement.
void Parser::check_missing_comma(Expr* left, std::size_t first_token) {
  if (speculating_) return;
  const Token& t = peek();
  bool starts_expr =
      t.kind == TokenKind::Number || t.kind == TokenKind::String || t.is_op("{") || t.is_op("~") || t.is_op("...") ||
      (t.kind == TokenKind::Name && (!is_keyword(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
                                     t.text == "not" || t.text == "lambda" || t.text == "await"));
  if (!starts_expr) return;
  const Token& first = lex_.tokens[first_token];
  bool legacy =
      left->kind == ExprKind::Name && pos_ == first_token + 1 && (first.text == "print" || first.text == "exec");
  if (!legacy && bracket_depth_ == 0) return;
  if (!legacy && (is_soft_keyword(first.text) ||
                  (first.kind == TokenKind::Name && lex_.tokens[first_token + 1].kind == TokenKind::String))) {
    return;
  }
  std::size_t save = pos_, save_furthest = furthest_;
  int save_depth = bracket_depth_;
  Expr* right = nullptr;
  speculating_ = true;
  try {
    right = legacy ? parse_star_expressions() : parse_expression();
  } catch (const TokenizerError&) {
    speculating_ = false;
    throw;
  } catch (const SyntaxErrorException&) {
    right = nullptr;
  }
  speculating_ = false;
  pos_ = save;
  furthest_ = save_furthest;
  bracket_depth_ = save_depth;
  if (!right) return;
  if (legacy) {
    std::string name(first.text);
    error_between(left, right, "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
  }
  error_between(left, right, "invalid syntax. Perhaps you forgot a comma?");
}

Expr* Parser::parse_disjunction() {
  Expr* first = parse_conjunction();
  if (!at_keyword("or")) return first;
  BoolOp* op = make<BoolOp>(first->pos);
  op->op = BoolOpKind::Or;
  op->values.push_back(first);
  while (accept_keyword("or"))
    op->values.push_back(parse_conjunction());
  return finish(op);
}

Expr* Parser::parse_conjunction() {
  Expr* first = parse_inversion();
  if (!at_keyword("and")) return first;
  BoolOp* op = make<BoolOp>(first->pos);
  op->op = BoolOpKind::And;
  op->values.push_back(first);
  while (accept_keyword("and"))
    op->values.push_back(parse_inversion());
  return finish(op);
}

Expr* Parser::parse_inversion() {
  if (!at_keyword("not")) return parse_comparison();
  Nesting nesting(*this);
  Pos start = token_start();
  advance();
  UnaryOp* op = make<UnaryOp>(start);
  op->op = UnaryOpKind::Not;
  op->operand = parse_inversion();
  return finish(op);
}

Expr* Parser::parse_comparison() {
  Expr* left = parse_bitor();
  Compare* cmp = nullptr;
  for (;;) {
    const Token& t = peek();
    CmpOpKind op;
    int width = 1;
    if (t.is_op("=="))
      op = CmpOpKind::Eq;
    else if (t.is_op("!="))
      op = CmpOpKind::NotEq;
    else if (t.is_op("<"))
      op = CmpOpKind::Lt;
    else if (t.is_op("<="))
      op = CmpOpKind::LtE;
    else if (t.is_op(">"))
      op = CmpOpKind::Gt;
    else if (t.is_op(">="))
      op = CmpOpKind::GtE;
    else if (t.is_name("in"))
      op = CmpOpKind::In;
    else if (t.is_name("not") && peek(1).is_name("in"))
      op = CmpOpKind::NotIn, width = 2;
    else if (t.is_name("is") && peek(1).is_name("not"))
      op = CmpOpKind::IsNot, width = 2;
    else if (t.is_name("is"))
      op = CmpOpKind::Is;
    else
      break;
    for (int i = 0; i < width; ++i)
      advance();
    if (!cmp) {
      cmp = make<Compare>(left->pos);
      cmp->left = left;
    }
    cmp->ops.push_back(op);
    cmp->comparators.push_back(parse_bitor());
  }
  return cmp ? finish(cmp) : left;
}

// One left-associative binary precedence level.
struct BinaryLevel {
  std::string_view tokens[5];
  BinOpKind ops[5];
  int count;
};

namespace {
constexpr BinaryLevel kBitOr{{"|"}, {BinOpKind::BitOr}, 1};
constexpr BinaryLevel kBitXor{{"^"}, {BinOpKind::BitXor}, 1};
constexpr BinaryLevel kBitAnd{{"&"}, {BinOpKind::BitAnd}, 1};
constexpr BinaryLevel kShift{{"<<", ">>"}, {BinOpKind::LShift, BinOpKind::RShift}, 2};
constexpr BinaryLevel kSum{{"+", "-"}, {BinOpKind::Add, BinOpKind::Sub}, 2};
constexpr BinaryLevel kTerm{{"*", "/", "//", "%", "@"},
                            {BinOpKind::Mult, BinOpKind::Div, BinOpKind::FloorDiv, BinOpKind::Mod, BinOpKind::MatMult},
                            5};
} // namespace

// Parses a left-associative binary level; `next` parses the operands.
template <class Next> Expr* Parser::parse_binary(const BinaryLevel& level, Next next) {
  Expr* left = (this->*next)();
  for (;;) {
    int found = -1;
    for (int i = 0; i < level.count; ++i)
      if (at_op(level.tokens[i])) found = i;
    if (found < 0) return left;
    advance();
    BinOp* b = make<BinOp>(left->pos);
    b->left = left;
    b->op = level.ops[found];
    b->right = (this->*next)();
    left = finish(b);
  }
}

Expr* Parser::parse_bitor() { return parse_binary(kBitOr, &Parser::parse_bitxor); }
Expr* Parser::parse_bitxor() { return parse_binary(kBitXor, &Parser::parse_bitand); }
Expr* Parser::parse_bitand() { return parse_binary(kBitAnd, &Parser::parse_shift); }
Expr* Parser::parse_shift() { return parse_binary(kShift, &Parser::parse_sum); }
Expr* Parser::parse_sum() { return parse_binary(kSum, &Parser::parse_term); }
Expr* Parser::parse_term() { return parse_binary(kTerm, &Parser::parse_factor); }

Expr* Parser::parse_factor() {
  UnaryOpKind op;
  if (at_op("+"))
    op = UnaryOpKind::UAdd;
  else if (at_op("-"))
    op = UnaryOpKind::USub;
  else if (at_op("~"))
    op = UnaryOpKind::Invert;
  else
    return parse_power();
  Nesting nesting(*this);
  Pos start = token_start();
  advance();
  UnaryOp* u = make<UnaryOp>(start);
  u->op = op;
  u->operand = parse_factor();
  return finish(u);
}

Expr* Parser::parse_power() {
  Expr* base = parse_await_primary();
  if (!at_op("**")) return base;
  advance();
  Nesting nesting(*this, 2); // CPython nests power and factor for each `**`
  BinOp* b = make<BinOp>(base->pos);
  b->left = base;
  b->op = BinOpKind::Pow;
  b->right = parse_factor();
  return finish(b);
}

Expr* Parser::parse_await_primary() {
  if (!at_keyword("await")) return parse_primary();
  Pos start = token_start();
  advance();
  Await* a = make<Await>(start);
  a->value = parse_primary();
  return finish(a);
}

Expr* Parser::parse_primary() {
  Expr* e = parse_atom();
  for (;;) {
    if (at_op(".")) {
      advance();
      Attribute* a = make<Attribute>(e->pos);
      a->value = e;
      a->attr = expect_name();
      e = finish(a);
    } else if (at_op("(")) {
      Call* c = make<Call>(e->pos);
      c->func = e;
      advance();
      parse_arguments(c);
      e = finish(c);
    } else if (at_op("[")) {
      advance();
      ++bracket_depth_;
      Subscript* s = make<Subscript>(e->pos);
      s->value = e;
      s->slice = parse_slices();
      --bracket_depth_;
      expect_op("]");
      e = finish(s);
    } else {
      return e;
    }
  }
}

// Parses call arguments after '(' up to and including ')'.
void Parser::parse_arguments(Call* call) {
  ++bracket_depth_;
  bool seen_double_star = false;
  const Expr* genexp = nullptr;
  const char* positional_error = nullptr;
  std::size_t count = 0;
  while (!at_op(")")) {
    ++count;
    Pos start = token_start();
    if (at_op("*")) {
      if (seen_double_star) error_at_token(peek(), "iterable argument unpacking follows keyword argument unpacking");
      call->args.push_back(parse_star_expression());
    } else if (at_op("**")) {
      advance();
      Keyword* k = make<Keyword>(start);
      k->value = parse_expression();
      call->keywords.push_back(finish(k));
      seen_double_star = true;
    } else if (peek().kind == TokenKind::Name && peek(1).is_op("=")) {
      const Token& name = peek();
      Pos equals_end = shifted(peek(1).end);
      if (name.text == "True" || name.text == "False" || name.text == "None") {
        error_range(start, equals_end, "cannot assign to " + std::string(name.text));
      }
      Keyword* k = make<Keyword>(start);
      k->arg = expect_name();
      advance(); // =
      k->value = parse_expression();
      if (at_comprehension()) {
        error_range(start, equals_end, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      call->keywords.push_back(finish(k));
    } else {
      Expr* e = parse_named_expression(false);
      if (at_op("=")) {
        error_range(e->pos, shifted(peek().end), "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (at_comprehension()) {
        GeneratorExp* g = make<GeneratorExp>(e->pos);
        g->elt = e;
        g->generators = parse_comprehension_clauses();
        e = finish(g);
        genexp = e;
      }
      if (!call->keywords.empty() && !positional_error) {
        positional_error = seen_double_star ? "positional argument follows keyword argument unpacking"
                                            : "positional argument follows keyword argument";
      }
      call->args.push_back(e);
    }
    if (!accept_op(",")) break;
  }
  if (genexp && count > 1) error_at_node(genexp, "Generator expression must be parenthesized");
  // CPython reports this at the last token it read: the one after the list.
  if (positional_error) error_at_token(peek(), positional_error);
  --bracket_depth_;
  expect_op(")");
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::parse_slices() {
  Pos start = token_start();
  Expr* first = at_op("*") ? parse_star_expression() : parse_slice();
  if (!at_op(",") && first->kind != ExprKind::Starred) return first;
  ExprList elts{first};
  while (accept_op(",")) {
    if (at_op("]")) break;
    elts.push_back(at_op("*") ? parse_star_expression() : parse_slice());
  }
  return tuple_of(std::move(elts), start);
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::parse_slice() {
  Pos start = token_start();
  Expr* lower = nullptr;
  if (!at_op(":")) {
    lower = parse_named_expression();
    if (!at_op(":")) return lower;
  }
  advance();
  SliceExpr* s = make<SliceExpr>(start);
  s->lower = lower;
  auto bound_follows = [&] { return !at_op(":") && !at_op(",") && !at_op("]"); };
  if (bound_follows()) s->upper = parse_expression();
  if (accept_op(":")) {
    if (bound_follows()) s->step = parse_expression();
  }
  return finish(s);
}

Expr* Parser::parse_number(const Token& t) {
  Constant* c = make<Constant>(shifted(t.start));
  std::string_view text = t.text;
  char last = text.back();
  bool hex = text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  if (last == 'j' || last == 'J') {
    c->ckind = ConstKind::Complex;
    std::string digits = strip_underscores(text.substr(0, text.size() - 1));
    c->number = std::strtod(digits.c_str(), nullptr); // overflows to inf like Python
  } else if (!hex && text.find_first_of(".eE") != std::string_view::npos) {
    c->ckind = ConstKind::Float;
    std::string digits = strip_underscores(text);
    c->number = std::strtod(digits.c_str(), nullptr); // overflows to inf like Python
  } else {
    c->ckind = ConstKind::Int;
    std::string digits = strip_underscores(text);
    int base = 10;
    if (digits.size() > 1 && digits[0] == '0') {
      char p = static_cast<char>(digits[1] | 0x20);
      if (p == 'x')
        base = 16;
      else if (p == 'o')
        base = 8;
      else if (p == 'b')
        base = 2;
      if (base != 10) digits = digits.substr(2);
    }
    if (base == 10) {
      std::size_t nz = digits.find_first_not_of('0');
      c->text = nz == std::string::npos ? "0" : digits.substr(nz);
    } else {
      c->text = to_decimal(digits, base);
    }
  }
  return finish(c);
}

Expr* Parser::parse_atom() {
  const Token& t = peek();
  Pos start = token_start();
  switch (t.kind) {
  case TokenKind::Name: {
    if (t.text == "None" || t.text == "True" || t.text == "False") {
      advance();
      Constant* c = make<Constant>(start);
      c->ckind = t.text == "None" ? ConstKind::None : t.text == "True" ? ConstKind::True : ConstKind::False;
      return finish(c);
    }
    if (is_keyword(t.text)) invalid_syntax();
    advance();
    Name* n = make<Name>(start);
    n->id = std::string(t.text);
    return finish(n);
  }
  case TokenKind::Number: advance(); return parse_number(t);
  case TokenKind::String: return parse_strings();
  case TokenKind::Op:
    if (t.text == "(") return parse_paren();
    if (t.text == "[") return parse_list_display();
    if (t.text == "{") return parse_brace_display();
    if (t.text == "...") {
      advance();
      Constant* c = make<Constant>(start);
      c->ckind = ConstKind::Ellipsis;
      return finish(c);
    }
    invalid_syntax();
  default: invalid_syntax();
  }
}

std::vector<Comprehension*> Parser::parse_comprehension_clauses() {
  std::vector<Comprehension*> gens;
  while (at_comprehension()) {
    auto* c = arena_.make_plain<Comprehension>();
    if (accept_keyword("async")) c->is_async = true;
    advance(); // for
    c->target = parse_for_target();
    expect_keyword("in");
    c->iter = parse_disjunction();
    while (accept_keyword("if"))
      c->ifs.push_back(parse_disjunction());
    gens.push_back(c);
  }
  return gens;
}

Expr* Parser::parse_paren() {
  Pos start = token_start();
  advance();
  ++bracket_depth_;
  Nesting nesting(*this);
  Expr* result = nullptr;
  if (at_op(")")) {
    result = tuple_of({}, start);
  } else if (at_keyword("yield")) {
    result = parse_yield();
  } else {
    Expr* first = parse_star_named_expression();
    if (at_comprehension()) {
      if (first->kind == ExprKind::Starred) error_at_node(first, "iterable unpacking cannot be used in comprehension");
      GeneratorExp* g = make<GeneratorExp>(start);
      g->elt = first;
      g->generators = parse_comprehension_clauses();
      result = g;
    } else if (at_op(",")) {
      ExprList elts{first};
      while (accept_op(",")) {
        if (at_op(")")) break;
        elts.push_back(parse_star_named_expression());
      }
      result = tuple_of(std::move(elts), start);
    } else {
      if (first->kind == ExprKind::Starred) error_at_node(first, "cannot use starred expression here");
      result = first;
    }
  }
  --bracket_depth_;
  expect_op(")");
  // A parenthesized expression keeps its own position; displays span the parens.
  if (result->kind == ExprKind::Tuple || result->kind == ExprKind::GeneratorExp) {
    result->pos = start;
    result->end = prev_end();
    if (result->kind == ExprKind::Tuple) paren_tuples_.insert(result);
  }
  return result;
}

Expr* Parser::parse_list_display() {
  Pos start = token_start();
  advance();
  ++bracket_depth_;
  Nesting nesting(*this);
  Expr* result;
  if (at_op("]")) {
    result = make<ListExpr>(start);
  } else {
    Expr* first = parse_star_named_expression();
    if (at_comprehension()) {
      if (first->kind == ExprKind::Starred) error_at_node(first, "iterable unpacking cannot be used in comprehension");
      ListComp* c = make<ListComp>(start);
      c->elt = first;
      c->generators = parse_comprehension_clauses();
      result = c;
    } else {
      ListExpr* l = make<ListExpr>(start);
      l->elts.push_back(first);
      while (accept_op(",")) {
        if (at_op("]")) break;
        l->elts.push_back(parse_star_named_expression());
      }
      result = l;
    }
  }
  --bracket_depth_;
  expect_op("]");
  return finish(result);
}

Expr* Parser::parse_brace_display() {
  Pos start = token_start();
  advance();
  ++bracket_depth_;
  Nesting nesting(*this);
  Expr* result;
  if (at_op("}")) {
    result = make<DictExpr>(start);
  } else if (at_op("**") || !at_op("*")) {
    // Either a dict (first item `k: v` or `**m`) or a set.
    Expr* first_key = nullptr;
    Expr* first_value = nullptr;
    Expr* first_elt = nullptr;
    if (at_op("**")) {
      const Token& star = advance();
      first_value = parse_bitor();
      if (at_comprehension()) error_at_token(star, "dict unpacking cannot be used in dict comprehension");
    } else {
      first_elt = parse_named_expression();
      if (at_op(":") && first_elt->kind != ExprKind::NamedExpr) {
        advance();
        first_key = first_elt;
        first_elt = nullptr;
        first_value = parse_dict_value();
      }
    }
    if (first_elt == nullptr) {
      if (first_key && at_comprehension()) {
        DictComp* c = make<DictComp>(start);
        c->key = first_key;
        c->value = first_value;
        c->generators = parse_comprehension_clauses();
        result = c;
      } else {
        DictExpr* d = make<DictExpr>(start);
        d->keys.push_back(first_key);
        d->values.push_back(first_value);
        while (accept_op(",")) {
          if (at_op("}")) break;
          if (accept_op("**")) {
            d->keys.push_back(nullptr);
            d->values.push_back(parse_bitor());
            continue;
          }
          Expr* key = parse_expression();
          if (!at_op(":")) {
            if (at_op("}") || at_op(",")) {
              error_range(Pos{key->end.line, key->end.col - 1}, Pos{key->end.line, -1},
                          "':' expected after dictionary key");
            }
            invalid_syntax();
          }
          advance();
          d->keys.push_back(key);
          d->values.push_back(parse_dict_value());
        }
        result = d;
      }
    } else if (at_comprehension()) {
      SetComp* c = make<SetComp>(start);
      c->elt = first_elt;
      c->generators = parse_comprehension_clauses();
      result = c;
    } else {
      SetExpr* s = make<SetExpr>(start);
      s->elts.push_back(first_elt);
      while (accept_op(",")) {
        if (at_op("}")) break;
        s->elts.push_back(parse_star_named_expression());
      }
      result = s;
    }
  } else {
    // A set display starting with a starred element.
    SetExpr* s = make<SetExpr>(start);
    s->elts.push_back(parse_star_named_expression());
    if (at_comprehension()) error_at_node(s->elts[0], "iterable unpacking cannot be used in comprehension");
    while (accept_op(",")) {
      if (at_op("}")) break;
      s->elts.push_back(parse_star_named_expression());
    }
    result = s;
  }
  --bracket_depth_;
  expect_op("}");
  return finish(result);
}

// The value after `key:` in a dict display.
Expr* Parser::parse_dict_value() {
  if (at_op("*")) {
    Pos star = token_start();
    advance();
    Expr* v = parse_bitor();
    error_range(star, v->end, "cannot use a starred expression in a dictionary value");
  }
  return parse_expression();
}

Expr* Parser::parse_lambda() {
  Pos start = token_start();
  advance();
  Nesting nesting(*this, 2); // CPython nests expression and lambdef for each lambda
  Lambda* l = make<Lambda>(start);
  l->args = parse_parameters(":", true);
  advance(); // ':'
  l->body = parse_expression();
  return finish(l);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::parse_yield() {
  Pos start = token_start();
  advance();
  if (accept_keyword("from")) {
    YieldFrom* y = make<YieldFrom>(start);
    y->value = parse_expression();
    return finish(y);
  }
  Yield* y = make<Yield>(start);
  if (at_expression_start()) y->value = parse_star_expressions();
  return finish(y);
}

} // namespace tributary::frontend::detail
