//! Finding the handler's callback calls, what V1 ran after them, and the `try` statements that
//! only hand an error to the callback.

use super::data::{is_pure_builtin, Data};
use super::ERROR_TYPES;
use crate::rules::Context;
use std::collections::HashSet;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// `try` statements of the handler whose `catch (e)` only calls `callback(e)` (no `finally`),
/// laid out one statement a line so that the block can be unwrapped line by line. Such a `try` is
/// the same as its block once the callback call is a `throw e`.
pub(super) fn unwrappable(cx: &Context, body: &FunctionBody, callback: &str) -> HashSet<swc_common::BytePos> {
    struct Find<'c, 'a> {
        cx: &'c Context<'a>,
        callback: &'c str,
        found: HashSet<swc_common::BytePos>,
    }
    impl Visit for Find<'_, '_> {
        fn visit_try_stmt(&mut self, t: &TryStmt) {
            if t.finalizer.is_none() && try_layout(self.cx, t).is_some() {
                if let Some(handler) = &t.handler {
                    let param = handler.param.as_ref().and_then(|p| p.as_ident());
                    let only_call = match handler.body.stmts.as_slice() {
                        [stmt] => site_call(stmt, self.callback),
                        _ => None,
                    };
                    if let (Some(param), Some((call, _))) = (param, only_call) {
                        let passes_error = match call.args.as_slice() {
                            [e] | [e, _] => e.expr.as_ident().is_some_and(|i| i.sym == param.id.sym),
                            _ => false,
                        };
                        let result_pure = call.args.get(1).is_none_or(|a| is_pure(&a.expr));
                        if passes_error && result_pure && call.args.iter().all(|a| a.spread.is_none()) {
                            self.found.insert(t.span.lo);
                        }
                    }
                }
            }
            t.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut find = Find {
        cx,
        callback,
        found: HashSet::new(),
    };
    body.visit_with(&mut find);
    find.found
}

/// The line ranges of `try {` / the block / `} catch (e) { … }` when each stands on its own lines.
pub(super) struct TryLayout {
    /// The `try {` line, with its line ending.
    pub(super) head: std::ops::Range<usize>,
    /// The lines of the block.
    pub(super) block: std::ops::Range<usize>,
    /// From the line of the block's `}` to the end of the catch's line, with its line ending.
    pub(super) tail: std::ops::Range<usize>,
}

pub(super) fn try_layout(cx: &Context, t: &TryStmt) -> Option<TryLayout> {
    let src = cx.source;
    let line_start = |at: usize| crate::rules::support::line_start(src, at);
    let line_end = |at: usize| crate::rules::support::next_line_start(src, at);
    let only_space = |r: std::ops::Range<usize>| src[r].trim().is_empty();
    let start = cx.range(t.span).start;
    let block = cx.range(t.block.span);
    let handler = t.handler.as_ref()?;
    let end = cx.range(handler.span).end;
    let head = line_start(start)..line_end(block.start);
    let close = block.end - 1;
    let tail = line_start(close)..line_end(end);
    let ok = only_space(head.start..start)
        && src[start..block.start].trim() == "try"
        && only_space(block.start + 1..head.end)
        && only_space(tail.start..close)
        && src[end..tail.end].trim().trim_end_matches(';').is_empty()
        && head.end <= tail.start;
    ok.then_some(TryLayout {
        block: head.end..tail.start,
        head,
        tail,
    })
}

/// A callback call that is a statement of the handler's own body.
pub(super) struct Site<'a> {
    pub(super) stmt: &'a Stmt,
    pub(super) call: &'a CallExpr,
    /// The statement is the body of an `if` or a loop, not an item of a list.
    pub(super) bare: bool,
    /// Inside a `try` block that has a `catch`.
    pub(super) in_try_catch: bool,
    pub(super) in_finally: bool,
    /// Names of the `catch` parameters in scope.
    pub(super) caught: Vec<String>,
    /// The first code with effects that V1 ran after this call.
    pub(super) effect_after: Option<Span>,
    /// The same, not counting logging: code whose effects outlast the invocation's result.
    pub(super) lasting_effect_after: Option<Span>,
    /// The next statement in the same list.
    pub(super) next: Option<&'a Stmt>,
    /// The call goes with the `try`/`catch` around it (see [`unwrappable`]).
    pub(super) dropped: bool,
}

/// What happens, in V1, after a statement.
pub(super) enum Frame<'a> {
    /// These statements run next.
    Rest(&'a [Stmt]),
    /// The enclosing loop may run again.
    Loop(&'a Stmt),
    /// The enclosing switch falls through into these cases.
    Cases(&'a [SwitchCase]),
    /// A `finally` block runs next.
    Finally(&'a BlockStmt),
    /// Inside a `try` block with a `catch`.
    TryCatch,
    /// Inside a `finally` block.
    InFinally,
}

pub(super) struct Sites<'a, 'n> {
    pub(super) callback: &'n str,
    pub(super) locals: HashSet<String>,
    pub(super) data: &'n Data<'n>,
    pub(super) frames: Vec<Frame<'a>>,
    pub(super) caught: Vec<String>,
    pub(super) found: Vec<Site<'a>>,
    /// Statements that are `.then`/`.catch` chains using the callback, after which nothing
    /// runs, and whether they sit in a `try` with a `catch`.
    pub(super) chains: Vec<(&'a Stmt, bool)>,
    /// `try` statements whose `catch` only hands the error to the callback, by position.
    pub(super) unwrap: HashSet<swc_common::BytePos>,
}

impl<'a> Sites<'a, '_> {
    pub(super) fn list(&mut self, stmts: &'a [Stmt]) {
        for (i, stmt) in stmts.iter().enumerate() {
            self.frames.push(Frame::Rest(&stmts[i + 1..]));
            self.stmt(stmt, false, stmts.get(i + 1));
            self.frames.pop();
        }
    }

    fn stmt(&mut self, stmt: &'a Stmt, bare: bool, next: Option<&'a Stmt>) {
        if let Some((call, is_return)) = site_call(stmt, self.callback) {
            // `return callback(…)` returned in V1 as well.
            let effect_after = if is_return { None } else { self.effect_after(false) };
            let lasting_effect_after = if is_return { None } else { self.effect_after(true) };
            self.found.push(Site {
                stmt,
                call,
                bare,
                in_try_catch: self.frames.iter().any(|f| matches!(f, Frame::TryCatch)),
                in_finally: self.frames.iter().any(|f| matches!(f, Frame::InFinally)),
                caught: self.caught.clone(),
                effect_after,
                lasting_effect_after,
                next,
                dropped: false,
            });
            return;
        }
        if self.is_chain(stmt) && self.nothing_after() {
            let in_try_catch = self.frames.iter().any(|f| matches!(f, Frame::TryCatch));
            self.chains.push((stmt, in_try_catch));
            return;
        }
        match stmt {
            Stmt::Block(b) => self.list(&b.stmts),
            Stmt::If(i) => {
                self.stmt(&i.cons, !i.cons.is_block(), None);
                if let Some(alt) = &i.alt {
                    self.stmt(alt, !alt.is_block(), None);
                }
            }
            Stmt::For(ForStmt { body, .. })
            | Stmt::ForIn(ForInStmt { body, .. })
            | Stmt::ForOf(ForOfStmt { body, .. })
            | Stmt::While(WhileStmt { body, .. })
            | Stmt::DoWhile(DoWhileStmt { body, .. }) => {
                self.frames.push(Frame::Loop(stmt));
                self.stmt(body, !body.is_block(), None);
                self.frames.pop();
            }
            Stmt::Try(t) if self.unwrap.contains(&t.span.lo) => {
                // `try { … } catch (e) { callback(e); }` becomes its block: errors propagate.
                self.list(&t.block.stmts);
                let handler = t.handler.as_ref().expect("unwrappable try has a catch");
                let call_stmt = &handler.body.stmts[0];
                let (call, _) = site_call(call_stmt, self.callback).expect("unwrappable catch calls back");
                self.found.push(Site {
                    stmt: call_stmt,
                    call,
                    bare: false,
                    in_try_catch: false,
                    in_finally: false,
                    caught: Vec::new(),
                    effect_after: None,
                    lasting_effect_after: None,
                    next: None,
                    dropped: true,
                });
            }
            Stmt::Try(t) => {
                let frames = self.frames.len();
                if let Some(finalizer) = &t.finalizer {
                    self.frames.push(Frame::Finally(finalizer));
                }
                if t.handler.is_some() {
                    self.frames.push(Frame::TryCatch);
                }
                self.list(&t.block.stmts);
                self.frames.truncate(frames);
                if let Some(handler) = &t.handler {
                    if let Some(finalizer) = &t.finalizer {
                        self.frames.push(Frame::Finally(finalizer));
                    }
                    let param = handler.param.as_ref().and_then(|p| p.as_ident()).map(|i| i.id.sym.to_string());
                    self.caught.extend(param.clone());
                    self.list(&handler.body.stmts);
                    if param.is_some() {
                        self.caught.pop();
                    }
                    self.frames.truncate(frames);
                }
                if let Some(finalizer) = &t.finalizer {
                    self.frames.push(Frame::InFinally);
                    self.list(&finalizer.stmts);
                    self.frames.pop();
                }
            }
            Stmt::Switch(s) => {
                for (i, case) in s.cases.iter().enumerate() {
                    self.frames.push(Frame::Cases(&s.cases[i + 1..]));
                    self.list(&case.cons);
                    self.frames.pop();
                }
            }
            Stmt::Labeled(l) => self.stmt(&l.body, bare, next),
            _ => {}
        }
    }

    /// A `….then(…)` or `….catch(…)` statement that mentions the callback.
    fn is_chain(&self, stmt: &Stmt) -> bool {
        let expr = match stmt {
            Stmt::Expr(e) => e.expr.as_ref(),
            Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => arg.as_ref(),
            _ => return false,
        };
        let Expr::Call(call) = expr else {
            return false;
        };
        let is_step = call
            .callee
            .as_expr()
            .and_then(|c| c.as_member())
            .and_then(|m| m.prop.as_ident())
            .is_some_and(|p| &*p.sym == "then" || &*p.sym == "catch");
        is_step && count_idents(expr, self.callback) > 0
    }

    /// No statement runs after the current one (and it is not in a loop).
    fn nothing_after(&self) -> bool {
        let empty = |stmts: &[Stmt]| stmts.iter().all(|s| matches!(s, Stmt::Empty(_)));
        self.frames.iter().all(|f| match f {
            Frame::Rest(stmts) => empty(stmts),
            Frame::Cases(cases) => cases.iter().all(|c| empty(&c.cons)),
            Frame::Finally(block) => empty(&block.stmts),
            Frame::Loop(_) => false,
            Frame::TryCatch | Frame::InFinally => true,
        })
    }

    /// The first code with effects that V1 runs after the current statement, following the
    /// frames outward.
    fn effect_after(&self, ignore_logging: bool) -> Option<Span> {
        // `break` skips to after the innermost loop or switch; `continue` to the loop itself.
        #[derive(PartialEq)]
        enum Jump {
            None,
            Break,
            Continue,
        }
        let mut jump = Jump::None;
        for frame in self.frames.iter().rev() {
            let stmts: Vec<&Stmt> = match frame {
                Frame::Rest(stmts) if jump == Jump::None => stmts.iter().collect(),
                Frame::Cases(cases) if jump == Jump::None => cases.iter().flat_map(|c| &c.cons).collect(),
                Frame::Cases(_) if jump == Jump::Break => {
                    jump = Jump::None;
                    continue;
                }
                Frame::Loop(stmt) => {
                    if jump != Jump::Break {
                        if let Some(span) = effect(*stmt, self.callback, &self.locals, self.data, ignore_logging) {
                            return Some(span);
                        }
                    }
                    jump = Jump::None;
                    continue;
                }
                Frame::Finally(block) => block.stmts.iter().collect(),
                _ => continue,
            };
            // A `finally` block still runs after the `return` or `throw` the call becomes: only
            // its lasting effects count (they now come before the result).
            let ignore_logging = ignore_logging || matches!(frame, Frame::Finally(_));
            for stmt in stmts {
                if let Some(span) = effect(stmt, self.callback, &self.locals, self.data, ignore_logging) {
                    return Some(span);
                }
                match stmt {
                    Stmt::Return(_) | Stmt::Throw(_) => return None,
                    Stmt::Break(_) => {
                        jump = Jump::Break;
                        break;
                    }
                    Stmt::Continue(_) => {
                        jump = Jump::Continue;
                        break;
                    }
                    _ => {}
                }
            }
        }
        None
    }
}

/// `callback(…);` or `return callback(…);`.
fn site_call<'a>(stmt: &'a Stmt, callback: &str) -> Option<(&'a CallExpr, bool)> {
    let (expr, is_return) = match stmt {
        Stmt::Expr(e) => (e.expr.as_ref(), false),
        Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => (arg.as_ref(), true),
        _ => return None,
    };
    match expr {
        Expr::Call(call) if call.callee.as_expr().and_then(|c| c.as_ident()).is_some_and(|i| &*i.sym == callback) => {
            Some((call, is_return))
        }
        _ => None,
    }
}

/// Evaluating the expression has no effect and reading it twice gives the same value.
pub(super) fn is_pure(expr: &Expr) -> bool {
    match expr {
        Expr::Ident(_) | Expr::Lit(_) | Expr::This(_) | Expr::Fn(_) | Expr::Arrow(_) => true,
        Expr::Paren(p) => is_pure(&p.expr),
        Expr::Member(m) => {
            is_pure(&m.obj)
                && match &m.prop {
                    MemberProp::Computed(c) => is_pure(&c.expr),
                    _ => true,
                }
        }
        Expr::Tpl(t) => t.exprs.iter().all(|e| is_pure(e)),
        Expr::Array(a) => a.elems.iter().flatten().all(|e| is_pure(&e.expr)),
        Expr::Object(o) => o.props.iter().all(|p| match p {
            PropOrSpread::Spread(s) => is_pure(&s.expr),
            PropOrSpread::Prop(p) => match p.as_ref() {
                Prop::Shorthand(_) => true,
                Prop::KeyValue(kv) => !matches!(kv.key, PropName::Computed(_)) && is_pure(&kv.value),
                _ => false,
            },
        }),
        Expr::Unary(u) => u.op != UnaryOp::Delete && is_pure(&u.arg),
        Expr::Bin(b) => is_pure(&b.left) && is_pure(&b.right),
        Expr::Cond(c) => is_pure(&c.test) && is_pure(&c.cons) && is_pure(&c.alt),
        _ => false,
    }
}

/// The first expression in `node` whose evaluation has an effect outside the handler: a call
/// (other than a callback call, which V1 ignores after the first), `new` (other than an error), `await`,
/// `delete`, or a write to anything but a local variable. Nested functions are not entered.
pub(super) fn effect<'a, N: VisitWith<EffectFinder<'a>>>(
    node: &N,
    callback: &'a str,
    locals: &'a HashSet<String>,
    data: &'a Data<'a>,
    ignore_logging: bool,
) -> Option<Span> {
    let mut finder = EffectFinder {
        callback,
        locals,
        data,
        ignore_logging,
        found: None,
    };
    node.visit_with(&mut finder);
    finder.found
}

pub(super) struct EffectFinder<'a> {
    callback: &'a str,
    locals: &'a HashSet<String>,
    /// The input's data, whose listed methods compute without effects.
    data: &'a Data<'a>,
    /// `console.*` calls do not count.
    ignore_logging: bool,
    found: Option<Span>,
}

impl Visit for EffectFinder<'_> {
    fn visit_expr(&mut self, expr: &Expr) {
        if self.found.is_some() {
            return;
        }
        let effect = match expr {
            // A later callback call is ignored by V1; only its arguments may have effects.
            Expr::Call(call) => {
                let callee = call.callee.as_expr();
                let is_callback = callee.and_then(|c| c.as_ident()).is_some_and(|i| &*i.sym == self.callback);
                let semantic = self.data.semantic();
                let is_logging = callee.is_some_and(|c| semantic.is_global_member(c, "console"));
                !(is_callback
                    || (self.ignore_logging && is_logging)
                    || callee.is_some_and(|c| is_pure_builtin(semantic, c))
                    || self.data.is_data(expr))
            }
            Expr::New(n) => !n.callee.as_ident().is_some_and(|i| ERROR_TYPES.contains(&&*i.sym)),
            Expr::Await(_) | Expr::Yield(_) | Expr::TaggedTpl(_) => true,
            Expr::Unary(u) => u.op == UnaryOp::Delete,
            Expr::Update(u) => !u.arg.as_ident().is_some_and(|i| self.locals.contains(&*i.sym)),
            Expr::Assign(a) => !matches!(&a.left, AssignTarget::Simple(SimpleAssignTarget::Ident(i)) if self.locals.contains(&*i.id.sym)),
            _ => false,
        };
        if effect {
            self.found = Some(expr.span());
        } else {
            expr.visit_children_with(self);
        }
    }

    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
}


/// How often `name` occurs as an identifier in `node`.
pub(super) fn count_idents<'a, N: VisitWith<Count<'a>>>(node: &N, name: &'a str) -> usize {
    let mut count = Count(name, 0);
    node.visit_with(&mut count);
    count.1
}

pub(super) struct Count<'a>(&'a str, usize);

impl Visit for Count<'_> {
    fn visit_ident(&mut self, i: &Ident) {
        if &*i.sym == self.0 {
            self.1 += 1;
        }
    }
}

/// Whether the handler's own code (not nested non-arrow functions) reads `name`.
pub(super) fn mentions(body: &FunctionBody, name: &str) -> bool {
    struct Find<'a>(&'a str, bool);
    impl Visit for Find<'_> {
        fn visit_ident(&mut self, i: &Ident) {
            self.1 |= &*i.sym == self.0;
        }
        fn visit_function(&mut self, _: &Function) {}
    }
    let mut find = Find(name, false);
    body.visit_with(&mut find);
    find.1
}
