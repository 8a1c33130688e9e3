//! ## What it does
//! Removes the CommonJS exports of the lambda and turns other CommonJS exports into ES exports:
//!
//! - `module.exports = lambda;`, `module.exports = { lambda };`, `exports.lambda = lambda;` and
//!   `module.exports.lambda = lambda;` are removed with their line (V2 calls the top-level
//!   `lambda` and needs no export).
//! - A file whose only lambda is the exported function expression
//!   (`module.exports = async function (input, callback) { … };`, `exports.lambda = function …`)
//!   gets it as a top-level `async function lambda(input, callback) { … }` declaration.
//! - Other exports of top-level names become `export { helper, format as formatName };`;
//!   `exports.name = <expression>;` becomes `export const name = <expression>;`, and
//!   `module.exports = <value>;` becomes `export default <value>;`.
//!
//! Every other use of `module` or `exports` gets a marker.
//!
//! ## Why V2 needs it
//! V2 functions are ES modules, where `module` and `exports` do not exist: a file that still
//! assigns `module.exports` fails to load. V2 calls the top-level `async function lambda(input)`
//! of the file, which is not exported (V2 guide §1.1).
//!
//! ## Example
//! ```js
//! // before
//! function lambda(input, callback) { … }
//! function normalizePhone(raw) { … }
//!
//! module.exports = { lambda, normalizePhone };
//! // after
//! function lambda(input, callback) { … }
//! function normalizePhone(raw) { … }
//!
//! export { normalizePhone };
//! ```
//!
//! ## Limits
//! Only top-level assignment statements are rewritten. An object assigned to `module.exports`
//! whose values are not top-level names that are never reassigned (an ES export is a live
//! binding; a CommonJS export is a copy), an `exports.name` whose name the file already uses,
//! exports assigned more than once, reads of `module.exports`, `require.main === module`,
//! `Object.defineProperty(exports, …)`, an arrow function or another name exported as the lambda,
//! and comments inside a rewritten export get a marker. A file that declares its own `module` or
//! `exports` variable is left alone. A comment on the line above a removed export stays.

use crate::semantic::Semantic;
use super::{trivia_len, Check, Context, RuleInfo};
use crate::finding::FixClass;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "module-exports",
    class: FixClass::Auto,
    summary: "`module.exports = lambda` and friends are removed; other CommonJS exports become ES exports",
    applies: |source| source.contains("exports"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("module_exports.rs"),
};

const OTHER_USE: &str = "`module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export)";
const ARROW_LAMBDA: &str = "V2 calls a top-level function named `lambda`: declare this one as `async function lambda(input, callback) { … }`";

/// What a top-level statement assigns to.
enum Target {
    /// `module.exports`
    Module,
    /// `module.exports.name`, `exports.name`
    Named(String),
}

struct Assignment<'a> {
    stmt: Range<usize>,
    span: Span,
    /// From the start of the statement to the start of the assigned value.
    head: Range<usize>,
    target: Target,
    value: &'a Expr,
}

fn check(cx: &mut Context) {
    let semantic = cx.semantic;
    let body: Vec<&Stmt> = match &cx.parsed.program {
        Program::Script(s) => s.body.iter().collect(),
        Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
    };
    let lambda_declared = semantic.declares("lambda");
    let top_lambda = semantic.declares_at_top_level("lambda");

    let mut assignments = Vec::new();
    for stmt in &body {
        if let Some(a) = assignment(cx, stmt) {
            assignments.push(a);
        }
    }
    let mut count: HashMap<String, usize> = HashMap::new();
    for a in &assignments {
        let key = match &a.target {
            Target::Module => String::new(),
            Target::Named(n) => n.clone(),
        };
        *count.entry(key).or_default() += 1;
    }

    let mut handled: Vec<Range<usize>> = Vec::new();
    let mut removals = Vec::new();
    for a in &assignments {
        let is_lambda = matches!(a.value, Expr::Ident(i) if &*i.sym == "lambda");
        let entry = match &a.target {
            Target::Module => true,
            Target::Named(n) => n == "lambda",
        };
        if entry && is_lambda && top_lambda {
            handled.push(a.stmt.clone());
            removals.push(a.stmt.clone());
            continue;
        }
        let key = match &a.target {
            Target::Module => String::new(),
            Target::Named(n) => n.clone(),
        };
        if count[&key] > 1 {
            continue;
        }
        handled.push(a.stmt.clone());
        let has_comments = |range: Range<usize>| {
            let text = &cx.source[range];
            text.contains("//") || text.contains("/*")
        };
        let semi = if cx.text(a.span).ends_with(';') { ";" } else { "" };
        if has_comments(a.head.clone()) {
            cx.todo(a.span, OTHER_USE);
            continue;
        }
        match (&a.target, a.value) {
            (Target::Module, Expr::Object(object)) => {
                match export_list(object, semantic, top_lambda) {
                    Some(list) if list.is_empty() => removals.push(a.stmt.clone()),
                    Some(list) if !has_comments(a.stmt.clone()) => {
                        cx.replace(a.stmt.clone(), format!("export {{ {} }}{semi}", list.join(", ")));
                    }
                    _ => cx.todo(a.span, OTHER_USE),
                }
            }
            // The exported function is the V1 entry point.
            (_, value) if entry && !top_lambda && (!lambda_declared || fn_named_lambda(value)) => {
                entry_point(cx, a, value, lambda_declared);
            }
            (Target::Module, value) if !top_lambda => {
                let message = match value {
                    Expr::Ident(i) => format!(
                        "V2 calls a top-level function named `lambda`: rename `{}` to `lambda` and remove this export",
                        i.sym
                    ),
                    _ => OTHER_USE.to_string(),
                };
                cx.todo(a.span, message);
            }
            (Target::Module, _) => cx.replace(a.head.clone(), "export default "),
            (Target::Named(name), Expr::Ident(local))
                if semantic.declares_at_top_level(&local.sym)
                    && !reassigned(semantic, local)
                    && !has_comments(a.stmt.clone()) =>
            {
                let spec = if *name == *local.sym {
                    name.clone()
                } else {
                    format!("{} as {}", local.sym, export_name(name))
                };
                cx.replace(a.stmt.clone(), format!("export {{ {spec} }}{semi}"));
            }
            (Target::Named(name), value)
                if !entry && is_identifier(name) && free_for_export(name, value, semantic) =>
            {
                cx.replace(a.head.clone(), format!("export const {name} = "));
            }
            _ => cx.todo(a.span, OTHER_USE),
        }
    }
    cx.remove_statements(&removals);

    // Every other use of the globals `module` and `exports`.
    let uses: Vec<Span> = semantic
        .references
        .iter()
        .filter(|r| r.binding.is_none() && matches!(&*r.name, "module" | "exports"))
        .map(|r| r.span)
        .collect();
    let mut reported: HashSet<usize> = HashSet::new();
    for span in uses {
        let at = cx.range(span).start;
        if handled.iter().any(|r| r.start <= at && at < r.end) {
            continue;
        }
        let line = cx.source[..at].matches('\n').count();
        if reported.insert(line) {
            cx.todo(span, OTHER_USE);
        }
    }
}

fn fn_named_lambda(value: &Expr) -> bool {
    matches!(value, Expr::Fn(FnExpr { ident: Some(i), .. }) if &*i.sym == "lambda")
}

/// `module.exports = function (input, callback) { … };` when the file has no other `lambda`:
/// the function becomes the top-level `lambda` declaration.
fn entry_point(cx: &mut Context, a: &Assignment, value: &Expr, lambda_declared: bool) {
    let Expr::Fn(FnExpr { ident, function }) = value else {
        let message = match value {
            Expr::Arrow(_) => ARROW_LAMBDA.to_string(),
            Expr::Ident(i) => format!(
                "V2 calls a top-level function named `lambda`: rename `{}` to `lambda` and remove this export",
                i.sym
            ),
            _ => OTHER_USE.to_string(),
        };
        cx.todo(a.span, message);
        return;
    };
    // Only the function's own name may be `lambda`.
    if lambda_declared && ident.is_none() || function.is_generator {
        cx.todo(a.span, ARROW_LAMBDA);
        return;
    }
    let fn_range = cx.range(value.span());
    let text = &cx.source[fn_range.clone()];
    let mut at = 0;
    if function.is_async {
        at = "async".len();
        at += trivia_len(&text[at..]);
    }
    if !text[at..].starts_with("function") {
        cx.todo(a.span, OTHER_USE);
        return;
    }
    at += "function".len();
    cx.replace(a.head.clone(), "");
    if ident.is_none() {
        // `function (input` → `function lambda(input`; `function(input` → `function lambda(input`.
        let rest = &text[at..];
        let space = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let start = fn_range.start + at;
        if rest[space..].starts_with('(') {
            cx.replace(start..start + space, " lambda");
        } else {
            cx.insert(start, " lambda");
        }
    }
    // The `;` after the function would be an empty statement.
    let tail = fn_range.end..a.stmt.end;
    if cx.source[tail.clone()].trim() == ";" {
        cx.replace(tail, "");
    }
}

/// `{ lambda, helper, format: formatName }` as an export list (`helper`, `formatName as format`),
/// without the lambda; `None` when a property is not a top-level name that is never reassigned.
fn export_list(
    object: &ObjectLit,
    semantic: &Semantic,
    top_lambda: bool,
) -> Option<Vec<String>> {
    let mut list = Vec::new();
    for prop in &object.props {
        let PropOrSpread::Prop(prop) = prop else {
            return None;
        };
        let (key, local, ident) = match prop.as_ref() {
            Prop::Shorthand(i) => (i.sym.to_string(), i.sym.to_string(), i),
            Prop::KeyValue(KeyValueProp { key, value }) => {
                let key = match key {
                    PropName::Ident(i) => i.sym.to_string(),
                    PropName::Str(s) => s.value.as_atom()?.to_string(),
                    _ => return None,
                };
                let Expr::Ident(local) = value.as_ref() else {
                    return None;
                };
                (key, local.sym.to_string(), local)
            }
            _ => return None,
        };
        if key == "lambda" && local == "lambda" && top_lambda {
            continue;
        }
        if !semantic.declares_at_top_level(&local) || reassigned(semantic, ident) {
            return None;
        }
        list.push(if key == local {
            key
        } else {
            format!("{local} as {}", export_name(&key))
        });
    }
    Some(list)
}

/// `name` can become a top-level `const`: nothing else in the file is called that (a function
/// expression may carry the name itself).
fn free_for_export(name: &str, value: &Expr, semantic: &Semantic) -> bool {
    let own = match value {
        Expr::Fn(FnExpr { ident: Some(i), .. }) | Expr::Class(ClassExpr { ident: Some(i), .. }) => {
            &*i.sym == name
        }
        _ => false,
    };
    let uses = semantic.mentions_count(name);
    uses == 0 || own && uses == 1
}

/// Whether the binding `ident` refers to is assigned after its declaration.
fn reassigned(semantic: &Semantic, ident: &Ident) -> bool {
    semantic
        .binding_of(ident)
        .is_some_and(|b| semantic.binding(b).reassigned)
}

/// A top-level `module.exports… = value;` or `exports.name = value;` statement.
fn assignment<'a>(cx: &Context, stmt: &'a Stmt) -> Option<Assignment<'a>> {
    let Stmt::Expr(ExprStmt { expr, span }) = stmt else {
        return None;
    };
    let Expr::Assign(assign) = expr.as_ref() else {
        return None;
    };
    if assign.op != AssignOp::Assign {
        return None;
    }
    let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left else {
        return None;
    };
    let is_module_exports = |e: &Expr| {
        matches!(e, Expr::Member(m) if matches!(m.obj.as_ref(), Expr::Ident(i) if cx.semantic.is_global_named(i, "module"))
                && prop_name(&m.prop).as_deref() == Some("exports"))
    };
    let target = if is_module_exports(&Expr::Member(member.clone())) {
        Target::Module
    } else {
        let name = prop_name(&member.prop)?;
        let object = member.obj.as_ref();
        let exports = matches!(object, Expr::Ident(i) if cx.semantic.is_global_named(i, "exports"));
        if !exports && !is_module_exports(object) {
            return None;
        }
        Target::Named(name)
    };
    let stmt_range = cx.range(*span);
    Some(Assignment {
        head: stmt_range.start..cx.range(assign.right.span()).start,
        stmt: stmt_range,
        span: *span,
        target,
        value: assign.right.as_ref(),
    })
}

fn prop_name(prop: &MemberProp) -> Option<String> {
    match prop {
        MemberProp::Ident(i) => Some(i.sym.to_string()),
        MemberProp::Computed(c) => match c.expr.as_ref() {
            Expr::Lit(Lit::Str(s)) => s.value.as_atom().map(|a| a.to_string()),
            _ => None,
        },
        MemberProp::PrivateName(_) => None,
    }
}

/// An export name as written in `export { local as <name> }`: quoted unless it is an identifier.
fn export_name(name: &str) -> String {
    if is_identifier(name) || name == "default" {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !matches!(
            name,
            "await" | "break" | "case" | "catch" | "class" | "const" | "continue" | "debugger"
                | "default" | "delete" | "do" | "else" | "enum" | "export" | "extends" | "false"
                | "finally" | "for" | "function" | "if" | "import" | "in" | "instanceof" | "let"
                | "new" | "null" | "return" | "static" | "super" | "switch" | "this" | "throw"
                | "true" | "try" | "typeof" | "var" | "void" | "while" | "with" | "yield"
                | "arguments" | "eval" | "implements" | "interface" | "package" | "private"
                | "protected" | "public"
        )
}

