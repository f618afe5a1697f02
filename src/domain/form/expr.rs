//! The XLSForm / ODK expression language: the XPath subset that forms use in the
//! `relevant`, `constraint`, `calculation` and `choice_filter` columns.
//!
//! The pipeline is classic: a [tokenizer](Lexer) turns the source into [`Token`]s, a
//! Pratt parser builds a private AST ([`Node`]) and [`Expr::eval`] walks it against a
//! [`Context`]. Nothing here knows about Telegram or storage.
//!
//! # Language
//!
//! * `${name}` — the answer to question `name`; `.` — the value being checked;
//!   a bare name such as `state` — a column of the choice being filtered.
//! * String literals in `'…'` or `"…"`, plus the typographic quotes Word and Excel
//!   substitute: `‘…’` (either of `‘ ’` opens, either closes) and `“…”` likewise.
//!   XPath has no escapes, so a string cannot contain its own closing quote.
//! * Numbers `12`, `3.5`, `.5`, `5.` (no exponents, as in XPath).
//! * Operators, loosest first: `or`; `and`; `=` `!=`; `<` `<=` `>` `>=`; `+` `-`;
//!   `*` `div` `mod`; unary `-`. All binary operators are left-associative.
//! * Functions: `not`, `selected`, `count-selected`, `string-length`, `regex`, `if`,
//!   `coalesce`, `today`, `true`, `false`, `number`, `string`, `int`, `round`,
//!   `concat`, `contains`, `starts-with`, `ends-with`, `boolean`.
//!
//! Names may contain letters, digits, `_`, `.`, `:` and `-`; a `-` continues a name only
//! when a letter follows it, so `count-selected` and `sub-ward` are names while
//! `${x}-1` is a subtraction.
//!
//! # Semantics
//!
//! XPath 1.0 as ODK applies it. `=`/`!=` compare as booleans when either side is a
//! boolean, else as numbers when either side is a number, else as strings. `<` `<=` `>`
//! `>=` and arithmetic convert both sides to numbers, where a string holding an ISO date
//! (`YYYY-MM-DD`) counts as days since 1970-01-01 — so `. <= today()` orders dates and
//! `today() - ${birth_date}` is an age in days, as in ODK Collect and Enketo.
//! Evaluation never fails: nonsense yields `NaN`, `""` or `false`, as in XPath.
//!
//! # Limits
//!
//! Nesting is capped at [`MAX_DEPTH`] levels so that neither the parser nor the
//! evaluator can overflow the stack on hostile input.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

/// The deepest an expression may nest (parentheses, function calls, operator chains).
/// Real forms stay well below 30; the cap keeps recursion bounded on any input.
pub const MAX_DEPTH: usize = 200;

/// Upper bound on the compiled size of a `regex()` pattern.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

/// A parsed expression.
///
/// It serializes as its source text (`"selected(${x}, 'yes')"`) and is parsed again on
/// deserialization, so stored forms stay readable and survive changes to the AST.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Expr {
    source: String,
    root: Node,
}

/// Why an expression could not be parsed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} (at character {position})")]
pub struct ParseError {
    /// 1-based position, counted in characters (not bytes), of the offending spot.
    pub position: usize,
    /// A short English description of the problem.
    pub message: String,
}

impl ParseError {
    fn new(position: usize, message: impl Into<String>) -> Self {
        Self { position, message: message.into() }
    }
}

/// Parses an expression.
///
/// # Errors
///
/// A [`ParseError`] naming the first problem and its position: a stray character, an
/// unterminated string or `${…}`, unbalanced parentheses, an unknown function, a wrong
/// argument count, an invalid `regex()` pattern literal, or nesting beyond [`MAX_DEPTH`].
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    let (tokens, end) = Lexer::new(src).tokenize()?;
    let root = Parser::new(tokens, end).parse_all()?;
    Ok(Expr { source: src.to_owned(), root })
}

/// Values during evaluation (XPath 1.0 style).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
}

impl Value {
    /// XPath `boolean()`: `""` is false and any other string true; `0` and `NaN` are false.
    pub fn as_bool(&self) -> bool {
        match self {
            Value::Str(s) => !s.is_empty(),
            Value::Num(n) => *n != 0.0 && !n.is_nan(),
            Value::Bool(b) => *b,
        }
    }

    /// XPath `number()`: a string is trimmed and parsed as `-?digits(.digits)?`
    /// (no exponent, no `+`), anything else is `NaN`; `true` is 1 and `false` 0.
    pub fn as_num(&self) -> f64 {
        match self {
            Value::Str(s) => parse_xpath_number(s),
            Value::Num(n) => *n,
            Value::Bool(b) => f64::from(u8::from(*b)),
        }
    }

    /// XPath `string()`: integers print without `.0`, `NaN` as `NaN`, infinities as
    /// `Infinity`/`-Infinity`, and never with an exponent.
    pub fn as_string(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Num(n) => format_number(*n),
            Value::Bool(b) => b.to_string(),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Num(n)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// What an expression can see.
pub trait Context {
    /// `${name}`: the answer to question `name`, as stored: "" when unanswered; a
    /// select_multiple answer is the space-separated list of choice names.
    fn field(&self, name: &str) -> Value;
    /// `.`: the value being checked (constraint) — "" when none.
    fn current(&self) -> Value;
    /// A bare name like `state` in a choice_filter `state=${selected_state}`: the column of the
    /// choice being filtered (`name` is the choice's own name). "" when absent.
    fn path(&self, name: &str) -> Value;
    /// today() — the date to use, so tests are deterministic.
    fn today(&self) -> NaiveDate;
}

impl Expr {
    /// Evaluates the expression. Never fails: XPath turns nonsense into `NaN`, `""` or
    /// `false`.
    pub fn eval(&self, ctx: &dyn Context) -> Value {
        eval(&self.root, ctx)
    }

    /// Every `${name}` the expression refers to, each once, in order of first appearance.
    pub fn references(&self) -> Vec<String> {
        let mut names = Vec::new();
        collect_references(&self.root, &mut names);
        names
    }

    /// The text the expression was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl FromStr for Expr {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl TryFrom<String> for Expr {
    type Error = ParseError;

    fn try_from(source: String) -> Result<Self, Self::Error> {
        let (tokens, end) = Lexer::new(&source).tokenize()?;
        let root = Parser::new(tokens, end).parse_all()?;
        Ok(Expr { source, root })
    }
}

impl From<Expr> for String {
    fn from(expr: Expr) -> Self {
        expr.source
    }
}

// ---------------------------------------------------------------------------------------
// AST
// ---------------------------------------------------------------------------------------

/// A node of the syntax tree. Only the parser builds these, so arities are guaranteed.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Num(f64),
    Str(String),
    /// `${name}`
    Field(String),
    /// `.`
    Current,
    /// A bare name: a column of the choice being filtered.
    Path(String),
    /// Unary minus.
    Neg(Box<Node>),
    Binary(BinOp, Box<Node>, Box<Node>),
    Call(Func, Vec<Node>),
    /// `regex(subject, 'literal')`, compiled once at parse time.
    Regex(Box<Node>, LiteralRegex),
}

/// A regex compiled from a string literal. Compared by pattern text.
#[derive(Debug, Clone)]
struct LiteralRegex(Regex);

impl PartialEq for LiteralRegex {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BinOp {
    Or,
    And,
    Eq,
    Neq,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

/// Binding power of unary minus: tighter than any binary operator.
const UNARY_BP: u8 = 7;

impl BinOp {
    /// Left binding power; the right one is one more, which makes every level
    /// left-associative.
    fn binding_power(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Neq => 3,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
            BinOp::Add | BinOp::Sub => 5,
            BinOp::Mul | BinOp::Div | BinOp::Mod => 6,
        }
    }
}

/// The supported functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Func {
    Not,
    Selected,
    CountSelected,
    StringLength,
    Regex,
    If,
    Coalesce,
    Today,
    True,
    False,
    Number,
    String,
    Int,
    Round,
    Concat,
    Contains,
    StartsWith,
    EndsWith,
    Boolean,
}

/// How many arguments a function accepts.
#[derive(Debug, Clone, Copy)]
enum Arity {
    Exactly(usize),
    /// `min` or `min + 1`.
    Optional(usize),
    Any,
}

impl Func {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "not" => Func::Not,
            "selected" => Func::Selected,
            "count-selected" => Func::CountSelected,
            "string-length" => Func::StringLength,
            "regex" => Func::Regex,
            "if" => Func::If,
            "coalesce" => Func::Coalesce,
            "today" => Func::Today,
            "true" => Func::True,
            "false" => Func::False,
            "number" => Func::Number,
            "string" => Func::String,
            "int" => Func::Int,
            "round" => Func::Round,
            "concat" => Func::Concat,
            "contains" => Func::Contains,
            "starts-with" => Func::StartsWith,
            "ends-with" => Func::EndsWith,
            "boolean" => Func::Boolean,
            _ => return None,
        })
    }

    fn arity(self) -> Arity {
        match self {
            Func::Today | Func::True | Func::False => Arity::Exactly(0),
            Func::Not | Func::CountSelected | Func::Int | Func::Boolean => Arity::Exactly(1),
            // With no argument these apply to `.`, as XPath's context node.
            Func::StringLength | Func::Number | Func::String => Arity::Optional(0),
            Func::Round => Arity::Optional(1),
            Func::Selected
            | Func::Regex
            | Func::Coalesce
            | Func::Contains
            | Func::StartsWith
            | Func::EndsWith => Arity::Exactly(2),
            Func::If => Arity::Exactly(3),
            Func::Concat => Arity::Any,
        }
    }
}

impl Arity {
    fn accepts(self, n: usize) -> bool {
        match self {
            Arity::Exactly(k) => n == k,
            Arity::Optional(k) => n == k || n == k + 1,
            Arity::Any => true,
        }
    }

    fn describe(self) -> String {
        match self {
            Arity::Exactly(0) => "takes no arguments".to_owned(),
            Arity::Exactly(1) => "takes 1 argument".to_owned(),
            Arity::Exactly(k) => format!("takes {k} arguments"),
            Arity::Optional(k) => format!("takes {k} or {} arguments", k + 1),
            Arity::Any => "takes any number of arguments".to_owned(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Str(String),
    Field(String),
    Dot,
    Name(String),
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Eq,
    Neq,
    Lt,
    Le,
    Gt,
    Ge,
    End,
}

impl Tok {
    /// How the token is named in error messages.
    fn describe(&self) -> String {
        match self {
            Tok::Num(n) => format!("number {}", format_number(*n)),
            Tok::Str(s) => format!("string '{s}'"),
            Tok::Field(name) => format!("'${{{name}}}'"),
            Tok::Name(name) => format!("'{name}'"),
            Tok::End => "the end of the expression".to_owned(),
            Tok::Dot => "'.'".to_owned(),
            Tok::LParen => "'('".to_owned(),
            Tok::RParen => "')'".to_owned(),
            Tok::Comma => "','".to_owned(),
            Tok::Plus => "'+'".to_owned(),
            Tok::Minus => "'-'".to_owned(),
            Tok::Star => "'*'".to_owned(),
            Tok::Eq => "'='".to_owned(),
            Tok::Neq => "'!='".to_owned(),
            Tok::Lt => "'<'".to_owned(),
            Tok::Le => "'<='".to_owned(),
            Tok::Gt => "'>'".to_owned(),
            Tok::Ge => "'>='".to_owned(),
        }
    }

    /// The binary operator this token stands for in operator position. `and`, `or`,
    /// `div` and `mod` are operators only there; elsewhere they are ordinary names.
    fn infix_op(&self) -> Option<BinOp> {
        Some(match self {
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            Tok::Star => BinOp::Mul,
            Tok::Eq => BinOp::Eq,
            Tok::Neq => BinOp::Neq,
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            Tok::Name(name) => match name.as_str() {
                "or" => BinOp::Or,
                "and" => BinOp::And,
                "div" => BinOp::Div,
                "mod" => BinOp::Mod,
                _ => return None,
            },
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Token {
    tok: Tok,
    /// 1-based character position of the token's first character.
    pos: usize,
}

/// Splits source text into tokens.
struct Lexer {
    chars: Vec<char>,
    /// 0-based index of the next character.
    i: usize,
}

impl Lexer {
    fn new(src: &str) -> Self {
        Self { chars: src.chars().collect(), i: 0 }
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.i + offset).copied()
    }

    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    /// Consumes characters while `keep` holds and returns them.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(|&c| keep(c)) {
            out.push(c);
            self.i += 1;
        }
        out
    }

    /// Returns the tokens and the end-of-input token.
    fn tokenize(mut self) -> Result<(Vec<Token>, Token), ParseError> {
        let mut tokens = Vec::new();
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.i += 1;
                continue;
            }
            let pos = self.i + 1;
            let tok = self.token(c, pos)?;
            tokens.push(Token { tok, pos });
        }
        let end = Token { tok: Tok::End, pos: self.chars.len() + 1 };
        Ok((tokens, end))
    }

    /// Reads one token starting with `c` (not yet consumed) at position `pos`.
    fn token(&mut self, c: char, pos: usize) -> Result<Tok, ParseError> {
        let next = self.peek_at(1);
        let (tok, len) = match c {
            '(' => (Tok::LParen, 1),
            ')' => (Tok::RParen, 1),
            ',' => (Tok::Comma, 1),
            '+' => (Tok::Plus, 1),
            '-' => (Tok::Minus, 1),
            '*' => (Tok::Star, 1),
            '=' if next == Some('=') => {
                return Err(ParseError::new(pos, "'==' is not an operator; use '='"));
            }
            '=' => (Tok::Eq, 1),
            '!' if next == Some('=') => (Tok::Neq, 2),
            '!' => {
                return Err(ParseError::new(pos, "unexpected character '!' (use '!=' or not(…))"));
            }
            '<' if next == Some('=') => (Tok::Le, 2),
            '<' => (Tok::Lt, 1),
            '>' if next == Some('=') => (Tok::Ge, 2),
            '>' => (Tok::Gt, 1),
            '$' => return self.field(pos),
            '\'' | '"' | '‘' | '’' | '“' | '”' => return self.string(c, pos),
            '0'..='9' => return self.number(pos),
            '.' if next.is_some_and(|d| d.is_ascii_digit()) => return self.number(pos),
            '.' if next == Some('.') => {
                return Err(ParseError::new(pos, "'..' (parent step) is not supported"));
            }
            '.' => (Tok::Dot, 1),
            c if is_name_start(c) => return Ok(self.name()),
            '/' | '[' | ']' | '@' | '|' => {
                return Err(ParseError::new(
                    pos,
                    format!("unexpected character '{c}' (XPath paths are not supported; use ${{name}})"),
                ));
            }
            _ => {
                return Err(ParseError::new(pos, format!("unexpected character '{c}'")));
            }
        };
        self.i += len;
        Ok(tok)
    }

    /// `${name}`; the `$` is at `pos`.
    fn field(&mut self, pos: usize) -> Result<Tok, ParseError> {
        if self.peek_at(1) != Some('{') {
            return Err(ParseError::new(pos, "expected '{' after '$'"));
        }
        self.i += 2;
        let name = self.take_while(|c| c != '}');
        if self.peek() != Some('}') {
            return Err(ParseError::new(pos, "unterminated reference: missing '}'"));
        }
        self.i += 1;
        if name.is_empty() {
            return Err(ParseError::new(pos, "empty reference '${}'"));
        }
        if !name.chars().all(is_question_name_char) {
            return Err(ParseError::new(pos, format!("invalid question name '{name}' in '${{…}}'")));
        }
        Ok(Tok::Field(name))
    }

    /// A string literal opened by `open` at `pos`.
    fn string(&mut self, open: char, pos: usize) -> Result<Tok, ParseError> {
        let closers: &[char] = match open {
            '‘' | '’' => &['’', '‘'],
            '“' | '”' => &['”', '“'],
            other => &[other],
        };
        self.i += 1;
        let text = self.take_while(|c| !closers.contains(&c));
        if self.peek().is_none() {
            return Err(ParseError::new(pos, "unterminated string"));
        }
        self.i += 1;
        Ok(Tok::Str(text))
    }

    /// `digits (. digits?)?` or `. digits`, starting at `pos`.
    fn number(&mut self, pos: usize) -> Result<Tok, ParseError> {
        let mut text = self.take_while(|c| c.is_ascii_digit());
        if self.peek() == Some('.') {
            self.i += 1;
            text.push('.');
            text.push_str(&self.take_while(|c| c.is_ascii_digit()));
        }
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Tok::Num(n)),
            Ok(_) => Err(ParseError::new(pos, "number is too large")),
            Err(_) => Err(ParseError::new(pos, format!("invalid number '{text}'"))),
        }
    }

    /// A name: a function, an operator keyword or a choice column.
    fn name(&mut self) -> Tok {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            let continues = c.is_alphanumeric()
                || matches!(c, '_' | '.' | ':')
                || (c == '-' && self.peek_at(1).is_some_and(char::is_alphabetic));
            if !continues {
                break;
            }
            name.push(c);
            self.i += 1;
        }
        Tok::Name(name)
    }
}

/// Whitespace, including the no-break and zero-width spaces spreadsheets leave behind.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_question_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

// ---------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------

/// A Pratt parser over the token list. Each parse function returns the node together
/// with the depth of its subtree, so that the total depth can be capped.
struct Parser {
    tokens: Vec<Token>,
    end: Token,
    i: usize,
    /// Current recursion depth of [`Parser::expression`].
    nesting: usize,
    /// How many `(` are open, to tell a stray `)` from a missing value.
    open_parens: usize,
}

type Parsed = Result<(Node, usize), ParseError>;

impl Parser {
    fn new(tokens: Vec<Token>, end: Token) -> Self {
        Self { tokens, end, i: 0, nesting: 0, open_parens: 0 }
    }

    fn peek(&self) -> &Token {
        self.tokens.get(self.i).unwrap_or(&self.end)
    }

    fn bump(&mut self) -> Token {
        let token = self.peek().clone();
        self.i += 1;
        token
    }

    fn too_deep(&self, depth: usize, pos: usize) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            Err(ParseError::new(
                pos,
                format!("expression is nested too deeply (more than {MAX_DEPTH} levels)"),
            ))
        } else {
            Ok(())
        }
    }

    /// The whole input: one expression, then the end.
    fn parse_all(mut self) -> Result<Node, ParseError> {
        if self.tokens.is_empty() {
            return Err(ParseError::new(self.end.pos, "empty expression"));
        }
        let (node, _) = self.expression(0)?;
        let token = self.peek();
        match token.tok {
            Tok::End => Ok(node),
            Tok::RParen => Err(ParseError::new(token.pos, "unbalanced parentheses: unexpected ')'")),
            _ => Err(ParseError::new(token.pos, format!("unexpected {}", token.tok.describe()))),
        }
    }

    /// An expression whose operators all bind at least as tightly as `min_bp`.
    fn expression(&mut self, min_bp: u8) -> Parsed {
        self.nesting += 1;
        let result =
            self.too_deep(self.nesting, self.peek().pos).and_then(|()| self.expression_inner(min_bp));
        self.nesting -= 1;
        result
    }

    fn expression_inner(&mut self, min_bp: u8) -> Parsed {
        let (mut lhs, mut depth) = self.prefix()?;
        loop {
            let token = self.peek();
            let Some(op) = token.tok.infix_op() else {
                return match token.tok {
                    Tok::End | Tok::RParen | Tok::Comma => Ok((lhs, depth)),
                    _ => Err(ParseError::new(
                        token.pos,
                        format!("expected an operator, found {}", token.tok.describe()),
                    )),
                };
            };
            let bp = op.binding_power();
            if bp < min_bp {
                return Ok((lhs, depth));
            }
            let op_pos = self.bump().pos;
            let (rhs, rhs_depth) = self.expression(bp + 1)?;
            depth = depth.max(rhs_depth) + 1;
            self.too_deep(depth, op_pos)?;
            lhs = Node::Binary(op, Box::new(lhs), Box::new(rhs));
        }
    }

    /// A value: literal, reference, name, function call, parenthesized expression or
    /// negation.
    fn prefix(&mut self) -> Parsed {
        let Token { tok, pos } = self.bump();
        match tok {
            Tok::Num(n) => Ok((Node::Num(n), 1)),
            Tok::Str(s) => Ok((Node::Str(s), 1)),
            Tok::Field(name) => Ok((Node::Field(name), 1)),
            Tok::Dot => Ok((Node::Current, 1)),
            Tok::Name(name) if self.peek().tok == Tok::LParen => self.call(name, pos),
            Tok::Name(name) => Ok((Node::Path(name), 1)),
            Tok::Minus => {
                let (operand, depth) = self.expression(UNARY_BP)?;
                self.too_deep(depth + 1, pos)?;
                Ok((Node::Neg(Box::new(operand)), depth + 1))
            }
            Tok::LParen => {
                self.open_parens += 1;
                let inner = self.expression(0)?;
                self.close_paren(pos, "")?;
                Ok(inner)
            }
            Tok::RParen if self.open_parens == 0 => {
                Err(ParseError::new(pos, "unbalanced parentheses: unexpected ')'"))
            }
            Tok::End => Err(ParseError::new(pos, "unexpected end of expression")),
            other => Err(ParseError::new(pos, format!("expected a value, found {}", other.describe()))),
        }
    }

    /// Consumes the `)` matching the `(` at `open_pos`; `what` names the call, if any.
    fn close_paren(&mut self, open_pos: usize, what: &str) -> Result<(), ParseError> {
        let token = self.bump();
        match token.tok {
            Tok::RParen => {
                self.open_parens = self.open_parens.saturating_sub(1);
                Ok(())
            }
            Tok::End => {
                Err(ParseError::new(open_pos, format!("unbalanced parentheses: '{what}(' is never closed")))
            }
            other => Err(ParseError::new(token.pos, format!("expected ')', found {}", other.describe()))),
        }
    }

    /// A call of function `name` (at `pos`); the next token is its `(`.
    fn call(&mut self, name: String, pos: usize) -> Parsed {
        let func = Func::from_name(&name)
            .ok_or_else(|| ParseError::new(pos, format!("unknown function '{name}'")))?;
        let open_pos = self.bump().pos;
        self.open_parens += 1;
        let mut args = Vec::new();
        let mut arg_positions = Vec::new();
        let mut depth = 0;
        if self.peek().tok == Tok::RParen {
            self.close_paren(open_pos, &name)?;
        } else {
            loop {
                arg_positions.push(self.peek().pos);
                let (arg, arg_depth) = self.expression(0)?;
                args.push(arg);
                depth = depth.max(arg_depth);
                if self.peek().tok == Tok::Comma {
                    self.bump();
                } else {
                    self.close_paren(open_pos, &name)?;
                    break;
                }
            }
        }
        let arity = func.arity();
        if !arity.accepts(args.len()) {
            return Err(ParseError::new(pos, format!("'{name}' {}, got {}", arity.describe(), args.len())));
        }
        depth += 1;
        self.too_deep(depth, pos)?;
        let node = match (func, <[Node; 2]>::try_from(args)) {
            (Func::Regex, Ok([subject, Node::Str(pattern)])) => {
                let pattern_pos = arg_positions.get(1).copied().unwrap_or(pos);
                let regex = compile_regex(&pattern).map_err(|e| {
                    ParseError::new(
                        pattern_pos,
                        format!("invalid regular expression: {}", regex_error_summary(&e)),
                    )
                })?;
                Node::Regex(Box::new(subject), LiteralRegex(regex))
            }
            (_, Ok(pair)) => Node::Call(func, pair.into()),
            (_, Err(args)) => Node::Call(func, args),
        };
        Ok((node, depth))
    }
}

fn compile_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).size_limit(REGEX_SIZE_LIMIT).build()
}

/// The last line of a regex error ("unclosed group"), without its "error: " prefix.
fn regex_error_summary(error: &regex::Error) -> String {
    match error {
        regex::Error::CompiledTooBig(_) => "pattern is too large".to_owned(),
        other => {
            let text = other.to_string();
            let last = text.lines().last().unwrap_or_default().trim();
            last.strip_prefix("error: ").unwrap_or(last).to_owned()
        }
    }
}

// ---------------------------------------------------------------------------------------
// Evaluator
// ---------------------------------------------------------------------------------------

fn eval(node: &Node, ctx: &dyn Context) -> Value {
    match node {
        Node::Num(n) => Value::Num(*n),
        Node::Str(s) => Value::Str(s.clone()),
        Node::Field(name) => ctx.field(name),
        Node::Current => ctx.current(),
        Node::Path(name) => ctx.path(name),
        Node::Neg(operand) => Value::Num(-numeric(&eval(operand, ctx))),
        Node::Binary(op, lhs, rhs) => eval_binary(*op, lhs, rhs, ctx),
        Node::Call(func, args) => eval_call(*func, args, ctx),
        Node::Regex(subject, LiteralRegex(regex)) => {
            Value::Bool(regex.is_match(&eval(subject, ctx).as_string()))
        }
    }
}

fn eval_binary(op: BinOp, lhs: &Node, rhs: &Node, ctx: &dyn Context) -> Value {
    let operands = || (eval(lhs, ctx), eval(rhs, ctx));
    let arithmetic = |f: fn(f64, f64) -> f64| {
        let (l, r) = operands();
        Value::Num(f(numeric(&l), numeric(&r)))
    };
    let ordering = |f: fn(f64, f64) -> bool| {
        let (l, r) = operands();
        Value::Bool(f(numeric(&l), numeric(&r)))
    };
    match op {
        // `||` and `&&` short-circuit: the right side is evaluated only when needed.
        BinOp::Or => Value::Bool(eval(lhs, ctx).as_bool() || eval(rhs, ctx).as_bool()),
        BinOp::And => Value::Bool(eval(lhs, ctx).as_bool() && eval(rhs, ctx).as_bool()),
        BinOp::Eq => {
            let (l, r) = operands();
            Value::Bool(equals(&l, &r))
        }
        BinOp::Neq => {
            let (l, r) = operands();
            Value::Bool(!equals(&l, &r))
        }
        BinOp::Lt => ordering(|a, b| a < b),
        BinOp::Le => ordering(|a, b| a <= b),
        BinOp::Gt => ordering(|a, b| a > b),
        BinOp::Ge => ordering(|a, b| a >= b),
        BinOp::Add => arithmetic(|a, b| a + b),
        BinOp::Sub => arithmetic(|a, b| a - b),
        BinOp::Mul => arithmetic(|a, b| a * b),
        BinOp::Div => arithmetic(|a, b| a / b),
        BinOp::Mod => arithmetic(|a, b| a % b),
    }
}

/// XPath `=`: as booleans if either side is one, else as numbers if either side is one,
/// else as strings. (`!=` is its negation, so `NaN != NaN` holds.)
fn equals(l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Bool(_), _) | (_, Value::Bool(_)) => l.as_bool() == r.as_bool(),
        (Value::Num(_), _) | (_, Value::Num(_)) => l.as_num() == r.as_num(),
        (Value::Str(a), Value::Str(b)) => a == b,
    }
}

/// The number an operand stands for in arithmetic and ordering: an ISO date string is
/// its day count since 1970-01-01, anything else its XPath `number()`.
fn numeric(v: &Value) -> f64 {
    match v {
        Value::Str(s) => iso_date(s).map_or_else(|| v.as_num(), |d| f64::from(d.to_epoch_days())),
        _ => v.as_num(),
    }
}

/// Parses exactly `YYYY-MM-DD` (surrounding whitespace allowed).
fn iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    shape_ok.then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()).flatten()
}

fn eval_call(func: Func, args: &[Node], ctx: &dyn Context) -> Value {
    // Arguments are evaluated lazily, so `if` and `coalesce` skip the unused branch.
    let arg = |i: usize| args.get(i).map(|a| eval(a, ctx));
    let arg_or_current = |i: usize| arg(i).unwrap_or_else(|| ctx.current());
    let text = |i: usize| arg(i).map(|v| v.as_string()).unwrap_or_default();
    let num = |i: usize| arg(i).map_or(f64::NAN, |v| v.as_num());
    match func {
        Func::Not => Value::Bool(!arg(0).is_some_and(|v| v.as_bool())),
        Func::Selected => {
            let list = text(0);
            let wanted = text(1);
            let wanted = wanted.trim();
            Value::Bool(list.split_whitespace().any(|choice| choice == wanted))
        }
        Func::CountSelected => Value::Num(text(0).split_whitespace().count() as f64),
        Func::StringLength => Value::Num(arg_or_current(0).as_string().chars().count() as f64),
        Func::Regex => {
            let subject = text(0);
            let matched = compile_regex(&text(1)).is_ok_and(|re| re.is_match(&subject));
            Value::Bool(matched)
        }
        Func::If => {
            let branch = if arg(0).is_some_and(|v| v.as_bool()) { 1 } else { 2 };
            arg(branch).unwrap_or_else(|| Value::Str(String::new()))
        }
        Func::Coalesce => match arg(0) {
            Some(first) if !first.as_string().is_empty() => first,
            _ => arg(1).unwrap_or_else(|| Value::Str(String::new())),
        },
        Func::Today => Value::Str(ctx.today().format("%Y-%m-%d").to_string()),
        Func::True => Value::Bool(true),
        Func::False => Value::Bool(false),
        Func::Number => Value::Num(arg_or_current(0).as_num()),
        Func::String => Value::Str(arg_or_current(0).as_string()),
        Func::Int => Value::Num(num(0).trunc()),
        Func::Round => {
            let digits = arg(1).map_or(0.0, |v| v.as_num());
            Value::Num(round_to(num(0), digits))
        }
        Func::Concat => Value::Str(args.iter().map(|a| eval(a, ctx).as_string()).collect()),
        Func::Contains => Value::Bool(text(0).contains(text(1).as_str())),
        Func::StartsWith => Value::Bool(text(0).starts_with(text(1).as_str())),
        Func::EndsWith => Value::Bool(text(0).ends_with(text(1).as_str())),
        Func::Boolean => Value::Bool(arg(0).is_some_and(|v| v.as_bool())),
    }
}

/// Rounds `x` to `digits` decimal places (negative: to tens, hundreds, …), ties away
/// from zero as ODK does.
fn round_to(x: f64, digits: f64) -> f64 {
    if digits.is_nan() {
        return f64::NAN;
    }
    if !x.is_finite() {
        return x;
    }
    // Beyond ±400 places the factor is infinite either way; clamping keeps the cast exact.
    let digits = digits.trunc().clamp(-400.0, 400.0) as i32;
    let factor = 10f64.powi(digits.abs());
    if digits >= 0 {
        let scaled = x * factor;
        // 2^52 and above, f64 has no fractional part left to round.
        if !scaled.is_finite() || scaled.abs() >= 4_503_599_627_370_496.0 {
            x
        } else {
            scaled.round() / factor
        }
    } else if factor.is_infinite() {
        0.0
    } else {
        (x / factor).round() * factor
    }
}

/// XPath `number()` of a string: `-?(digits(.digits?)?|.digits)` after trimming.
fn parse_xpath_number(s: &str) -> f64 {
    let t = s.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let valid = (!int.is_empty() || !frac.is_empty()) && all_digits(int) && all_digits(frac);
    if valid { t.parse().unwrap_or(f64::NAN) } else { f64::NAN }
}

/// XPath `string()` of a number.
fn format_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if n == 0.0 {
        // Also turns -0 into "0".
        "0".to_owned()
    } else {
        // `Display` for f64 prints integers without ".0" and never uses an exponent.
        n.to_string()
    }
}

fn collect_references(node: &Node, names: &mut Vec<String>) {
    match node {
        Node::Field(name) => {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        Node::Num(_) | Node::Str(_) | Node::Current | Node::Path(_) => {}
        Node::Neg(operand) | Node::Regex(operand, _) => collect_references(operand, names),
        Node::Binary(_, lhs, rhs) => {
            collect_references(lhs, names);
            collect_references(rhs, names);
        }
        Node::Call(_, args) => {
            for arg in args {
                collect_references(arg, names);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    /// A context backed by maps; counts `field` look-ups to observe short-circuiting.
    struct TestCtx {
        fields: HashMap<String, String>,
        paths: HashMap<String, String>,
        current: String,
        today: NaiveDate,
        field_reads: Cell<usize>,
    }

    impl TestCtx {
        fn new() -> Self {
            Self {
                fields: HashMap::new(),
                paths: HashMap::new(),
                current: String::new(),
                today: NaiveDate::from_ymd_opt(2024, 6, 1).expect("valid date"),
                field_reads: Cell::new(0),
            }
        }

        fn field(mut self, name: &str, value: &str) -> Self {
            self.fields.insert(name.to_owned(), value.to_owned());
            self
        }

        fn path(mut self, name: &str, value: &str) -> Self {
            self.paths.insert(name.to_owned(), value.to_owned());
            self
        }

        fn current(mut self, value: &str) -> Self {
            self.current = value.to_owned();
            self
        }
    }

    impl Context for TestCtx {
        fn field(&self, name: &str) -> Value {
            self.field_reads.set(self.field_reads.get() + 1);
            Value::Str(self.fields.get(name).cloned().unwrap_or_default())
        }

        fn current(&self) -> Value {
            Value::Str(self.current.clone())
        }

        fn path(&self, name: &str) -> Value {
            Value::Str(self.paths.get(name).cloned().unwrap_or_default())
        }

        fn today(&self) -> NaiveDate {
            self.today
        }
    }

    fn eval_in(src: &str, ctx: &TestCtx) -> Value {
        parse(src).unwrap_or_else(|e| panic!("{src:?} should parse: {e}")).eval(ctx)
    }

    fn eval_str(src: &str) -> Value {
        eval_in(src, &TestCtx::new())
    }

    fn truth(src: &str, ctx: &TestCtx) -> bool {
        match eval_in(src, ctx) {
            Value::Bool(b) => b,
            other => panic!("{src:?} should be a boolean, got {other:?}"),
        }
    }

    fn num(src: &str) -> f64 {
        match eval_str(src) {
            Value::Num(n) => n,
            other => panic!("{src:?} should be a number, got {other:?}"),
        }
    }

    fn error(src: &str) -> ParseError {
        match parse(src) {
            Err(e) => e,
            Ok(expr) => panic!("{src:?} should not parse, got {expr:?}"),
        }
    }

    // --- literals, values and conversions ---

    #[test]
    fn literals_evaluate_to_their_values() {
        assert_eq!(eval_str("12"), Value::Num(12.0));
        assert_eq!(eval_str("3.5"), Value::Num(3.5));
        assert_eq!(eval_str(".5"), Value::Num(0.5));
        assert_eq!(eval_str("5."), Value::Num(5.0));
        assert_eq!(eval_str("'it is'"), Value::Str("it is".into()));
        assert_eq!(eval_str("\"say 'hi'\""), Value::Str("say 'hi'".into()));
        assert_eq!(eval_str("''"), Value::Str(String::new()));
    }

    #[test]
    fn as_bool_follows_xpath_boolean() {
        assert!(!Value::Str(String::new()).as_bool());
        assert!(Value::Str("false".into()).as_bool());
        assert!(Value::Str(" ".into()).as_bool());
        assert!(!Value::Num(0.0).as_bool());
        assert!(!Value::Num(-0.0).as_bool());
        assert!(!Value::Num(f64::NAN).as_bool());
        assert!(Value::Num(-2.0).as_bool());
        assert!(Value::Bool(true).as_bool());
    }

    #[test]
    fn as_num_parses_trimmed_xpath_numbers_only() {
        assert_eq!(Value::Str(" 42 ".into()).as_num(), 42.0);
        assert_eq!(Value::Str("-3.25".into()).as_num(), -3.25);
        assert_eq!(Value::Str(".5".into()).as_num(), 0.5);
        assert_eq!(Value::Str("-.5".into()).as_num(), -0.5);
        assert_eq!(Value::Str("7.".into()).as_num(), 7.0);
        for junk in ["", "abc", "1e3", "+1", "inf", "NaN", "-", ".", "1.2.3", "12abc"] {
            assert!(Value::Str(junk.into()).as_num().is_nan(), "{junk:?}");
        }
        assert_eq!(Value::Bool(true).as_num(), 1.0);
        assert_eq!(Value::Bool(false).as_num(), 0.0);
    }

    #[test]
    fn as_string_prints_integers_without_a_decimal_point() {
        assert_eq!(Value::Num(3.0).as_string(), "3");
        assert_eq!(Value::Num(-0.0).as_string(), "0");
        assert_eq!(Value::Num(2.5).as_string(), "2.5");
        assert_eq!(Value::Num(1e21).as_string(), "1000000000000000000000");
        assert_eq!(Value::Num(f64::NAN).as_string(), "NaN");
        assert_eq!(Value::Num(f64::INFINITY).as_string(), "Infinity");
        assert_eq!(Value::Num(f64::NEG_INFINITY).as_string(), "-Infinity");
        assert_eq!(Value::Bool(true).as_string(), "true");
        assert_eq!(Value::Str("x".into()).as_string(), "x");
    }

    #[test]
    fn references_current_value_and_paths_come_from_the_context() {
        let ctx = TestCtx::new().field("age", "30").current("here").path("state", "ca");
        assert_eq!(eval_in("${age}", &ctx), Value::Str("30".into()));
        assert_eq!(eval_in(".", &ctx), Value::Str("here".into()));
        assert_eq!(eval_in("state", &ctx), Value::Str("ca".into()));
    }

    #[test]
    fn unanswered_fields_are_empty_strings() {
        let ctx = TestCtx::new();
        assert_eq!(eval_in("${missing}", &ctx), Value::Str(String::new()));
        assert!(truth("${missing} = ''", &ctx));
        assert!(!truth("boolean(${missing})", &ctx));
        assert!(truth("string-length(${missing}) = 0", &ctx));
        assert!(!truth("${missing} = 0", &ctx), "'' is NaN as a number");
        assert!(!truth("${missing} > 0", &ctx));
        assert!(!truth("selected(${missing}, 'yes')", &ctx));
    }

    // --- operators and precedence ---

    #[test]
    fn arithmetic_operators_compute_numbers() {
        assert_eq!(num("2 + 3"), 5.0);
        assert_eq!(num("2 - 3"), -1.0);
        assert_eq!(num("2 * 3"), 6.0);
        assert_eq!(num("7 div 2"), 3.5);
        assert_eq!(num("7 mod 3"), 1.0);
        assert_eq!(num("'4' + '1'"), 5.0);
        assert_eq!(num("true() + 1"), 2.0);
    }

    #[test]
    fn mod_keeps_the_sign_of_the_dividend() {
        assert_eq!(num("-7 mod 3"), -1.0);
        assert_eq!(num("7 mod -3"), 1.0);
        assert_eq!(num("5.5 mod 2"), 1.5);
    }

    #[test]
    fn division_by_zero_follows_ieee_arithmetic() {
        assert_eq!(num("1 div 0"), f64::INFINITY);
        assert_eq!(num("-1 div 0"), f64::NEG_INFINITY);
        assert!(num("0 div 0").is_nan());
        assert!(num("1 mod 0").is_nan());
        assert_eq!(eval_str("string(1 div 0)"), Value::Str("Infinity".into()));
    }

    #[test]
    fn nan_propagates_through_arithmetic() {
        assert!(num("${missing} + 1").is_nan());
        assert!(num("'abc' * 2").is_nan());
        assert!(num("-'abc'").is_nan());
        assert_eq!(eval_str("string(${missing} + 1)"), Value::Str("NaN".into()));
    }

    #[test]
    fn multiplication_binds_tighter_than_addition() {
        assert_eq!(num("2 + 3 * 4"), 14.0);
        assert_eq!(num("10 - 4 div 2"), 8.0);
        assert_eq!(num("7 mod 4 + 1"), 4.0);
        assert_eq!(num("1 + 8 mod 5"), 4.0);
    }

    #[test]
    fn binary_operators_are_left_associative() {
        assert_eq!(num("10 - 4 - 3"), 3.0);
        assert_eq!(num("16 div 4 div 2"), 2.0);
        assert_eq!(num("20 mod 7 mod 4"), 2.0);
        assert_eq!(num("2 * 3 div 4"), 1.5);
    }

    #[test]
    fn unary_minus_binds_tightest() {
        assert_eq!(num("-2 * 3"), -6.0);
        assert_eq!(num("- -2"), 2.0);
        assert_eq!(num("2 * -3"), -6.0);
        assert_eq!(num("-(2 + 3)"), -5.0);
        assert_eq!(num("1 - -1"), 2.0);
    }

    #[test]
    fn parentheses_override_precedence() {
        assert_eq!(num("(2 + 3) * 4"), 20.0);
        assert_eq!(num("10 - (4 - 3)"), 9.0);
        assert_eq!(num("((((1))))"), 1.0);
    }

    #[test]
    fn addition_binds_tighter_than_ordering() {
        // (1 + 1) > 1, not 1 + (1 > 1) which would be the number 1.
        assert_eq!(eval_str("1 + 1 > 1"), Value::Bool(true));
        assert_eq!(eval_str("3 < 2 + 2"), Value::Bool(true));
    }

    #[test]
    fn ordering_binds_tighter_than_equality() {
        // (1 < 2) = 1 → true = 1 → true; 1 < (2 = 1) would be 1 < 0 → false.
        assert_eq!(eval_str("1 < 2 = 1"), Value::Bool(true));
        // 3 = (2 < 1) → 3 = false → false; (3 = 2) < 1 would be 0 < 1 → true.
        assert_eq!(eval_str("3 = 2 < 1"), Value::Bool(false));
    }

    #[test]
    fn equality_binds_tighter_than_and_which_binds_tighter_than_or() {
        let ctx = TestCtx::new();
        // true() or (false() and false()) → true; (true() or false()) and false() → false.
        assert!(truth("true() or false() and false()", &ctx));
        assert!(truth("false() and false() or true()", &ctx));
        assert!(truth("1 = 1 and 2 = 2", &ctx));
        assert!(truth("1 = 2 or 2 = 2", &ctx));
    }

    #[test]
    fn comparison_operators_cover_all_six() {
        let ctx = TestCtx::new();
        assert!(truth("2 = 2", &ctx));
        assert!(truth("2 != 3", &ctx));
        assert!(truth("2 < 3", &ctx));
        assert!(truth("3 <= 3", &ctx));
        assert!(truth("4 > 3", &ctx));
        assert!(truth("3 >= 3", &ctx));
        assert!(!truth("3 < 3", &ctx));
        assert!(!truth("3 > 3", &ctx));
    }

    #[test]
    fn equality_compares_as_booleans_then_numbers_then_strings() {
        let ctx = TestCtx::new();
        assert!(truth("'abc' = true()", &ctx));
        assert!(truth("'' = false()", &ctx));
        assert!(truth("0 = false()", &ctx));
        assert!(truth("'05' = 5", &ctx), "a number on one side compares numerically");
        assert!(!truth("'05' = '5'", &ctx), "two strings compare as text");
        assert!(truth("'a b' = 'a b'", &ctx));
        assert!(truth("${missing} != 1", &ctx));
        assert!(truth("(0 div 0) != (0 div 0)", &ctx), "NaN is unequal to itself");
    }

    #[test]
    fn ordering_compares_as_numbers_and_nan_is_never_ordered() {
        let ctx = TestCtx::new();
        assert!(truth("'10' > '9'", &ctx));
        assert!(!truth("'abc' < 1", &ctx));
        assert!(!truth("'abc' >= 1", &ctx));
        assert!(truth("true() > false()", &ctx));
        assert!(truth("5 > true()", &ctx), "booleans order as 1 and 0");
    }

    #[test]
    fn and_and_or_short_circuit() {
        let ctx = TestCtx::new().field("x", "1");
        assert!(!truth("false() and ${x} = 1", &ctx));
        assert!(truth("true() or ${x} = 1", &ctx));
        assert_eq!(ctx.field_reads.get(), 0);
        assert!(truth("true() and ${x} = 1", &ctx));
        assert_eq!(ctx.field_reads.get(), 1);
    }

    // --- dates ---

    #[test]
    fn today_returns_the_context_date_as_iso_text() {
        assert_eq!(eval_str("today()"), Value::Str("2024-06-01".into()));
    }

    #[test]
    fn date_answers_compare_with_today() {
        let past = TestCtx::new().current("2024-01-15");
        assert!(truth(". <= today()", &past));
        assert!(!truth(". > today()", &past));
        let future = TestCtx::new().current("2024-06-02");
        assert!(!truth(". <= today()", &future));
        let same_day = TestCtx::new().current("2024-06-01");
        assert!(truth(". <= today()", &same_day));
        assert!(truth(". = today()", &same_day));
        let unanswered = TestCtx::new();
        assert!(!truth(". <= today()", &unanswered));
        assert!(!truth(". > today()", &unanswered));
    }

    #[test]
    fn iso_dates_compare_as_dates_and_subtract_to_days() {
        let ctx = TestCtx::new().field("dob", "2000-06-01");
        assert!(truth("'2024-02-01' > '2024-01-31'", &ctx));
        assert!(truth("'1999-12-31' < '2000-01-01'", &ctx));
        assert_eq!(eval_in("today() - '2024-05-31'", &ctx), Value::Num(1.0));
        assert!(truth("int((today() - ${dob}) div 365.25) = 24", &ctx));
        assert!(!truth("'2024-02-30' < today()", &ctx), "not a real date: NaN");
    }

    // --- functions ---

    #[test]
    fn not_negates_the_boolean_value() {
        let ctx = TestCtx::new();
        assert!(truth("not(false())", &ctx));
        assert!(truth("not('')", &ctx));
        assert!(!truth("not('x')", &ctx));
        assert!(truth("not(0)", &ctx));
    }

    #[test]
    fn selected_checks_membership_in_a_space_separated_list() {
        let ctx = TestCtx::new().field("toppings", "cheese  ham olives");
        assert!(truth("selected(${toppings}, 'ham')", &ctx));
        assert!(truth("selected(${toppings}, ' olives ')", &ctx));
        assert!(!truth("selected(${toppings}, 'ha')", &ctx));
        assert!(!truth("selected(${toppings}, '')", &ctx));
        assert!(!truth("selected(${toppings}, 'cheese ham')", &ctx));
    }

    #[test]
    fn count_selected_counts_chosen_options() {
        let ctx = TestCtx::new().field("x", "a b c").field("one", "a");
        assert!(truth("count-selected(${x}) >= 2", &ctx));
        assert!(!truth("count-selected(${one}) >= 2", &ctx));
        assert!(!truth("count-selected(${none}) >= 2", &ctx));
        assert_eq!(eval_in("count-selected(${none})", &ctx), Value::Num(0.0));
    }

    #[test]
    fn string_length_counts_characters_not_bytes() {
        assert_eq!(num("string-length('héllo')"), 5.0);
        assert_eq!(num("string-length(12.5)"), 4.0);
        let ctx = TestCtx::new().current("abc");
        assert_eq!(eval_in("string-length()", &ctx), Value::Num(3.0));
    }

    #[test]
    fn regex_searches_and_anchors_when_asked() {
        let matches = |answer: &str| truth("regex(., '^[0-9]{3}$')", &TestCtx::new().current(answer));
        assert!(matches("123"));
        assert!(!matches("1234"));
        assert!(!matches("12a"));
        assert!(!matches(""));
        assert!(truth("regex('abc123', '[0-9]')", &TestCtx::new()), "unanchored search");
    }

    #[test]
    fn regex_with_a_computed_pattern_is_false_when_the_pattern_is_invalid() {
        let ctx = TestCtx::new().field("p", "(unclosed").field("ok", "^a");
        assert!(!truth("regex('(unclosed', ${p})", &ctx));
        assert!(truth("regex('abc', ${ok})", &ctx));
        assert!(truth("regex('a1', concat('^a', '[0-9]$'))", &ctx));
    }

    #[test]
    fn if_picks_a_branch_and_evaluates_only_that_one() {
        let ctx = TestCtx::new().field("x", "y");
        assert_eq!(eval_in("if(1 < 2, 'yes', 'no')", &ctx), Value::Str("yes".into()));
        assert_eq!(eval_in("if('', 'yes', 'no')", &ctx), Value::Str("no".into()));
        assert_eq!(eval_in("if(true(), 1, ${x})", &ctx), Value::Num(1.0));
        assert_eq!(ctx.field_reads.get(), 0);
    }

    #[test]
    fn coalesce_returns_the_first_non_empty_value() {
        let ctx = TestCtx::new().field("a", "").field("b", "B");
        assert_eq!(eval_in("coalesce(${a}, ${b})", &ctx), Value::Str("B".into()));
        assert_eq!(eval_in("coalesce(${b}, 'x')", &ctx), Value::Str("B".into()));
        assert_eq!(eval_in("coalesce(0, 'x')", &ctx), Value::Num(0.0));
    }

    #[test]
    fn true_and_false_are_constants() {
        assert_eq!(eval_str("true()"), Value::Bool(true));
        assert_eq!(eval_str("false()"), Value::Bool(false));
    }

    #[test]
    fn number_string_and_boolean_convert() {
        assert_eq!(eval_str("number(' 12 ')"), Value::Num(12.0));
        assert!(num("number('x')").is_nan());
        assert_eq!(eval_str("number(true())"), Value::Num(1.0));
        assert_eq!(eval_str("string(3)"), Value::Str("3".into()));
        assert_eq!(eval_str("string(0.25)"), Value::Str("0.25".into()));
        assert_eq!(eval_str("string(1 = 1)"), Value::Str("true".into()));
        assert_eq!(eval_str("boolean('0')"), Value::Bool(true));
        assert_eq!(eval_str("boolean(0)"), Value::Bool(false));
        let ctx = TestCtx::new().current("7");
        assert_eq!(eval_in("number() + 1", &ctx), Value::Num(8.0));
        assert_eq!(eval_in("string()", &ctx), Value::Str("7".into()));
    }

    #[test]
    fn int_truncates_toward_zero() {
        assert_eq!(num("int(3.9)"), 3.0);
        assert_eq!(num("int(-3.9)"), -3.0);
        assert_eq!(num("int('12.7')"), 12.0);
        assert!(num("int('x')").is_nan());
    }

    #[test]
    fn round_rounds_half_away_from_zero_to_the_given_digits() {
        assert_eq!(num("round(2.5)"), 3.0);
        assert_eq!(num("round(-2.5)"), -3.0);
        assert_eq!(num("round(2.4)"), 2.0);
        assert_eq!(num("round(2.71828, 2)"), 2.72);
        assert_eq!(num("round(1234.5, -2)"), 1200.0);
        assert_eq!(num("round(1.5, 400)"), 1.5);
        assert_eq!(num("round(1.5, -400)"), 0.0);
        assert!(num("round('x')").is_nan());
        assert!(num("round(1, 'x')").is_nan());
        assert_eq!(num("round(1 div 0)"), f64::INFINITY);
    }

    #[test]
    fn concat_joins_any_number_of_values() {
        assert_eq!(eval_str("concat('a', 1, true(), '-', 2.5)"), Value::Str("a1true-2.5".into()));
        assert_eq!(eval_str("concat()"), Value::Str(String::new()));
        assert_eq!(eval_str("concat('x')"), Value::Str("x".into()));
    }

    #[test]
    fn contains_starts_with_and_ends_with_test_substrings() {
        let ctx = TestCtx::new();
        assert!(truth("contains('haystack', 'st')", &ctx));
        assert!(!truth("contains('haystack', 'xx')", &ctx));
        assert!(truth("contains('abc', '')", &ctx));
        assert!(truth("starts-with('haystack', 'hay')", &ctx));
        assert!(!truth("starts-with('haystack', 'stack')", &ctx));
        assert!(truth("ends-with('haystack', 'stack')", &ctx));
        assert!(!truth("ends-with('haystack', 'hay')", &ctx));
    }

    // --- lexical details ---

    #[test]
    fn typographic_quotes_delimit_strings() {
        assert_eq!(eval_str("‘yourself’"), Value::Str("yourself".into()));
        assert_eq!(eval_str("’yourself’"), Value::Str("yourself".into()));
        assert_eq!(eval_str("’yourself‘"), Value::Str("yourself".into()));
        assert_eq!(eval_str("“area”"), Value::Str("area".into()));
        assert_eq!(eval_str("”area“"), Value::Str("area".into()));
        assert_eq!(eval_str("“it’s”"), Value::Str("it’s".into()));
        assert_eq!(eval_str("'don’t'"), Value::Str("don’t".into()));
    }

    #[test]
    fn whitespace_is_allowed_anywhere_between_tokens() {
        let ctx = TestCtx::new().current("yes");
        assert!(truth("selected (., 'yes')", &ctx));
        assert!(truth("\tselected(\n.\n,'yes'\r\n)  ", &ctx));
        assert!(truth("1\u{00A0}=\u{00A0}1", &ctx), "no-break spaces from spreadsheets");
        assert!(truth("\u{FEFF}1 = 1", &ctx));
    }

    #[test]
    fn dashes_join_names_only_before_a_letter() {
        let ctx = TestCtx::new().field("x", "5").path("sub-ward", "w1").path("a", "9");
        assert_eq!(eval_in("${x}-1", &ctx), Value::Num(4.0));
        assert_eq!(eval_in("a-1", &ctx), Value::Num(8.0));
        assert_eq!(eval_in("a - a", &ctx), Value::Num(0.0));
        assert!(truth("sub-ward = 'w1'", &ctx));
        assert!(truth("count-selected('a b') = 2", &ctx));
    }

    #[test]
    fn names_may_contain_dots_colons_and_digits() {
        let ctx = TestCtx::new().path("jr:foo", "1").path("a.b_2", "2");
        assert!(truth("jr:foo = 1 and a.b_2 = 2", &ctx));
    }

    #[test]
    fn operator_keywords_are_names_outside_operator_position() {
        let ctx = TestCtx::new().path("and", "x");
        assert!(truth("and = 'x'", &ctx));
    }

    // --- real expressions from the field ---

    #[test]
    fn constraint_against_another_answer_works() {
        let ctx = TestCtx::new().field("a_integer", "10");
        assert!(truth(". <= ${a_integer}", &ctx.current("7")));
        let ctx = TestCtx::new().field("a_integer", "10").current("11");
        assert!(!truth(". <= ${a_integer}", &ctx));
    }

    #[test]
    fn yes_and_no_cannot_both_be_selected() {
        let src = "not(selected(., 'yes') and selected (., 'no'))";
        assert!(truth(src, &TestCtx::new().current("yes")));
        assert!(truth(src, &TestCtx::new().current("no maybe")));
        assert!(!truth(src, &TestCtx::new().current("no yes")));
    }

    #[test]
    fn choice_filter_compares_a_choice_column_with_an_answer() {
        let expr = parse("state=${selected_state}").expect("parses");
        assert_eq!(expr.references(), vec!["selected_state".to_owned()]);
        let ctx = TestCtx::new().field("selected_state", "ca").path("state", "ca");
        assert_eq!(expr.eval(&ctx), Value::Bool(true));
        let ctx = TestCtx::new().field("selected_state", "ca").path("state", "ny");
        assert_eq!(expr.eval(&ctx), Value::Bool(false));
    }

    #[test]
    fn typographic_quotes_work_in_a_real_relevant_expression() {
        let src = "${dispose}!=’area’ and ${dispose}!=’yourself’";
        assert!(truth(src, &TestCtx::new().field("dispose", "burn")));
        assert!(!truth(src, &TestCtx::new().field("dispose", "area")));
        assert!(!truth(src, &TestCtx::new().field("dispose", "yourself")));
    }

    #[test]
    fn a_trailing_space_after_a_typographic_string_is_fine() {
        let src = "${roads}=’dissatisfied’ or ${roads}=’verydissatisfied’ ";
        assert!(truth(src, &TestCtx::new().field("roads", "dissatisfied")));
        assert!(truth(src, &TestCtx::new().field("roads", "verydissatisfied")));
        assert!(!truth(src, &TestCtx::new().field("roads", "satisfied")));
    }

    #[test]
    fn a_bare_name_on_the_right_is_a_choice_column_not_a_string() {
        let expr = parse("pastel=yes").expect("parses like pyxform does");
        assert!(expr.references().is_empty());
        // `yes` is the choice's (absent) column `yes`, not the text 'yes'.
        let ctx = TestCtx::new().path("pastel", "yes");
        assert_eq!(expr.eval(&ctx), Value::Bool(false));
        let ctx = TestCtx::new().path("pastel", "").path("yes", "");
        assert_eq!(expr.eval(&ctx), Value::Bool(true));
    }

    // --- references and serialization ---

    #[test]
    fn references_lists_each_field_once_in_order() {
        let expr = parse("if(${b} > 1, concat(${a}, ${b}), -${c}) and regex(${d}, 'x') or state = ${a}")
            .expect("parses");
        assert_eq!(expr.references(), ["b", "a", "c", "d"]);
        assert!(parse(". > 1").expect("parses").references().is_empty());
    }

    #[test]
    fn expressions_serialize_as_their_source_text() {
        let expr = parse("selected(${x}, 'yes')").expect("parses");
        let json = serde_json::to_string(&expr).expect("serializes");
        assert_eq!(json, r#""selected(${x}, 'yes')""#);
        let back: Expr = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, expr);
        assert_eq!(back.to_string(), "selected(${x}, 'yes')");
        assert!(serde_json::from_str::<Expr>(r#""foo(1)""#).is_err());
    }

    #[test]
    fn from_str_is_parse() {
        let expr: Expr = "1 + 1".parse().expect("parses");
        assert_eq!(expr, parse("1 + 1").expect("parses"));
        assert_eq!(expr.source(), "1 + 1");
    }

    // --- errors ---

    #[test]
    fn unknown_functions_are_rejected_by_name() {
        let e = error("foo(1)");
        assert_eq!((e.position, e.message.as_str()), (1, "unknown function 'foo'"));
        assert_eq!(e.to_string(), "unknown function 'foo' (at character 1)");
        assert_eq!(error("1 + Not(1)").message, "unknown function 'Not'");
        assert_eq!(error("1 + Not(1)").position, 5);
    }

    #[test]
    fn wrong_argument_counts_are_rejected() {
        let e = error("selected(.)");
        assert_eq!((e.position, e.message.as_str()), (1, "'selected' takes 2 arguments, got 1"));
        assert_eq!(error("today(1)").message, "'today' takes no arguments, got 1");
        assert_eq!(error("not()").message, "'not' takes 1 argument, got 0");
        assert_eq!(error("round(1, 2, 3)").message, "'round' takes 1 or 2 arguments, got 3");
        assert_eq!(error("if(1, 2)").message, "'if' takes 3 arguments, got 2");
        assert_eq!(error("x = string-length(1, 2)").position, 5);
    }

    #[test]
    fn stray_characters_are_reported_where_they_are() {
        let e = error("1 # 2");
        assert_eq!((e.position, e.message.as_str()), (3, "unexpected character '#'"));
        assert_eq!(error("1 == 1").message, "'==' is not an operator; use '='");
        assert_eq!(error("!x").message, "unexpected character '!' (use '!=' or not(…))");
        assert_eq!(error("/data/x = 1").position, 1);
        assert_eq!(error(". = ..").message, "'..' (parent step) is not supported");
        assert_eq!(error("$x").message, "expected '{' after '$'");
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        // “é” is 3 characters but 7 bytes; the `#` is character 7.
        assert_eq!(error("“é” = #").position, 7);
    }

    #[test]
    fn unbalanced_parentheses_are_reported() {
        let e = error("(1 + 2");
        assert_eq!((e.position, e.message.as_str()), (1, "unbalanced parentheses: '(' is never closed"));
        let e = error("1 + 2)");
        assert_eq!((e.position, e.message.as_str()), (6, "unbalanced parentheses: unexpected ')'"));
        let e = error("not(selected(., 'yes')");
        assert_eq!((e.position, e.message.as_str()), (4, "unbalanced parentheses: 'not(' is never closed"));
        assert_eq!(error(")").message, "unbalanced parentheses: unexpected ')'");
        assert_eq!(error("(1 2)").message, "expected an operator, found number 2");
    }

    #[test]
    fn unterminated_strings_and_references_are_reported() {
        let e = error(". = 'abc");
        assert_eq!((e.position, e.message.as_str()), (5, "unterminated string"));
        assert_eq!(error("‘abc").message, "unterminated string");
        assert_eq!(error("'abc’").message, "unterminated string");
        let e = error("1 + ${abc");
        assert_eq!((e.position, e.message.as_str()), (5, "unterminated reference: missing '}'"));
        assert_eq!(error("${}").message, "empty reference '${}'");
        assert_eq!(error("${a b}").message, "invalid question name 'a b' in '${…}'");
    }

    #[test]
    fn incomplete_expressions_are_reported() {
        assert_eq!(error("").message, "empty expression");
        assert_eq!(error("   ").message, "empty expression");
        let e = error("1 +");
        assert_eq!((e.position, e.message.as_str()), (4, "unexpected end of expression"));
        assert_eq!(error("= 1").message, "expected a value, found '='");
        assert_eq!(error("f(1,)").message, "unknown function 'f'");
        assert_eq!(error("concat(1,)").message, "expected a value, found ')'");
        assert_eq!(error("()").message, "expected a value, found ')'");
        assert_eq!(error("(1))").message, "unbalanced parentheses: unexpected ')'");
        assert_eq!(error("concat(1 2)").message, "expected an operator, found number 2");
        assert_eq!(error("'a' 'b'").message, "expected an operator, found string 'b'");
        assert_eq!(error("pastel = yes no").message, "expected an operator, found 'no'");
        assert_eq!(error("1, 2").message, "unexpected ','");
    }

    #[test]
    fn an_invalid_regex_literal_is_a_parse_error_at_the_pattern() {
        let e = error("regex(., '(abc')");
        assert_eq!(e.position, 10);
        assert!(e.message.starts_with("invalid regular expression: "), "{}", e.message);
        assert!(!e.message.contains('\n'));
        assert!(error("regex(., 'a{1000}{1000}')").message.contains("too large"));
    }

    #[test]
    fn overly_large_numbers_are_rejected() {
        let src = format!("1{}", "0".repeat(400));
        assert_eq!(error(&src).message, "number is too large");
    }

    #[test]
    fn deep_nesting_is_rejected_instead_of_overflowing_the_stack() {
        let deep_parens = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(error(&deep_parens).message.contains("nested too deeply"));
        let long_chain = format!("{}1", "1 + ".repeat(100_000));
        assert!(error(&long_chain).message.contains("nested too deeply"));
        let negations = format!("{}1", "-".repeat(100_000));
        assert!(error(&negations).message.contains("nested too deeply"));
        let calls = format!("{}1{}", "not(".repeat(100_000), ")".repeat(100_000));
        assert!(error(&calls).message.contains("nested too deeply"));
        // A long but realistic chain still parses.
        let options = (0..150).map(|i| format!("${{x}} = '{i}'")).collect::<Vec<_>>().join(" or ");
        let ctx = TestCtx::new().field("x", "149");
        assert!(truth(&options, &ctx));
        let nested = format!("{}1{}", "not(".repeat(150), ")".repeat(150));
        assert!(truth(&nested, &ctx));
    }

    // --- properties ---

    /// A well-formed expression, as source text.
    fn expression_source() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            (0u32..1000).prop_map(|n| n.to_string()),
            (0u32..1000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
            "[a-z0-9 ]{0,8}".prop_map(|s| format!("'{s}'")),
            "[a-z ]{0,8}".prop_map(|s| format!("“{s}”")),
            "[a-z][a-z0-9_]{0,5}".prop_map(|s| format!("${{{s}}}")),
            "[a-z]{1,6}".prop_map(|s| format!("c_{s}")),
            Just(".".to_owned()),
            Just("today()".to_owned()),
            Just("true()".to_owned()),
            Just("'2024-01-31'".to_owned()),
        ];
        let binary_op = prop::sample::select(vec![
            "or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod",
        ]);
        let unary_fn = prop::sample::select(vec![
            "not",
            "count-selected",
            "string-length",
            "number",
            "string",
            "int",
            "round",
            "boolean",
        ]);
        let binary_fn = prop::sample::select(vec![
            "selected",
            "regex",
            "coalesce",
            "round",
            "contains",
            "starts-with",
            "ends-with",
        ]);
        leaf.prop_recursive(5, 64, 4, move |inner| {
            prop_oneof![
                (inner.clone(), binary_op.clone(), inner.clone())
                    .prop_map(|(a, op, b)| format!("{a} {op} {b}")),
                inner.clone().prop_map(|a| format!("({a})")),
                inner.clone().prop_map(|a| format!("-{a}")),
                (unary_fn.clone(), inner.clone()).prop_map(|(f, a)| format!("{f}({a})")),
                (binary_fn.clone(), inner.clone(), inner.clone())
                    .prop_map(|(f, a, b)| format!("{f} ({a}, {b})")),
                (inner.clone(), inner.clone(), inner.clone())
                    .prop_map(|(a, b, c)| format!("if({a}, {b}, {c})")),
                prop::collection::vec(inner, 0..4).prop_map(|args| format!("concat({})", args.join(", "))),
            ]
        })
    }

    proptest! {
        #[test]
        fn parse_never_panics_on_arbitrary_text(src in "\\PC{0,64}") {
            if let Ok(expr) = parse(&src) {
                let _ = expr.eval(&TestCtx::new().current(&src));
            }
        }

        #[test]
        fn parse_never_panics_on_expression_like_text(
            src in "[ a-z0-9$.{}()'\"‘’“”,=!<>+*/#-]{0,48}"
        ) {
            if let Ok(expr) = parse(&src) {
                let _ = expr.eval(&TestCtx::new());
                let _ = expr.references();
            }
        }

        #[test]
        fn well_formed_expressions_parse_and_evaluate(
            src in expression_source(),
            answer in "[a-z0-9 .-]{0,10}",
        ) {
            let expr = parse(&src).map_err(|e| TestCaseError::fail(format!("{src:?}: {e}")))?;
            let ctx = TestCtx::new().current(&answer).field("a", &answer).path("c_a", &answer);
            let value = expr.eval(&ctx);
            let _ = (value.as_bool(), value.as_num(), value.as_string());
            let json = serde_json::to_string(&expr).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back: Expr = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, expr);
        }
    }
}
