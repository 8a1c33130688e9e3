//! Calls whose options are only known when they run (a parameter, an object changed before the
//! call, a spread of an object from elsewhere, a flag that is not a literal) and calls with
//! request's callback: they go through one helper inserted once per file, `requestPromise(uri,
//! options, callback)`, which takes request-promise's arguments and applies its options over
//! fetch when the call runs. The call keeps its arguments; only the callee changes (and a
//! shorthand's method is passed on).

use super::object::{ObjectEditor, Place};
use super::options::KNOWN;
use super::{ClientCall, File};
use crate::rules::{support, Context};
use crate::semantic::facts::prop_key;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// The helper's name when the file has no other binding of it.
pub const NAME: &str = "requestPromise";

/// Globals the helper reads: a top-level binding of one of these names would stand in for it.
const GLOBALS: [&str; 9] = [
    "fetch",
    "URLSearchParams",
    "Buffer",
    "AbortSignal",
    "Object",
    "Error",
    "JSON",
    "decodeURIComponent",
    "undefined",
];

/// The helper's name, and whether the file already declares it (from an earlier run or pass):
/// `requestPromise`, or `requestPromise2`, … when the file has another binding of that name.
pub fn helper_name(cx: &Context) -> Result<(String, bool), String> {
    if let Some(taken) = GLOBALS
        .iter()
        .find(|g| cx.semantic.declares_at_top_level(g))
    {
        return Err(format!(
            "the name `{taken}` is declared at the top of this file, so a run-time request helper cannot use the global"
        ));
    }
    let candidates =
        std::iter::once(NAME.to_string()).chain((2..100).map(|i| format!("{NAME}{i}")));
    for name in candidates {
        let declared = support::top_statements(&cx.parsed.program)
            .into_iter()
            .find_map(|s| match s {
                Stmt::Decl(Decl::Fn(f)) if *f.ident.sym == *name => Some(f.function.span),
                _ => None,
            });
        match declared {
            Some(span) if normalized(&text(&name, cx)) == normalized(cx.text(span)) => {
                return Ok((name, true))
            }
            None if !cx.semantic.declares(&name) => return Ok((name, false)),
            _ => {}
        }
    }
    Err("no free name is left for a run-time request helper".into())
}

/// Code with comments, white space, semicolons and quotes left out, to recognise the helper
/// whatever the file's style.
fn normalized(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && !matches!(c, ';' | '"' | '\''))
        .collect()
}

/// The helper, in the file's style, without a trailing line end.
pub fn text(name: &str, cx: &Context) -> String {
    let u = &cx.style.indent;
    let q = cx.style.quote;
    let s = cx.style.semi();
    let known = KNOWN
        .iter()
        .map(|k| format!("{q}{k}{q}"))
        .collect::<Vec<_>>()
        .join(", ");
    let lines = [
        "// V2 has no HTTPClient (request-promise): this makes a request as it did, with fetch, for calls".to_string(),
        "// whose options are only known when they run or that pass request's callback.".into(),
        format!("async function {name}(uri, options, callback) {{"),
        format!("{u}if (typeof options === {q}function{q}) [options, callback] = [undefined, options]{s}"),
        format!("{u}const params = typeof uri === {q}string{q} ? {{ ...options, uri }} : {{ ...uri, ...options }}{s}"),
        format!("{u}if (callback) {{"),
        format!("{u}{u}return {name}({{ ...params, simple: false, resolveWithFullResponse: true }}).then("),
        format!("{u}{u}{u}(response) => callback(null, response, response.body),"),
        format!("{u}{u}{u}(error) => callback(error),"),
        format!("{u}{u}){s}"),
        format!("{u}}}"),
        format!("{u}const known = [{known}]{s}"),
        format!("{u}const unknown = Object.keys(params).find((key) => params[key] !== undefined && !known.includes(key)){s}"),
        format!("{u}if (unknown) throw new Error(`request option {q}${{unknown}}{q} is not supported over fetch`){s}"),
        format!("{u}const {{ baseUrl, qs, json, form, timeout }} = params{s}"),
        format!("{u}let url = params.uri ?? params.url{s}"),
        format!("{u}if (baseUrl) url = url === {q}{q} ? baseUrl : `${{baseUrl.replace(/\\/$/, {q}{q})}}/${{url.replace(/^\\//, {q}{q})}}`{s}"),
        format!("{u}const query = new URLSearchParams(qs ?? {{}}).toString(){s}"),
        format!("{u}if (query) url += (url.includes({q}?{q}) ? {q}&{q} : {q}?{q}) + query{s}"),
        format!("{u}const headers = {{ ...params.headers }}{s}"),
        format!("{u}const has = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name){s}"),
        format!(r"{u}const credentials = /^([a-z][a-z\d+.-]*:\/\/)([^/?#\\]*)@/i.exec(url){s}"),
        format!("{u}if (credentials) {{"),
        format!("{u}{u}url = credentials[1] + url.slice(credentials[0].length){s}"),
        format!("{u}{u}const user = decodeURIComponent(credentials[2]){s}"),
        format!("{u}{u}if (user && !has({q}authorization{q})) {{"),
        format!("{u}{u}{u}headers.authorization = `Basic ${{Buffer.from(user.includes({q}:{q}) ? user : `${{user}}:`).toString({q}base64{q})}}`{s}"),
        format!("{u}{u}}}"),
        format!("{u}}}"),
        format!("{u}let body = form ? new URLSearchParams(form) : params.body{s}"),
        format!("{u}if (json) {{"),
        format!("{u}{u}if (typeof json !== {q}boolean{q}) body = json{s}"),
        format!("{u}{u}if (body !== undefined && !form) {{"),
        format!("{u}{u}{u}body = JSON.stringify(body){s}"),
        format!("{u}{u}{u}if (!has({q}content-type{q})) headers[{q}content-type{q}] = {q}application/json{q}{s}"),
        format!("{u}{u}}}"),
        format!("{u}{u}if (!has({q}accept{q})) headers.accept = {q}application/json{q}{s}"),
        format!("{u}}}"),
        format!("{u}const response = await fetch(url, {{"),
        format!("{u}{u}method: params.method?.toUpperCase(),"),
        format!("{u}{u}headers,"),
        format!("{u}{u}body,"),
        format!("{u}{u}signal: timeout ? AbortSignal.timeout(timeout) : undefined,"),
        format!("{u}}}){s}"),
        format!("{u}const data = json ? await readJson(response) : await response.text(){s}"),
        format!("{u}if (params.simple !== false && !response.ok) throw new StatusCodeError(response.status, data){s}"),
        format!("{u}if (!params.resolveWithFullResponse) return data{s}"),
        format!("{u}return {{ statusCode: response.status, headers: Object.fromEntries(response.headers), body: data }}{s}"),
        "}".into(),
    ];
    lines.join(cx.style.eol)
}

/// Whether an argument is request's callback: a function, or a name that always holds one.
/// `None` when that is not known here.
fn is_callback(file: &File, expr: &Expr) -> Option<bool> {
    match expr {
        Expr::Fn(_) | Expr::Arrow(_) => Some(true),
        Expr::Paren(p) => is_callback(file, &p.expr),
        Expr::Ident(i) => {
            let binding = file.semantic.binding(file.semantic.binding_of(i)?);
            if binding.kind == crate::semantic::BindingKind::Function {
                return Some(true);
            }
            match file.semantic.constant_init(i)? {
                Expr::Fn(_) | Expr::Arrow(_) => Some(true),
                Expr::Object(_) | Expr::Lit(_) | Expr::Tpl(_) => Some(false),
                _ => None,
            }
        }
        Expr::Object(_) | Expr::Lit(_) | Expr::Tpl(_) | Expr::Bin(_) => Some(false),
        _ => None,
    }
}

/// A replacement of a range of the source.
type TextEdit = (Range<usize>, String);

/// The edits that make a call go through the helper `name`, and whether it passes a callback.
pub fn call_edits(
    cx: &Context,
    file: &File,
    c: &ClientCall,
    name: &str,
) -> Result<(Vec<TextEdit>, bool), String> {
    let call = c.call;
    if call.args.iter().any(|a| a.spread.is_some()) || call.args.is_empty() {
        return Err("the call's arguments are not request's (uri, options, callback)".into());
    }
    let args: Vec<&Expr> = call.args.iter().map(|a| &*a.expr).collect();
    let callback = match args.as_slice() {
        [_] => false,
        [_, second] => match (c.shorthand, is_callback(file, second)) {
            (_, Some(callback)) => callback,
            // Without a method to pass on, the helper tells the two apart when it runs.
            (None, None) => false,
            (Some(_), None) => {
                return Err(
                    "the second argument may be request options or a callback, and which is not known here"
                        .into(),
                )
            }
        },
        [_, _, _] => true,
        _ => return Err("the call has more arguments than request's (uri, options, callback)".into()),
    };
    let literal = match args.as_slice() {
        [Expr::Object(o), ..] => Some(o),
        [_, Expr::Object(o), ..] => Some(o),
        _ => None,
    };
    // Options written at the call that the helper would refuse when it runs.
    for prop in literal.into_iter().flat_map(|o| &o.props) {
        let PropOrSpread::Prop(prop) = prop else {
            continue;
        };
        let key = match &**prop {
            Prop::KeyValue(kv) => prop_key(&kv.key).map(str::to_string),
            Prop::Shorthand(i) => Some(i.sym.to_string()),
            _ => None,
        };
        if let Some(key) = key.filter(|k| !KNOWN.contains(&k.as_str())) {
            return Err(format!(
                "request-promise option `{key}` has no fetch equivalent this tool knows"
            ));
        }
    }
    let mut edits = vec![(cx.range(call.callee.span()), name.to_string())];
    let Some(method) = c.shorthand else {
        return Ok((edits, callback));
    };
    let q = cx.style.quote;
    let method_prop = format!("method: {q}{method}{q}");
    let options = if callback && args.len() == 2 {
        None
    } else {
        args.get(1)
    };
    match options {
        None => {
            let end = cx.range(args[0].span()).end;
            edits.push((end..end, format!(", {{ {method_prop} }}")));
        }
        Some(Expr::Object(o)) => {
            let props: Vec<Range<usize>> = o.props.iter().map(|p| cx.range(p.span())).collect();
            let mut editor = ObjectEditor::new(cx.source, cx.range(o.span), props, cx.style.eol);
            // The shorthand's method wins over one in the options, as in request.
            let existing = o.props.iter().position(|p| {
                matches!(p, PropOrSpread::Prop(p) if matches!(&**p, Prop::KeyValue(kv) if matches!(&kv.key, PropName::Ident(k) if &*k.sym == "method")))
            });
            if let Some(i) = existing {
                editor.remove(i);
            }
            editor.add(Place::End, method_prop.clone());
            let text = match editor.render() {
                Some(text) => text,
                None => format!("{{ ...{}, {method_prop} }}", cx.text(o.span)),
            };
            edits.push((cx.range(o.span), text));
        }
        Some(other) => {
            let range = cx.range(other.span());
            edits.push((
                range,
                format!("{{ ...{}, {method_prop} }}", cx.text(other.span())),
            ));
        }
    }
    Ok((edits, callback))
}

/// The finding of a call that now goes through the helper.
pub fn review(name: &str, reason: &str, callback: bool) -> String {
    if callback {
        format!(
            "request's callback style: `{name}` calls the callback with `(error)` when the request fails and `(null, response, body)` for any status, as request did; `response` has only `statusCode`, `headers` and `body`, and an error is fetch's, not request's"
        )
    } else {
        format!(
            "{reason}: `{name}` applies request-promise's options over fetch when the call runs (it throws on an option it does not know); what this rule's rewrites cannot keep (errors without a response, timeouts, `qs` and `form` values that are not strings) applies there too"
        )
    }
}
