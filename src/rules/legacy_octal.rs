//! ## What it does
//! Rewrites the number and string syntax that only sloppy-mode scripts accept into the
//! spelling of the same value that a strict module accepts:
//!
//! - a legacy octal integer `010` becomes `0o10` (the same number, 8);
//! - a decimal integer written with a leading zero, `08` or `09.5`, loses the zero (`8`, `9.5`);
//! - a legacy octal escape in a string, `"\01"` or `"\101"`, becomes the hexadecimal escape of
//!   the same character (`"\x01"`, `"\x41"`), and `"\8"`/`"\9"` become `"8"`/`"9"`.
//!
//! ## Why V2 needs it
//! V1 ran the function as a sloppy CommonJS script; V2 loads it as an ES module, which is always
//! strict, and a strict module with any of these does not even load (`Octal literals are not
//! allowed in strict mode`). The rewritten spellings mean the same value in both.
//!
//! ## Example
//! ```js
//! // before
//! const mode = 0644;
//! const bell = "\07";
//! // after
//! const mode = 0o644;
//! const bell = "\x07";
//! ```
//!
//! ## Limits
//! Template literals are left alone (an octal escape is an error in them in every mode). Other
//! sloppy-only syntax (`with`, `delete name`) is not rewritten: such a file is reported as not
//! valid as an ES module.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "legacy-octal",
    class: FixClass::Auto,
    summary: "legacy octal numbers (`010`) and escapes (`\"\\01\"`) become `0o10` and `\"\\x01\"`, the same value in a strict module",
    // A backslash before a digit, or a number that starts with `0` and a digit (the `0` not part
    // of a name or of a longer number: `100` and `1.05` are not).
    applies: |source| {
        let bytes = source.as_bytes();
        let starts_number = |i: usize| {
            i == 0 || {
                let p = bytes[i - 1];
                !(p.is_ascii_alphanumeric() || matches!(p, b'_' | b'$' | b'.'))
            }
        };
        bytes.windows(2).enumerate().any(|(i, w)| {
            w[1].is_ascii_digit() && (w[0] == b'\\' || (w[0] == b'0' && starts_number(i)))
        })
    },
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("legacy_octal.rs"),
};

fn check(cx: &mut Context) {
    let mut visitor = Literals {
        cx,
        edits: Vec::new(),
    };
    visitor.cx.parsed.program.visit_with(&mut visitor);
    let Literals { cx, edits } = visitor;
    for (range, text) in edits {
        cx.new_fix();
        cx.replace(range, text);
    }
}

struct Literals<'c, 'a> {
    cx: &'c mut Context<'a>,
    edits: Vec<(std::ops::Range<usize>, String)>,
}

impl Visit for Literals<'_, '_> {
    fn visit_number(&mut self, n: &Number) {
        let range = self.cx.range(n.span);
        if let Some(text) = strict_number(&self.cx.source[range.clone()]) {
            self.edits.push((range, text));
        }
    }

    fn visit_str(&mut self, s: &Str) {
        let range = self.cx.range(s.span);
        if let Some(text) = strict_string(&self.cx.source[range.clone()]) {
            self.edits.push((range, text));
        }
    }

    fn visit_tpl(&mut self, _: &Tpl) {}

    fn visit_tagged_tpl(&mut self, t: &TaggedTpl) {
        t.tag.visit_with(self);
    }
}

/// The strict spelling of a number literal written `0` + digits, if it is one.
fn strict_number(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('0')?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if rest.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return Some(format!("0o{rest}"));
    }
    // A decimal with leading zeros (`08`, `09.5`, `019e2`): the same number without them.
    let trimmed = rest.trim_start_matches('0');
    Some(if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        trimmed.to_string()
    } else {
        format!("0{trimmed}")
    })
}

/// The strict spelling of a string literal (quotes included) with legacy octal escapes or `\8`,
/// `\9`, if it has any.
fn strict_string(raw: &str) -> Option<String> {
    if !raw.contains('\\') {
        return None;
    }
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut changed = false;
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' || i + 1 >= bytes.len() {
            i += 1;
            continue;
        }
        let next = bytes[i + 1];
        let octal = |b: u8| (b'0'..=b'7').contains(&b);
        let (len, replacement) = match next {
            b'0' if !bytes.get(i + 2).is_some_and(u8::is_ascii_digit) => (2, None),
            b'8' | b'9' => (2, Some((next as char).to_string())),
            b'0'..=b'7' => {
                // LegacyOctalEscapeSequence: up to three digits, the value at most 0o377.
                let max = if next <= b'3' { 3 } else { 2 };
                let mut end = i + 2;
                while end < bytes.len() && end - (i + 1) < max && octal(bytes[end]) {
                    end += 1;
                }
                let value = u32::from_str_radix(&raw[i + 1..end], 8).expect("octal digits");
                (end - i, Some(format!("\\x{value:02x}")))
            }
            _ => (2, None),
        };
        if let Some(text) = replacement {
            out.push_str(&raw[copied..i]);
            out.push_str(&text);
            copied = i + len;
            changed = true;
        }
        // Skip the escaped character (a multi-byte one is copied with the text around it).
        i += len;
    }
    changed.then(|| {
        out.push_str(&raw[copied..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(strict_number("010").as_deref(), Some("0o10"));
        assert_eq!(strict_number("00").as_deref(), Some("0o0"));
        assert_eq!(strict_number("0644").as_deref(), Some("0o644"));
        assert_eq!(strict_number("08").as_deref(), Some("8"));
        assert_eq!(strict_number("0089").as_deref(), Some("89"));
        assert_eq!(strict_number("09.5").as_deref(), Some("9.5"));
        assert_eq!(strict_number("019e2").as_deref(), Some("19e2"));
        for fine in ["0", "0.5", "0x10", "0o10", "0b1", "10", "0e1"] {
            assert_eq!(strict_number(fine), None, "{fine}");
        }
    }

    #[test]
    fn strings() {
        assert_eq!(strict_string(r#""\01""#).as_deref(), Some(r#""\x01""#));
        assert_eq!(strict_string(r"'a\101b'").as_deref(), Some(r"'a\x41b'"));
        assert_eq!(strict_string(r"'\377\400'").as_deref(), Some(r"'\xff\x200'"));
        assert_eq!(strict_string(r"'\08'").as_deref(), Some(r"'\x008'"));
        assert_eq!(strict_string(r"'\8\9'").as_deref(), Some("'89'"));
        assert_eq!(strict_string(r"'é\7'").as_deref(), Some(r"'é\x07'"));
        for fine in [r"'\0'", r"'\\01'", r"'\x01'", r"'\n'", "'plain'", r"'\0a'"] {
            assert_eq!(strict_string(fine), None, "{fine}");
        }
    }
}
