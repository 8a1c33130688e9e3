//! The code that reads the `Response` as request-promise did: a statement form or an expression.

use super::text::lost_comments;
use super::{Helper, Plan};
use crate::rules::request::forms::{StatementForm, Target};
use crate::rules::Context;
use std::ops::Range;

impl Plan {
    /// The expression that reads the body: `await readJson(response)` or `await response.text()`.
    fn read(&self, response: &str) -> String {
        if self.json {
            format!("await readJson({response})")
        } else {
            format!("await {response}.text()")
        }
    }

    /// What the call resolved with in V1, one line or an object over several (without `headers`
    /// when nothing reads them).
    fn value(&self, response: &str, indent: &str, unit: &str, eol: &str, headers: bool) -> String {
        if self.full {
            let headers = if headers {
                format!("{eol}{indent}{unit}headers: Object.fromEntries({response}.headers),")
            } else {
                String::new()
            };
            format!(
                "{{{eol}{indent}{unit}statusCode: {response}.status,{headers}{eol}{indent}{unit}body: {},{eol}{indent}}}",
                self.read(response)
            )
        } else {
            self.read(response)
        }
    }

    fn status_check(&self, response: &str) -> String {
        format!(
            "if (!{response}.ok) throw new StatusCodeError({response}.status, {}){}",
            self.read(response),
            self.semi
        )
    }

    /// Whether the statements name the `Response` (not for an unchecked call whose result is
    /// unused).
    pub fn names_response(&self, form: &StatementForm) -> bool {
        self.simple || !matches!(form.target, Target::Discard)
    }

    /// The call (at `call`) as statements in place of `form`'s statement.
    pub fn statement(
        &self,
        cx: &Context,
        form: &StatementForm,
        call: &Range<usize>,
        response: &str,
    ) -> (Range<usize>, String) {
        let indent = cx.indent_at(form.stmt.start);
        let unit = cx.style.indent.clone();
        let eol = cx.style.eol;
        let s = self.semi;
        let mut lines: Vec<String> = Vec::new();
        let discard = matches!(form.target, Target::Discard);
        if discard && !self.simple {
            lines.push(format!("await {}{s}", self.call_text));
        } else {
            lines.push(format!("const {response} = await {}{s}", self.call_text));
        }
        if self.simple {
            lines.push(self.status_check(response));
        }
        let value = self.value(response, indent, &unit, eol, headers_read(cx, form));
        let mut kept = vec![call.clone()];
        match &form.target {
            Target::Declare { keyword, pattern } => {
                lines.push(format!(
                    "{keyword} {} = {value}{s}",
                    &cx.source[pattern.clone()]
                ));
                kept.push(pattern.clone());
            }
            Target::Assign { target } => {
                lines.push(format!("{} = {value}{s}", &cx.source[target.clone()]));
                kept.push(target.clone());
            }
            Target::Return => {
                // Inside a `try`, the body is awaited so that its failure meets the `catch`.
                let value = match form.in_try {
                    true => value.as_str(),
                    false => value.strip_prefix("await ").unwrap_or(&value),
                };
                lines.push(format!("return {value}{s}"));
            }
            Target::Discard => {}
        }
        let mut text = String::new();
        for comment in lost_comments(cx.source, &form.stmt, &kept) {
            text.push_str(&comment);
            text.push_str(eol);
            text.push_str(indent);
        }
        text.push_str(&lines.join(&format!("{eol}{indent}")));
        (form.stmt.clone(), text)
    }

    /// The call as one expression in place of the call's range.
    pub fn expression(&self, cx: &Context, range: Range<usize>) -> (Range<usize>, String) {
        let indent = cx.indent_at(range.start);
        let unit = cx.style.indent.clone();
        let eol = cx.style.eol;
        let s = self.semi;
        let call = &self.call_text;
        let then = if self.simple {
            let value = self.value("response", &format!("{indent}{unit}"), &unit, eol, true);
            let value = value.strip_prefix("await ").unwrap_or(&value);
            format!(
                "async (response) => {{{eol}{indent}{unit}{}{eol}{indent}{unit}return {value}{s}{eol}{indent}}}",
                self.status_check("response")
            )
        } else if self.full {
            format!(
                "async (response) => ({})",
                self.value("response", indent, &unit, eol, true)
            )
        } else if self.json {
            "readJson".to_string()
        } else {
            "(response) => response.text()".to_string()
        };
        (range, format!("{call}.then({then})"))
    }

    /// The helpers the rewrite uses.
    pub fn helpers(&self, target: Option<&Target>) -> Vec<Helper> {
        let discard = matches!(target, Some(Target::Discard));
        let mut out = Vec::new();
        if self.json && (self.simple || !discard) {
            out.push(Helper::ReadJson);
        }
        if self.simple {
            out.push(Helper::StatusCodeError);
        }
        out
    }

    /// Joins the call's edit with the edit of its options variable, so both are made together.
    pub fn merge_declaration(
        &self,
        cx: &Context,
        (range, text): (Range<usize>, String),
    ) -> Result<(Range<usize>, String), String> {
        match &self.declaration {
            None => Ok((range, text)),
            Some((literal, literal_text)) => {
                if literal.end > range.start {
                    return Err("the options variable is declared after the call".into());
                }
                Ok((
                    literal.start..range.end,
                    format!(
                        "{literal_text}{}{text}",
                        &cx.source[literal.end..range.start]
                    ),
                ))
            }
        }
    }
}

/// Whether the code may read the `headers` of the full response `form` stores: always, unless
/// it is destructured without `headers` (and without a rest element), or stored in a variable
/// whose every use reads `.statusCode` or `.body` or is destructured that way.
fn headers_read(cx: &Context, form: &StatementForm) -> bool {
    let Target::Declare { pattern, .. } = &form.target else {
        return true;
    };
    let text = &cx.source[pattern.clone()];
    if text.starts_with('{') {
        return text.contains("headers") || text.contains("...");
    }
    let Some(binding) = cx
        .semantic
        .bindings_named(text)
        .find(|b| b.declarations.iter().any(|d| cx.range(*d) == *pattern))
    else {
        return true;
    };
    let reads_only = |member: &str, at: usize| {
        cx.source[at..].strip_prefix(member).is_some_and(|rest| {
            !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
        })
    };
    !binding
        .references
        .iter()
        .map(|&i| &cx.semantic.references[i])
        .all(|r| {
            let range = cx.range(r.span);
            reads_only(".statusCode", range.end)
                || reads_only(".body", range.end)
                || destructured_without_headers(cx, range)
        })
}

/// Whether the reference at `at` is all that initialises `const { statusCode, body } = …` (a
/// declaration of its own, with an object pattern that names no `headers`, has no rest element
/// and no computed key).
fn destructured_without_headers(cx: &Context, at: Range<usize>) -> bool {
    use swc_ecma_ast::{Decl, Expr, ObjectPatProp, Pat, PropName, Stmt};
    let Some(stmt) = cx.statement_at(at.start) else {
        return false;
    };
    // The statement alone, parsed: its tree, without a walk over the file.
    let Ok(parsed) = crate::parse::parse_program(&cx.source[stmt.clone()]) else {
        return false;
    };
    let body = match &parsed.program {
        swc_ecma_ast::Program::Script(s) => &s.body,
        swc_ecma_ast::Program::Module(_) => return false,
    };
    let [Stmt::Decl(Decl::Var(var))] = body.as_slice() else {
        return false;
    };
    let [declarator] = var.decls.as_slice() else {
        return false;
    };
    let (Pat::Object(pattern), Some(init)) = (&declarator.name, &declarator.init) else {
        return false;
    };
    let Expr::Ident(init) = &**init else {
        return false;
    };
    if parsed.range(init.span) != (at.start - stmt.start..at.end - stmt.start) {
        return false;
    }
    pattern.props.iter().all(|p| match p {
        ObjectPatProp::KeyValue(kv) => match &kv.key {
            PropName::Ident(k) => &*k.sym != "headers",
            PropName::Str(k) => k.value.as_str() != Some("headers"),
            _ => false,
        },
        ObjectPatProp::Assign(a) => &*a.key.sym != "headers",
        ObjectPatProp::Rest(_) => false,
    })
}
