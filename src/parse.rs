//! Parsing with swc, keeping comments.
//!
//! One parse per pass. Every parse builds its own `SourceFile` and comment store, so files can be
//! handled on any thread without shared state. Offsets handed out from here are byte offsets
//! into the text that was parsed (swc's positions start at 1; [`Parsed::offset`] removes that).

use swc_common::comments::SingleThreadedComments;
use swc_common::{BytePos, FileName, SourceFile, Span, Spanned};
use swc_ecma_ast::{EsVersion, Module, Program};
use swc_ecma_parser::{EsSyntax, Syntax};

/// A parsed source text.
pub struct Parsed {
    /// The syntax tree (a script or a module, whichever the text parses as).
    pub program: Program,
    /// The comments, by position.
    pub comments: SingleThreadedComments,
    start: BytePos,
}

impl Parsed {
    /// Byte offset in the parsed text of a swc position.
    pub fn offset(&self, pos: BytePos) -> usize {
        (pos.0 - self.start.0) as usize
    }

    /// Byte range in the parsed text of a span. Never call this with a span of a node built in
    /// code (a dummy span).
    pub fn range(&self, span: Span) -> std::ops::Range<usize> {
        debug_assert!(!span.is_dummy(), "dummy span");
        self.offset(span.lo)..self.offset(span.hi)
    }

    /// The swc position of a byte offset of the parsed text.
    pub fn pos(&self, offset: usize) -> BytePos {
        BytePos(self.start.0 + offset as u32)
    }
}

/// A syntax error: where and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// The parser's message.
    pub message: String,
}

fn source_file(text: &str) -> SourceFile {
    let name = swc_common::sync::Lrc::new(FileName::Anon);
    SourceFile::new(
        name.clone(),
        false,
        name,
        text.to_owned().into(),
        BytePos(1),
    )
}

fn syntax() -> Syntax {
    Syntax::Es(EsSyntax {
        allow_return_outside_function: false,
        ..Default::default()
    })
}

fn first_error(
    fm: &SourceFile,
    result: Result<(), swc_ecma_parser::error::Error>,
    recovered: Vec<swc_ecma_parser::error::Error>,
) -> Result<(), SyntaxError> {
    let error = match result {
        Err(error) => error,
        Ok(()) => match recovered.into_iter().min_by_key(|e| e.span().lo) {
            Some(error) => error,
            None => return Ok(()),
        },
    };
    Err(SyntaxError {
        offset: error.span().lo.0.saturating_sub(fm.start_pos.0) as usize,
        message: error.kind().msg().into_owned(),
    })
}

/// Runs the parser; the parser itself panics on a few malformed inputs (a `debug_assert!` of
/// swc's parser, so only in builds with debug assertions: an import attribute without its `{`):
/// that is a syntax error of the input, without a place.
fn guarded<T>(parse: impl FnOnce() -> T) -> Result<T, SyntaxError> {
    crate::panics::catch(parse).map_err(|panic| SyntaxError {
        offset: 0,
        message: format!("the parser gave up on this file ({panic})"),
    })
}

/// Parses a V1 source (a CommonJS script) or a partly migrated one (an ES module). Errors the
/// parser recovers from count as errors: rules must never work on a guessed tree.
pub fn parse_program(text: &str) -> Result<Parsed, SyntaxError> {
    let fm = source_file(text);
    let comments = SingleThreadedComments::default();
    let mut recovered = Vec::new();
    let result = guarded(|| {
        swc_ecma_parser::parse_file_as_program(
            &fm,
            syntax(),
            EsVersion::latest(),
            Some(&comments),
            &mut recovered,
        )
    })?;
    match result {
        Ok(program) => {
            first_error(&fm, Ok(()), recovered)?;
            Ok(Parsed {
                program,
                comments,
                start: fm.start_pos,
            })
        }
        Err(error) => first_error(&fm, Err(error), recovered).map(|_| unreachable!()),
    }
}

/// Parses a text as an ES module (strict mode, `import`/`export` allowed): the grammar every
/// migrated file must have before it is written.
pub fn parse_module(text: &str) -> Result<Module, SyntaxError> {
    match parse_module_program(text)?.program {
        Program::Module(module) => Ok(module),
        Program::Script(_) => unreachable!("parsed as a module"),
    }
}

/// [`parse_module`], keeping where the text starts (no comments are kept).
pub fn parse_module_program(text: &str) -> Result<Parsed, SyntaxError> {
    let fm = source_file(text);
    let mut recovered = Vec::new();
    let result = guarded(|| {
        swc_ecma_parser::parse_file_as_module(
            &fm,
            syntax(),
            EsVersion::latest(),
            None,
            &mut recovered,
        )
    })?;
    match result {
        Ok(module) => first_error(&fm, Ok(()), recovered).map(|_| Parsed {
            program: Program::Module(module),
            comments: SingleThreadedComments::default(),
            start: fm.start_pos,
        }),
        Err(error) => first_error(&fm, Err(error), recovered).map(|_| unreachable!()),
    }
}

/// How deeply a text nests brackets (`(`, `[`, `{`), and where it first gets that deep. Brackets
/// in comments and in quoted strings do not count; those in template literals and regular
/// expressions do (an overestimate at worst). Parsing and visiting recurse once or more per
/// level, so the engine uses this to refuse absurd nesting and to give deep files a large stack.
pub fn nesting_depth(text: &str) -> (usize, usize) {
    // The bytes the scan stops at; everything else is skipped in a tight loop.
    const STOP: [bool; 256] = {
        let mut stop = [false; 256];
        let mut k = 0;
        let bytes = b"()[]{}/\"'";
        while k < bytes.len() {
            stop[bytes[k] as usize] = true;
            k += 1;
        }
        stop
    };
    let bytes = text.as_bytes();
    let (mut depth, mut max, mut at) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !STOP[bytes[i] as usize] {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        match bytes[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    at = i;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 1);
            }
            quote @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        i += 1;
    }
    (max, at)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_modules_parse_with_offsets_from_zero() {
        let parsed = parse_program("var x = 1; // hi\n").unwrap();
        assert!(matches!(parsed.program, Program::Script(_)));
        assert_eq!(parsed.range(parsed.program.span()), 0..10);
        assert!(parse_program("import a from 'a';").is_ok());
    }

    #[test]
    fn errors_carry_offset_and_message() {
        let Err(err) = parse_program("let a = ;\n") else {
            panic!("parsed")
        };
        assert_eq!(err.offset, 8);
        assert!(!err.message.is_empty());
    }

    /// The engine skips its final [`parse_module`] when the last pass parsed the text as a
    /// module: swc's program parser only calls a program a module when it has module syntax, and
    /// then applies the module grammar, strict mode included, and reports its errors.
    #[test]
    fn a_program_parsed_as_a_module_is_a_valid_module() {
        let cases = [
            "with (a) { b }",
            "delete x;",
            "010;",
            "'\\010';",
            "var x = 08;",
            "arguments = 1;",
            "var eval = 1;",
            "var await = 1;",
            "var let = 1;",
            "var yield = 1;",
            "var static = 1;",
            "<!-- x\n",
            "x\n--> y\n",
            "label: function f() {}",
            "if (a) function f() {}",
            "f(function () { 'use strict'; with (a) {} });",
            "return 1;",
            "await x;",
            "for await (const x of y) {}",
            "export { zz };",
            "import.meta.url;",
            "function f() { return 1 }",
        ];
        for case in cases {
            for text in [case.to_string(), format!("import a from 'b';\n{case}\n")] {
                let program = parse_program(&text);
                let module = parse_module(&text);
                if let Ok(Parsed {
                    program: Program::Module(_),
                    ..
                }) = program
                {
                    assert!(module.is_ok(), "{text:?} is a module to one parser only");
                }
                if text.starts_with("import") {
                    assert_eq!(program.is_ok(), module.is_ok(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn nesting_depth_counts_brackets_outside_comments_and_strings() {
        assert_eq!(nesting_depth(""), (0, 0));
        assert_eq!(nesting_depth("f(a[{}]);"), (3, 4));
        assert_eq!(
            nesting_depth("// ((((\n'((((' \"[[\\\"[\" /* {{{ */ (x)"),
            (1, 33)
        );
        assert_eq!(nesting_depth("))) ("), (1, 4));
        assert_eq!(nesting_depth(&"[".repeat(5000)).0, 5000);
    }

    /// On these texts swc's parser stops at a `debug_assert!` (`assert_and_bump`: "expected {,
    /// got type"), which only builds with debug assertions; without them it skips the token and
    /// reports an ordinary syntax error. Either way the text is a syntax error, never a crash.
    #[test]
    fn a_parser_panic_is_a_syntax_error() {
        for text in [
            "import d from './d.json' with type: 'json' };\n",
            "import d from './d.json' with  type {: 'json' };\n",
        ] {
            let error = parse_program(text).err().expect("a syntax error");
            assert_eq!(
                error.message.starts_with("the parser gave up on this file"),
                cfg!(debug_assertions),
                "{error:?}"
            );
            assert!(parse_module(text).is_err());
        }
    }

    #[test]
    fn module_check_rejects_sloppy_only_code() {
        assert!(parse_module("with (a) { b }").is_err());
        assert!(parse_module("import x from 'y'; x();").is_ok());
    }
}
