// parser_match.cpp — the match statement (PEP 634) and its patterns.
//
// Follows the pattern rules of CPython 3.11's Grammar/python.gram. `match`
// and `case` are soft keywords: parse_statement() calls parse_match() only
// when looks_like_match() has seen `match <subject>:` NEWLINE, and `case` is
// only read at the start of a line of a match block. The checks CPython makes
// in its compiler (irrefutable cases, alternatives binding different names,
// duplicate captures) are the compiler's here too (compile_match.cpp); this
// file reports only what the grammar rejects.
#include "frontend/parser_internal.h"

namespace tributary::frontend::detail {

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
Stmt* Parser::parse_match() {
  Pos start = token_start();
  const Token& head = advance();
  Match* node = make<Match>(start);
  node->subject = parse_match_subject();
  expect_op(":");
  advance(); // NEWLINE (looks_like_match() saw it)
  if (!at_kind(TokenKind::Indent)) expected_indented_block(head, "'match' statement");
  advance();
  while (!at_kind(TokenKind::Dedent) && !at_kind(TokenKind::EndMarker)) {
    if (!at_keyword("case")) invalid_syntax();
    node->cases.push_back(parse_case());
  }
  if (at_kind(TokenKind::Dedent)) advance();
  return finish(node);
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
Expr* Parser::parse_match_subject() {
  Pos start = token_start();
  Expr* first = parse_star_named_expression();
  if (!at_op(",")) {
    if (first->kind == ExprKind::Starred) invalid_syntax();
    return first;
  }
  ExprList elts{first};
  while (accept_op(",")) {
    if (at_op(":")) break;
    elts.push_back(parse_star_named_expression());
  }
  return tuple_of(std::move(elts), start);
}

// case_block: "case" patterns guard? ':' block
MatchCase* Parser::parse_case() {
  Pos start = token_start();
  const Token& head = advance();
  MatchCase* c = make<MatchCase>(start);
  c->pattern = parse_patterns();
  if (accept_keyword("if")) c->guard = parse_named_expression();
  expect_colon(false);
  c->end = prev_end();
  c->body = parse_block(head, "'case' statement");
  return c;
}

// patterns: open_sequence_pattern | pattern
Pattern* Parser::parse_patterns() {
  Pos start = token_start();
  Pattern* first = parse_maybe_star_pattern();
  if (!at_op(",")) {
    if (first->kind == PatternKind::MatchStar) invalid_syntax();
    return first;
  }
  MatchSequence* seq = make<MatchSequence>(start);
  seq->patterns.push_back(first);
  while (accept_op(",")) {
    if (at_op(":") || at_keyword("if")) break;
    seq->patterns.push_back(parse_maybe_star_pattern());
  }
  return finish(seq);
}

// maybe_star_pattern: star_pattern | pattern
Pattern* Parser::parse_maybe_star_pattern() {
  if (!at_op("*")) return parse_pattern();
  Pos start = token_start();
  advance();
  MatchStar* star = make<MatchStar>(start);
  std::string name = expect_name();
  if (name != "_") star->name = std::move(name);
  return finish(star);
}

// pattern: or_pattern ['as' pattern_capture_target]
Pattern* Parser::parse_pattern() {
  Nesting nesting(*this);
  Pos start = token_start();
  Pattern* p = parse_or_pattern();
  if (!at_keyword("as")) return p;
  advance();
  const Token& t = peek();
  if (t.is_name("_")) error_at_token(t, "cannot use '_' as a target");
  // `as a.b` is invalid syntax at the '.' (after the name), `as 3` an invalid target.
  if (t.kind != TokenKind::Name) error_at_node(parse_expression(), "invalid pattern target");
  MatchAs* as = make<MatchAs>(start);
  as->pattern = p;
  as->name = expect_name();
  return finish(as);
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::parse_or_pattern() {
  Pos start = token_start();
  Pattern* first = parse_closed_pattern();
  if (!at_op("|")) return first;
  MatchOr* alt = make<MatchOr>(start);
  alt->patterns.push_back(first);
  while (accept_op("|"))
    alt->patterns.push_back(parse_closed_pattern());
  return finish(alt);
}

// A literal number: signed_number, or signed_real_number ('+'|'-') imaginary_number.
// The value is the expression CPython's AST holds (UnaryOp/BinOp over Constants).
Expr* Parser::parse_number_literal() {
  Pos start = token_start();
  auto signed_number = [&]() -> Expr* {
    if (!accept_op("-")) {
      if (!at_kind(TokenKind::Number)) invalid_syntax();
      return parse_number(advance());
    }
    if (!at_kind(TokenKind::Number)) invalid_syntax();
    UnaryOp* neg = make<UnaryOp>(start);
    neg->op = UnaryOpKind::USub;
    neg->operand = parse_number(advance());
    return finish(neg);
  };
  Expr* real = signed_number();
  if (!at_op("+") && !at_op("-")) return real;
  const Expr* real_const = real->kind == ExprKind::UnaryOp ? static_cast<UnaryOp*>(real)->operand : real;
  if (static_cast<const Constant*>(real_const)->ckind == ConstKind::Complex)
    error_at_node(real, "real number required in complex literal");
  BinOp* sum = make<BinOp>(start);
  sum->left = real;
  sum->op = advance().text == "+" ? BinOpKind::Add : BinOpKind::Sub;
  if (!at_kind(TokenKind::Number)) invalid_syntax();
  sum->right = parse_number(advance());
  if (static_cast<Constant*>(sum->right)->ckind != ConstKind::Complex)
    error_at_node(sum->right, "imaginary number required in complex literal");
  return finish(sum);
}

// literal_expr minus None/True/False: a number or a (non-f) string.
Expr* Parser::parse_literal_value() {
  if (at_kind(TokenKind::String)) {
    Expr* s = parse_strings();
    if (s->kind != ExprKind::Constant) error_at_node(s, "patterns may only match literals and attribute lookups");
    return s;
  }
  return parse_number_literal();
}

// name_or_attr: NAME ('.' NAME)*
Expr* Parser::parse_name_or_attr() {
  Pos start = token_start();
  Name* base = make<Name>(start);
  base->id = expect_name();
  Expr* e = finish(base);
  while (accept_op(".")) {
    Attribute* a = make<Attribute>(start);
    a->value = e;
    a->attr = expect_name();
    e = finish(a);
  }
  return e;
}

// closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class
Pattern* Parser::parse_closed_pattern() {
  const Token& t = peek();
  Pos start = token_start();
  if (t.kind == TokenKind::Number || t.kind == TokenKind::String || t.is_op("-")) {
    MatchValue* v = make<MatchValue>(start);
    v->value = parse_literal_value();
    return finish(v);
  }
  if (t.is_name("None") || t.is_name("True") || t.is_name("False")) {
    advance();
    MatchSingleton* s = make<MatchSingleton>(start);
    s->value = t.text == "None" ? ConstKind::None : t.text == "True" ? ConstKind::True : ConstKind::False;
    return finish(s);
  }
  if (t.kind == TokenKind::Name) {
    Expr* name = parse_name_or_attr();
    if (at_op("(")) return parse_class_pattern(name, start);
    if (name->kind == ExprKind::Attribute) {
      MatchValue* v = make<MatchValue>(start);
      v->value = name;
      return finish(v);
    }
    MatchAs* capture = make<MatchAs>(start);
    const std::string& id = static_cast<Name*>(name)->id;
    if (id != "_") capture->name = id;
    return finish(capture);
  }
  if (t.is_op("(") || t.is_op("[")) return parse_sequence_pattern();
  if (t.is_op("{")) return parse_mapping_pattern();
  invalid_syntax();
}

// group_pattern: '(' pattern ')'; sequence_pattern: '[' ... ']' | '(' ... ')'
Pattern* Parser::parse_sequence_pattern() {
  Pos start = token_start();
  bool paren = advance().text == "(";
  std::string_view closer = paren ? ")" : "]";
  ++bracket_depth_;
  MatchSequence* seq = make<MatchSequence>(start);
  bool trailing_comma = false;
  while (!at_op(closer)) {
    seq->patterns.push_back(parse_maybe_star_pattern());
    trailing_comma = accept_op(",");
    if (!trailing_comma) break;
  }
  expect_op(closer);
  --bracket_depth_;
  // `(p)` is a group: the pattern itself.
  if (paren && seq->patterns.size() == 1 && !trailing_comma) {
    if (seq->patterns[0]->kind == PatternKind::MatchStar) invalid_syntax();
    return seq->patterns[0];
  }
  return finish(seq);
}

// mapping_pattern: '{' [items_pattern] [',' '**' NAME] [','] '}'
Pattern* Parser::parse_mapping_pattern() {
  Pos start = token_start();
  advance();
  ++bracket_depth_;
  MatchMapping* m = make<MatchMapping>(start);
  while (!at_op("}")) {
    if (accept_op("**")) {
      if (at_keyword("_")) invalid_syntax();
      m->rest = expect_name();
      accept_op(",");
      break;
    }
    const Token& t = peek();
    Expr* key;
    if (t.is_name("None") || t.is_name("True") || t.is_name("False")) {
      key = parse_atom();
    } else if (t.kind == TokenKind::Name) {
      key = parse_name_or_attr();
      if (key->kind != ExprKind::Attribute) invalid_syntax(); // a bare name is not a key
    } else {
      key = parse_literal_value();
    }
    expect_op(":");
    m->keys.push_back(key);
    m->patterns.push_back(parse_pattern());
    if (!accept_op(",")) break;
  }
  expect_op("}");
  --bracket_depth_;
  return finish(m);
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] [','] ')'
Pattern* Parser::parse_class_pattern(Expr* cls, Pos start) {
  advance();
  ++bracket_depth_;
  MatchClass* c = make<MatchClass>(start);
  c->cls = cls;
  while (!at_op(")")) {
    if (at_kind(TokenKind::Name) && peek(1).is_op("=")) {
      c->kwd_attrs.push_back(expect_name());
      advance();
      c->kwd_patterns.push_back(parse_pattern());
    } else {
      Pattern* p = parse_pattern();
      if (!c->kwd_patterns.empty()) error_at_node(p, "positional patterns follow keyword patterns");
      c->patterns.push_back(p);
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
  --bracket_depth_;
  return finish(c);
}

} // namespace tributary::frontend::detail
