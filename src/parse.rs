//! Parsing with swc, keeping comments.
//!
//! One parse per pass. Every parse builds its own `SourceFile` and comment store, so files can be
//! handled on any rayon thread without shared state. Offsets handed out from here are byte offsets
//! into the text that was parsed (swc's positions start at 1; [`Parsed::offset`] removes that).

use swc_common::comments::SingleThreadedComments;
use swc_common::{BytePos, FileName, SourceFile, Span, Spanned};
use swc_ecma_ast::{EsVersion, Module, Program};
use swc_ecma_parser::{EsSyntax, Syntax};

/// A parsed source text.
pub struct Parsed {
    pub program: Program,
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
    pub message: String,
}

fn source_file(text: &str) -> SourceFile {
    let name = std::rc::Rc::new(FileName::Anon);
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

/// Parses a V1 source (a CommonJS script) or a partly migrated one (an ES module). Errors the
/// parser recovers from count as errors: rules must never work on a guessed tree.
pub fn parse_program(text: &str) -> Result<Parsed, SyntaxError> {
    let fm = source_file(text);
    let comments = SingleThreadedComments::default();
    let mut recovered = Vec::new();
    let result = swc_ecma_parser::parse_file_as_program(
        &fm,
        syntax(),
        EsVersion::latest(),
        Some(&comments),
        &mut recovered,
    );
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

/// Parses a text as an ES module (strict mode, `import`/`export` allowed): the check every
/// migrated file must pass before it is written.
pub fn parse_module(text: &str) -> Result<Module, SyntaxError> {
    let fm = source_file(text);
    let mut recovered = Vec::new();
    let result = swc_ecma_parser::parse_file_as_module(
        &fm,
        syntax(),
        EsVersion::latest(),
        None,
        &mut recovered,
    );
    match result {
        Ok(module) => first_error(&fm, Ok(()), recovered).map(|_| module),
        Err(error) => first_error(&fm, Err(error), recovered).map(|_| unreachable!()),
    }
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

    #[test]
    fn module_check_rejects_sloppy_only_code() {
        assert!(parse_module("with (a) { b }").is_err());
        assert!(parse_module("import x from 'y'; x();").is_ok());
    }
}
