// lexer.h — turns Python source text into tokens, as CPython's tokenizer does.
//
// The whole source is tokenized up front. Layout is made explicit with
// NEWLINE, INDENT and DEDENT tokens; inside brackets and after a backslash
// continuation lines are joined. String tokens keep their raw text (prefix and
// quotes included); decoding escapes and f-strings is the parser's job, as in
// CPython 3.11. A tokenizer error does not throw: the token list ends with an
// `Error` token and `LexResult::error` describes it, so the parser can report
// syntax errors found earlier in the stream first, as CPython's lazy tokenizer
// would.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/ast.h"
#include "frontend/source_lines.h"
#include "frontend/parser.h"

namespace tributary::frontend {

enum class TokenKind { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker, Error };

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;  // slice of the source; empty for layout tokens
  Pos start;              // 1-based line, 0-based code point column
  Pos end;                // just past the last character
  std::size_t offset = 0; // byte offset of `start` in the source

  bool is_op(std::string_view s) const { return kind == TokenKind::Op && text == s; }
  bool is_name(std::string_view s) const { return kind == TokenKind::Name && text == s; }
};

struct LexResult {
  std::shared_ptr<const std::string> source; // normalized text the tokens point into
  std::vector<Token> tokens;                 // ends with EndMarker or Error
  std::optional<SyntaxErrorInfo> error;      // set when the list ends with Error
  int unclosed_bracket_line = 0;             // when `error` is "'(' was never closed"
};

// Tokenizes a whole module.
LexResult tokenize(std::string_view source, const std::string& filename);

// CPython's checks on the bytes of a source file, line by line before tokenizing:
// without an encoding declaration each line must be UTF-8 up to its first NUL
// ("Non-UTF-8 code starting with '\xff' in file F on line N, ..."), and no line
// may hold a NUL byte ("source code cannot contain null bytes"). Throws
// SyntaxErrorException; `filename` is the path as CPython shows it (absolute).
void check_source_file(std::string_view source, const std::string& filename);


// True for Python keywords that can never be identifiers.
bool is_keyword(std::string_view name);

// Decodes one UTF-8 code point at `s[i]`, advancing `i`; invalid bytes decode
// as themselves (Latin-1) so that no input can make the lexer loop.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in a UTF-8 string.
int count_code_points(std::string_view s);

} // namespace tributary::frontend
