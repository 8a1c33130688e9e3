//! Credentials in a URL (`https://user:password@host/…`). request took them out of the URL and
//! sent `Authorization: Basic base64(user:password)` (unless the headers already had an
//! `Authorization`), with percent-escapes decoded (request 2.88.2 `request.js`, `self.uri.auth`);
//! fetch refuses to build a request from such a URL.

use super::options::{self, Vars};
use crate::semantic::BindingId;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// What the known text of a URL says about credentials.
#[derive(Debug, PartialEq, Eq)]
pub enum Scan {
    /// No credentials, or a URL whose authority is not known here (an ordinary URL built at run
    /// time).
    None,
    /// `user:password` as written (percent-escapes not decoded).
    Known(String),
    /// The authority holds an `@`, but part of the user-info before it is only known at run
    /// time.
    RunTime,
}

/// Reads the pieces of a URL (known text, `None` for a piece known only at run time).
pub fn scan(pieces: &[Option<String>]) -> Scan {
    let Some(Some(first)) = pieces.first() else {
        return Scan::None;
    };
    let Some(after_scheme) = scheme_end(first) else {
        return Scan::None;
    };
    // The authority runs to the first `/`, `?`, `#` or `\` (WHATWG's special schemes); the
    // user-info to its last `@`.
    let mut user_info = String::new();
    let mut dynamic = false;
    let mut at_seen: Option<(String, bool)> = None;
    let mut rest = vec![Some(first[after_scheme..].to_string())];
    rest.extend(pieces[1..].iter().cloned());
    'pieces: for piece in rest {
        match piece {
            None => {
                dynamic = true;
                user_info.push('\u{0}');
            }
            Some(text) => {
                for c in text.chars() {
                    if matches!(c, '/' | '?' | '#' | '\\') {
                        break 'pieces;
                    }
                    if c == '@' {
                        at_seen = Some((user_info.clone(), dynamic));
                    }
                    user_info.push(c);
                }
            }
        }
    }
    match at_seen {
        None => Scan::None,
        Some((_, true)) => Scan::RunTime,
        Some((info, false)) if info.is_empty() => Scan::None,
        Some((info, false)) => Scan::Known(info),
    }
}

/// The offset after `scheme://` when `text` starts with one.
fn scheme_end(text: &str) -> Option<usize> {
    let colon = text.find("://")?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(colon + 3)
}

/// The `user:password` request sent for user-info written `info`: percent-escapes decoded, and
/// a `:` added when there is no password. `None` when decoding would not give the same text as
/// request's (an escape that is not UTF-8, or one that decodes to another escape, which request
/// decoded twice).
pub fn decoded(info: &str) -> Option<String> {
    let bytes = info.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = info.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    if info.contains('%') && text.contains('%') {
        return None;
    }
    Some(if text.contains(':') {
        text
    } else {
        format!("{text}:")
    })
}

/// Where the user-info is written, to take it out of the URL.
pub enum Place {
    /// In the URL expression at the call (or in the `uri` moved to it): the range of
    /// `user:password@` in the source.
    AtCall(Range<usize>),
    /// In the string constant the URL starts with: its binding and the range of
    /// `user:password@` in the source.
    Constant(BindingId, Range<usize>),
}

/// Finds where the user-info `info` of `url` is written: in the string or template literal the
/// URL starts with, at the call or in the constant it names. `None` when it is written some
/// other way (with escapes, or across pieces).
pub fn place(
    source: &str,
    parsed: &crate::parse::Parsed,
    vars: &Vars,
    url: &Expr,
    info: &str,
) -> Option<Place> {
    let mut leaf = leftmost(url);
    let mut binding = None;
    if let Expr::Ident(i) = leaf {
        let init = vars.string(i)?;
        binding = Some(vars.binding(i)?);
        leaf = leftmost(init);
    }
    let text_start = match leaf {
        Expr::Lit(Lit::Str(s)) => parsed.range(s.span).start + 1,
        Expr::Tpl(t) => parsed.range(t.quasis.first()?.span).start,
        _ => return None,
    };
    let text = &source[text_start..];
    let after_scheme = scheme_end(text)?;
    let written = format!("{info}@");
    if !text[after_scheme..].starts_with(&written) {
        return None;
    }
    let range = text_start + after_scheme..text_start + after_scheme + written.len();
    // The known text agrees with the source: no escape hides another character.
    if options::static_string(leaf, vars, 0).is_some_and(|v| !v.contains(&written)) {
        return None;
    }
    Some(match binding {
        Some(b) => Place::Constant(b, range),
        None if parsed.range(url.span()).contains(&range.start) => Place::AtCall(range),
        None => return None,
    })
}

/// The expression a URL starts with: through parentheses and the left side of `+`.
fn leftmost(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => leftmost(&p.expr),
        Expr::Bin(b) if b.op == BinaryOp::Add => leftmost(&b.left),
        e => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(p: &[Option<&str>]) -> Vec<Option<String>> {
        p.iter().map(|p| p.map(str::to_string)).collect()
    }

    #[test]
    fn credentials_are_read_from_the_known_authority() {
        let known = |p: &[Option<&str>]| scan(&pieces(p));
        assert_eq!(
            known(&[Some("https://key:secret@h.example.com/x")]),
            Scan::Known("key:secret".into())
        );
        assert_eq!(
            known(&[Some("https://u:p@h.example.com/"), None]),
            Scan::Known("u:p".into())
        );
        assert_eq!(known(&[Some("https://h.example.com/a@b")]), Scan::None);
        assert_eq!(known(&[Some("https://h.example.com?x=a@b")]), Scan::None);
        assert_eq!(known(&[Some("https://"), None, Some("/x")]), Scan::None);
        assert_eq!(
            known(&[Some("https://"), None, Some(":"), None, Some("@h/x")]),
            Scan::RunTime
        );
        assert_eq!(
            known(&[Some("https://key:"), None, Some("@h")]),
            Scan::RunTime
        );
        assert_eq!(known(&[None, Some("https://u:p@h")]), Scan::None);
        assert_eq!(known(&[Some("/relative/a@b")]), Scan::None);
        assert_eq!(known(&[Some("https://@h/")]), Scan::None);
    }

    #[test]
    fn user_info_is_decoded_as_request_did() {
        assert_eq!(decoded("key:secret").as_deref(), Some("key:secret"));
        assert_eq!(decoded("user").as_deref(), Some("user:"));
        assert_eq!(decoded("a%40b:p%3Aq").as_deref(), Some("a@b:p:q"));
        assert_eq!(decoded("a%2540b:p"), None);
        assert_eq!(decoded("a%zz:p"), None);
    }
}
