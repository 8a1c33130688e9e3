use super::*;
use crate::parse::parse_program;
use swc_ecma_ast::Stmt;

fn model(source: &str, check: impl FnOnce(&Semantic, &Program)) {
    let mut parsed = parse_program(source).expect("parses");
    let resolution = resolve(&mut parsed.program);
    let semantic = Semantic::build(&parsed.program, resolution.marks);
    check(&semantic, &parsed.program);
}

fn bindings_named<'s>(semantic: &'s Semantic, name: &str) -> Vec<&'s Binding<'s>> {
    semantic
        .bindings
        .iter()
        .filter(|b| &*b.name == name)
        .collect()
}

#[test]
fn same_name_in_two_functions_is_two_bindings() {
    let source = "function a() { const options = { uri: 'x' }; return go(options); }\n\
                  function b(options) { options.headers = {}; return go(options); }\n";
    model(source, |semantic, _| {
        let options = bindings_named(semantic, "options");
        assert_eq!(options.len(), 2);
        let (constant, param) = (options[0], options[1]);
        assert_eq!(constant.kind, BindingKind::Const);
        assert!(constant.init.is_some_and(|e| e.is_object()));
        assert!(!constant.mutated);
        assert_eq!(constant.references.len(), 1);
        assert_eq!(param.kind, BindingKind::Param);
        assert!(
            param.mutated,
            "options.headers = … mutates the parameter's object"
        );
        assert_eq!(param.references.len(), 2);
        // `go` is declared nowhere: both calls are references to a global.
        let go: Vec<_> = semantic
            .references
            .iter()
            .filter(|r| &*r.name == "go")
            .collect();
        assert_eq!(go.len(), 2);
        assert!(go
            .iter()
            .all(|r| r.binding.is_none() && r.kind == ReferenceKind::Call));
    });
}

#[test]
fn writes_to_undeclared_names_are_implicit_globals() {
    let source = "function f(obj) { total = 0; for (k in obj) { total += obj[k]; } \
                  var local; local = 1; [a, b] = [1, 2]; return total; }\n";
    model(source, |semantic, _| {
        let mut names: Vec<&str> = semantic.implicit_globals().map(|r| &*r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names, ["a", "b", "k", "total"]);
        let local = bindings_named(semantic, "local")[0];
        assert!(local.reassigned);
    });
}

#[test]
fn constant_init_needs_one_declaration_and_no_write() {
    let source = "const a = 1; let b = 2; b = 3; var c = 4; var c = 5; let d = { x: 1 };\n\
                  use(a, b, c, d);\n";
    model(source, |semantic, program| {
        let Program::Script(script) = program else {
            panic!("a script")
        };
        let Stmt::Expr(call) = script.body.last().unwrap() else {
            panic!()
        };
        let args: Vec<&Ident> = call
            .expr
            .as_call()
            .unwrap()
            .args
            .iter()
            .map(|a| a.expr.as_ident().unwrap())
            .collect();
        assert!(semantic.constant_init(args[0]).is_some());
        assert!(semantic.constant_init(args[1]).is_none(), "reassigned");
        assert!(semantic.constant_init(args[2]).is_none(), "declared twice");
        assert!(semantic
            .constant_init(args[3])
            .is_some_and(|e| e.is_object()));
        assert!(semantic.is_global(
            call.expr
                .as_call()
                .unwrap()
                .callee
                .as_expr()
                .unwrap()
                .as_ident()
                .unwrap()
        ));
    });
}

#[test]
fn declarations_are_not_references() {
    let source = "import { Toolbelt as TB } from 'core-functions-toolbelt';\n\
                  export { TB as T };\n\
                  label: for (const x of []) { continue label; }\n\
                  try { f(); } catch (e) { g(e); }\n";
    model(source, |semantic, _| {
        let tb = bindings_named(semantic, "TB")[0];
        assert_eq!(tb.kind, BindingKind::Import);
        assert_eq!(tb.references.len(), 1);
        assert!(
            !semantic.mentions("Toolbelt"),
            "an imported name is not a binding"
        );
        assert!(!semantic.mentions("label"));
        assert!(!semantic.mentions("T"));
        assert_eq!(bindings_named(semantic, "e")[0].kind, BindingKind::Catch);
        assert_eq!(bindings_named(semantic, "x")[0].kind, BindingKind::Const);
    });
}
