//! A request-promise call's options, as far as they can be known where the call is: an object
//! literal at the call, or one held in a variable the file declares once, with spreads of such
//! objects resolved.

use crate::parse::Parsed;
use crate::semantic::{BindingId, Semantic};
use std::collections::HashMap;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// The options request-promise reads that have a fetch equivalent.
pub const KNOWN: [&str; 12] = [
    "uri",
    "url",
    "baseUrl",
    "method",
    "headers",
    "body",
    "json",
    "qs",
    "form",
    "timeout",
    "simple",
    "resolveWithFullResponse",
];

/// Options that only request-promise has: a call without any of them may already be V2 code.
pub const REQUEST_ONLY: [&str; 9] = [
    "uri",
    "url",
    "baseUrl",
    "json",
    "qs",
    "form",
    "timeout",
    "simple",
    "resolveWithFullResponse",
];

/// An option's value: an expression, or the identifier of a shorthand property (`{ body }`).
#[derive(Clone, Copy)]
pub enum Value<'a> {
    Expr(&'a Expr),
    Shorthand(&'a Ident),
}

impl<'a> Value<'a> {
    pub fn expr(self) -> Option<&'a Expr> {
        match self {
            Value::Expr(e) => Some(e),
            Value::Shorthand(_) => None,
        }
    }
}

/// One option.
pub struct OptionProp<'a> {
    pub key: String,
    pub key_range: Range<usize>,
    pub value: Value<'a>,
    pub value_range: Range<usize>,
    pub range: Range<usize>,
    /// Its index among the properties of the literal being edited; `None` when it comes from an
    /// object spread into that literal.
    pub index: Option<usize>,
}

/// Where the options are written.
pub enum Source<'a> {
    /// No options argument.
    None,
    /// An object literal at the call.
    Inline(&'a ObjectLit),
    /// An object literal held in a variable: `const options = {…}; client(url, options)`.
    Variable(&'a Variable<'a>),
}

/// The options of a call.
pub struct Options<'a> {
    /// The options in effect (a later property overrides an earlier or spread one).
    pub props: Vec<OptionProp<'a>>,
    pub source: Source<'a>,
    /// The ranges of the properties of the literal being edited (spreads included).
    pub literal_props: Vec<Range<usize>>,
    /// Indexes of literal properties to drop: spreads (their options are in `props`) and
    /// properties a later one overrides.
    pub dropped: Vec<usize>,
    /// Where each spread element stands, for the options it brings.
    pub spreads: Vec<(usize, Vec<usize>)>,
}

impl<'a> Options<'a> {
    /// Adds an option; one of the same name before it no longer counts (a literal property is
    /// dropped from the literal).
    fn set(&mut self, prop: OptionProp<'a>) {
        if let Some(earlier) = self.props.iter().position(|q| q.key == prop.key) {
            if let Some(i) = self.props[earlier].index {
                self.dropped.push(i);
            }
            self.props.remove(earlier);
            for (_, brought) in &mut self.spreads {
                brought.retain(|b| *b != earlier);
                for b in brought.iter_mut() {
                    if *b > earlier {
                        *b -= 1;
                    }
                }
            }
        }
        self.props.push(prop);
    }

    pub fn get(&self, key: &str) -> Option<&OptionProp<'a>> {
        self.props.iter().find(|p| p.key == key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// A boolean option: its literal value, the default when absent, `Err` when not a literal.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(default),
            Some(p) => match p.value.expr() {
                Some(Expr::Lit(Lit::Bool(b))) => Ok(b.value),
                _ => Err(format!(
                    "`{key}` is not `true` or `false` here, so what the call returns is not known"
                )),
            },
        }
    }
}

/// A variable declared once and never reassigned whose initial value is an object literal (the
/// request rules check what else touches the object before they read it).
pub struct Variable<'a> {
    pub name: String,
    pub binding: BindingId,
    pub literal: &'a ObjectLit,
    /// The whole declaration statement.
    pub stmt: Range<usize>,
    pub kind: VarDeclKind,
}

/// Variables whose value is known where they are used, by binding (two `options` in two
/// functions are two variables).
pub struct Vars<'a> {
    pub objects: HashMap<BindingId, Variable<'a>>,
    /// `const NAME = "string"` (declared once, never reassigned).
    pub strings: HashMap<BindingId, &'a Expr>,
    semantic: &'a Semantic<'a>,
}

impl<'a> Vars<'a> {
    pub fn collect(parsed: &'a Parsed, semantic: &'a Semantic<'a>) -> Vars<'a> {
        let mut objects = HashMap::new();
        let mut strings = HashMap::new();
        for var in all_var_decls(&parsed.program) {
            for d in &var.decls {
                let Pat::Ident(name) = &d.name else {
                    continue;
                };
                let Some(init) = semantic.constant_init(&name.id) else {
                    continue;
                };
                let Some(binding) = semantic.binding_of(&name.id) else {
                    continue;
                };
                match init {
                    Expr::Object(literal) => {
                        objects.insert(
                            binding,
                            Variable {
                                name: name.id.sym.to_string(),
                                binding,
                                literal,
                                stmt: parsed.range(var.span),
                                kind: var.kind,
                            },
                        );
                    }
                    Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) => {
                        strings.insert(binding, init);
                    }
                    _ => {}
                }
            }
        }
        Vars {
            objects,
            strings,
            semantic,
        }
    }

    /// The options object `ident` always refers to.
    pub fn object(&self, ident: &Ident) -> Option<&Variable<'a>> {
        self.objects.get(&self.semantic.binding_of(ident)?)
    }

    /// The string expression `ident` always refers to.
    pub fn string(&self, ident: &Ident) -> Option<&'a Expr> {
        self.strings.get(&self.semantic.binding_of(ident)?).copied()
    }

    /// The binding of a string constant.
    pub fn binding(&self, ident: &Ident) -> Option<BindingId> {
        self.semantic
            .binding_of(ident)
            .filter(|b| self.strings.contains_key(b))
    }

    /// Whether every use of the variable is a spread into an object literal.
    fn spread_only(&self, variable: &Variable, parsed: &Parsed) -> bool {
        let semantic = self.semantic;
        let mut refs = semantic.references_of(variable.binding).peekable();
        refs.peek().is_some() && refs.all(|r| spread_at(parsed, parsed.range(r.span).start))
    }
}

/// Every `var`/`let`/`const` declaration of the program, with the program's lifetime (swc's
/// `Visit` hands out references that cannot be kept, so this walks the tree by hand).
pub fn all_var_decls(program: &Program) -> Vec<&VarDecl> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = Vec::new();
    match program {
        Program::Module(m) => {
            for item in &m.body {
                match item {
                    ModuleItem::Stmt(s) => stack.push(Node::Stmt(s)),
                    ModuleItem::ModuleDecl(d) => match d {
                        ModuleDecl::ExportDecl(e) => {
                            if let Decl::Var(v) = &e.decl {
                                stack.push(Node::Var(v));
                            } else if let Decl::Fn(f) = &e.decl {
                                stack.push(Node::Function(&f.function));
                            }
                        }
                        ModuleDecl::ExportDefaultExpr(e) => stack.push(Node::Expr(&e.expr)),
                        ModuleDecl::ExportDefaultDecl(e) => {
                            if let DefaultDecl::Fn(f) = &e.decl {
                                stack.push(Node::Function(&f.function));
                            }
                        }
                        _ => {}
                    },
                }
            }
        }
        Program::Script(s) => stack.extend(s.body.iter().map(Node::Stmt)),
    }
    while let Some(node) = stack.pop() {
        node.children(&mut stack, &mut out);
    }
    out
}

/// A node of the walk in [`all_var_decls`].
enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    Var(&'a VarDecl),
    Function(&'a Function),
}

impl<'a> Node<'a> {
    fn children(self, stack: &mut Vec<Node<'a>>, out: &mut Vec<&'a VarDecl>) {
        match self {
            Node::Var(v) => {
                out.push(v);
                for d in &v.decls {
                    if let Some(init) = &d.init {
                        stack.push(Node::Expr(init));
                    }
                }
            }
            Node::Function(f) => {
                if let Some(body) = &f.body {
                    stack.extend(body.stmts.iter().map(Node::Stmt));
                }
            }
            Node::Stmt(s) => match s {
                Stmt::Block(b) => stack.extend(b.stmts.iter().map(Node::Stmt)),
                Stmt::Decl(Decl::Var(v)) => stack.push(Node::Var(v)),
                Stmt::Decl(Decl::Fn(f)) => stack.push(Node::Function(&f.function)),
                Stmt::Decl(Decl::Class(c)) => class_children(&c.class, stack),
                Stmt::Expr(e) => stack.push(Node::Expr(&e.expr)),
                Stmt::Return(r) => {
                    if let Some(arg) = &r.arg {
                        stack.push(Node::Expr(arg));
                    }
                }
                Stmt::If(i) => {
                    stack.push(Node::Expr(&i.test));
                    stack.push(Node::Stmt(&i.cons));
                    if let Some(alt) = &i.alt {
                        stack.push(Node::Stmt(alt));
                    }
                }
                Stmt::Try(t) => {
                    stack.extend(t.block.stmts.iter().map(Node::Stmt));
                    if let Some(h) = &t.handler {
                        stack.extend(h.body.stmts.iter().map(Node::Stmt));
                    }
                    if let Some(f) = &t.finalizer {
                        stack.extend(f.stmts.iter().map(Node::Stmt));
                    }
                }
                Stmt::For(f) => {
                    if let Some(VarDeclOrExpr::VarDecl(v)) = &f.init {
                        stack.push(Node::Var(v));
                    }
                    stack.push(Node::Stmt(&f.body));
                }
                Stmt::ForIn(f) => stack.push(Node::Stmt(&f.body)),
                Stmt::ForOf(f) => {
                    stack.push(Node::Expr(&f.right));
                    stack.push(Node::Stmt(&f.body));
                }
                Stmt::While(w) => stack.push(Node::Stmt(&w.body)),
                Stmt::DoWhile(w) => stack.push(Node::Stmt(&w.body)),
                Stmt::Labeled(l) => stack.push(Node::Stmt(&l.body)),
                Stmt::Switch(s) => {
                    for case in &s.cases {
                        stack.extend(case.cons.iter().map(Node::Stmt));
                    }
                }
                Stmt::Throw(t) => stack.push(Node::Expr(&t.arg)),
                _ => {}
            },
            Node::Expr(e) => {
                // Functions inside expressions (callbacks, IIFEs, methods of object literals).
                fn expr<'a>(e: &'a Expr, out: &mut Vec<Node<'a>>) {
                    match e {
                        Expr::Fn(f) => out.push(Node::Function(&f.function)),
                        Expr::Arrow(a) => match &*a.body {
                            ArrowFunctionBody::FunctionBody(b) => {
                                out.extend(b.stmts.iter().map(Node::Stmt))
                            }
                            ArrowFunctionBody::Expr(e) => expr(e, out),
                        },
                        Expr::Call(c) => {
                            if let Callee::Expr(callee) = &c.callee {
                                expr(callee, out);
                            }
                            for a in &c.args {
                                expr(&a.expr, out);
                            }
                        }
                        Expr::New(n) => {
                            expr(&n.callee, out);
                            for a in n.args.iter().flatten() {
                                expr(&a.expr, out);
                            }
                        }
                        Expr::Member(m) => expr(&m.obj, out),
                        Expr::Paren(p) => expr(&p.expr, out),
                        Expr::Await(a) => expr(&a.arg, out),
                        Expr::Seq(s) => s.exprs.iter().for_each(|e| expr(e, out)),
                        Expr::Assign(a) => expr(&a.right, out),
                        Expr::Cond(c) => {
                            expr(&c.test, out);
                            expr(&c.cons, out);
                            expr(&c.alt, out);
                        }
                        Expr::Bin(b) => {
                            expr(&b.left, out);
                            expr(&b.right, out);
                        }
                        Expr::Unary(u) => expr(&u.arg, out),
                        Expr::Array(a) => a.elems.iter().flatten().for_each(|e| expr(&e.expr, out)),
                        Expr::Object(o) => {
                            for p in &o.props {
                                match p {
                                    PropOrSpread::Spread(s) => expr(&s.expr, out),
                                    PropOrSpread::Prop(p) => match p.as_ref() {
                                        Prop::KeyValue(kv) => expr(&kv.value, out),
                                        Prop::Method(m) => out.push(Node::Function(&m.function)),
                                        _ => {}
                                    },
                                }
                            }
                        }
                        Expr::Class(c) => class_children(&c.class, out),
                        Expr::OptChain(o) => match &*o.base {
                            OptChainBase::Member(m) => expr(&m.obj, out),
                            OptChainBase::Call(c) => {
                                expr(&c.callee, out);
                                for a in &c.args {
                                    expr(&a.expr, out);
                                }
                            }
                        },
                        Expr::Tpl(t) => t.exprs.iter().for_each(|e| expr(e, out)),
                        _ => {}
                    }
                }
                expr(e, stack);
            }
        }
    }
}

fn class_children<'a>(class: &'a Class, stack: &mut Vec<Node<'a>>) {
    for member in &class.body {
        match member {
            ClassMember::Method(m) => stack.push(Node::Function(&m.function)),
            ClassMember::Constructor(c) => {
                if let Some(body) = &c.body {
                    stack.extend(body.stmts.iter().map(Node::Stmt));
                }
            }
            _ => {}
        }
    }
}

/// The value of a string expression known without running the code: a string literal, a
/// template without expressions, or a constant holding one.
pub fn static_string(expr: &Expr, vars: &Vars, depth: usize) -> Option<String> {
    match expr {
        Expr::Lit(Lit::Str(s)) => s.value.as_atom().map(|a| a.to_string()),
        Expr::Tpl(t) if t.exprs.is_empty() => t.quasis[0]
            .cooked
            .as_ref()
            .and_then(|c| c.as_atom())
            .map(|a| a.to_string()),
        Expr::Paren(p) => static_string(&p.expr, vars, depth),
        Expr::Ident(i) if depth < 4 => static_string(vars.string(i)?, vars, depth + 1),
        _ => None,
    }
}

/// The pieces of a string built with `+` or a template literal: the known text of each piece,
/// `None` for a piece only known at run time.
pub fn string_pieces(expr: &Expr, vars: &Vars, depth: usize) -> Vec<Option<String>> {
    match expr {
        Expr::Bin(b) if b.op == BinaryOp::Add => {
            let mut pieces = string_pieces(&b.left, vars, depth);
            pieces.extend(string_pieces(&b.right, vars, depth));
            pieces
        }
        Expr::Tpl(t) => {
            let mut pieces = Vec::new();
            for (i, q) in t.quasis.iter().enumerate() {
                pieces.push(
                    q.cooked
                        .as_ref()
                        .and_then(|c| c.as_atom())
                        .map(|a| a.to_string()),
                );
                if let Some(e) = t.exprs.get(i) {
                    pieces.extend(string_pieces(e, vars, depth));
                }
            }
            pieces
        }
        Expr::Paren(p) => string_pieces(&p.expr, vars, depth),
        Expr::Ident(i) if depth < 4 => match vars.string(i) {
            Some(e) => string_pieces(e, vars, depth + 1),
            None => vec![None],
        },
        Expr::Lit(Lit::Str(_)) => vec![static_string(expr, vars, depth)],
        _ => vec![None],
    }
}

/// Reads the options of a call: `arg` is the options argument, if any.
pub fn read<'a>(
    parsed: &Parsed,
    vars: &'a Vars<'a>,
    arg: Option<&'a Expr>,
) -> Result<Options<'a>, String> {
    let Some(arg) = arg else {
        return Ok(Options {
            props: Vec::new(),
            source: Source::None,
            literal_props: Vec::new(),
            dropped: Vec::new(),
            spreads: Vec::new(),
        });
    };
    let (literal, source) = match arg {
        Expr::Object(o) => (o, Source::Inline(o)),
        Expr::Ident(i) => match vars.object(i) {
            Some(v) => (v.literal, Source::Variable(v)),
            None => {
                return Err(format!(
                    "the options `{}` are not known here: not an object literal declared once and never reassigned",
                    i.sym
                ))
            }
        },
        _ => return Err("the options are not an object literal".to_string()),
    };
    let mut options = Options {
        props: Vec::new(),
        source,
        literal_props: literal
            .props
            .iter()
            .map(|p| parsed.range(p.span()))
            .collect(),
        dropped: Vec::new(),
        spreads: Vec::new(),
    };
    for (index, prop) in literal.props.iter().enumerate() {
        match prop {
            PropOrSpread::Spread(spread) => {
                if matches!(options.source, Source::Variable(_)) {
                    return Err("the options variable spreads another object".to_string());
                }
                let Some(name) = spread.expr.as_ident() else {
                    return Err("the options spread an object that is not a variable".to_string());
                };
                let Some(source) = vars
                    .object(name)
                    .filter(|v| vars.spread_only(v, parsed) && v.kind == VarDeclKind::Const)
                else {
                    return Err(format!(
                        "the options spread `{}`, which is not a constant object literal used only in such spreads",
                        name.sym
                    ));
                };
                options.dropped.push(index);
                options.spreads.push((index, Vec::new()));
                for inner in &source.literal.props {
                    let PropOrSpread::Prop(p) = inner else {
                        return Err(format!("`{}` spreads another object", name.sym));
                    };
                    let prop = one_prop(parsed, p, None)?;
                    options.set(prop);
                    let last = options.props.len() - 1;
                    if let Some((_, brought)) = options.spreads.last_mut() {
                        brought.push(last);
                    }
                }
            }
            PropOrSpread::Prop(p) => {
                let prop = one_prop(parsed, p, Some(index))?;
                options.set(prop);
            }
        }
    }
    Ok(options)
}

fn spread_at(parsed: &Parsed, offset: usize) -> bool {
    struct Find {
        at: usize,
        found: bool,
        start: swc_common::BytePos,
    }
    impl Visit for Find {
        fn visit_spread_element(&mut self, s: &SpreadElement) {
            if (s.expr.span().lo.0 - self.start.0) as usize == self.at && s.expr.is_ident() {
                self.found = true;
            }
            s.visit_children_with(self);
        }
    }
    let mut find = Find {
        at: offset,
        found: false,
        start: parsed.pos(0),
    };
    parsed.program.visit_with(&mut find);
    find.found
}

fn one_prop<'a>(
    parsed: &Parsed,
    prop: &'a Prop,
    index: Option<usize>,
) -> Result<OptionProp<'a>, String> {
    match prop {
        Prop::KeyValue(kv) => {
            let key = match &kv.key {
                PropName::Ident(i) => i.sym.to_string(),
                PropName::Str(s) => s
                    .value
                    .as_atom()
                    .map(|a| a.to_string())
                    .ok_or_else(|| "an option name is not valid text".to_string())?,
                _ => return Err("an option name is computed".to_string()),
            };
            Ok(OptionProp {
                key,
                key_range: parsed.range(kv.key.span()),
                value: Value::Expr(&kv.value),
                value_range: parsed.range(kv.value.span()),
                range: parsed.range(prop.span()),
                index,
            })
        }
        Prop::Shorthand(ident) => {
            // `{ body }`: the value is the identifier itself.
            let range = parsed.range(ident.span);
            Ok(OptionProp {
                key: ident.sym.to_string(),
                key_range: range.clone(),
                value: Value::Shorthand(ident),
                value_range: range.clone(),
                range,
                index,
            })
        }
        _ => Err("an option is a method or accessor".to_string()),
    }
}
