// lexer.cpp — the tokenizer, following CPython 3.11's tokenizer.c.
//
// Invariants: the source is normalized first (CRLF and CR become LF, and a
// final LF is appended if missing), so every logical line ends in '\n' and the
// token slices point into `LexResult::source`. Columns count code points from
// the start of the physical line. Error offsets follow CPython's SyntaxError
// conventions (1-based `offset`, `end_offset` as CPython computes it) so that
// messages and carets match the reference interpreter.
#include "frontend/lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include <fmt/format.h>

namespace tributary::frontend {

namespace {

constexpr int kTabSize = 8;
constexpr std::size_t kMaxBracketDepth = 200; // CPython's MAXLEVEL
constexpr std::size_t kMaxIndentLevels = 100;  // CPython's MAXINDENT (the base level counts)

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

// Operators, longest first so that the first match is the longest.
constexpr std::array<std::string_view, 47> kOperators = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "<<", ">>", "**", "//", "+=",
    "-=",  "*=",  "/=",  "%=",  "&=",  "|=", "^=", "@=", "(",  ")",  "[",  "]",  "{",  "}",  ",",  ":",
    ";",   ".",   "+",   "-",   "*",   "/",  "%",  "&",  "|",  "^",  "~",  "<",  ">",  "=",  "@",
};

// Approximates Unicode XID_Start for non-ASCII code points: letters of all
// scripts are accepted, while the punctuation, symbol, currency, arrow,
// box-drawing and emoji blocks are rejected (so `€` reports "invalid
// character" like CPython). The full Unicode database is not embedded.
bool is_unicode_symbol(char32_t cp) {
  if (cp < 0xC0) return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA);
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2000 && cp <= 0x206F) return true; // general punctuation
  if (cp >= 0x20A0 && cp <= 0x20FF) return true; // currency, combining marks for symbols
  if (cp >= 0x2190 && cp <= 0x2BFF) return true; // arrows, math, technical, boxes, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return true; // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x3004) return true; // CJK punctuation
  if (cp >= 0x3008 && cp <= 0x3020) return true;
  if (cp >= 0xFE10 && cp <= 0xFE6F) return true; // vertical/small forms
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true; // fullwidth punctuation
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return true;   // specials
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true; // emoji and pictographs
  return false;
}

bool is_ascii_ident_start(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// CPython's is_potential_identifier_char: what may continue a name token.
bool is_potential_ident_char(int c) {
  return is_ascii_ident_start(static_cast<char32_t>(c)) || is_digit(c) || c >= 128;
}

bool is_string_prefix(std::string_view p) {
  std::string lower;
  for (char c : p)
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower == "r" || lower == "u" || lower == "b" || lower == "f" || lower == "br" || lower == "rb" ||
         lower == "fr" || lower == "rf";
}

std::string normalize_newlines(std::string_view src) {
  std::string out;
  out.reserve(src.size() + 1);
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (src[i] == '\r') {
      out += '\n';
      if (i + 1 < src.size() && src[i + 1] == '\n') ++i;
    } else {
      out += src[i];
    }
  }
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

class Lexer {
public:
  Lexer(std::string_view src, const std::string& filename) : src_(src), filename_(filename) {}

  // Runs the tokenizer; on error the result ends with an Error token.
  void run(LexResult& out) {
    out_ = &out;
    try {
      scan();
    } catch (const SyntaxErrorException& e) {
      Token t;
      t.kind = TokenKind::Error;
      t.start = t.end = Pos{e.info.line, e.info.col > 0 ? e.info.col - 1 : 0};
      t.offset = pos_;
      out.tokens.push_back(t);
      out.error = e.info;
    }
  }

private:
  struct Bracket {
    char ch;
    int line;
    int col; // 0-based code point column
  };

  std::string_view src_;
  const std::string& filename_;
  LexResult* out_ = nullptr;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  // col_of's memo: column col_ at byte col_pos_ of the line starting at col_line_start_.
  mutable std::size_t col_line_start_ = 0, col_pos_ = 0;
  mutable int col_ = 0;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<Bracket> brackets_;

  int peek(std::size_t ahead = 0) const {
    std::size_t i = pos_ + ahead;
    return i < src_.size() ? static_cast<unsigned char>(src_[i]) : -1;
  }
  // The code-point column of `byte_pos` on the current line. Counts on from the
  // previous answer when asked left to right (every token is), so a 1 MB line
  // costs linear time, not quadratic.
  int col_of(std::size_t byte_pos) const {
    if (col_line_start_ != line_start_ || byte_pos < col_pos_) {
      col_line_start_ = col_pos_ = line_start_;
      col_ = 0;
    }
    col_ += count_code_points(src_.substr(col_pos_, byte_pos - col_pos_));
    col_pos_ = byte_pos;
    return col_;
  }
  std::string line_text(int line) const {
    auto lines = split_lines(src_);
    return line >= 1 && line <= static_cast<int>(lines.size()) ? lines[line - 1] : std::string();
  }
  // The current line's text (without splitting the whole source: a backslash
  // continuation asks for it, and _pydecimal has hundreds).
  std::string_view current_line_text() const {
    std::size_t end = src_.find('\n', line_start_);
    return src_.substr(line_start_, end == std::string_view::npos ? std::string_view::npos : end - line_start_);
  }
  void new_line_at(std::size_t next_line_start) {
    ++line_;
    line_start_ = next_line_start;
  }

  [[noreturn]] void fail(const std::string& msg, int line, int offset, int end_offset,
                         const char* kind = "SyntaxError") const {
    SyntaxErrorInfo info;
    info.kind = kind;
    info.msg = msg;
    info.filename = filename_;
    info.line = line;
    info.col = offset;
    info.end_col = end_offset;
    info.text = line_text(line);
    throw SyntaxErrorException(std::move(info));
  }
  // Error whose caret sits after `n` code points of the current line.
  [[noreturn]] void fail_here(const std::string& msg, std::size_t byte_pos) const {
    int c = col_of(byte_pos);
    fail(msg, line_, c, c);
  }

  void emit(TokenKind kind, std::size_t begin, std::size_t end, int start_line, int start_col) {
    Token t;
    t.kind = kind;
    t.text = src_.substr(begin, end - begin);
    t.start = Pos{start_line, start_col};
    t.end = Pos{line_, col_of(end)};
    t.offset = begin;
    out_->tokens.push_back(t);
  }
  void emit_layout(TokenKind kind, int col, int end_col) {
    Token t;
    t.kind = kind;
    t.start = Pos{line_, col};
    t.end = Pos{line_, end_col};
    t.offset = pos_;
    out_->tokens.push_back(t);
  }

  void scan();
  bool handle_indentation();
  void scan_name();
  void scan_number();
  void scan_string(std::size_t begin, int start_col);
  void scan_operator();
  void finish();
  void verify_end_of_number(std::size_t at, const char* kind);
  void decimal_tail();
};

// Processes the indentation of a new logical line. Returns false for blank
// and comment-only lines, which produce no tokens at all.
bool Lexer::handle_indentation() {
  int col = 0, alt = 0;
  for (;;) {
    int c = peek();
    if (c == ' ') {
      ++col;
      ++alt;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++alt;
    } else if (c == '\f') {
      col = alt = 0;
    } else {
      break;
    }
    ++pos_;
  }
  int c = peek();
  if (c == '#' || c == '\n' || c == -1) return false;
  auto tab_error = [&] { fail("inconsistent use of tabs and spaces in indentation", line_, 1, 0, "TabError"); };
  if (col == indents_.back()) {
    if (alt != alt_indents_.back()) tab_error();
  } else if (col > indents_.back()) {
    if (alt <= alt_indents_.back()) tab_error();
    if (indents_.size() >= kMaxIndentLevels)
      fail("too many levels of indentation", line_, col_of(pos_) + 1, 0, "IndentationError");
    indents_.push_back(col);
    alt_indents_.push_back(alt);
    emit_layout(TokenKind::Indent, 0, col_of(pos_));
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      emit_layout(TokenKind::Dedent, col_of(pos_), col_of(pos_));
    }
    if (col != indents_.back()) {
      int len = count_code_points(current_line_text());
      fail("unindent does not match any outer indentation level", line_, len + 1, 0, "IndentationError");
    }
    if (alt != alt_indents_.back()) tab_error();
  }
  return true;
}

void Lexer::scan() {
  bool at_line_start = true;
  for (;;) {
    if (at_line_start) {
      at_line_start = false;
      if (brackets_.empty() && !handle_indentation()) {
        // Blank or comment-only line: skip it entirely.
        while (peek() != '\n' && peek() != -1)
          ++pos_;
        if (peek() == -1) break;
        ++pos_;
        new_line_at(pos_);
        at_line_start = true;
        continue;
      }
    }
    int c = peek();
    while (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
      c = peek();
    }
    if (c == '#') {
      while (peek() != '\n' && peek() != -1)
        ++pos_;
      c = peek();
    }
    if (c == -1) break;
    if (c == '\n') {
      if (brackets_.empty()) {
        // CPython's NEWLINE tokens have zero width for error carets.
        int col = col_of(pos_);
        emit_layout(TokenKind::Newline, col, col);
      }
      ++pos_;
      new_line_at(pos_);
      at_line_start = true;
      continue;
    }
    if (c == '\\') {
      if (peek(1) != '\n') {
        int col = col_of(pos_ + 1);
        fail("unexpected character after line continuation character", line_, col + 1, 0);
      }
      int len = count_code_points(current_line_text());
      pos_ += 2;
      new_line_at(pos_);
      if (peek() == -1) fail("unexpected EOF while parsing", line_ - 1, len + 1, 0);
      continue;
    }
    if (is_potential_ident_char(c) && !is_digit(c)) {
      scan_name();
    } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      scan_number();
    } else if (c == '\'' || c == '"') {
      scan_string(pos_, col_of(pos_));
    } else {
      scan_operator();
    }
  }
  finish();
}

// Emits the implicit NEWLINE, the closing DEDENTs and ENDMARKER, or reports
// an unclosed bracket.
void Lexer::finish() {
  if (!brackets_.empty()) {
    const Bracket& b = brackets_.back();
    out_->unclosed_bracket_line = b.line;
    fail(std::string("'") + b.ch + "' was never closed", b.line, b.col + 1, 0);
  }
  auto& toks = out_->tokens;
  if (!toks.empty() && toks.back().kind != TokenKind::Newline && toks.back().kind != TokenKind::Dedent) {
    emit_layout(TokenKind::Newline, 0, 0);
  }
  while (indents_.size() > 1) {
    indents_.pop_back();
    emit_layout(TokenKind::Dedent, 0, 0);
  }
  emit_layout(TokenKind::EndMarker, 0, 0);
}

void Lexer::scan_name() {
  std::size_t begin = pos_;
  int start_col = col_of(begin);
  while (is_potential_ident_char(peek())) {
    if (peek() < 128) {
      ++pos_;
      continue;
    }
    char32_t cp = decode_utf8(src_, pos_);
    if (cp < 0xA0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(cp));
      fail_here(buf, pos_);
    }
    if (is_unicode_symbol(cp)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(cp));
      std::string ch;
      append_utf8(ch, cp);
      fail_here("invalid character '" + ch + "'" + buf, pos_);
    }
  }
  int q = peek();
  if ((q == '\'' || q == '"') && is_string_prefix(src_.substr(begin, pos_ - begin))) {
    scan_string(begin, start_col);
    return;
  }
  emit(TokenKind::Name, begin, pos_, line_, start_col);
}

// Checks what follows a number, like CPython's verify_end_of_number: a
// keyword glued to a number is allowed (`1if x else y`), any other name
// character is an error.
void Lexer::verify_end_of_number(std::size_t at, const char* kind) {
  auto ahead = [&](std::string_view word) { return src_.substr(at + 1, word.size()) == word; };
  int c = at < src_.size() ? static_cast<unsigned char>(src_[at]) : -1;
  bool keyword = false;
  switch (c) {
  case 'a': keyword = ahead("nd"); break;
  case 'e': keyword = ahead("lse"); break;
  case 'f': keyword = ahead("or"); break;
  case 'i': keyword = ahead("f") || ahead("n") || ahead("s"); break;
  case 'o': keyword = ahead("r"); break;
  case 'n': keyword = ahead("ot"); break;
  default: break;
  }
  if (!keyword && is_potential_ident_char(c)) {
    fail_here(std::string("invalid ") + kind + " literal", at);
  }
}

// Consumes digits with single underscores between them.
void Lexer::decimal_tail() {
  for (;;) {
    while (is_digit(peek()))
      ++pos_;
    if (peek() != '_') break;
    ++pos_;
    if (!is_digit(peek())) fail_here("invalid decimal literal", pos_);
  }
}

void Lexer::scan_number() {
  std::size_t begin = pos_;
  int start_col = col_of(begin);
  auto radix = [&](auto digit_ok, const char* name, bool check_decimal_digit) {
    pos_ += 2;
    do {
      if (peek() == '_') ++pos_;
      if (!digit_ok(peek())) {
        if (check_decimal_digit && is_digit(peek())) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", peek(), name);
          fail_here(buf, pos_ + 1);
        }
        fail_here(std::string("invalid ") + name + " literal", pos_);
      }
      while (digit_ok(peek()))
        ++pos_;
    } while (peek() == '_');
    if (check_decimal_digit && is_digit(peek())) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", peek(), name);
      fail_here(buf, pos_ + 1);
    }
    verify_end_of_number(pos_, name);
    emit(TokenKind::Number, begin, pos_, line_, start_col);
  };
  int c = peek();
  if (c == '0') {
    int x = peek(1);
    if (x == 'x' || x == 'X') return radix(is_hex_digit, "hexadecimal", false);
    if (x == 'o' || x == 'O') return radix([](int d) { return d >= '0' && d <= '7'; }, "octal", true);
    if (x == 'b' || x == 'B') return radix([](int d) { return d == '0' || d == '1'; }, "binary", true);
  }
  bool is_float = false;
  if (c == '.') {
    is_float = true;
  } else {
    decimal_tail();
  }
  if (peek() == '.') {
    is_float = true;
    ++pos_;
    if (is_digit(peek())) decimal_tail();
  }
  int e = peek();
  if (e == 'e' || e == 'E') {
    std::size_t e_pos = pos_;
    ++pos_;
    int s = peek();
    if (s == '+' || s == '-') {
      ++pos_;
      if (!is_digit(peek())) fail_here("invalid decimal literal", pos_);
    } else if (!is_digit(s)) {
      // `1e` followed by a non-digit: the number ends before the 'e'.
      verify_end_of_number(e_pos, "decimal");
      pos_ = e_pos;
      emit(TokenKind::Number, begin, pos_, line_, start_col);
      return;
    }
    is_float = true;
    decimal_tail();
  }
  if (peek() == 'j' || peek() == 'J') {
    ++pos_;
    verify_end_of_number(pos_, "imaginary");
  } else {
    if (!is_float && src_[begin] == '0') {
      // Only zeros are allowed after a leading zero in a decimal integer;
      // CPython's caret range ends just past the first nonzero digit.
      for (std::size_t i = begin; i < pos_; ++i) {
        if (src_[i] != '0' && src_[i] != '_') {
          fail("leading zeros in decimal integer literals are not permitted; "
               "use an 0o prefix for octal integers",
               line_, start_col + 1, col_of(i + 1));
        }
      }
    }
    verify_end_of_number(pos_, "decimal");
  }
  emit(TokenKind::Number, begin, pos_, line_, start_col);
}

// Scans a string literal whose prefix starts at `begin`; pos_ is at the quote.
void Lexer::scan_string(std::size_t begin, int start_col) {
  int start_line = line_;
  char quote = src_[pos_];
  bool triple = peek(1) == quote && peek(2) == quote;
  pos_ += triple ? 3 : 1;
  for (;;) {
    int c = peek();
    if (c == -1 || (!triple && c == '\n')) {
      int detected = line_;
      if (triple) {
        // CPython reports the last line of the (newline-terminated) file.
        detected = line_ - (src_.empty() || src_.back() != '\n' ? 0 : 1);
        if (detected < start_line) detected = start_line;
      }
      std::string msg = triple ? "unterminated triple-quoted string literal (detected at line "
                               : "unterminated string literal (detected at line ";
      fail(msg + std::to_string(detected) + ")", start_line, start_col + 1, start_col + 1);
    }
    ++pos_;
    if (c == quote) {
      if (!triple) break;
      if (peek() == quote && peek(1) == quote) {
        pos_ += 2;
        break;
      }
    } else if (c == '\\') {
      int n = peek();
      if (n == -1) continue;
      ++pos_;
      if (n == '\n') new_line_at(pos_);
    } else if (c == '\n') {
      new_line_at(pos_);
    }
  }
  emit(TokenKind::String, begin, pos_, start_line, start_col);
}

void Lexer::scan_operator() {
  std::size_t begin = pos_;
  int col = col_of(begin);
  int c = peek();
  if (c >= 128) {
    char32_t cp = decode_utf8(src_, pos_);
    char buf[64];
    if (cp < 0xA0) {
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(cp));
      fail(buf, line_, col + 1, col + 1);
    }
    std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(cp));
    std::string ch;
    append_utf8(ch, cp);
    fail("invalid character '" + ch + "'" + buf, line_, col + 1, col + 1);
  }
  if (c < 32 || c == 127) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", c);
    fail(buf, line_, col + 1, col + 1);
  }
  std::string_view rest = src_.substr(pos_);
  std::string_view op;
  for (std::string_view candidate : kOperators) {
    // (The first character rules out most candidates without a compare:
    // operators are a large share of the tokens of a module.)
    if (candidate[0] != rest[0]) continue;
    if (rest.substr(0, candidate.size()) == candidate) {
      op = candidate;
      break;
    }
  }
  // Characters Python has no use for ('$', '?', '`', a lone '!') become
  // one-character tokens the parser rejects with "invalid syntax".
  if (op.empty()) op = rest.substr(0, 1);
  pos_ += op.size();
  if (op == "(" || op == "[" || op == "{") {
    if (brackets_.size() >= kMaxBracketDepth) fail("too many nested parentheses", line_, col + 1, col + 1);
    brackets_.push_back(Bracket{op[0], line_, col});
  } else if (op == ")" || op == "]" || op == "}") {
    if (brackets_.empty()) fail(std::string("unmatched '") + op[0] + "'", line_, col + 1, col + 1);
    Bracket open = brackets_.back();
    char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (op[0] != expected) {
      std::string msg =
          std::string("closing parenthesis '") + op[0] + "' does not match opening parenthesis '" + open.ch + "'";
      if (open.line != line_) msg += " on line " + std::to_string(open.line);
      fail(msg, line_, col + 1, col + 1);
    }
    brackets_.pop_back();
  }
  emit(TokenKind::Op, begin, pos_, line_, col);
}

} // namespace

bool is_keyword(std::string_view name) {
  for (std::string_view k : kKeywords)
    if (k == name) return true;
  return false;
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return b0;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int count_code_points(std::string_view s) {
  int n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

// Length of the UTF-8 sequence at text[i], 0 if invalid: CPython's valid_utf8,
// which checks lead and continuation bytes only (a sequence cut by the end of
// the line is invalid: the newline is no continuation byte).
int utf8_sequence_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  int expected;
  if (c < 0x80) return 1;
  if (c < 0xC0) return 0;
  if (c < 0xE0) expected = 1;
  else if (c < 0xF0) expected = 2;
  else if (c < 0xF8) expected = 3;
  else return 0;
  for (int k = 1; k <= expected; ++k) {
    if (i + k >= text.size()) return 0;
    auto n = static_cast<unsigned char>(text[i + k]);
    if (n < 0x80 || n >= 0xC0) return 0;
  }
  return expected + 1;
}

// True when line 1 or 2 declares an encoding other than UTF-8 (PEP 263); such
// files are read as they are, without the UTF-8 check.
bool declares_other_encoding(std::string_view source) {
  std::size_t start = 0;
  for (int line = 0; line < 2 && start < source.size(); ++line) {
    std::size_t end = std::min(source.find('\n', start), source.size());
    std::string_view text = source.substr(start, end - start);
    std::size_t hash = text.find_first_not_of(" \t\f");
    if (hash == std::string_view::npos || text[hash] != '#') return false;
    std::size_t at = text.find("coding", hash);
    if (at != std::string_view::npos && at + 6 < text.size() && (text[at + 6] == ':' || text[at + 6] == '=')) {
      std::size_t name = text.find_first_not_of(" \t", at + 7);
      std::string enc;
      for (std::size_t i = name; i != std::string_view::npos && i < text.size(); ++i) {
        char c = text[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') break;
        enc += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      return !enc.empty() && enc != "utf-8" && enc != "utf8" && enc.rfind("utf-8-", 0) != 0;
    }
    start = end + 1;
  }
  return false;
}

} // namespace

void check_source_file(std::string_view source, const std::string& filename) {
  bool utf8 = !declares_other_encoding(source);
  int line = 1;
  for (std::size_t start = 0; start < source.size(); ++line) {
    std::size_t end = std::min(source.find('\n', start), source.size());
    std::string_view text = source.substr(start, end - start);
    std::size_t nul = text.find('\0');
    std::string_view checked = text.substr(0, nul);
    for (std::size_t i = 0; utf8 && i < checked.size();) {
      int len = utf8_sequence_length(checked, i);
      if (len == 0) {
        SyntaxErrorInfo info;
        info.msg = fmt::format("Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding "
                               "declared; see https://peps.python.org/pep-0263/ for details",
                               static_cast<unsigned char>(checked[i]), filename, line);
        info.filename = filename;
        throw SyntaxErrorException(std::move(info)); // no location: CPython prints the message alone
      }
      i += len;
    }
    if (nul != std::string_view::npos) {
      SyntaxErrorInfo info;
      info.msg = "source code cannot contain null bytes";
      info.filename = filename;
      info.line = line;
      info.col = -1; // the line is shown without a caret
      info.text = std::string(checked);
      throw SyntaxErrorException(std::move(info));
    }
    start = end + 1;
  }
}

std::vector<std::string> split_lines(std::string_view source) {
  // (Every module's source is split for its error messages: a line at a time,
  // not a character at a time.)
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < source.size()) {
    std::size_t end = source.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      lines.emplace_back(source.substr(start));
      break;
    }
    lines.emplace_back(source.substr(start, end - start));
    start = end + (source[end] == '\r' && end + 1 < source.size() && source[end + 1] == '\n' ? 2 : 1);
  }
  return lines;
}

LexResult tokenize(std::string_view source, const std::string& filename) {
  LexResult result;
  result.source = std::make_shared<const std::string>(normalize_newlines(source));
  Lexer lexer(*result.source, filename);
  lexer.run(result);
  return result;
}

} // namespace tributary::frontend
