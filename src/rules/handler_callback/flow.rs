//! The paths through the handler on which V1 never called back.

use std::collections::HashSet;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// Where control can be, in V1, while walking the handler's statements.
#[derive(Clone, Copy, Debug)]
pub(super) struct State {
    /// Control can get here.
    pub(super) reachable: bool,
    /// On every way here, the callback was called.
    pub(super) called: bool,
}

const UNREACHABLE: State = State {
    reachable: false,
    called: true,
};

fn merge(a: State, b: State) -> State {
    match (a.reachable, b.reachable) {
        (false, _) => b,
        (_, false) => a,
        _ => State {
            reachable: true,
            called: a.called && b.called,
        },
    }
}

/// Finds the ways out of the handler on which V1 never called back.
pub(super) struct Flow {
    pub(super) sites: HashSet<swc_common::BytePos>,
    /// `return` statements reached without a callback call.
    pub(super) timeouts: Vec<ReturnStmt>,
    /// The states at `break`s of the enclosing loops and switches.
    pub(super) breaks: Vec<State>,
}

impl Flow {
    pub(super) fn list(&mut self, stmts: &[Stmt], mut state: State) -> State {
        for stmt in stmts {
            state = self.stmt(stmt, state);
        }
        state
    }

    fn stmt(&mut self, stmt: &Stmt, state: State) -> State {
        if !state.reachable {
            return state;
        }
        if self.sites.contains(&stmt.span().lo) {
            return match stmt {
                Stmt::Return(_) => UNREACHABLE,
                _ => State {
                    reachable: true,
                    called: true,
                },
            };
        }
        match stmt {
            Stmt::Block(b) => self.list(&b.stmts, state),
            Stmt::Return(r) => {
                if !state.called {
                    self.timeouts.push(r.clone());
                }
                UNREACHABLE
            }
            Stmt::Throw(_) | Stmt::Continue(_) => UNREACHABLE,
            Stmt::Break(_) => {
                if let Some(top) = self.breaks.last_mut() {
                    *top = merge(*top, state);
                }
                UNREACHABLE
            }
            Stmt::If(i) => {
                let cons = self.stmt(&i.cons, state);
                let alt = match &i.alt {
                    Some(alt) => self.stmt(alt, state),
                    None => state,
                };
                merge(cons, alt)
            }
            Stmt::For(ForStmt { body, test, .. }) => {
                let endless = test.is_none();
                self.looped(body, state, endless)
            }
            Stmt::While(WhileStmt { body, test, .. }) => {
                let endless = matches!(test.as_ref(), Expr::Lit(Lit::Bool(Bool { value: true, .. })));
                self.looped(body, state, endless)
            }
            Stmt::DoWhile(DoWhileStmt { body, .. }) => {
                self.breaks.push(UNREACHABLE);
                let end = self.stmt(body, state);
                let breaks = self.breaks.pop().unwrap_or(UNREACHABLE);
                merge(end, breaks)
            }
            Stmt::ForIn(ForInStmt { body, .. }) | Stmt::ForOf(ForOfStmt { body, .. }) => self.looped(body, state, false),
            Stmt::Try(t) => {
                let block = self.list(&t.block.stmts, state);
                let end = match &t.handler {
                    // The exception may come before any callback call.
                    Some(h) => merge(block, self.list(&h.body.stmts, state)),
                    None => block,
                };
                match &t.finalizer {
                    Some(f) => self.list(&f.stmts, end),
                    None => end,
                }
            }
            Stmt::Switch(s) => {
                self.breaks.push(UNREACHABLE);
                let mut fall = UNREACHABLE;
                for case in &s.cases {
                    fall = self.list(&case.cons, merge(state, fall));
                }
                let breaks = self.breaks.pop().unwrap_or(UNREACHABLE);
                let end = merge(fall, breaks);
                if s.cases.iter().any(|c| c.test.is_none()) {
                    end
                } else {
                    merge(end, state)
                }
            }
            Stmt::Labeled(l) => self.stmt(&l.body, state),
            _ => state,
        }
    }

    /// A loop whose body may run any number of times (at least once if `endless`, which only a
    /// `break` leaves).
    fn looped(&mut self, body: &Stmt, state: State, endless: bool) -> State {
        self.breaks.push(UNREACHABLE);
        self.stmt(body, state);
        let breaks = self.breaks.pop().unwrap_or(UNREACHABLE);
        if endless {
            breaks
        } else {
            merge(state, breaks)
        }
    }
}
