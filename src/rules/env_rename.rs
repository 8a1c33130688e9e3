//! ## What it does
//! Renames the V1 platform environment variables to their V2 names wherever the code reads
//! them: `process.env.BRAND_ID`, `process.env["BRAND_ID"]`, `"BRAND_ID" in process.env`, and
//! destructuring. A destructured name keeps its local binding, so later uses still work:
//! `const { BRAND_ID } = process.env` becomes
//! `const { X_LIVEPERSON_BRAND_ID: BRAND_ID } = process.env`. A local alias of `process.env`
//! (`const env = process.env`, `const { env } = process`) is followed wherever that binding is
//! used (scope by scope: another function's `env` is another variable); an alias that is assigned
//! again gets a marker where a renamed variable is read through it.
//!
//! It also reports reads of user variables whose names V2 reserves (`X_LIVEPERSON_*`,
//! `X_GOOGLE_*`, `PORT`, `FUNCTION_TARGET`, `FUNCTION_SIGNATURE_TYPE`), and reads with a key
//! computed at run time, with a marker at each.
//!
//! ## Why V2 needs it
//! V2 renamed the platform variables: `BRAND_ID` is `X_LIVEPERSON_BRAND_ID`, `LAMBDA_UUID` is
//! `X_LIVEPERSON_FUNCTION_UUID`, `CSDS_DOMAIN` is `X_LIVEPERSON_CSDS_DOMAIN` (V2 guide §3.2); the
//! old names are simply unset. Reserved names cannot be configured in V2, so a function that
//! reads one gets the platform's value or nothing. The table is `rules/env.toml`.
//!
//! ## Example
//! ```js
//! // before
//! const brand = process.env.BRAND_ID;
//! const { LAMBDA_UUID, CSDS_DOMAIN: csds } = process.env;
//! // after
//! const brand = process.env.X_LIVEPERSON_BRAND_ID;
//! const { X_LIVEPERSON_FUNCTION_UUID: LAMBDA_UUID, X_LIVEPERSON_CSDS_DOMAIN: csds } = process.env;
//! ```
//!
//! ## Limits
//! Uses of the whole object (`Object.keys(process.env)`, `{ ...process.env }`, passing
//! `process.env` to a function, a rest pattern) are not followed. A computed key
//! (`process.env[name]`) gets a marker: check whether it can be one of the renamed names. Rename
//! reserved user variables by hand, here and in `config.json`.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::tables;

use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "env-rename",
    class: FixClass::Auto,
    summary: "BRAND_ID, LAMBDA_UUID and CSDS_DOMAIN get their V2 names; reserved names are reported",
    applies: |source| source.contains("process"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("env_rename.rs"),
};

fn check(cx: &mut Context) {
    let mut visitor = EnvVisitor { cx };
    let program = &visitor.cx.parsed.program;
    program.visit_with(&mut visitor);
}

struct EnvVisitor<'c, 'a> {
    cx: &'c mut Context<'a>,
}

impl EnvVisitor<'_, '_> {
    fn is_env(&self, expr: &Expr) -> bool {
        self.cx.facts.env.is_env(expr, self.cx.semantic)
    }

    /// A variable name read at `span` (`name_span` is where its name is written).
    fn variable(&mut self, name: &str, name_span: Span, span: Span, quoted: Option<char>) {
        let table = tables::env();
        if let Some(v2) = table.v2_name(name) {
            let text = match quoted {
                Some(q) => format!("{q}{v2}{q}"),
                None => v2.to_string(),
            };
            let range = self.cx.range(name_span);
            self.cx.replace(range, text);
        } else if let Some(why) = table.reserved(name) {
            self.cx.todo(
                span,
                format!("{why}; rename this variable here and in config.json"),
            );
        }
    }

    /// A computed key: a literal string is a name; anything else is unknown until run time.
    fn key(&mut self, expr: &Expr, span: Span) {
        match expr {
            Expr::Lit(Lit::Str(s)) => {
                if let Some(name) = s.value.as_atom() {
                    let quote = self.cx.text(s.span).chars().next();
                    self.variable(name, s.span, span, quote);
                }
            }
            Expr::Tpl(t) if t.exprs.is_empty() => {
                if let Some(name) = t.quasis.first().and_then(|q| q.cooked.as_ref()).and_then(|c| c.as_atom()) {
                    self.variable(name, t.span, span, Some('`'));
                }
            }
            Expr::Paren(p) => self.key(&p.expr, span),
            _ => self.cx.todo(
                span,
                "process.env is read with a computed key; if it can be BRAND_ID, LAMBDA_UUID or CSDS_DOMAIN, use the V2 name",
            ),
        }
    }

    /// `{ BRAND_ID, CSDS_DOMAIN: domain }` matched against `process.env`.
    fn pattern(&mut self, pattern: &ObjectPat) {
        for prop in &pattern.props {
            match prop {
                ObjectPatProp::Assign(AssignPatProp { key, .. }) => {
                    let name = key.id.sym.to_string();
                    if let Some(v2) = tables::env().v2_name(&name) {
                        let at = self.cx.range(key.span()).start;
                        self.cx.insert(at, format!("{v2}: "));
                    } else {
                        self.variable(&name, key.span(), key.span(), None);
                    }
                }
                ObjectPatProp::KeyValue(KeyValuePatProp { key, .. }) => match key {
                    PropName::Ident(i) => self.variable(&i.sym, i.span, i.span, None),
                    PropName::Str(s) => {
                        let quote = self.cx.text(s.span).chars().next();
                        if let Some(name) = s.value.as_atom() {
                            self.variable(name, s.span, s.span, quote);
                        }
                    }
                    PropName::Computed(c) => self.key(&c.expr, c.span),
                    _ => {}
                },
                ObjectPatProp::Rest(_) => {}
            }
        }
    }
}

impl Visit for EnvVisitor<'_, '_> {
    fn visit_member_expr(&mut self, member: &MemberExpr) {
        if self.is_env(&member.obj) {
            match &member.prop {
                MemberProp::Ident(name) => self.variable(&name.sym, name.span, member.span, None),
                MemberProp::Computed(computed) => self.key(&computed.expr, member.span),
                MemberProp::PrivateName(_) => {}
            }
        } else if let (Expr::Ident(object), MemberProp::Ident(name)) = (member.obj.as_ref(), &member.prop) {
            if self.cx.facts.env.ambiguous.contains(&object.to_id()) {
                if let Some(v2) = tables::env().v2_name(&name.sym) {
                    let message = format!(
                        "`{}` is assigned more than once and may be process.env here; if it is, read `{v2}`",
                        object.sym
                    );
                    self.cx.todo(member.span, message);
                }
            }
        }
        member.visit_children_with(self);
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let (Pat::Object(pattern), Some(init)) = (&declarator.name, &declarator.init) {
            if self.is_env(init) {
                self.pattern(pattern);
            }
        }
        declarator.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Pat(AssignTargetPat::Object(pattern)) = &assign.left {
            if self.is_env(&assign.right) {
                self.pattern(pattern);
            }
        }
        assign.visit_children_with(self);
    }

    fn visit_assign_pat(&mut self, assign: &AssignPat) {
        if let Pat::Object(pattern) = assign.left.as_ref() {
            if self.is_env(&assign.right) {
                self.pattern(pattern);
            }
        }
        assign.visit_children_with(self);
    }

    fn visit_bin_expr(&mut self, bin: &BinExpr) {
        if bin.op == BinaryOp::In && self.is_env(&bin.right) {
            if let Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) = bin.left.as_ref() {
                self.key(&bin.left, bin.span);
            }
        }
        bin.visit_children_with(self);
    }
}
