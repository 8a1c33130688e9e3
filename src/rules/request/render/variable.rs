//! Whether an options variable can be rewritten where it is declared.

use crate::rules::request::options::{self, Options, Value};
use crate::rules::request::File;
use crate::rules::Context;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// Checks that an options variable can be rewritten where it is declared.
pub(super) fn check_variable(
    cx: &Context,
    file: &File,
    call: &CallExpr,
    v: &options::Variable,
    opts: &Options,
) -> Result<(), String> {
    let call_start = cx.range(call.span).start;
    let arg = call
        .args
        .iter()
        .map(|a| cx.range(a.expr.span()))
        .find(|r| &cx.source[r.clone()] == v.name.as_str());
    if v.stmt.end > call_start {
        return Err(format!(
            "the options `{}` are declared after the call",
            v.name
        ));
    }
    for r in file.semantic.references_of(v.binding) {
        let r = &cx.range(r.span);
        if Some(r) == arg.as_ref() {
            continue;
        }
        let after = &cx.source[r.end..];
        let header_write = (after.starts_with(".headers[") || after.starts_with(".headers."))
            && file.mutations.at(&v.name, r.start)
            && r.start > v.stmt.end
            && r.start < call_start;
        if !header_write {
            return Err(format!(
                "the options `{}` are changed or used elsewhere, so they are not known here",
                v.name
            ));
        }
    }
    let same_function =
        file.scopes.function_at(v.stmt.start) == file.scopes.function_at(call_start);
    if !same_function {
        return Err(format!(
            "the options `{}` are declared in another function",
            v.name
        ));
    }
    // Values read at a different time than in V1: moved to the call (`uri`, `baseUrl`, `qs`) or
    // now computed where the options are declared (`body`, `form`).
    for p in &opts.props {
        let moved = matches!(
            p.key.as_str(),
            "uri" | "url" | "baseUrl" | "qs" | "body" | "form"
        );
        if !moved {
            continue;
        }
        let mut idents = Vec::new();
        match p.value {
            Value::Shorthand(i) => idents.push(i.sym.to_string()),
            Value::Expr(e) => collect_idents(e, &mut idents),
        }
        for name in idents {
            let changed = name != v.name && file.mutations.within(&name, v.stmt.end..call_start);
            if changed {
                return Err(format!(
                    "`{}` of the options `{}` reads `{name}`, which may change before the call",
                    p.key, v.name
                ));
            }
        }
    }
    if opts.has("timeout") {
        // The code run between the declaration and the call (an `await` right before the call
        // awaits the call itself).
        let between = cx.source[v.stmt.end..call_start].trim_end();
        let between = between.strip_suffix("await").unwrap_or(between);
        let in_loop = file.forms.loops.iter().any(|l| {
            l.start <= call_start
                && call_start < l.end
                && !(l.start <= v.stmt.start && v.stmt.start < l.end)
        });
        if between.contains("await") || in_loop {
            return Err(format!(
                "the options `{}` set `timeout`, but the call is not made right after they are declared",
                v.name
            ));
        }
    }
    Ok(())
}

fn collect_idents(expr: &Expr, out: &mut Vec<String>) {
    use swc_ecma_visit::{Visit, VisitWith};
    struct Collect<'o>(&'o mut Vec<String>);
    impl Visit for Collect<'_> {
        fn visit_ident(&mut self, i: &Ident) {
            self.0.push(i.sym.to_string());
        }
        fn visit_member_prop(&mut self, p: &MemberProp) {
            if let MemberProp::Computed(c) = p {
                c.visit_with(self);
            }
        }
        fn visit_prop_name(&mut self, p: &PropName) {
            if let PropName::Computed(c) = p {
                c.visit_with(self);
            }
        }
    }
    expr.visit_with(&mut Collect(out));
}
