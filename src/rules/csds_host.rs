//! ## What it does
//! Replaces hard-coded LivePerson service hosts with a CSDS lookup. In a string or template
//! literal inside an async function, the host becomes `${await csdsClient.get("<service>")}`
//! (a plain string becomes a template literal; a string that is only the host becomes
//! `await csdsClient.get("<service>")`), and the file gets one top-level
//! `const csdsClient = Toolbelt.CsdsClient();` after the toolbelt import or require (or, when the
//! file has no top-level `Toolbelt`, after a new `import { Toolbelt } from "core-functions-toolbelt";`
//! at the top). The host → service table is `rules/csds.toml`.
//!
//! A V1 handler `function lambda(input, callback)` that is not async is made `async`: V1 treats a
//! throw of the handler and a rejection alike (both fail the invocation, and only the first
//! callback counts), and V2 requires an async handler anyway.
//!
//! Where `await` cannot stand (at the top level of the file, in a helper that is not async, in
//! parameters or class fields) the host gets a marker saying which lookup to move where. A
//! hand-written CSDS lookup (a URL on `api.liveperson.net`, or a `/service/.../baseURI` path)
//! gets a marker with the `CsdsClient` replacement. A LivePerson host the table does not know is
//! reported (`review`, no marker): it still works in V2, but CSDS is the documented way.
//!
//! ## Why V2 needs it
//! The V2 guide (§1.5) asks functions to resolve service domains with the toolbelt's
//! `CsdsClient` instead of hard-coding them, so they keep working when LivePerson moves a
//! service. The rewrite is `review`: V1 always called the hard-coded host, V2 calls whatever CSDS
//! returns for the account, which is the same host as long as the hard-coded one was right for
//! the account (and the lookup is one more request that can fail).
//!
//! ## Example
//! ```js
//! // before
//! const { Toolbelt } = require("lp-faas-toolbelt");
//! async function lambda(input, callback) {
//!   const url = "https://va.agentvep.liveperson.net/api/account/" + id;
//! }
//! // after
//! const { Toolbelt } = require("lp-faas-toolbelt");
//! const csdsClient = Toolbelt.CsdsClient();
//! async function lambda(input, callback) {
//!   const url = `https://${await csdsClient.get("agentVep")}/api/account/` + id;
//! }
//! ```
//!
//! ## Limits
//! Top-level await is never introduced: a module-level constant such as
//! `const BASE = "https://va.msghist.liveperson.net/..."` gets a marker (move the lookup into the
//! async code that uses it). Tagged templates and strings with octal-like escapes are reported,
//! not rewritten. Hosts split across several strings (`"va.agentvep" + ".liveperson.net"`) are
//! not recognised. `*.msg.liveperson.net` serves several services and is only reported. Every
//! occurrence in code counts, including comparisons (`url.includes("va.agentvep.liveperson.net")`
//! then compares with what CSDS returns); comments and property names are left alone.

use super::importer::{Export, Importer, NewImport};
use super::support::{self, AwaitAt};
use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::tables;
use swc_common::Span;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "csds-host",
    class: FixClass::Review,
    summary: "hard-coded LivePerson hosts become `await csdsClient.get(\"<service>\")`; hand-written CSDS lookups are reported",
    applies: |source| source.contains(".liveperson.net") || source.contains("baseURI"),
    check: Check::JavaScript(check),
    after: &["require-to-import"],
    source: include_str!("csds_host.rs"),
};

const DOMAIN: &str = ".liveperson.net";
const CLIENT_NAME: &str = "csdsClient";

fn check(cx: &mut Context) {
    let scopes = cx.scopes();
    let mut visitor = HostVisitor {
        found: Vec::new(),
        lookups: Vec::new(),
        in_chain: false,
        tagged: 0,
    };
    cx.parsed.program.visit_with(&mut visitor);
    let HostVisitor { found, lookups, .. } = visitor;

    for lookup in lookups {
        let service = lookup
            .service
            .map(|s| format!("get(\"{s}\")"))
            .unwrap_or_else(|| "get(\"<service>\")".into());
        cx.todo(
            lookup.span,
            format!(
                "hand-written CSDS lookup: in V2 use `await Toolbelt.CsdsClient().{service}` (it returns the host without scheme) instead of calling the Domain API"
            ),
        );
    }
    if found.is_empty() {
        return;
    }

    let binding = support::toolbelt_binding(cx);
    let client = existing_client(cx);
    let client_name = client.clone().unwrap_or_else(|| CLIENT_NAME.to_string());
    let name_free = client.is_some() || !cx.semantic.declares(CLIENT_NAME);
    // Without a toolbelt binding, one is imported as `Toolbelt`: that name must be free too.
    let toolbelt_free =
        client.is_some() || binding.is_some() || !cx.semantic.declares_at_top_level("Toolbelt");
    let file_quote = cx.style.quote;
    let handler = cx.facts.handler.as_ref();
    let handler_range = handler.map(|h| cx.range(h.span));

    let mut rewrote = false;
    let mut made_async = false;
    for host in found {
        let at = cx.range(host.literal).start;
        let Some(service) = tables::csds().service(&host.host) else {
            cx.report(
                host.literal,
                FixClass::Review,
                format!(
                    "hard-coded LivePerson host `{}`: faas-migrate knows no CSDS service for it; V2 recommends `await Toolbelt.CsdsClient().get(\"<service>\")`",
                    host.host
                ),
            );
            continue;
        };
        let mut place = scopes.await_at(at);
        // The sync V1 handler can become async: V1 fails the invocation alike on a throw and on a
        // rejection of the handler, and V2 wants an async handler.
        let in_sync_handler = place == AwaitAt::SyncFunction
            && handler.is_some_and(|h| !h.is_async)
            && scopes.function_at(at) == handler_range
            && scopes.in_body(at);
        if in_sync_handler {
            place = AwaitAt::Allowed;
        }
        let blocked_message = format!(
            "hard-coded LivePerson host `{}`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get(\"{service}\")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it",
            host.host
        );
        if place != AwaitAt::Allowed
            || host.unsafe_escape
            || host.tagged
            || !name_free
            || !toolbelt_free
        {
            let message = if host.tagged {
                format!(
                    "hard-coded LivePerson host `{}` in a tagged template: replace it with `await csdsClient.get(\"{service}\")` by hand",
                    host.host
                )
            } else if !toolbelt_free {
                format!(
                    "hard-coded LivePerson host `{}`: the name `Toolbelt` is taken in this file by something else than the toolbelt; look the host up with `await csdsClient.get(\"{service}\")` by hand",
                    host.host
                )
            } else if !name_free {
                format!(
                    "hard-coded LivePerson host `{}`: the name `{CLIENT_NAME}` is taken in this file; look the host up with `await Toolbelt.CsdsClient().get(\"{service}\")` by hand",
                    host.host
                )
            } else if host.unsafe_escape {
                format!(
                    "hard-coded LivePerson host `{}` in a string with octal-like escapes: replace it with `await csdsClient.get(\"{service}\")` by hand",
                    host.host
                )
            } else {
                blocked_message
            };
            cx.todo(host.literal, message);
            continue;
        }
        if in_sync_handler && !made_async {
            if let Some(h) = handler {
                let start = cx.range(h.span).start;
                cx.insert(start, "async ");
                made_async = true;
            }
        }
        support::remove_own_marker(cx, at, &blocked_message);
        let literal_text = cx.text(host.literal);
        let quote = match literal_text.chars().next() {
            Some(q @ ('"' | '\'')) => q,
            _ => file_quote,
        };
        let lookup = format!("await {client_name}.get({quote}{service}{quote})");
        match host.kind {
            Piece::Quasi => {
                cx.replace(cx.range(host.host_span), format!("${{{lookup}}}"));
            }
            Piece::Str => {
                let range = cx.range(host.literal);
                let host_range = cx.range(host.host_span);
                let inner = range.start + 1..range.end - 1;
                let replacement = if host_range == inner {
                    let next = cx.source[range.end..].trim_start().chars().next();
                    if matches!(next, Some('.' | '[' | '(' | '`' | '?')) {
                        format!("({lookup})")
                    } else {
                        lookup
                    }
                } else {
                    let before = template_escape(&cx.source[inner.start..host_range.start]);
                    let after = template_escape(&cx.source[host_range.end..inner.end]);
                    format!("`{before}${{{lookup}}}{after}`")
                };
                cx.replace(range, replacement);
            }
        }
        cx.report(
            host.literal,
            FixClass::Review,
            format!(
                "`{}` is now looked up with CSDS (`{service}`): this assumes CSDS returns the same host for this account",
                host.host
            ),
        );
        rewrote = true;
    }
    if rewrote && client.is_none() {
        let line = |toolbelt: &str| format!("const {CLIENT_NAME} = {toolbelt}.CsdsClient(){}", cx.style.semi());
        match &binding {
            // Still a `require`: the client must come after it.
            Some(b) if !b.import => {
                let line = line(&b.local);
                support::insert_top_lines(cx, Some(b), &[line]);
            }
            _ => {
                let mut importer = Importer::new();
                let toolbelt = match &binding {
                    Some(b) => b.local.clone(),
                    None => {
                        importer.add(NewImport {
                            spec: support::V2_TOOLBELT.into(),
                            quote: file_quote,
                            json: false,
                            clause: Some((Export::Named("Toolbelt".into()), "Toolbelt".into())),
                            comments: Vec::new(),
                        });
                        "Toolbelt".to_string()
                    }
                };
                importer.add_code(line(&toolbelt));
                importer.finish(cx);
            }
        }
    }
}

/// A top-level `const <name> = Toolbelt.CsdsClient()` (the toolbelt however reached): its name.
fn existing_client(cx: &Context) -> Option<String> {
    support::top_statements(&cx.parsed.program)
        .into_iter()
        .find_map(|stmt| {
            let var = stmt.as_decl()?.as_var()?;
            var.decls.iter().find_map(|d| {
                let (factory, call) = cx.facts.toolbelt.call(d.init.as_deref()?)?;
                (factory == "CsdsClient" && call.args.is_empty())
                    .then(|| d.name.as_ident().map(|i| i.id.sym.to_string()))
                    .flatten()
            })
        })
}

/// Escapes text taken from inside a string literal so it means the same inside a template.
fn template_escape(raw: &str) -> String {
    raw.replace('`', "\\`").replace("${", "\\${")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Str,
    Quasi,
}

struct Host {
    host: String,
    /// The host's own text.
    host_span: Span,
    /// The string literal or template holding it (where findings point).
    literal: Span,
    kind: Piece,
    /// The string has escapes a template literal does not allow (`\1`, `\08`).
    unsafe_escape: bool,
    tagged: bool,
}

struct Lookup {
    span: Span,
    service: Option<String>,
}

struct HostVisitor {
    found: Vec<Host>,
    lookups: Vec<Lookup>,
    /// Inside a `+` chain whose text was checked for a CSDS lookup already.
    in_chain: bool,
    tagged: usize,
}

impl HostVisitor {
    /// Records every LivePerson host in a piece of literal text starting at `lo`.
    fn scan(&mut self, text: &str, lo: swc_common::BytePos, literal: Span, kind: Piece) {
        for host in hosts_in(text) {
            if tables::csds().is_csds(&text[host.clone()]) {
                continue;
            }
            let host_span = Span::new(lo + swc_common::BytePos(host.start as u32), lo + swc_common::BytePos(host.end as u32));
            // Only the first host of a string in one pass: the string becomes a template, and
            // the next pass sees the rest in its quasis.
            if kind == Piece::Str && self.found.iter().any(|f| f.literal == literal) {
                continue;
            }
            self.found.push(Host {
                host: text[host].to_ascii_lowercase(),
                host_span,
                literal,
                kind,
                unsafe_escape: kind == Piece::Str && has_octal_escape(text),
                tagged: self.tagged > 0,
            });
        }
    }

    fn check_lookup(&mut self, text: &str, span: Span) {
        if let Some(service) = csds_lookup(text) {
            self.lookups.push(Lookup { span, service });
        }
    }
}

impl Visit for HostVisitor {
    fn visit_str(&mut self, s: &Str) {
        let Some(raw) = s.raw.as_ref() else {
            return;
        };
        if raw.len() < 2 {
            return;
        }
        let inner = &raw[1..raw.len() - 1];
        self.scan(inner, s.span.lo + swc_common::BytePos(1), s.span, Piece::Str);
        if !self.in_chain {
            self.check_lookup(inner, s.span);
        }
    }

    fn visit_tpl(&mut self, tpl: &Tpl) {
        if !self.in_chain {
            let text: Vec<&str> = tpl.quasis.iter().map(|q| &*q.raw).collect();
            self.check_lookup(&text.join("${}"), tpl.span);
        }
        for quasi in &tpl.quasis {
            self.scan(&quasi.raw, quasi.span.lo, tpl.span, Piece::Quasi);
        }
        let was = self.in_chain;
        self.in_chain = false;
        for expr in &tpl.exprs {
            expr.visit_with(self);
        }
        self.in_chain = was;
    }

    fn visit_tagged_tpl(&mut self, tagged: &TaggedTpl) {
        self.tagged += 1;
        tagged.visit_children_with(self);
        self.tagged -= 1;
    }

    fn visit_bin_expr(&mut self, bin: &BinExpr) {
        if bin.op == BinaryOp::Add && !self.in_chain {
            let mut text = String::new();
            chain_text(&bin.left, &mut text);
            chain_text(&bin.right, &mut text);
            self.check_lookup(&text, bin.span);
            self.in_chain = true;
            bin.visit_children_with(self);
            self.in_chain = false;
        } else {
            bin.visit_children_with(self);
        }
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        // Arguments of a call inside a `+` chain are their own expressions.
        let was = self.in_chain;
        self.in_chain = false;
        call.visit_children_with(self);
        self.in_chain = was;
    }

    fn visit_function(&mut self, f: &Function) {
        let was = self.in_chain;
        self.in_chain = false;
        f.visit_children_with(self);
        self.in_chain = was;
    }

    fn visit_prop_name(&mut self, _: &PropName) {}

    fn visit_import_decl(&mut self, _: &ImportDecl) {}
}

/// The text of a `+` chain: its string and template pieces, `${}` for anything else.
fn chain_text(expr: &Expr, out: &mut String) {
    match expr {
        Expr::Bin(b) if b.op == BinaryOp::Add => {
            chain_text(&b.left, out);
            chain_text(&b.right, out);
        }
        Expr::Paren(p) => chain_text(&p.expr, out),
        Expr::Lit(Lit::Str(s)) => {
            if let Some(v) = s.value.as_atom() {
                out.push_str(v);
            }
        }
        Expr::Tpl(t) => {
            let parts: Vec<&str> = t.quasis.iter().map(|q| &*q.raw).collect();
            out.push_str(&parts.join("${}"));
        }
        _ => out.push_str("${}"),
    }
}

/// A hand-written CSDS lookup in URL text: `Some(service)` (the service when the URL names one).
fn csds_lookup(text: &str) -> Option<Option<String>> {
    let lower = text.to_ascii_lowercase();
    let on_csds = hosts_in(text)
        .into_iter()
        .any(|h| tables::csds().is_csds(&text[h]));
    let service_path = lower.find("/service/").filter(|_| lower.contains("baseuri"));
    if !on_csds && service_path.is_none() {
        return None;
    }
    // `/service/<name>/baseURI`: the service is named.
    let service = service_path.and_then(|at| {
        let rest = &text[at + "/service/".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let after = &rest[name.len()..];
        (!name.is_empty() && !name.eq_ignore_ascii_case("baseuri") && after.starts_with('/'))
            .then_some(name)
    });
    Some(service)
}

/// The byte ranges of `<labels>.liveperson.net` host names in `text`.
fn hosts_in(text: &str) -> Vec<std::ops::Range<usize>> {
    let is_host = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(DOMAIN) {
        let end = from + i + DOMAIN.len();
        from = end;
        if text[end..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        let start = text[..end - DOMAIN.len()]
            .char_indices()
            .rfind(|&(_, c)| !is_host(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if start < end - DOMAIN.len() {
            found.push(start..end);
        }
    }
    found
}

fn has_octal_escape(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            let next = bytes[i + 1];
            let after = bytes.get(i + 2).copied();
            if next.is_ascii_digit() && (next != b'0' || after.is_some_and(|a| a.is_ascii_digit())) {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hosts_in_text() {
        let text = "https://va.agentvep.liveperson.net/api and z1.context.liveperson.net";
        let hosts: Vec<&str> = hosts_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(hosts, ["va.agentvep.liveperson.net", "z1.context.liveperson.net"]);
        assert!(hosts_in("x.liveperson.network").is_empty());
        assert!(hosts_in(".liveperson.net").is_empty());
        // A host part ends at any other character, also one of several bytes.
        let text = "https://va.msgéist.liveperson.net/x";
        let hosts: Vec<&str> = hosts_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(hosts, ["ist.liveperson.net"]);
    }

    #[test]
    fn recognises_csds_lookups() {
        assert_eq!(
            csds_lookup("https://api.liveperson.net/api/account/${}/service/baseURI.json"),
            Some(None)
        );
        assert_eq!(
            csds_lookup("https://${}/api/account/${}/service/engHistDomain/baseURI.json?version=1.0"),
            Some(Some("engHistDomain".into()))
        );
        assert_eq!(csds_lookup("https://va.agentvep.liveperson.net/api"), None);
    }

    #[test]
    fn table_matches_patterns() {
        let csds = tables::csds();
        assert_eq!(csds.service("va.agentvep.liveperson.net"), Some("agentVep"));
        assert_eq!(csds.service("SY.AgentVep.liveperson.net"), Some("agentVep"));
        assert_eq!(csds.service("z2.context.liveperson.net"), Some("mavenContext"));
        assert_eq!(csds.service("agentvep.liveperson.net"), None);
        assert_eq!(csds.service("va.msg.liveperson.net"), None);
    }

    #[test]
    fn octal_escapes() {
        assert!(has_octal_escape(r"a\1b"));
        assert!(has_octal_escape(r"a\01"));
        assert!(!has_octal_escape(r"a\0b"));
        assert!(!has_octal_escape(r"a\\1"));
    }
}
