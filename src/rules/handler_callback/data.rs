//! The handler's input as data: `input` and the constants read out of it
//! (`const { arguments: args } = input.payload;`).
//!
//! The platform passes the input parsed from JSON: strings, numbers, booleans, null, arrays and
//! plain objects, no functions. Reading a property of such a value, or calling one of a few
//! built-in methods that compute a new value (`args.join(" ").trim()`), runs no code of the
//! function and changes nothing: it gives a value, or throws a `TypeError` (`join` of an object
//! that has none). That holds as long as the handler never writes into the input or hands it to
//! code that could (then a function could have been stored in it), so the set is empty when any
//! use of the input or of those constants is other than a read in such an expression, an operand,
//! a condition, a template part, an argument of `console.*` or of a built-in that only reads
//! (`JSON.stringify`), what the handler's callback delivers (also inside the arrays and objects
//! written there), or the initializer of another such constant.

use crate::rules::Context;
use crate::semantic::{BindingId, BindingKind, Semantic};
use std::collections::HashSet;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Methods of strings, arrays and numbers that take no function and change nothing.
const METHODS: &[&str] = &[
    "at", "charAt", "charCodeAt", "concat", "endsWith", "includes", "indexOf", "join", "lastIndexOf",
    "padEnd", "padStart", "repeat", "slice", "split", "startsWith", "substr", "substring", "toFixed",
    "toLowerCase", "toString", "toUpperCase", "trim", "trimEnd", "trimStart",
];

pub(super) struct Data<'a> {
    semantic: &'a Semantic<'a>,
    bindings: HashSet<BindingId>,
}

impl<'a> Data<'a> {
    /// The model the data was found with.
    pub(super) fn semantic(&self) -> &'a Semantic<'a> {
        self.semantic
    }

    /// No data: every call counts as a possible effect.
    pub(super) fn none(semantic: &'a Semantic<'a>) -> Self {
        Data { semantic, bindings: HashSet::new() }
    }

    /// The data of the handler whose input parameter is `input` and whose body is `body`.
    pub(super) fn of(cx: &Context<'a>, input: &Pat, callback: Option<BindingId>, body: &FunctionBody) -> Self {
        let mut data = Data::none(cx.semantic);
        let Some(input) = input.as_ident().and_then(|i| cx.semantic.binding_of(&i.id)) else {
            return data;
        };
        data.bindings.insert(input);
        // Constants read out of the data, in order (a later one may read an earlier one).
        loop {
            let mut find = Declared { data: &data, found: Vec::new() };
            body.visit_with(&mut find);
            let before = data.bindings.len();
            data.bindings.extend(find.found);
            if data.bindings.len() == before {
                break;
            }
        }
        let unchanged = data.bindings.iter().all(|&b| {
            let binding = cx.semantic.binding(b);
            !binding.reassigned && !binding.mutated
        });
        let mut uses = Uses { data: &data, callback, escapes: false };
        body.visit_with(&mut uses);
        if !unchanged || uses.escapes {
            data.bindings.clear();
        }
        data
    }

    /// The expression is data, read without running code of the function: a data binding, a
    /// property of data, or a listed method of data called with literals or data.
    pub(super) fn is_data(&self, expr: &Expr) -> bool {
        if self.bindings.is_empty() {
            return false;
        }
        match expr {
            Expr::Ident(i) => self.semantic.binding_of(i).is_some_and(|b| self.bindings.contains(&b)),
            Expr::Paren(p) => self.is_data(&p.expr),
            Expr::Member(m) => {
                self.is_data(&m.obj)
                    && match &m.prop {
                        MemberProp::Computed(c) => matches!(&*c.expr, Expr::Lit(_)) || self.is_data(&c.expr),
                        _ => true,
                    }
            }
            Expr::Call(c) => {
                let Some(member) = c.callee.as_expr().and_then(|e| e.as_member()) else {
                    return false;
                };
                let listed = member.prop.as_ident().is_some_and(|p| METHODS.contains(&&*p.sym));
                listed
                    && self.is_data(&member.obj)
                    && c.args.iter().all(|a| a.spread.is_none() && (matches!(&*a.expr, Expr::Lit(_)) || self.is_data(&a.expr)))
            }
            _ => false,
        }
    }

    /// The names a pattern binds, when it only picks parts (no defaults, no rest).
    fn picks(&self, pat: &Pat, out: &mut Vec<BindingId>) -> bool {
        match pat {
            Pat::Ident(i) => match self.semantic.binding_of(&i.id) {
                Some(b) => {
                    out.push(b);
                    true
                }
                None => false,
            },
            Pat::Object(o) => o.props.iter().all(|p| match p {
                ObjectPatProp::KeyValue(kv) => !matches!(kv.key, PropName::Computed(_)) && self.picks(&kv.value, out),
                ObjectPatProp::Assign(a) => a.value.is_none() && self.picks(&Pat::Ident(a.key.clone()), out),
                ObjectPatProp::Rest(_) => false,
            }),
            Pat::Array(a) => a.elems.iter().flatten().all(|e| self.picks(e, out)),
            _ => false,
        }
    }

    /// A constant declared from data whose pattern only picks parts: its names are data too.
    fn declares(&self, d: &VarDeclarator) -> Option<Vec<BindingId>> {
        let init = d.init.as_deref()?;
        if !self.is_data(init) {
            return None;
        }
        let mut out = Vec::new();
        let consts = self.picks(&d.name, &mut out)
            && out.iter().all(|&b| self.semantic.binding(b).kind == BindingKind::Const);
        consts.then_some(out)
    }
}

struct Declared<'d, 'a> {
    data: &'d Data<'a>,
    found: Vec<BindingId>,
}

impl Visit for Declared<'_, '_> {
    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let Some(names) = self.data.declares(d) {
            self.found.extend(names);
        }
        d.visit_children_with(self);
    }
}

/// Finds a use of data that could let it change or hold a function.
struct Uses<'d, 'a> {
    data: &'d Data<'a>,
    /// The handler's callback, which delivers its arguments.
    callback: Option<BindingId>,
    escapes: bool,
}

impl Uses<'_, '_> {
    /// `expr` stands where its value is only read: data there is fine (its own parts are data or
    /// literals); anything else is looked into.
    fn read(&mut self, expr: &Expr) {
        if !self.data.is_data(expr) {
            expr.visit_with(self);
        }
    }

    /// `expr` is what the callback delivers: the arrays and objects written there are only
    /// delivered, so data may stand in them.
    fn answer(&mut self, expr: &Expr) {
        match expr {
            Expr::Object(o) => {
                for prop in &o.props {
                    match prop {
                        PropOrSpread::Prop(p) => match p.as_ref() {
                            Prop::Shorthand(_) => {}
                            Prop::KeyValue(kv) => {
                                kv.key.visit_with(self);
                                self.answer(&kv.value);
                            }
                            other => other.visit_with(self),
                        },
                        PropOrSpread::Spread(s) => self.answer(&s.expr),
                    }
                }
            }
            Expr::Array(a) => a.elems.iter().flatten().for_each(|e| self.answer(&e.expr)),
            Expr::Paren(p) => self.answer(&p.expr),
            _ => self.read(expr),
        }
    }
}

impl Visit for Uses<'_, '_> {
    fn visit_expr(&mut self, expr: &Expr) {
        if self.escapes {
            return;
        }
        if self.data.is_data(expr) {
            // Data where its value may be kept, changed or passed on.
            self.escapes = true;
            return;
        }
        match expr {
            Expr::Bin(b) => {
                self.read(&b.left);
                self.read(&b.right);
            }
            Expr::Unary(u) if u.op != UnaryOp::Delete => self.read(&u.arg),
            Expr::Cond(c) => {
                self.read(&c.test);
                c.cons.visit_with(self);
                c.alt.visit_with(self);
            }
            Expr::Tpl(t) => t.exprs.iter().for_each(|e| self.read(e)),
            Expr::Call(c) => {
                let callee = c.callee.as_expr();
                let semantic = self.data.semantic;
                let logging = callee.is_some_and(|c| semantic.is_global_member(c, "console"));
                let builtin = callee.is_some_and(|c| is_pure_builtin(semantic, c));
                let answers = callee
                    .and_then(|c| c.as_ident())
                    .is_some_and(|i| self.callback.is_some() && self.data.semantic.binding_of(i) == self.callback);
                let reads = logging || builtin || answers;
                c.callee.visit_with(self);
                for arg in &c.args {
                    if answers && arg.spread.is_none() {
                        self.answer(&arg.expr);
                    } else if reads && arg.spread.is_none() {
                        self.read(&arg.expr);
                    } else {
                        arg.visit_with(self);
                    }
                }
            }
            Expr::Member(m) => {
                // Not data itself: the object is not data either (else this would be).
                m.obj.visit_with(self);
                if let MemberProp::Computed(c) = &m.prop {
                    self.read(&c.expr);
                }
            }
            _ => expr.visit_children_with(self),
        }
    }

    fn visit_prop(&mut self, p: &Prop) {
        match p {
            // `{ input }` puts the data in an object.
            Prop::Shorthand(i) if self.data.is_data(&Expr::Ident(i.clone())) => self.escapes = true,
            _ => p.visit_children_with(self),
        }
    }
    fn visit_expr_stmt(&mut self, s: &ExprStmt) {
        self.read(&s.expr);
    }
    fn visit_if_stmt(&mut self, s: &IfStmt) {
        self.read(&s.test);
        s.cons.visit_with(self);
        s.alt.visit_with(self);
    }
    fn visit_switch_stmt(&mut self, s: &SwitchStmt) {
        self.read(&s.discriminant);
        for case in &s.cases {
            if let Some(test) = &case.test {
                self.read(test);
            }
            case.cons.visit_with(self);
        }
    }
    fn visit_while_stmt(&mut self, s: &WhileStmt) {
        self.read(&s.test);
        s.body.visit_with(self);
    }
    fn visit_do_while_stmt(&mut self, s: &DoWhileStmt) {
        self.read(&s.test);
        s.body.visit_with(self);
    }
    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        match d.init.as_deref() {
            Some(_) if self.data.declares(d).is_some() => {}
            _ => d.visit_children_with(self),
        }
    }
}

/// A global function (not shadowed) that only computes a value from its arguments (`JSON.stringify`,
/// `String`, `Object.keys`, `Math.max`, …): calling it is not an effect.
pub(super) fn is_pure_builtin(semantic: &Semantic, callee: &Expr) -> bool {
    let root = match callee {
        Expr::Ident(i) => i,
        Expr::Member(m) => match m.obj.as_ident() {
            Some(i) => i,
            None => return false,
        },
        _ => return false,
    };
    if !semantic.is_global(root) {
        return false;
    }
    match callee {
        Expr::Ident(i) => matches!(&*i.sym, "String" | "Number" | "Boolean" | "parseInt" | "parseFloat" | "encodeURIComponent" | "decodeURIComponent"),
        Expr::Member(m) => {
            let (Some(object), Some(prop)) = (m.obj.as_ident(), m.prop.as_ident()) else {
                return false;
            };
            match &*object.sym {
                "JSON" => matches!(&*prop.sym, "stringify" | "parse"),
                "Object" => matches!(&*prop.sym, "keys" | "values" | "entries"),
                "Array" => &*prop.sym == "isArray",
                "Math" => true,
                _ => false,
            }
        }
        _ => false,
    }
}
