//! ## What it does
//! Reports every `Toolbelt.X` that the V2 toolbelt does not have: an undocumented V1
//! `Toolbelt.Logger()`, and any name V2 does not know, each with a marker and, where there is
//! one, the V2 alternative. Deprecated factories that still work (`ConnectToSalesforce`) are
//! reported without a marker. Destructuring (`const { Logger } = Toolbelt`) counts too. The API
//! table is `rules/toolbelt.toml`; removed members another rule rewrites (`HTTPClient`:
//! `http-client-to-fetch`; `SFClient`, `CRMClient`: `salesforce-client`) are left to it, and that
//! rule marks what it cannot rewrite.
//!
//! ## Why V2 needs it
//! In V2, `Toolbelt.X` for a missing `X` is `undefined`, so `Toolbelt.X()` throws
//! `TypeError: Toolbelt.X is not a function` on the first invocation that reaches it; nothing
//! fails at deploy time.
//!
//! ## Example
//! ```js
//! // TODO(faas-migrate): V2's toolbelt has no `Logger`: use `console.info` / `console.warn` / `console.error` (V2 keeps 10 logs per invocation) [unknown-toolbelt-api]
//! const logger = Toolbelt.Logger();
//! ```
//!
//! ## Limits
//! Only members read from a name bound to the toolbelt's `Toolbelt` (or named `Toolbelt`) are
//! checked; `require("lp-faas-toolbelt").Toolbelt.X` and computed members are not.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::semantic::facts::Toolbelt;
use crate::tables::{self, ApiStatus};
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "unknown-toolbelt-api",
    class: FixClass::Manual,
    summary: "`Toolbelt.X` that V2 does not have (Logger, unknown names) is reported with the V2 alternative",
    applies: |source| source.contains("Toolbelt"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("unknown_toolbelt_api.rs"),
};

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let toolbelt = &cx.facts.toolbelt;
    let mut finder = Finder {
        toolbelt,
        found: Vec::new(),
    };
    parsed.program.visit_with(&mut finder);
    for (member, span) in finder.found {
        let api = tables::toolbelt().get(&member);
        match api {
            Some(api) if api.status == ApiStatus::Available => {}
            Some(api) if api.handled_by.as_deref().is_some_and(|r| super::by_name(r).is_some()) => {}
            Some(api) if api.status == ApiStatus::Deprecated => {
                let instead = api.alternative.as_deref().unwrap_or("its replacement");
                cx.report(
                    span,
                    FixClass::Review,
                    format!("`{member}` still works in V2 but is deprecated and will be removed: prefer {instead}"),
                );
            }
            Some(api) => {
                let message = match &api.alternative {
                    Some(instead) => format!("V2's toolbelt has no `{member}`: use {instead}"),
                    None => format!("V2's toolbelt has no `{member}`"),
                };
                cx.todo(span, message);
            }
            None => cx.todo(
                span,
                format!("V2's toolbelt has no `{member}` (it is not part of the V2 API): replace it"),
            ),
        }
    }
}

struct Finder<'n> {
    toolbelt: &'n Toolbelt,
    found: Vec<(String, Span)>,
}

impl Visit for Finder<'_> {
    fn visit_member_expr(&mut self, m: &MemberExpr) {
        if let Some(name) = self.toolbelt.member_of(m) {
            self.found.push((name.to_string(), m.span));
        }
        m.visit_children_with(self);
    }

    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let (Pat::Object(pattern), Some(Expr::Ident(init))) = (&d.name, d.init.as_deref()) {
            if self.toolbelt.is_object_ident(init) {
                for prop in &pattern.props {
                    let key = match prop {
                        ObjectPatProp::Assign(a) => Some((a.key.id.sym.to_string(), a.key.span())),
                        ObjectPatProp::KeyValue(kv) => match &kv.key {
                            PropName::Ident(i) => Some((i.sym.to_string(), i.span)),
                            _ => None,
                        },
                        ObjectPatProp::Rest(_) => None,
                    };
                    if let Some(key) = key {
                        self.found.push(key);
                    }
                }
            }
        }
        d.visit_children_with(self);
    }
}
