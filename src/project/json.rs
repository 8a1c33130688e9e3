//! A JSON document as a tree with byte ranges, for rules that edit the text in place.
//!
//! [`parse`] first validates the text with `serde_json` (the judge of what is JSON, with its
//! line/column errors), then reads the tree and its byte ranges from swc: valid JSON is a valid
//! JavaScript expression, so `parse_file_as_expr` gives object and array literals with spans.
//! Strings are decoded by `serde_json` from their exact source text.
//!
//! [`member_removal`] and [`Layout`] are the helpers rules use to edit the text so the result
//! looks like the rest of the file (its indentation and line endings).

use crate::line_index::{LineIndex, Location};
use std::ops::Range;
use swc_common::{BytePos, FileName, SourceFile, Spanned};
use swc_ecma_ast::{EsVersion, Expr, Lit, ObjectLit, Prop, PropName, PropOrSpread, UnaryOp};
use swc_ecma_parser::{EsSyntax, Syntax};

/// A JSON value and where it is in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// Byte range of the whole value (for a string, with its quotes).
    pub range: Range<usize>,
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Object(Vec<Member>),
    Array(Vec<Value>),
    /// The decoded string.
    String(String),
    Number,
    Bool(bool),
    Null,
}

/// `"key": value` in an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The decoded key.
    pub key: String,
    /// Byte range of the key, with its quotes.
    pub key_range: Range<usize>,
    pub value: Value,
}

impl Value {
    /// The members of an object (empty for any other value).
    pub fn members(&self) -> &[Member] {
        match &self.kind {
            Kind::Object(members) => members,
            _ => &[],
        }
    }

    /// The member named `key`. When a key is repeated the last one counts, as in `JSON.parse`.
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.members().iter().rev().find(|m| m.key == key)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match &self.kind {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// What kind of value this is, for messages.
    pub fn describe(&self) -> &'static str {
        match self.kind {
            Kind::Object(_) => "an object",
            Kind::Array(_) => "an array",
            Kind::String(_) => "a string",
            Kind::Number => "a number",
            Kind::Bool(_) => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// Why a text is not a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    /// Byte offset in the text.
    pub offset: usize,
    pub location: Location,
}

/// Checks that `text` is one JSON document, with `serde_json`.
pub fn validate(text: &str) -> Result<(), JsonError> {
    let Err(error) = serde_json::from_str::<serde_json::Value>(text) else {
        return Ok(());
    };
    let lines = LineIndex::new(text);
    // serde_json counts lines from 1 and columns in bytes from 1 (0 at the start of a line).
    let line = error.line().clamp(1, lines.line_of(text.len()) + 1) - 1;
    let offset = (lines.line_start(line) + error.column().saturating_sub(1)).min(text.len());
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    Err(JsonError {
        message,
        offset,
        location: lines.location(text, offset),
    })
}

/// Parses a JSON document into a tree with byte ranges. The text must be valid JSON
/// ([`validate`] is run first).
pub fn parse(text: &str) -> Result<Value, JsonError> {
    validate(text)?;
    let name = swc_common::sync::Lrc::new(FileName::Anon);
    let fm = SourceFile::new(
        name.clone(),
        false,
        name,
        text.to_owned().into(),
        BytePos(1),
    );
    let mut recovered = Vec::new();
    let unreadable = |message: String, offset: usize| JsonError {
        message,
        offset,
        location: LineIndex::new(text).location(text, offset),
    };
    let expr = swc_ecma_parser::parse_file_as_expr(
        &fm,
        Syntax::Es(EsSyntax::default()),
        EsVersion::latest(),
        None,
        &mut recovered,
    )
    .map_err(|e| {
        let offset = e.span().lo.0.saturating_sub(fm.start_pos.0) as usize;
        unreadable(format!("cannot read this JSON: {}", e.kind().msg()), offset)
    })?;
    if let Some(e) = recovered.first() {
        let offset = e.span().lo.0.saturating_sub(fm.start_pos.0) as usize;
        return Err(unreadable(
            format!("cannot read this JSON: {}", e.kind().msg()),
            offset,
        ));
    }
    let reader = Reader {
        text,
        start: fm.start_pos.0,
    };
    reader
        .value(&expr)
        .map_err(|offset| unreadable("cannot read this JSON value".into(), offset))
}

struct Reader<'a> {
    text: &'a str,
    start: u32,
}

impl Reader<'_> {
    fn range(&self, span: swc_common::Span) -> Range<usize> {
        (span.lo.0 - self.start) as usize..(span.hi.0 - self.start) as usize
    }

    fn string(&self, range: &Range<usize>) -> Result<String, usize> {
        serde_json::from_str(&self.text[range.clone()]).map_err(|_| range.start)
    }

    /// The tree of an expression that came from valid JSON; `Err` holds the offset of anything
    /// else.
    fn value(&self, expr: &Expr) -> Result<Value, usize> {
        let range = self.range(expr.span());
        let kind = match expr {
            Expr::Object(ObjectLit { props, .. }) => {
                let mut members = Vec::with_capacity(props.len());
                for prop in props {
                    let PropOrSpread::Prop(prop) = prop else {
                        return Err(self.range(prop.span()).start);
                    };
                    let Prop::KeyValue(kv) = prop.as_ref() else {
                        return Err(self.range(prop.span()).start);
                    };
                    let PropName::Str(key) = &kv.key else {
                        return Err(self.range(kv.key.span()).start);
                    };
                    let key_range = self.range(key.span);
                    members.push(Member {
                        key: self.string(&key_range)?,
                        key_range,
                        value: self.value(&kv.value)?,
                    });
                }
                Kind::Object(members)
            }
            Expr::Array(array) => {
                let mut items = Vec::with_capacity(array.elems.len());
                for elem in &array.elems {
                    match elem {
                        Some(e) if e.spread.is_none() => items.push(self.value(&e.expr)?),
                        _ => return Err(range.start),
                    }
                }
                Kind::Array(items)
            }
            Expr::Lit(Lit::Str(_)) => Kind::String(self.string(&range)?),
            Expr::Lit(Lit::Num(_)) => Kind::Number,
            Expr::Lit(Lit::Bool(b)) => Kind::Bool(b.value),
            Expr::Lit(Lit::Null(_)) => Kind::Null,
            Expr::Unary(u)
                if u.op == UnaryOp::Minus && matches!(*u.arg, Expr::Lit(Lit::Num(_))) =>
            {
                Kind::Number
            }
            _ => return Err(range.start),
        };
        Ok(Value { range, kind })
    }
}

/// How the file lays out its text: line ending and one level of indentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The line ending the file mostly uses.
    pub eol: &'static str,
    /// One level of indentation: a tab, or the smallest run of spaces that indents a line
    /// (two spaces when no line is indented).
    pub indent: String,
}

impl Layout {
    pub fn detect(text: &str) -> Layout {
        let eol = crate::style::Style::detect(text).eol;
        let mut tabs = 0;
        let mut spaces = 0;
        let mut smallest = usize::MAX;
        for line in text.lines() {
            let body = line.trim_start_matches([' ', '\t']);
            if body.is_empty() {
                continue;
            }
            let lead = &line[..line.len() - body.len()];
            if lead.starts_with('\t') {
                tabs += 1;
            } else if !lead.is_empty() {
                spaces += 1;
                smallest = smallest.min(lead.len());
            }
        }
        let indent = if tabs > spaces {
            "\t".to_string()
        } else if spaces > 0 {
            " ".repeat(smallest)
        } else {
            "  ".to_string()
        };
        Layout { eol, indent }
    }
}

/// A cheap text test for a rule's `applies`: whether `text` may hold an object key `key` (plain
/// ASCII letters). Such a key is written either as it is or with `\u` escapes.
pub fn may_have_key(text: &str, key: &str) -> bool {
    text.contains(key) || text.contains("\\u")
}

/// The offset where the line holding `offset` starts.
pub fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Whether only spaces and tabs stand before `offset` on its line.
pub fn starts_line(text: &str, offset: usize) -> bool {
    text[line_start(text, offset)..offset]
        .chars()
        .all(|c| c == ' ' || c == '\t')
}

/// The spaces and tabs that start the line holding `offset`.
pub fn indent_at(text: &str, offset: usize) -> &str {
    let line = &text[line_start(text, offset)..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// The byte range to delete so that member `index` of `object` disappears with its comma and
/// the rest of the object keeps its layout: a member on lines of its own goes with those lines,
/// an inline one with the comma and space after it (or, if it is last, with the comma before it).
pub fn member_removal(text: &str, object: &Value, index: usize) -> Range<usize> {
    let members = object.members();
    let member = &members[index];
    let start = member.key_range.start;
    if let Some(next) = members.get(index + 1) {
        let next_start = next.key_range.start;
        // The member and the next one each start a line: remove whole lines.
        if starts_line(text, start) && starts_line(text, next_start) {
            return line_start(text, start)..line_start(text, next_start);
        }
        return start..next_start;
    }
    if let Some(previous) = index.checked_sub(1).map(|i| &members[i]) {
        return previous.value.range.end..member.value.range.end;
    }
    // The only member: the object becomes `{}`.
    object.range.start + 1..object.range.end - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_objects_arrays_and_scalars_with_ranges() {
        let text = "{\n  \"a\": [1, -2.5, true, null],\n  \"b\\u0041\": { \"c\": \"x\\\"y\" }\n}\n";
        let root = parse(text).unwrap();
        assert_eq!(root.range, 0..text.len() - 1);
        let members = root.members();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].key, "a");
        assert_eq!(&text[members[0].key_range.clone()], "\"a\"");
        let items = members[0].value.as_array().unwrap();
        assert_eq!(items.len(), 4);
        assert_eq!(&text[items[1].range.clone()], "-2.5");
        assert_eq!(items[2].kind, Kind::Bool(true));
        assert_eq!(items[3].kind, Kind::Null);
        assert_eq!(members[1].key, "bA");
        let c = members[1].value.member("c").unwrap();
        assert_eq!(c.value.as_str(), Some("x\"y"));
        assert_eq!(&text[c.value.range.clone()], "\"x\\\"y\"");
    }

    #[test]
    fn keys_may_be_escaped() {
        assert!(may_have_key(r#"{"event": 1}"#, "event"));
        assert!(!may_have_key(r#"{"name": "x"}"#, "event"));
        let escaped = r#"{"\u0065vent": "Chat Post Survey"}"#;
        assert!(may_have_key(escaped, "event"));
        assert!(parse(escaped).unwrap().member("event").is_some());
    }

    #[test]
    fn the_last_of_a_repeated_key_counts() {
        let root = parse(r#"{"a": 1, "a": "two"}"#).unwrap();
        assert_eq!(root.member("a").unwrap().value.as_str(), Some("two"));
    }

    #[test]
    fn invalid_json_is_located() {
        let text = "{\n  \"a\": 1,\n}\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.message, "trailing comma");
        assert_eq!(error.location.line, 3);
        assert_eq!(&text[error.offset..error.offset + 1], "}");
        let error = parse("// comment\n{}").unwrap_err();
        assert_eq!(error.location.line, 1);
        assert!(parse("{} {}").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn layout_finds_indentation_and_line_endings() {
        assert_eq!(
            Layout::detect("{\n    \"a\": {\n        \"b\": 1\n    }\n}\n").indent,
            "    "
        );
        assert_eq!(Layout::detect("{\n\t\"a\": 1\n}").indent, "\t");
        assert_eq!(Layout::detect("{\"a\": 1}").indent, "  ");
        assert_eq!(Layout::detect("{\r\n  \"a\": 1\r\n}\r\n").eol, "\r\n");
    }

    fn remove(text: &str, index: usize) -> String {
        let root = parse(text).unwrap();
        let range = member_removal(text, &root, index);
        format!("{}{}", &text[..range.start], &text[range.end..])
    }

    #[test]
    fn member_removal_keeps_the_layout() {
        let text = "{\n  \"a\": [\n    1\n  ],\n  \"b\": 2,\n  \"c\": 3\n}\n";
        assert_eq!(remove(text, 0), "{\n  \"b\": 2,\n  \"c\": 3\n}\n");
        assert_eq!(
            remove(text, 1),
            "{\n  \"a\": [\n    1\n  ],\n  \"c\": 3\n}\n"
        );
        assert_eq!(
            remove(text, 2),
            "{\n  \"a\": [\n    1\n  ],\n  \"b\": 2\n}\n"
        );
        assert_eq!(remove("{ \"a\": 1, \"b\": 2 }", 0), "{ \"b\": 2 }");
        assert_eq!(remove("{ \"a\": 1, \"b\": 2 }", 1), "{ \"a\": 1 }");
        assert_eq!(remove("{\n  \"a\": [\"x\"]\n}\n", 0), "{}\n");
        for (text, index) in [(text, 0), (text, 1), (text, 2)] {
            assert!(parse(&remove(text, index)).is_ok());
        }
    }
}
