// parser_internal.h — the recursive-descent parser shared by parser.cpp
// (entry points, errors, statements), parser_expr.cpp (expressions and
// assignment targets) and parser_strings.cpp (literals and f-strings).
//
// The parser follows CPython 3.11's grammar (Grammar/python.gram). It is LL
// with small lookahead; where the PEG grammar backtracks (assignment versus
// expression statements, parenthesized `with` items) we parse the general
// form and validate afterwards, or speculate and rewind. Syntax errors mirror
// CPython's messages and locations for the common mistakes. Anything else is
// "invalid syntax" at the furthest token examined — CPython's rule — unless
// the tokenizer found an error anywhere in the file, which CPython prefers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "frontend/ast.h"
#include "frontend/lexer.h"
#include "frontend/parser.h"

namespace tributary::frontend::detail {

// A tokenizer error reached while parsing; never swallowed by speculation.
struct TokenizerError : SyntaxErrorException {
  using SyntaxErrorException::SyntaxErrorException;
};
// Thrown to abandon a speculative parse.
struct Backtrack {};

struct BinaryLevel;

class Parser {
public:
  // `lines` are the source lines quoted in error messages.
  Parser(const LexResult& lex, std::string filename, Arena& arena, const SourceLines& lines);

  StmtList parse_file();
  Expr* parse_eval(); // expressions NEWLINE* ENDMARKER

private:
  const LexResult& lex_;
  std::string filename_;
  Arena& arena_;
  const SourceLines& lines_;
  std::size_t pos_ = 0;
  mutable std::size_t furthest_ = 0;             // furthest token examined, for error locations
  int depth_ = 0;                                // recursion depth, to fail before the C++ stack does
  int bracket_depth_ = 0;                        // open brackets around the current token
  bool speculating_ = false;                     // suppresses error-hint checks inside speculation
  bool in_fstring = false;                       // parsing a replacement field: errors get "f-string: "
  int line_shift = 0;                            // line offset of a replacement field in the file
  std::unordered_set<const Expr*> paren_tuples_; // tuples written with parentheses

  // ---- tokens ---------------------------------------------------------------------
  const Token& peek(std::size_t ahead = 0) const;
  const Token& advance();
  bool at_op(std::string_view s) const { return peek().is_op(s); }
  bool at_keyword(std::string_view s) const { return peek().is_name(s); }
  bool at_kind(TokenKind k) const { return peek().kind == k; }
  bool accept_op(std::string_view s);
  bool accept_keyword(std::string_view s);
  const Token& expect_op(std::string_view s);
  void expect_keyword(std::string_view s);
  std::string expect_name(); // a NAME that is not a keyword
  Pos shifted(Pos p) const;
  Pos token_start() const; // start of the current token
  Pos prev_end() const;    // end of the last consumed non-layout token
  // Counts one level of nesting for as long as it lives (`weight` levels where
  // CPython's parser spends several); MemoryError past kMaxDepth, as CPython's
  // parser does, before the C++ stack runs out. Restores the depth on unwinding.
  struct Nesting {
    Nesting(Parser& p, int weight = 1);
    ~Nesting() { p.depth_ -= weight; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    Parser& p;
    int weight;
  };

  template <class T, class... A> T* make(Pos start, A&&... args) {
    T* n = arena_.make<T>(static_cast<A&&>(args)...);
    n->pos = start;
    n->end = start;
    return n;
  }
  template <class T> T* finish(T* n) {
    n->end = prev_end();
    return n;
  }

  // ---- errors ---------------------------------------------------------------------
  [[noreturn]] void raise_error(SyntaxErrorInfo info) const;
  [[noreturn]] void error_range(Pos start, Pos end, const std::string& msg, const char* kind = "SyntaxError") const;
  [[noreturn]] void error_at_token(const Token& t, const std::string& msg, const char* kind = "SyntaxError") const;
  [[noreturn]] void error_at_node(const Node* n, const std::string& msg) const;
  [[noreturn]] void error_between(const Node* a, const Node* b, const std::string& msg) const;
  [[noreturn]] void invalid_syntax() const;
  [[noreturn]] void throw_tokenizer_error() const;
  [[noreturn]] void expected_indented_block(const Token& head, const std::string& what) const;
  [[noreturn]] void string_error(const std::string& msg) const;

  // ---- statements (parser.cpp) ----------------------------------------------------
  void parse_statement(StmtList& out);
  void parse_simple_statements(StmtList& out);
  Stmt* parse_simple_statement();
  Stmt* parse_compound_statement();
  StmtList parse_block(const Token& head, const std::string& what);
  void expect_colon(bool forced);
  Expr* parse_condition();
  Stmt* parse_if(const Token& head, Pos start);
  Stmt* parse_while();
  Stmt* parse_for(bool is_async, Pos start);
  Stmt* parse_try();
  WithItem* parse_with_item();
  Stmt* parse_with(bool is_async, Pos start);
  Stmt* parse_decorated();
  Stmt* parse_funcdef(ExprList decorators, bool is_async, Pos start);
  Stmt* parse_classdef(ExprList decorators, Pos start);
  bool looks_like_match();
  Arg* parse_param(bool is_lambda);
  Arguments* parse_parameters(std::string_view closer, bool is_lambda);
  Stmt* parse_return();
  Stmt* parse_raise();
  Stmt* parse_global_like(bool is_global);
  Stmt* parse_assert();
  Stmt* parse_del();
  std::string parse_dotted_name();
  Stmt* parse_import();
  Stmt* parse_from_import();

  // ---- expressions (parser_expr.cpp) ----------------------------------------------
  Stmt* parse_expression_statement();
  static std::string describe(const Expr* e); // "function call", "literal", ...
  Expr* invalid_target(Expr* e, ExprContext ctx) const;
  void set_context(Expr* e, ExprContext ctx); // validates a target and marks it Store/Del
  Expr* parse_for_target();
  Expr* parse_star_target();
  void check_equals_typo(Expr* test);
  void check_assignment_hint(Expr* target);
  bool is_parenthesized(const Expr* e) const;
  Expr* parse_dict_value();
  void check_missing_comma(Expr* left, std::size_t first_token);
  Expr* tuple_of(ExprList elts, Pos start);
  bool at_expression_start() const;
  bool at_comprehension() const;
  Expr* parse_star_expressions();
  Expr* parse_star_expression();
  Expr* parse_star_named_expression();
  Expr* parse_named_expression(bool equals_hint = true);
  Expr* parse_expression();
  Expr* parse_disjunction();
  Expr* parse_conjunction();
  Expr* parse_inversion();
  Expr* parse_comparison();
  template <class Next> Expr* parse_binary(const BinaryLevel& level, Next next);
  Expr* parse_bitor();
  Expr* parse_bitxor();
  Expr* parse_bitand();
  Expr* parse_shift();
  Expr* parse_sum();
  Expr* parse_term();
  Expr* parse_factor();
  Expr* parse_power();
  Expr* parse_await_primary();
  Expr* parse_primary();
  void parse_arguments(Call* call);
  Expr* parse_slices();
  Expr* parse_slice();
  Expr* parse_number(const Token& t);
  Expr* parse_atom();
  std::vector<Comprehension*> parse_comprehension_clauses();
  Expr* parse_paren();
  Expr* parse_list_display();
  Expr* parse_brace_display();
  Expr* parse_lambda();
  Expr* parse_yield();

  // ---- the match statement (parser_match.cpp) -------------------------------------
  Stmt* parse_match();
  Expr* parse_match_subject();
  MatchCase* parse_case();
  Pattern* parse_patterns();
  Pattern* parse_maybe_star_pattern();
  Pattern* parse_pattern();
  Pattern* parse_or_pattern();
  Pattern* parse_closed_pattern();
  Pattern* parse_sequence_pattern();
  Pattern* parse_mapping_pattern();
  Pattern* parse_class_pattern(Expr* cls, Pos start);
  Expr* parse_number_literal();
  Expr* parse_literal_value();
  Expr* parse_name_or_attr();

  // ---- strings (parser_strings.cpp) -----------------------------------------------
  std::string decode_escapes(std::string_view body, bool is_bytes) const;
  Expr* parse_strings();
  void flush_literal(ExprList& values, std::string& pending, Pos at);
  void parse_fstring_body(std::string_view body, std::size_t& i, bool raw, const Token& t, int level, ExprList& values,
                          std::string& pending);
  void parse_fstring_field(std::string_view body, std::size_t& i, bool raw, const Token& t, int level, ExprList& values,
                           std::string& pending);
  Expr* parse_fstring_expression(std::string_view text, const Token& t, std::string_view body, std::size_t offset);
  Expr* parse_fstring_input();
};

} // namespace tributary::frontend::detail
