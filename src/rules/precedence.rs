//! Splicing original code into new code without changing what it means.
//!
//! A slice of the source that lands in a new place (the value of a `.then` handler after an
//! `await`, a lookup in front of `.get`) is parenthesised when the place binds tighter than the
//! slice: `r.cached || lookup(r.id)` after `await` becomes `await (r.cached || lookup(r.id))`.

use std::borrow::Cow;
use swc_ecma_ast::*;

/// How tightly an expression binds, loosest first (the grammar's levels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precedence {
    /// `a, b`
    Sequence,
    /// `x = y`, `a => b`, `yield x`, `c ? a : b`: what may stand as a function argument or an
    /// initializer.
    Assignment,
    /// `a ?? b`, `a || b`, `a && b`, `a + b`, … (the binary levels, loosest first).
    Binary(u8),
    /// `!x`, `typeof x`, `await x`, `-x`: the operand of `await`.
    Unary,
    /// `x++`, `x--`
    Update,
    /// `new X`, `f()`, `a.b`, `a[b]`, `` a`t` ``: what may be called or have a member read.
    Call,
    /// Literals, names, brackets, `(…)`.
    Primary,
}

/// The precedence of `expr`'s outermost operator.
pub fn of(expr: &Expr) -> Precedence {
    use Precedence::*;
    match expr {
        Expr::Seq(_) => Sequence,
        Expr::Assign(_) | Expr::Arrow(_) | Expr::Yield(_) | Expr::Cond(_) => Assignment,
        Expr::Bin(b) => Binary(binary_level(b.op)),
        Expr::Unary(_) | Expr::Await(_) => Unary,
        Expr::Update(_) => Update,
        Expr::Call(_)
        | Expr::New(_)
        | Expr::Member(_)
        | Expr::SuperProp(_)
        | Expr::OptChain(_)
        | Expr::TaggedTpl(_)
        | Expr::MetaProp(_) => Call,
        _ => Primary,
    }
}

fn binary_level(op: BinaryOp) -> u8 {
    use BinaryOp::*;
    match op {
        NullishCoalescing | LogicalOr => 0,
        LogicalAnd => 1,
        BitOr => 2,
        BitXor => 3,
        BitAnd => 4,
        EqEq | NotEq | EqEqEq | NotEqEq => 5,
        Lt | LtEq | Gt | GtEq | InstanceOf | In => 6,
        LShift | RShift | ZeroFillRShift => 7,
        Add | Sub => 8,
        Mul | Div | Mod => 9,
        Exp => 10,
    }
}

/// `text` (the source of `expr`) fit for a place that needs at least `needed`: in parentheses
/// when `expr` binds more loosely.
pub fn fit<'t>(expr: &Expr, text: &'t str, needed: Precedence) -> Cow<'t, str> {
    fit_level(text, of(expr), needed)
}

/// [`fit`] for text whose precedence is known.
pub fn fit_level(text: &str, level: Precedence, needed: Precedence) -> Cow<'_, str> {
    if level < needed {
        Cow::Owned(format!("({text})"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` (the source of `expr`) as the operand of `await`.
pub fn awaited(expr: &Expr, text: &str) -> String {
    format!("await {}", fit(expr, text, Precedence::Unary))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(source: &str) -> Box<Expr> {
        let module = crate::parse::parse_module(&format!("({source});")).unwrap();
        let Some(Stmt::Expr(stmt)) = module.body[0].as_stmt() else {
            panic!("an expression statement")
        };
        match *stmt.expr.clone() {
            Expr::Paren(p) => p.expr,
            other => Box::new(other),
        }
    }

    #[test]
    fn await_parenthesises_what_binds_more_loosely() {
        for (source, expected) in [
            (
                "r.cached || lookup(r.id)",
                "await (r.cached || lookup(r.id))",
            ),
            ("a ?? b", "await (a ?? b)"),
            ("a, b", "await (a, b)"),
            ("c ? a : b", "await (c ? a : b)"),
            ("x = y", "await (x = y)"),
            ("a + b", "await (a + b)"),
            ("f(x)", "await f(x)"),
            ("a.b[c]", "await a.b[c]"),
            ("!x", "await !x"),
            ("new P(r)", "await new P(r)"),
            ("(a || b)", "await (a || b)"),
        ] {
            assert_eq!(awaited(&expr(source), source), expected, "{source}");
        }
    }

    #[test]
    fn callee_and_argument_places() {
        assert_eq!(
            fit(&expr("await x"), "await x", Precedence::Call),
            "(await x)"
        );
        assert_eq!(fit(&expr("a, b"), "a, b", Precedence::Assignment), "(a, b)");
        assert_eq!(
            fit(&expr("a => b"), "a => b", Precedence::Assignment),
            "a => b"
        );
        assert_eq!(fit(&expr("!a"), "!a", Precedence::Binary(5)), "!a");
        assert_eq!(
            fit(&expr("a && b"), "a && b", Precedence::Binary(1)),
            "a && b"
        );
        assert_eq!(
            fit(&expr("a || b"), "a || b", Precedence::Binary(1)),
            "(a || b)"
        );
    }
}
