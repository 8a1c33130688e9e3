//! What the rewrite leaves unused: client variables, parameters, `HTTPClient` destructurings
//! and spread option objects.

use super::{options, span_of, File};
use crate::rules::text::list_item_removal;
use crate::rules::{support, Context};
use crate::semantic::facts::prop_key;
use crate::semantic::Binding;
use std::collections::HashSet;
use std::ops::Range;
use swc_ecma_ast::*;

/// Removes what the rewrite left unused: client variables, parameters that received a client,
/// `const { HTTPClient } = Toolbelt`, and option objects that were only spread into calls.
pub(super) fn cleanup(cx: &mut Context, file: &File, marked: &HashSet<String>) {
    let semantic = file.semantic;
    // What the rule's rewrite replaces this pass (the cleanup's own edits are not looked at).
    let rewrite = Ranges::new(
        cx.edits
            .iter()
            .enumerate()
            .filter(|(_, e)| e.rule == cx.rule.name && e.start < e.end)
            .map(|(i, e)| (e.start..e.end, i)),
    );
    let rewritten = |r: &Range<usize>| rewrite.any_overlapping(r);
    let mut statements = Vec::new();
    // Parameters first: the parameter and the argument of every call go in one fix, so the two
    // never disagree; the arguments they remove are references of the clients passed.
    let mut removed_args: Vec<Range<usize>> = Vec::new();
    let none = Ranges::new(std::iter::empty());
    for p in &file.clients.params {
        if !unused_after_rewrite(cx, file, &rewrite, &p.name, p.range.start, &none)
            || semantic.declarations_named(&p.function) != 1
        {
            continue;
        }
        let mut removals: Vec<Range<usize>> = vec![list_item_removal(cx.source, &p.all, p.index)];
        let mut args = Vec::new();
        for call in &p.calls {
            if call.len() > p.index {
                removals.push(list_item_removal(cx.source, call, p.index));
                args.push(call[p.index].clone());
            }
        }
        removals.sort_by_key(|r| r.start);
        if removals.windows(2).any(|w| w[0].end > w[1].start) || removals.iter().any(rewritten) {
            continue;
        }
        for r in removals {
            cx.replace(r, "");
        }
        removed_args.extend(args);
    }
    let removed = Ranges::new(removed_args.iter().map(|r| (r.clone(), 0)));
    for d in &file.clients.declarators {
        if marked.contains(&d.name) {
            cx.todo(
                span_of(file.parsed, &d.range),
                format!("V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `{}` marked below call `fetch`", d.name),
            );
            continue;
        }
        if !unused_after_rewrite(cx, file, &rewrite, &d.name, d.range.start, &removed) {
            continue;
        }
        if d.declarators == 1 {
            let stmt = with_own_comments(cx.source, d.stmt.clone());
            if !rewritten(&stmt) {
                statements.push(stmt);
            }
        } else if !rewritten(&d.range) {
            remove_list_item(cx, &d.range);
        }
    }
    // `const { HTTPClient } = Toolbelt`, once the clients made from it go (now or before).
    removed_args.extend(statements.iter().cloned());
    let removed = Ranges::new(removed_args.iter().map(|r| (r.clone(), 0)));
    for b in &file.clients.factory_bindings {
        let gone = semantic.references_named(&b.local).all(|r| {
            let r = file.parsed.range(r.span);
            gone(cx, &rewrite, &b.local, &r, &removed)
        });
        if !gone {
            continue;
        }
        if b.props.len() == 1 {
            if !rewritten(&b.stmt) {
                statements.push(b.stmt.clone());
            }
        } else {
            let index = b.props.iter().position(|p| *p == b.prop).unwrap_or(0);
            let r = list_item_removal(cx.source, &b.props, index);
            if !rewritten(&r) {
                cx.replace(r, "");
            }
        }
    }
    // Objects of request options that only calls spread, now unused.
    for var in file.vars.objects.values() {
        let unused = all_gone(cx, file, &rewrite, semantic.binding(var.binding), &removed);
        if !unused || var.kind != VarDeclKind::Const || rewritten(&var.stmt) {
            continue;
        }
        let keys: Vec<Option<String>> = var
            .literal
            .props
            .iter()
            .map(|p| match p {
                PropOrSpread::Prop(p) => match p.as_ref() {
                    Prop::KeyValue(kv) if is_plain(&kv.value) => {
                        prop_key(&kv.key).map(str::to_string)
                    }
                    _ => None,
                },
                PropOrSpread::Spread(_) => None,
            })
            .collect();
        let all_options = !keys.is_empty()
            && keys
                .iter()
                .all(|k| k.as_deref().is_some_and(|k| options::KNOWN.contains(&k)))
            && keys
                .iter()
                .flatten()
                .any(|k| options::REQUEST_ONLY.contains(&k.as_str()));
        // The statement declares only this object.
        let single = cx.source[var.stmt.clone()]
            .trim_end_matches([';', ' '])
            .ends_with('}')
            && cx.range(var.literal.span).end
                == var.stmt.start
                    + cx.source[var.stmt.clone()]
                        .trim_end_matches([';', ' '])
                        .len();
        if all_options && single {
            statements.push(var.stmt.clone());
        }
    }
    if !statements.is_empty() {
        cx.remove_statements(&statements);
    }
}

/// Whether the rewrite of this pass leaves nothing referring to the binding of `name` declared at
/// `at`: each reference lies in `removed`, or inside text the rule replaces with text that does
/// not name it (a client call that became `fetch`). The cleanup is part of the rule's fix, so it
/// is applied with that rewrite or not at all.
fn unused_after_rewrite(
    cx: &Context,
    file: &File,
    rewrite: &Ranges,
    name: &str,
    at: usize,
    removed: &Ranges,
) -> bool {
    file.semantic
        .bindings_named(name)
        .find(|b| {
            b.declarations
                .iter()
                .any(|d| file.parsed.range(*d).start == at)
        })
        .is_some_and(|b| all_gone(cx, file, rewrite, b, removed))
}

/// Whether every reference of `binding` goes this pass (see [`gone`]).
fn all_gone(
    cx: &Context,
    file: &File,
    rewrite: &Ranges,
    binding: &Binding,
    removed: &Ranges,
) -> bool {
    binding.references.iter().all(|&i| {
        let r = file.parsed.range(file.semantic.references[i].span);
        gone(cx, rewrite, &binding.name, &r, removed)
    })
}

/// Whether the reference of `name` at `r` goes this pass: it lies in `removed`, or inside text
/// the rule replaces (`rewrite`) with text that does not name it.
fn gone(cx: &Context, rewrite: &Ranges, name: &str, r: &Range<usize>, removed: &Ranges) -> bool {
    removed.any_holding(r, |_| true) || rewrite.any_holding(r, |i| !cx.edits[i].text.contains(name))
}

/// Ranges, each with a number, sorted by start with the largest end so far: which ranges hold or
/// overlap a given one costs a binary search and a short walk back, not a scan.
struct Ranges {
    items: Vec<(Range<usize>, usize)>,
    max_end: Vec<usize>,
}

impl Ranges {
    fn new(items: impl Iterator<Item = (Range<usize>, usize)>) -> Ranges {
        let mut items: Vec<(Range<usize>, usize)> = items.collect();
        items.sort_by_key(|(r, _)| r.start);
        let max_end = items
            .iter()
            .scan(0, |max, (r, _)| {
                *max = r.end.max(*max);
                Some(*max)
            })
            .collect();
        Ranges { items, max_end }
    }

    /// Whether a range that holds `r` has a number `keep` accepts.
    fn any_holding(&self, r: &Range<usize>, keep: impl Fn(usize) -> bool) -> bool {
        let mut j = self.items.partition_point(|(x, _)| x.start <= r.start);
        while j > 0 && self.max_end[j - 1] >= r.end {
            j -= 1;
            let (x, n) = &self.items[j];
            if r.end <= x.end && keep(*n) {
                return true;
            }
        }
        false
    }

    /// Whether a range shares text with `r`.
    fn any_overlapping(&self, r: &Range<usize>) -> bool {
        let mut j = self.items.partition_point(|(x, _)| x.start < r.end);
        while j > 0 && self.max_end[j - 1] > r.start {
            j -= 1;
            if r.start < self.items[j].0.end {
                return true;
            }
        }
        false
    }
}

/// A client's statement with the comments that only documented the client (they mention
/// `HTTPClient`, an HTTP client, request-promise or its API docs): the comment lines right above
/// it and a comment after it on its line.
fn with_own_comments(source: &str, stmt: Range<usize>) -> Range<usize> {
    let documents = |comment: &str| {
        let comment = comment.to_lowercase();
        ["request-promise", "httpclient", "http client", "api docs"]
            .iter()
            .any(|w| comment.contains(w))
    };
    let mut range = stmt;
    let line_end = support::line_end(source, range.end);
    let after = source[range.end..line_end].trim();
    if after.starts_with("//") && documents(after) {
        range.end = line_end;
    }
    loop {
        let start = support::line_start(source, range.start);
        if start == 0 || !source[start..range.start].trim().is_empty() {
            break;
        }
        let above = support::line_start(source, start - 1);
        let line = source[above..start].trim();
        if line.starts_with("//") && documents(line) {
            range.start =
                above + (source[above..start].len() - source[above..start].trim_start().len());
        } else {
            break;
        }
    }
    range
}

/// Literals and other values without side effects.
fn is_plain(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Ident(_) => true,
        Expr::Tpl(t) => t.exprs.iter().all(|e| is_plain(e)),
        Expr::Object(o) => o.props.iter().all(|p| match p {
            PropOrSpread::Prop(p) => {
                matches!(p.as_ref(), Prop::KeyValue(kv) if is_plain(&kv.value))
            }
            PropOrSpread::Spread(_) => false,
        }),
        Expr::Array(a) => a
            .elems
            .iter()
            .flatten()
            .all(|e| e.spread.is_none() && is_plain(&e.expr)),
        Expr::Bin(b) => is_plain(&b.left) && is_plain(&b.right),
        Expr::Unary(u) => u.op != UnaryOp::Delete && is_plain(&u.arg),
        _ => false,
    }
}

fn remove_list_item(cx: &mut Context, declarator: &Range<usize>) {
    // A declarator among several: `var a = 1, client = Toolbelt.HTTPClient();`.
    let source = cx.source;
    let before = source[..declarator.start].trim_end();
    if let Some(stripped) = before.strip_suffix(',') {
        cx.replace(stripped.len()..declarator.end, "");
    } else {
        let after = &source[declarator.end..];
        let comma = after
            .trim_start()
            .strip_prefix(',')
            .map(|rest| after.len() - rest.len());
        if let Some(comma) = comma {
            let gap = after[comma..].len() - after[comma..].trim_start().len();
            cx.replace(declarator.start..declarator.end + comma + gap, "");
        }
    }
}
