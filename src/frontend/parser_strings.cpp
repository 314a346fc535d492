// parser_strings.cpp — string and bytes literals, implicit concatenation and
// f-strings, following CPython 3.11's string_parser.c.
//
// Adjacent literals are joined here. Without f-strings the result is one
// Constant; with any f-string it is a JoinedStr whose adjacent literal parts
// are merged into single Constants. Replacement-field expressions are parsed
// by a nested Parser over "(" + text + ")", as CPython 3.11 does, so their
// syntax errors read "f-string: ..." and quote the parenthesized text.
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>

#include <unicode/uchar.h>

#include "frontend/parser_internal.h"

namespace tributary::frontend::detail {

namespace {

// Name aliases ICU does not expose (it has only corrections): the control and
// abbreviation aliases of NameAliases.txt people write, checked against CPython.
struct NameAlias {
  std::string_view alias;
  char32_t cp;
};
constexpr NameAlias kAliases[] = {
    {"NULL", 0x0000},
    {"NUL", 0x0000},
    {"START OF HEADING", 0x0001},
    {"SOH", 0x0001},
    {"START OF TEXT", 0x0002},
    {"STX", 0x0002},
    {"END OF TEXT", 0x0003},
    {"ETX", 0x0003},
    {"END OF TRANSMISSION", 0x0004},
    {"EOT", 0x0004},
    {"ENQUIRY", 0x0005},
    {"ENQ", 0x0005},
    {"ACKNOWLEDGE", 0x0006},
    {"ACK", 0x0006},
    {"ALERT", 0x0007},
    {"BEL", 0x0007},
    {"BACKSPACE", 0x0008},
    {"BS", 0x0008},
    {"CHARACTER TABULATION", 0x0009},
    {"HORIZONTAL TABULATION", 0x0009},
    {"HT", 0x0009},
    {"TAB", 0x0009},
    {"LINE FEED", 0x000A},
    {"NEW LINE", 0x000A},
    {"END OF LINE", 0x000A},
    {"LF", 0x000A},
    {"NL", 0x000A},
    {"EOL", 0x000A},
    {"LINE TABULATION", 0x000B},
    {"VERTICAL TABULATION", 0x000B},
    {"VT", 0x000B},
    {"FORM FEED", 0x000C},
    {"FF", 0x000C},
    {"CARRIAGE RETURN", 0x000D},
    {"CR", 0x000D},
    {"SHIFT OUT", 0x000E},
    {"LOCKING-SHIFT ONE", 0x000E},
    {"SO", 0x000E},
    {"SHIFT IN", 0x000F},
    {"LOCKING-SHIFT ZERO", 0x000F},
    {"SI", 0x000F},
    {"DATA LINK ESCAPE", 0x0010},
    {"DLE", 0x0010},
    {"DEVICE CONTROL ONE", 0x0011},
    {"DC1", 0x0011},
    {"DEVICE CONTROL TWO", 0x0012},
    {"DC2", 0x0012},
    {"DEVICE CONTROL THREE", 0x0013},
    {"DC3", 0x0013},
    {"DEVICE CONTROL FOUR", 0x0014},
    {"DC4", 0x0014},
    {"NEGATIVE ACKNOWLEDGE", 0x0015},
    {"NAK", 0x0015},
    {"SYNCHRONOUS IDLE", 0x0016},
    {"SYN", 0x0016},
    {"END OF TRANSMISSION BLOCK", 0x0017},
    {"ETB", 0x0017},
    {"CANCEL", 0x0018},
    {"CAN", 0x0018},
    {"END OF MEDIUM", 0x0019},
    {"EOM", 0x0019},
    {"SUBSTITUTE", 0x001A},
    {"SUB", 0x001A},
    {"ESCAPE", 0x001B},
    {"ESC", 0x001B},
    {"INFORMATION SEPARATOR FOUR", 0x001C},
    {"FILE SEPARATOR", 0x001C},
    {"FS", 0x001C},
    {"INFORMATION SEPARATOR THREE", 0x001D},
    {"GROUP SEPARATOR", 0x001D},
    {"GS", 0x001D},
    {"INFORMATION SEPARATOR TWO", 0x001E},
    {"RECORD SEPARATOR", 0x001E},
    {"RS", 0x001E},
    {"INFORMATION SEPARATOR ONE", 0x001F},
    {"UNIT SEPARATOR", 0x001F},
    {"US", 0x001F},
    {"SP", 0x0020},
    {"DELETE", 0x007F},
    {"DEL", 0x007F},
    {"NBSP", 0x00A0},
    {"ZWSP", 0x200B},
    {"ZWNJ", 0x200C},
    {"ZWJ", 0x200D},
    {"BYTE ORDER MARK", 0xFEFF},
    {"BOM", 0xFEFF},
    {"ZWNBSP", 0xFEFF},
};

// The code point named `name` (case-insensitive): a character name, a name
// correction alias or one of kAliases, for a character of Unicode 14.0 (Python 3.11's database;
// ICU may know newer ones). Empty when there is none.
std::optional<char32_t> lookup_character_name(std::string_view name) {
  if (name.size() > 256) return std::nullopt;
  std::string n(name);
  for (char& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& [alias, cp] : kAliases)
    if (n == alias) return cp;
  for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
    UErrorCode err = U_ZERO_ERROR;
    UChar32 cp = u_charFromName(choice, n.c_str(), &err);
    if (U_FAILURE(err)) continue;
    UVersionInfo age;
    u_charAge(cp, age);
    if (age[0] > 14) return std::nullopt;
    return static_cast<char32_t>(cp);
  }
  return std::nullopt;
}

constexpr int kMaxFstringNesting = 200;

struct StringParts {
  bool bytes = false, fstring = false, raw = false;
  std::string_view body;
};

StringParts split_string_token(const Token& t) {
  StringParts p;
  std::size_t q = t.text.find_first_of("'\"");
  for (char c : t.text.substr(0, q)) {
    char l = static_cast<char>(c | 0x20);
    if (l == 'b') p.bytes = true;
    if (l == 'f') p.fstring = true;
    if (l == 'r') p.raw = true;
  }
  std::string_view rest = t.text.substr(q);
  std::size_t quote_len = rest.size() >= 6 && rest[1] == rest[0] && rest[2] == rest[0] ? 3 : 1;
  p.body = rest.substr(quote_len, rest.size() - 2 * quote_len);
  return p;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

// Errors found while decoding are reported, like CPython, at the token that
// follows the string literals.
void Parser::string_error(const std::string& msg) const { error_at_token(peek(), msg); }

// Decodes backslash escapes of a non-raw literal body.
std::string Parser::decode_escapes(std::string_view s, bool bytes) const {
  std::string out;
  out.reserve(s.size());
  auto unicode_error = [&](std::size_t from, std::size_t to, const char* what) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                  from, to, what);
    string_error(buf);
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    std::size_t start = i;
    char e = s[++i];
    switch (e) {
    case '\n': break;
    case '\\': out += '\\'; break;
    case '\'': out += '\''; break;
    case '"': out += '"'; break;
    case 'a': out += '\a'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'v': out += '\v'; break;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      unsigned value = static_cast<unsigned>(e - '0');
      for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k) {
        value = value * 8 + static_cast<unsigned>(s[++i] - '0');
      }
      if (bytes)
        out += static_cast<char>(value & 0xFF);
      else
        append_utf8(out, value);
      break;
    }
    case 'x':
    case 'u':
    case 'U': {
      if (bytes && e != 'x') {
        out += '\\';
        out += e;
        break;
      }
      int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      char32_t value = 0;
      for (int k = 0; k < digits; ++k) {
        int h = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
        if (h < 0) {
          if (bytes) {
            char buf[80];
            std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", start);
            string_error(buf);
          }
          const char* what = e == 'x'   ? "truncated \\xXX escape"
                             : e == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
          unicode_error(start, i, what);
        }
        value = value * 16 + static_cast<char32_t>(h);
        ++i;
      }
      if (bytes) {
        out += static_cast<char>(value);
      } else {
        if (value > 0x10FFFF) unicode_error(start, i, "illegal Unicode character");
        append_utf8(out, value);
      }
      break;
    }
    case 'N':
      if (!bytes) {
        // \N{NAME}: looked up in ICU's character names; positions as CPython's
        // unicodeescape decoder reports them.
        std::size_t name_start = i + 2, close = name_start;
        if (i + 1 < s.size() && s[i + 1] == '{') {
          while (close < s.size() && s[close] != '}') ++close;
          if (close > name_start && close < s.size()) {
            auto cp = lookup_character_name(s.substr(name_start, close - name_start));
            if (!cp) unicode_error(start, close, "unknown Unicode character name");
            append_utf8(out, *cp);
            i = close;
            break;
          }
          unicode_error(start, close - 1, "malformed \\N character escape");
        }
        unicode_error(start, i, "malformed \\N character escape");
      }
      [[fallthrough]];
    default:
      // Unknown escapes are kept verbatim (CPython only warns).
      out += '\\';
      out += e;
      break;
    }
  }
  return out;
}

Expr* Parser::parse_strings() {
  Pos start = token_start();
  std::vector<const Token*> tokens;
  while (at_kind(TokenKind::String))
    tokens.push_back(&advance());
  // CPython looks at the token after the literals before decoding them.
  peek();

  bool any_bytes = false, any_text = false, any_f = false;
  for (const Token* t : tokens) {
    StringParts p = split_string_token(*t);
    (p.bytes ? any_bytes : any_text) = true;
    any_f |= p.fstring;
  }
  if (any_bytes && any_text) string_error("cannot mix bytes and nonbytes literals");

  if (!any_f) {
    Constant* c = make<Constant>(start);
    c->ckind = any_bytes ? ConstKind::Bytes : ConstKind::Str;
    for (const Token* t : tokens) {
      StringParts p = split_string_token(*t);
      if (p.bytes) {
        for (unsigned char ch : p.body)
          if (ch >= 0x80) error_at_token(*t, "bytes can only contain ASCII literal characters");
      }
      c->text += p.raw ? std::string(p.body) : decode_escapes(p.body, p.bytes);
    }
    return finish(c);
  }

  JoinedStr* joined = make<JoinedStr>(start);
  std::string pending;
  for (const Token* t : tokens) {
    StringParts p = split_string_token(*t);
    if (!p.fstring) {
      pending += p.raw ? std::string(p.body) : decode_escapes(p.body, false);
      continue;
    }
    std::size_t i = 0;
    parse_fstring_body(p.body, i, p.raw, *t, 0, joined->values, pending);
  }
  flush_literal(joined->values, pending, start);
  return finish(joined);
}

void Parser::flush_literal(ExprList& values, std::string& pending, Pos at) {
  if (pending.empty()) return;
  Constant* c = make<Constant>(at);
  c->ckind = ConstKind::Str;
  c->text = std::move(pending);
  pending.clear();
  values.push_back(c);
}

// Parses f-string text from `i`: literal parts and replacement fields. At
// `level` 0 this runs to the end of the body; inside a format spec (level 1)
// it stops at the closing '}'.
void Parser::parse_fstring_body(std::string_view body, std::size_t& i, bool raw, const Token& t, int level,
                                ExprList& values, std::string& pending) {
  while (i < body.size()) {
    // Literal text up to the next '{' or '}'.
    std::size_t lit_start = i;
    bool brace_doubled = false;
    char brace = 0;
    while (i < body.size()) {
      char ch = body[i++];
      if (!raw && ch == '\\' && i < body.size()) {
        ch = body[i++];
        if (ch == 'N') {
          if (i < body.size() && body[i++] == '{') {
            while (i < body.size() && body[i++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (level == 0) {
          if (i < body.size() && body[i] == ch) {
            brace_doubled = true;
            break;
          }
          if (ch == '}') string_error("f-string: single '}' is not allowed");
        }
        --i;
        brace = ch;
        break;
      }
    }
    std::string_view literal = body.substr(lit_start, i - lit_start);
    if (brace_doubled) ++i; // skip the second brace; the first stays in `literal`
    pending += raw ? std::string(literal) : decode_escapes(literal, false);
    if (brace_doubled) continue;
    if (brace == '}') return; // end of a format spec
    if (brace == '{') parse_fstring_field(body, i, raw, t, level, values, pending);
  }
  if (level > 0) string_error("f-string: expecting '}'");
}

// Parses one replacement field starting at the '{' at `i`.
void Parser::parse_fstring_field(std::string_view body, std::size_t& i, bool raw, const Token& t, int level,
                                 ExprList& values, std::string& pending) {
  if (level >= 2) string_error("f-string: expressions nested too deeply");
  ++i;
  std::size_t expr_start = i;
  char quote = 0;
  int quote_len = 0;
  std::vector<char> parens;
  for (; i < body.size(); ++i) {
    char ch = body[i];
    if (ch == '\\') string_error("f-string expression part cannot include a backslash");
    if (quote) {
      if (ch == quote && (quote_len == 1 || body.substr(i, 3) == std::string(3, quote))) {
        i += quote_len - 1;
        quote = 0;
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      quote = ch;
      quote_len = body.substr(i, 3) == std::string(3, ch) ? 3 : 1;
      i += quote_len - 1;
      continue;
    }
    if (ch == '[' || ch == '{' || ch == '(') {
      if (parens.size() >= kMaxFstringNesting) string_error("f-string: too many nested parenthesis");
      parens.push_back(ch);
      continue;
    }
    if (ch == '#') string_error("f-string expression part cannot include '#'");
    if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>')) {
      char next = i + 1 < body.size() ? body[i + 1] : 0;
      if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
        ++i;
        continue;
      }
      if (ch == '<' || ch == '>') continue;
      break;
    }
    if (ch == ']' || ch == '}' || ch == ')') {
      if (parens.empty()) string_error(std::string("f-string: unmatched '") + ch + "'");
      char open = parens.back();
      parens.pop_back();
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
        string_error(std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '" +
                     open + "'");
      }
    }
  }
  if (quote) string_error("f-string: unterminated string");
  if (!parens.empty()) string_error(std::string("f-string: unmatched '") + parens.back() + "'");
  if (i >= body.size()) string_error("f-string: expecting '}'");

  std::string_view expr_text = body.substr(expr_start, i - expr_start);
  Expr* value = parse_fstring_expression(expr_text, t, body, expr_start);

  FormattedValue* fv = make<FormattedValue>(shifted(t.start));
  fv->value = value;
  bool self_documenting = false;
  if (body[i] == '=') {
    ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' ||
                               body[i] == '\f' || body[i] == '\v')) {
      ++i;
    }
    if (i >= body.size()) string_error("f-string: expecting '}'");
    pending += std::string(body.substr(expr_start, i - expr_start));
    self_documenting = true;
  }
  if (body[i] == '!') {
    ++i;
    if (i >= body.size()) string_error("f-string: expecting '}'");
    char conv = body[i++];
    if (conv != 's' && conv != 'r' && conv != 'a') {
      string_error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    fv->conversion = conv;
  }
  if (i < body.size() && body[i] == ':') {
    ++i;
    if (i >= body.size()) string_error("f-string: expecting '}'");
    JoinedStr* spec = make<JoinedStr>(shifted(t.start));
    std::string spec_pending;
    parse_fstring_body(body, i, raw, t, level + 1, spec->values, spec_pending);
    flush_literal(spec->values, spec_pending, shifted(t.start));
    fv->format_spec = spec;
  }
  if (i >= body.size() || body[i] != '}') string_error("f-string: expecting '}'");
  ++i;
  if (self_documenting && !fv->format_spec && fv->conversion == -1) fv->conversion = 'r';
  flush_literal(values, pending, shifted(t.start));
  values.push_back(finish(fv));
}

// Parses a replacement-field expression as CPython 3.11 does: the text is
// wrapped in parentheses and parsed on its own, with errors quoting it.
Expr* Parser::parse_fstring_expression(std::string_view text, const Token& t, std::string_view body,
                                       std::size_t offset) {
  bool blank = true;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') blank = false;
  if (blank) string_error("f-string: empty expression not allowed");

  std::string wrapped = "(" + std::string(text) + ")";
  LexResult lex = tokenize(wrapped, filename_);
  SourceLines lines(wrapped);
  Parser sub(lex, filename_, arena_, lines);
  sub.in_fstring = true;
  // Line of the expression inside a (possibly triple-quoted) literal.
  int line = shifted(t.start).line;
  std::size_t body_offset = static_cast<std::size_t>(body.data() - t.text.data());
  for (char c : t.text.substr(0, body_offset + offset))
    if (c == '\n') ++line;
  sub.line_shift = line - 1;
  sub.depth_ = depth_;
  return sub.parse_fstring_input();
}

// fstring: star_expressions, over the parenthesized replacement text.
Expr* Parser::parse_fstring_input() {
  Expr* e = parse_star_expressions();
  while (at_kind(TokenKind::Newline))
    advance();
  if (!at_kind(TokenKind::EndMarker)) invalid_syntax();
  return e;
}

} // namespace tributary::frontend::detail
