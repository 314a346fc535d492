// parser.cpp — parser entry points, token and error plumbing, and statements.
//
// Statements follow CPython 3.11's grammar. Compound statements that the
// subset does not run (`match`) are still parsed — or, for `match`, skipped
// token-wise — and become `Unsupported` nodes, so the
// compiler can raise NotImplementedError naming the feature. Errors that
// CPython raises only after parsing (symbol-table and compiler errors such as
// "'return' outside function") are left to the compiler.
#include "frontend/parser.h"

#include <algorithm>

#include "frontend/parser_internal.h"

namespace tributary::frontend {
namespace detail {

namespace {
// Nesting limit of the parser: CPython's parser gives MemoryError past MAXSTACK
// (6000) levels, counting about 30 for the rules around a statement; ours counts
// one level per construct CPython nests (see Nesting),
// calibrated so that `x = -...-1` fails from the same number of minus signs.
constexpr int kMaxDepth = 5969;
} // namespace

Parser::Parser(const LexResult& lex, std::string filename, Arena& arena, const SourceLines& lines)
    : lex_(lex), filename_(std::move(filename)), arena_(arena), lines_(lines) {}

// ---- tokens ---------------------------------------------------------------------

const Token& Parser::peek(std::size_t ahead) const {
  std::size_t i = std::min(pos_ + ahead, lex_.tokens.size() - 1);
  // Fetching the tokenizer's error token raises it at once, as CPython's lazy
  // tokenizer does.
  for (std::size_t k = pos_; k <= i; ++k) {
    if (lex_.tokens[k].kind == TokenKind::Error) throw_tokenizer_error();
  }
  if (i > furthest_) furthest_ = i;
  return lex_.tokens[i];
}

const Token& Parser::advance() {
  const Token& t = peek();
  if (pos_ + 1 < lex_.tokens.size()) ++pos_;
  return t;
}

bool Parser::accept_op(std::string_view s) {
  if (!at_op(s)) return false;
  advance();
  return true;
}

bool Parser::accept_keyword(std::string_view s) {
  if (!at_keyword(s)) return false;
  advance();
  return true;
}

const Token& Parser::expect_op(std::string_view s) {
  if (!at_op(s)) invalid_syntax();
  return advance();
}

void Parser::expect_keyword(std::string_view s) {
  if (!at_keyword(s)) invalid_syntax();
  advance();
}

std::string Parser::expect_name() {
  const Token& t = peek();
  if (t.kind != TokenKind::Name || is_keyword(t.text)) invalid_syntax();
  advance();
  return std::string(t.text);
}

Pos Parser::shifted(Pos p) const {
  p.line += line_shift;
  return p;
}

Pos Parser::prev_end() const {
  std::size_t i = pos_;
  while (i > 0) {
    const Token& t = lex_.tokens[--i];
    if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent) {
      return shifted(t.end);
    }
  }
  return shifted(lex_.tokens[0].start);
}

Pos Parser::token_start() const { return shifted(peek().start); }

Parser::Nesting::Nesting(Parser& parser, int w) : p(parser), weight(w) {
  p.depth_ += weight;
  if (p.depth_ > kMaxDepth) {
    SyntaxErrorInfo info;
    info.kind = "MemoryError";
    info.filename = p.filename_;
    throw TokenizerError(std::move(info)); // never masked by a speculative parse
  }
}

// ---- errors ---------------------------------------------------------------------

void Parser::error_range(Pos start, Pos end, const std::string& msg, const char* kind) const {
  SyntaxErrorInfo info;
  info.kind = kind;
  info.msg = in_fstring ? "f-string: " + msg : msg;
  info.filename = filename_;
  info.line = start.line;
  info.col = start.col + 1;
  info.end_col = end.col + 1;
  int local_line = start.line - line_shift;
  if (local_line >= 1 && local_line <= static_cast<int>(lines_.size())) {
    info.text = lines_[local_line - 1];
  }
  raise_error(std::move(info));
}

// CPython tokenizes the rest of the file after a parser error and reports a
// tokenizer error found there instead; an unclosed bracket at end of file
// wins only when the parser stopped on a later line than the bracket.
void Parser::raise_error(SyntaxErrorInfo info) const {
  if (lex_.error && !speculating_) {
    const Token& last = lex_.tokens[std::min(std::max(furthest_, pos_), lex_.tokens.size() - 1)];
    if (lex_.unclosed_bracket_line == 0 || last.start.line > lex_.unclosed_bracket_line) {
      throw_tokenizer_error();
    }
  }
  throw SyntaxErrorException(std::move(info));
}

void Parser::error_at_token(const Token& t, const std::string& msg, const char* kind) const {
  if (t.kind == TokenKind::EndMarker ||
      (t.kind == TokenKind::Dedent && t.start.col == 0 && t.start.line > static_cast<int>(lines_.size()))) {
    // At end of input CPython points just past the last line.
    int line = static_cast<int>(lines_.size());
    int len = line > 0 ? count_code_points(lines_[line - 1]) : 0;
    SyntaxErrorInfo info;
    info.kind = kind;
    info.msg = in_fstring ? "f-string: " + msg : msg;
    info.filename = filename_;
    info.line = line + line_shift;
    info.col = len + 1;
    info.text = line > 0 ? lines_[line - 1] : std::string();
    raise_error(std::move(info));
  }
  error_range(shifted(t.start), shifted(t.end), msg, kind);
}

void Parser::error_at_node(const Node* n, const std::string& msg) const { error_range(n->pos, n->end, msg); }

void Parser::error_between(const Node* a, const Node* b, const std::string& msg) const {
  error_range(a->pos, b->end, msg);
}

void Parser::throw_tokenizer_error() const {
  SyntaxErrorInfo info = *lex_.error;
  if (in_fstring) {
    info.msg = "f-string: " + info.msg;
    info.line += line_shift;
  }
  throw TokenizerError(std::move(info));
}

void Parser::invalid_syntax() const {
  std::size_t at = std::max(furthest_, pos_);
  const Token& t = lex_.tokens[std::min(at, lex_.tokens.size() - 1)];
  if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) {
    SyntaxErrorInfo info;
    info.kind = "IndentationError";
    info.msg = t.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent";
    info.filename = filename_;
    info.line = t.start.line + line_shift;
    info.col = t.end.col;
    if (t.start.line >= 1 && t.start.line <= static_cast<int>(lines_.size())) {
      info.text = lines_[t.start.line - 1];
    }
    throw SyntaxErrorException(std::move(info));
  }
  error_at_token(t, "invalid syntax");
}

void Parser::expected_indented_block(const Token& head, const std::string& what) const {
  std::string msg = "expected an indented block after " + what + " on line " + std::to_string(shifted(head.start).line);
  error_at_token(peek(), msg, "IndentationError");
}

// ---- module structure -----------------------------------------------------------

StmtList Parser::parse_file() {
  StmtList body;
  while (!at_kind(TokenKind::EndMarker))
    parse_statement(body);
  return body;
}

Expr* Parser::parse_eval() {
  Expr* e = parse_star_expressions();
  while (at_kind(TokenKind::Newline))
    advance();
  if (!at_kind(TokenKind::EndMarker)) invalid_syntax();
  return e;
}

void Parser::parse_statement(StmtList& out) {
  const Token& t = peek();
  if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) invalid_syntax();
  if (t.kind == TokenKind::Name) {
    static constexpr std::string_view kCompound[] = {"if", "while", "for", "try", "with", "def", "class", "async"};
    for (std::string_view k : kCompound) {
      if (t.text == k) {
        out.push_back(parse_compound_statement());
        return;
      }
    }
    if (t.text == "match" && looks_like_match()) {
      out.push_back(parse_match());
      return;
    }
  } else if (t.is_op("@")) {
    out.push_back(parse_decorated());
    return;
  }
  parse_simple_statements(out);
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::parse_simple_statements(StmtList& out) {
  for (;;) {
    out.push_back(parse_simple_statement());
    if (accept_op(";")) {
      if (at_kind(TokenKind::Newline)) break;
      continue;
    }
    break;
  }
  if (!at_kind(TokenKind::Newline)) invalid_syntax();
  advance();
}

Stmt* Parser::parse_simple_statement() {
  Nesting nesting(*this);
  const Token& t = peek();
  Pos start = token_start();
  Stmt* result = nullptr;
  if (t.kind == TokenKind::Name) {
    std::string_view k = t.text;
    if (k == "pass" || k == "break" || k == "continue") {
      advance();
      if (k == "pass")
        result = make<Pass>(start);
      else if (k == "break")
        result = make<Break>(start);
      else
        result = make<Continue>(start);
    } else if (k == "return") {
      result = parse_return();
    } else if (k == "import") {
      result = parse_import();
    } else if (k == "from") {
      result = parse_from_import();
    } else if (k == "raise") {
      result = parse_raise();
    } else if (k == "global" || k == "nonlocal") {
      result = parse_global_like(k == "global");
    } else if (k == "assert") {
      result = parse_assert();
    } else if (k == "del") {
      result = parse_del();
    }
  }
  if (!result) result = parse_expression_statement();
  return result;
}

Stmt* Parser::parse_compound_statement() {
  Nesting nesting(*this);
  const Token& t = peek();
  Pos start = token_start();
  Stmt* result = nullptr;
  if (t.text == "if") {
    const Token& head = advance();
    result = parse_if(head, start);
  } else if (t.text == "while") {
    result = parse_while();
  } else if (t.text == "for") {
    result = parse_for(false, start);
  } else if (t.text == "try") {
    result = parse_try();
  } else if (t.text == "with") {
    result = parse_with(false, start);
  } else if (t.text == "def") {
    result = parse_funcdef({}, false, start);
  } else if (t.text == "class") {
    result = parse_classdef({}, start);
  } else { // async
    advance();
    if (at_keyword("def"))
      result = parse_funcdef({}, true, start);
    else if (at_keyword("for"))
      result = parse_for(true, start);
    else if (at_keyword("with"))
      result = parse_with(true, start);
    else
      invalid_syntax();
  }
  return result;
}

// Parses ':' after a compound statement header. `forced` headers (def, try,
// else, finally) report "expected ':'" whatever follows; the others only when
// the line ends, as in CPython's grammar.
void Parser::expect_colon(bool forced) {
  if (accept_op(":")) return;
  if (forced || at_kind(TokenKind::Newline)) error_at_token(peek(), "expected ':'");
  invalid_syntax();
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
StmtList Parser::parse_block(const Token& head, const std::string& what) {
  StmtList body;
  if (at_kind(TokenKind::Newline)) {
    advance();
    if (!at_kind(TokenKind::Indent)) expected_indented_block(head, what);
    advance();
    while (!at_kind(TokenKind::Dedent) && !at_kind(TokenKind::EndMarker))
      parse_statement(body);
    if (at_kind(TokenKind::Dedent)) advance();
    return body;
  }
  parse_simple_statements(body);
  return body;
}

// ---- compound statements ----------------------------------------------------------

// Parses an if/elif condition, reporting CPython's hint for `if x = 1:`.
Expr* Parser::parse_condition() { return parse_named_expression(); }

Stmt* Parser::parse_if(const Token& head, Pos start) {
  bool is_elif = head.text == "elif";
  Expr* test = parse_condition();
  expect_colon(false);
  If* node = make<If>(start);
  node->test = test;
  node->body = parse_block(head, is_elif ? "'elif' statement" : "'if' statement");
  if (at_keyword("elif")) {
    Pos elif_start = token_start();
    const Token& elif = advance();
    node->orelse.push_back(parse_if(elif, elif_start));
  } else if (at_keyword("else")) {
    const Token& else_tok = advance();
    expect_colon(true);
    node->orelse = parse_block(else_tok, "'else' statement");
  }
  return finish(node);
}

Stmt* Parser::parse_while() {
  Pos start = token_start();
  const Token& head = advance();
  Expr* test = parse_condition();
  expect_colon(false);
  While* node = make<While>(start);
  node->test = test;
  node->body = parse_block(head, "'while' statement");
  if (at_keyword("else")) {
    const Token& else_tok = advance();
    expect_colon(true);
    node->orelse = parse_block(else_tok, "'else' statement");
  }
  return finish(node);
}

Stmt* Parser::parse_for(bool is_async, Pos start) {
  const Token& head = advance();
  Expr* target = parse_for_target();
  expect_keyword("in");
  Expr* iter = parse_star_expressions();
  expect_colon(false);
  For* node = make<For>(start);
  node->target = target;
  node->iter = iter;
  node->body = parse_block(head, "'for' statement");
  if (at_keyword("else")) {
    const Token& else_tok = advance();
    expect_colon(true);
    node->orelse = parse_block(else_tok, "'else' statement");
  }
  // `async for` has For's fields (as in Python's ast); only the kind differs.
  if (is_async) node->kind = StmtKind::AsyncFor;
  return finish(node);
}

Stmt* Parser::parse_try() {
  Pos start = token_start();
  const Token& head = advance();
  expect_colon(true);
  Try* node = make<Try>(start);
  node->body = parse_block(head, "'try' statement");
  bool star = false;
  while (at_keyword("except")) {
    Pos hstart = token_start();
    const Token& except_tok = advance();
    auto* h = make<ExceptHandler>(hstart);
    const bool this_star = accept_op("*");
    if (!node->handlers.empty() && this_star != star)
      error_at_token(except_tok, "cannot have both 'except' and 'except*' on the same 'try'");
    star = this_star;
    if (star && at_op(":")) error_at_token(peek(), "expected one or more exception types");
    if (at_kind(TokenKind::Newline)) error_at_token(peek(), "expected ':'");
    if (!at_op(":")) {
      Pos tstart = token_start();
      Expr* type = parse_expression();
      if (at_op(",")) {
        // `except A, B:` needs parentheses in Python 3.
        ExprList elts{type};
        while (accept_op(",")) {
          if (at_op(":") || at_keyword("as")) break;
          elts.push_back(parse_expression());
        }
        Expr* tuple = tuple_of(std::move(elts), tstart);
        error_at_node(tuple, "multiple exception types must be parenthesized");
      }
      h->type = type;
      if (accept_keyword("as")) h->name = expect_name();
    }
    expect_colon(false);
    h->body = parse_block(except_tok, star ? "'except*' statement" : "'except' statement");
    h->end = prev_end();
    node->handlers.push_back(h);
  }
  if (at_keyword("else")) {
    if (node->handlers.empty()) error_at_token(peek(), "expected 'except' or 'finally' block");
    const Token& else_tok = advance();
    expect_colon(true);
    node->orelse = parse_block(else_tok, "'else' statement");
  }
  if (at_keyword("finally")) {
    const Token& fin = advance();
    expect_colon(true);
    node->finalbody = parse_block(fin, "'finally' statement");
  }
  if (node->handlers.empty() && node->finalbody.empty()) {
    error_at_token(peek(), "expected 'except' or 'finally' block");
  }
  node->star = star;
  return finish(node);
}

WithItem* Parser::parse_with_item() {
  auto* item = arena_.make_plain<WithItem>();
  item->context_expr = parse_expression();
  if (accept_keyword("as")) item->optional_vars = parse_star_target();
  return item;
}

Stmt* Parser::parse_with(bool is_async, Pos start) {
  const Token& head = advance();
  With* node = make<With>(start);
  bool parsed = false;
  if (at_op("(")) {
    // `with (a as b, c):` — a parenthesized item list, if a ':' follows the
    // closing parenthesis; otherwise the parenthesis belongs to an expression.
    std::size_t save = pos_;
    std::size_t save_furthest = furthest_;
    int save_depth = bracket_depth_;
    bool save_speculating = speculating_;
    speculating_ = true;
    try {
      advance();
      ++bracket_depth_;
      std::vector<WithItem*> items;
      for (;;) {
        items.push_back(parse_with_item());
        if (!accept_op(",")) break;
        if (at_op(")")) break;
      }
      expect_op(")");
      --bracket_depth_;
      if (!at_op(":")) throw Backtrack();
      node->items = std::move(items);
      parsed = true;
    } catch (const Backtrack&) {
    } catch (const TokenizerError&) {
      throw;
    } catch (const SyntaxErrorException&) {
    }
    speculating_ = save_speculating;
    if (!parsed) {
      pos_ = save;
      furthest_ = save_furthest;
      bracket_depth_ = save_depth;
    }
  }
  if (!parsed) {
    for (;;) {
      node->items.push_back(parse_with_item());
      if (!accept_op(",")) break;
    }
  }
  expect_colon(false);
  node->body = parse_block(head, "'with' statement");
  if (is_async) node->kind = StmtKind::AsyncWith;
  return finish(node);
}

Stmt* Parser::parse_decorated() {
  Pos start = token_start();
  ExprList decorators;
  while (accept_op("@")) {
    decorators.push_back(parse_named_expression());
    if (!at_kind(TokenKind::Newline)) invalid_syntax();
    advance();
  }
  if (at_keyword("def")) return parse_funcdef(std::move(decorators), false, start);
  if (at_keyword("class")) return parse_classdef(std::move(decorators), start);
  if (at_keyword("async") && peek(1).is_name("def")) {
    advance();
    return parse_funcdef(std::move(decorators), true, start);
  }
  invalid_syntax();
}

Stmt* Parser::parse_funcdef(ExprList decorators, bool is_async, Pos start) {
  const Token& head = advance(); // def
  FunctionDef* node = make<FunctionDef>(start);
  node->name = expect_name();
  if (!at_op("(")) error_at_token(peek(), "expected '('");
  advance();
  ++bracket_depth_;
  node->args = parse_parameters(")", false);
  --bracket_depth_;
  expect_op(")");
  if (accept_op("->")) node->returns = parse_expression();
  expect_colon(true);
  node->decorator_list = std::move(decorators);
  node->body = parse_block(head, "function definition");
  if (is_async) node->kind = StmtKind::AsyncFunctionDef;
  return finish(node);
}

Stmt* Parser::parse_classdef(ExprList decorators, Pos start) {
  const Token& head = advance(); // class
  ClassDef* node = make<ClassDef>(start);
  node->name = expect_name();
  if (at_op("(")) {
    Pos call_start = token_start();
    Call* call = make<Call>(call_start);
    advance();
    parse_arguments(call);
    node->bases = std::move(call->args);
    node->keywords = std::move(call->keywords);
  }
  expect_colon(false);
  node->decorator_list = std::move(decorators);
  node->body = parse_block(head, "class definition");
  return finish(node);
}

// True when a statement starting with the soft keyword `match` is a match
// statement: `match <subject>:` followed by a newline.
bool Parser::looks_like_match() {
  const Token& next = peek(1);
  if (next.kind == TokenKind::Newline || next.kind == TokenKind::EndMarker) return false;
  if (next.kind == TokenKind::Op && !next.is_op("(") && !next.is_op("[") && !next.is_op("{") && !next.is_op("-") &&
      !next.is_op("*") && !next.is_op("~")) {
    return false;
  }
  std::size_t save = pos_;
  std::size_t save_furthest = furthest_;
  int save_depth = bracket_depth_;
  bool save_speculating = speculating_;
  speculating_ = true;
  bool result = false;
  try {
    advance();
    parse_match_subject();
    result = at_op(":") && peek(1).kind == TokenKind::Newline;
  } catch (const TokenizerError&) {
    throw;
  } catch (const SyntaxErrorException&) {
  }
  speculating_ = save_speculating;
  pos_ = save;
  furthest_ = save_furthest;
  bracket_depth_ = save_depth;
  return result;
}

// ---- parameters -------------------------------------------------------------------

Arg* Parser::parse_param(bool is_lambda) {
  Pos start = token_start();
  Arg* arg = make<Arg>(start);
  arg->name = expect_name();
  if (!is_lambda && accept_op(":")) arg->annotation = parse_expression();
  arg->end = prev_end();
  return arg;
}

// Parses a parameter list up to (not including) `closer`: ")" for def, ":"
// for lambda.
Arguments* Parser::parse_parameters(std::string_view closer, bool is_lambda) {
  auto* a = arena_.make_plain<Arguments>();
  bool seen_default = false, seen_star = false, seen_slash = false;
  while (!at_op(closer)) {
    const Token& t = peek();
    if (t.is_op("/")) {
      if (seen_slash) error_at_token(t, "/ may appear only once");
      if (seen_star) error_at_token(t, "/ must be ahead of *");
      if (a->args.empty()) {
        if (peek(1).is_op(",")) error_at_token(t, "at least one argument must precede /");
        invalid_syntax();
      }
      advance();
      seen_slash = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (t.is_op("*")) {
      if (seen_star) error_at_token(t, "* argument may appear only once");
      const Token& star = advance();
      seen_star = true;
      if (at_op(",") || at_op(closer)) {
        bool has_named = at_op(",") && !peek(1).is_op("**") && !peek(1).is_op(closer);
        if (!has_named) {
          // def reports at the '*'; lambda at the last token examined.
          error_at_token(is_lambda ? lex_.tokens[furthest_] : star, "named arguments must follow bare *");
        }
      } else {
        a->vararg = parse_param(is_lambda);
        if (at_op("=")) error_at_token(peek(), "var-positional argument cannot have default value");
      }
    } else if (t.is_op("**")) {
      advance();
      a->kwarg = parse_param(is_lambda);
      if (at_op("=")) error_at_token(peek(), "var-keyword argument cannot have default value");
      if (accept_op(",") && !at_op(closer)) {
        error_at_token(peek(), "arguments cannot follow var-keyword argument");
      }
      break;
    } else {
      Arg* arg = parse_param(is_lambda);
      Expr* def = nullptr;
      if (accept_op("=")) def = parse_expression();
      if (seen_star) {
        a->kwonlyargs.push_back(arg);
        a->kw_defaults.push_back(def);
      } else {
        if (def) {
          seen_default = true;
          a->defaults.push_back(def);
        } else if (seen_default) {
          error_at_node(arg, "non-default argument follows default argument");
        }
        a->args.push_back(arg);
      }
    }
    if (!accept_op(",")) break;
  }
  if (!at_op(closer)) invalid_syntax();
  return a;
}

// ---- simple statements ------------------------------------------------------------

Stmt* Parser::parse_return() {
  Pos start = token_start();
  advance();
  Return* node = make<Return>(start);
  if (!at_kind(TokenKind::Newline) && !at_op(";")) node->value = parse_star_expressions();
  return finish(node);
}

Stmt* Parser::parse_raise() {
  Pos start = token_start();
  advance();
  Raise* node = make<Raise>(start);
  if (!at_kind(TokenKind::Newline) && !at_op(";")) {
    node->exc = parse_expression();
    if (accept_keyword("from")) node->cause = parse_expression();
  }
  return finish(node);
}

Stmt* Parser::parse_global_like(bool is_global) {
  Pos start = token_start();
  advance();
  std::vector<std::string> names;
  do {
    names.push_back(expect_name());
  } while (accept_op(","));
  if (is_global) {
    Global* node = make<Global>(start);
    node->names = std::move(names);
    return node;
  }
  Nonlocal* node = make<Nonlocal>(start);
  node->names = std::move(names);
  return node;
}

Stmt* Parser::parse_assert() {
  Pos start = token_start();
  advance();
  Assert* node = make<Assert>(start);
  node->test = parse_expression();
  if (accept_op(",")) node->msg = parse_expression();
  return finish(node);
}

Stmt* Parser::parse_del() {
  Pos start = token_start();
  advance();
  Delete* node = make<Delete>(start);
  // del_targets: ','.del_target+ [','] — a list, never a tuple.
  ExprList targets;
  for (;;) {
    targets.push_back(parse_star_expression());
    if (!accept_op(",")) break;
    if (at_kind(TokenKind::Newline) || at_op(";")) break;
  }
  if (!at_kind(TokenKind::Newline) && !at_op(";")) invalid_syntax();
  for (Expr* t : targets)
    set_context(t, ExprContext::Del);
  node->targets = std::move(targets);
  return finish(node);
}

std::string Parser::parse_dotted_name() {
  std::string name = expect_name();
  while (at_op(".")) {
    advance();
    name += "." + expect_name();
  }
  return name;
}

Stmt* Parser::parse_import() {
  Pos start = token_start();
  advance();
  Import* node = make<Import>(start);
  do {
    auto* alias = arena_.make_plain<Alias>();
    alias->pos = token_start();
    alias->name = parse_dotted_name();
    if (accept_keyword("as")) alias->asname = expect_name();
    node->names.push_back(alias);
  } while (accept_op(","));
  return finish(node);
}

Stmt* Parser::parse_from_import() {
  Pos start = token_start();
  advance();
  ImportFrom* node = make<ImportFrom>(start);
  for (;;) {
    if (accept_op("."))
      node->level += 1;
    else if (accept_op("..."))
      node->level += 3;
    else
      break;
  }
  if (!at_keyword("import") || node->level == 0) node->module = parse_dotted_name();
  expect_keyword("import");
  if (at_op("*")) {
    auto* alias = arena_.make_plain<Alias>();
    alias->pos = token_start();
    alias->name = "*";
    advance();
    node->names.push_back(alias);
    return finish(node);
  }
  bool parens = accept_op("(");
  if (parens) ++bracket_depth_;
  for (;;) {
    auto* alias = arena_.make_plain<Alias>();
    alias->pos = token_start();
    alias->name = expect_name();
    if (accept_keyword("as")) alias->asname = expect_name();
    node->names.push_back(alias);
    if (!accept_op(",")) break;
    if (parens && at_op(")")) break;
    if (!parens && at_kind(TokenKind::Newline)) {
      error_at_token(peek(), "trailing comma not allowed without surrounding parentheses");
    }
  }
  if (parens) {
    --bracket_depth_;
    expect_op(")");
  }
  return finish(node);
}

} // namespace detail

// ---- public entry points ------------------------------------------------------------

ModuleAst parse_module(std::string_view source, std::string filename) {
  ModuleAst module;
  module.filename = filename;
  module.source_lines = SourceLines(source);
  LexResult lex = tokenize(source, filename);
  detail::Parser parser(lex, filename, *module.arena, module.source_lines);
  module.body = parser.parse_file();
  return module;
}

Expr* parse_expression(std::string_view source, std::string filename, Arena& arena) {
  SourceLines lines(source);
  // eval() ignores leading spaces and tabs on the first line.
  std::size_t skip = source.find_first_not_of(" \t");
  std::string_view trimmed = skip == std::string_view::npos ? std::string_view() : source.substr(skip);
  LexResult lex = tokenize(trimmed, filename);
  detail::Parser parser(lex, filename, arena, lines);
  return parser.parse_eval();
}

} // namespace tributary::frontend
