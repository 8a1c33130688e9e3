//! ## What it does
//! Rewrites the toolbelt's Salesforce client to jsforce used directly:
//! `Toolbelt.SFClient().connectToSalesforce(config)` (or `CRMClient`, the V2 guide's name for it),
//! and `client.connectToSalesforce(config)` where `const client = Toolbelt.SFClient()`, become
//! `new Connection(config)` with one `import { Connection } from "@jsforce/jsforce-node";` at the
//! top of the file. A client variable used for nothing else has its declaration removed. Any other
//! use of the client gets a marker.
//!
//! It uses jsforce directly rather than the V2 toolbelt's `ConnectToSalesforce`: the V2 guide
//! says that factory "will be removed in the future", and V1's `connectToSalesforce` was itself
//! `new Connection(config)` plus a transport hook for the V1 proxy, which V2 (direct network
//! access) no longer needs. Both rewrites are the same size.
//!
//! ## Why V2 needs it
//! The V2 guide (§1.6) deprecates the toolbelt's Salesforce client and asks for the pre-installed
//! jsforce (`@jsforce/jsforce-node`). The rewrite is `review`: the connection is the same kind of
//! object, but V2 provides a newer jsforce than V1 did, so the calls made on it need a look.
//!
//! ## Example
//! ```js
//! // before
//! const { Toolbelt } = require("lp-faas-toolbelt");
//! const conn = Toolbelt.SFClient().connectToSalesforce({ instanceUrl, accessToken });
//! // after
//! const { Toolbelt } = require("lp-faas-toolbelt");
//! import { Connection } from "@jsforce/jsforce-node";
//! const conn = new Connection({ instanceUrl, accessToken });
//! ```
//!
//! ## Limits
//! A client held in a variable is followed only when the file declares that name once. A client
//! passed to other functions, stored in an object, or used with another method gets a marker. If
//! the file already binds `Connection` to something else, every call gets a marker instead.

use super::importer::{Export, Importer, NewImport};
use super::support;
use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::semantic::facts::Toolbelt;
use std::collections::HashMap;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "salesforce-client",
    class: FixClass::Review,
    summary: "`Toolbelt.SFClient().connectToSalesforce(cfg)` (or CRMClient) becomes jsforce's `new Connection(cfg)`",
    applies: |source| source.contains("SFClient") || source.contains("CRMClient"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("salesforce_client.rs"),
};

const FACTORIES: [&str; 2] = ["SFClient", "CRMClient"];
const JSFORCE: &str = "@jsforce/jsforce-node";
const METHOD: &str = "connectToSalesforce";

fn check(cx: &mut Context) {
    let toolbelt = &cx.facts.toolbelt;
    let mut finder = Finder {
        toolbelt,
        factory_calls: Vec::new(),
        clients: HashMap::new(),
        declared: HashMap::new(),
        refs: Vec::new(),
        connects: Vec::new(),
    };
    cx.parsed.program.visit_with(&mut finder);
    let Finder {
        factory_calls,
        clients,
        declared,
        refs,
        connects,
        ..
    } = finder;
    if factory_calls.is_empty() {
        return;
    }

    let existing = Importer::existing(cx, JSFORCE, &Export::Named("Connection".into()));
    let connection = existing.clone().unwrap_or_else(|| "Connection".to_string());
    let name_taken = existing.is_none() && support::bound_names(&cx.parsed.program).contains("Connection");

    // Calls handled: `Toolbelt.SFClient().connectToSalesforce(..)` and `client.connectToSalesforce(..)`.
    let mut handled_factories: Vec<Span> = Vec::new();
    let mut rewritten = 0;
    // Clients (by name) all of whose uses are rewritten connects.
    let mut clients_used_otherwise: Vec<String> = Vec::new();
    for r in &refs {
        if !connects.iter().any(|c| c.receiver_ident == Some(r.span)) {
            clients_used_otherwise.push(r.name.clone());
        }
    }
    for connect in &connects {
        let receiver_ok = match &connect.receiver {
            Receiver::Factory(span) => {
                handled_factories.push(*span);
                true
            }
            Receiver::Client(name) => declared.get(name) == Some(&1) && clients.contains_key(name),
        };
        if !receiver_ok {
            continue;
        }
        if name_taken {
            cx.todo(
                connect.call,
                format!("V2 has no SFClient: use jsforce's `new Connection(config)` from \"{JSFORCE}\" (the name `Connection` is taken in this file)"),
            );
            continue;
        }
        cx.replace(cx.range(connect.callee), format!("new {connection}"));
        cx.report(
            connect.call,
            FixClass::Review,
            format!("`{METHOD}` becomes jsforce's `new {connection}(config)` from \"{JSFORCE}\": V2 ships a newer jsforce than V1, check the calls made on this connection"),
        );
        rewritten += 1;
    }

    // Client declarations: removed when used only to connect (at least once); otherwise the
    // factory call keeps its marker.
    for (name, decl) in &clients {
        let connected = connects
            .iter()
            .any(|c| matches!(&c.receiver, Receiver::Client(n) if n == name));
        if declared.get(name) != Some(&1)
            || !connected
            || clients_used_otherwise.contains(name)
            || name_taken
        {
            continue;
        }
        handled_factories.push(decl.factory);
        let stmt = cx.range(decl.stmt);
        let start = support::line_start(cx.source, stmt.start);
        let end = support::line_end(cx.source, stmt.end);
        let alone = cx.source[start..stmt.start].trim().is_empty()
            && cx.source[stmt.end..end].trim().is_empty();
        if decl.single && alone {
            let next = (end + cx.source[end..].find('\n').map_or(0, |i| i + 1)).min(cx.source.len());
            cx.replace(start..next, "");
        } else {
            cx.todo(
                decl.stmt,
                format!("V2 has no SFClient: remove `{name}` (its connections now come from jsforce)"),
            );
        }
    }
    for (factory, span) in &factory_calls {
        if !handled_factories.contains(span) {
            cx.todo(
                *span,
                format!("V2 has no {factory}: use jsforce's `new Connection(config)` from \"{JSFORCE}\" instead of this client and its uses"),
            );
        }
    }
    if rewritten > 0 && existing.is_none() {
        let mut importer = Importer::new();
        importer.add(NewImport {
            spec: JSFORCE.into(),
            quote: cx.style.quote,
            json: false,
            clause: Some((Export::Named("Connection".into()), "Connection".into())),
            comments: Vec::new(),
        });
        importer.finish(cx);
    }
}


enum Receiver {
    /// `Toolbelt.SFClient()` itself (the factory call's span).
    Factory(Span),
    /// A variable holding a client.
    Client(String),
}

struct Connect {
    /// `x.connectToSalesforce`
    callee: Span,
    call: Span,
    receiver: Receiver,
    /// The identifier span of a `Client` receiver.
    receiver_ident: Option<Span>,
}

struct ClientDecl {
    /// The `Toolbelt.SFClient()` call.
    factory: Span,
    /// The whole declaration statement.
    stmt: Span,
    /// The statement declares nothing else.
    single: bool,
}

struct Ref {
    name: String,
    span: Span,
}

struct Finder<'n> {
    toolbelt: &'n Toolbelt,
    /// Every `Toolbelt.SFClient()`/`CRMClient()` call.
    factory_calls: Vec<(String, Span)>,
    /// `const c = Toolbelt.SFClient()`.
    clients: HashMap<String, ClientDecl>,
    /// How often each name is declared.
    declared: HashMap<String, usize>,
    /// Every identifier use (not declaration).
    refs: Vec<Ref>,
    connects: Vec<Connect>,
}

impl Finder<'_> {
    fn factory(&self, expr: &Expr) -> Option<Span> {
        let (name, call) = self.toolbelt.call(expr)?;
        FACTORIES.contains(&name).then_some(call.span)
    }
}

impl Visit for Finder<'_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Some((name, _)) = call
            .callee
            .as_expr()
            .and_then(|c| self.toolbelt.member(c))
            .filter(|n| FACTORIES.contains(n))
            .map(|n| (n, ()))
        {
            self.factory_calls.push((name.to_string(), call.span));
        }
        if let Some(member) = call.callee.as_expr().and_then(|c| c.as_member()) {
            if member.prop.as_ident().is_some_and(|p| &*p.sym == METHOD) {
                if let Some(span) = self.factory(&member.obj) {
                    self.connects.push(Connect {
                        callee: member.span,
                        call: call.span,
                        receiver: Receiver::Factory(span),
                        receiver_ident: None,
                    });
                } else if let Some(ident) = member.obj.as_ident() {
                    self.connects.push(Connect {
                        callee: member.span,
                        call: call.span,
                        receiver: Receiver::Client(ident.sym.to_string()),
                        receiver_ident: Some(ident.span),
                    });
                }
            }
        }
        call.visit_children_with(self);
    }

    fn visit_var_decl(&mut self, var: &VarDecl) {
        for d in &var.decls {
            if let (Pat::Ident(name), Some(init)) = (&d.name, d.init.as_deref()) {
                if let Some(factory) = self.factory(init) {
                    self.clients.insert(
                        name.id.sym.to_string(),
                        ClientDecl {
                            factory,
                            stmt: var.span,
                            single: var.decls.len() == 1,
                        },
                    );
                }
            }
        }
        var.visit_children_with(self);
    }

    fn visit_binding_ident(&mut self, b: &BindingIdent) {
        *self.declared.entry(b.id.sym.to_string()).or_default() += 1;
    }

    fn visit_fn_decl(&mut self, f: &FnDecl) {
        *self.declared.entry(f.ident.sym.to_string()).or_default() += 1;
        f.visit_children_with(self);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        if let Expr::Ident(i) = expr {
            self.refs.push(Ref {
                name: i.sym.to_string(),
                span: i.span(),
            });
        }
        expr.visit_children_with(self);
    }
}
