use super::*;
use crate::parse::parse_program;

/// `(module text, offset, message)`: each is an early error, `node --check` refuses the module
/// (as an `.mjs` file, with `./m.mjs` exporting `x`).
const EARLY_ERRORS: &[(&str, usize, &str)] = &[
    (
        "let a; let a;",
        11,
        "the name `a` is defined multiple times",
    ),
    (
        "const a = 1; const a = 2;",
        19,
        "the name `a` is defined multiple times",
    ),
    (
        "let a; var a;",
        11,
        "the name `a` is defined multiple times",
    ),
    (
        "var a; let a;",
        11,
        "the name `a` is defined multiple times",
    ),
    (
        "function f() {} var f;",
        20,
        "the name `f` is defined multiple times",
    ),
    (
        "var f; function f() {}",
        16,
        "the name `f` is defined multiple times",
    ),
    (
        "function f() {} function f() {}",
        25,
        "the name `f` is defined multiple times",
    ),
    (
        "function f() {} let f;",
        20,
        "the name `f` is defined multiple times",
    ),
    (
        "class A {} class A {}",
        17,
        "the name `A` is defined multiple times",
    ),
    (
        "import { x } from \"./m.mjs\"; import { x } from \"./m.mjs\";",
        38,
        "the name `x` is defined multiple times",
    ),
    (
        "import { x } from \"./m.mjs\"; import x from \"./m.mjs\";",
        36,
        "the name `x` is defined multiple times",
    ),
    (
        "import { x } from \"./m.mjs\"; const x = 1;",
        35,
        "the name `x` is defined multiple times",
    ),
    (
        "import { x } from \"./m.mjs\"; var x;",
        33,
        "the name `x` is defined multiple times",
    ),
    (
        "import { x } from \"./m.mjs\"; function x() {}",
        38,
        "the name `x` is defined multiple times",
    ),
    (
        "export const a = 1; export { a };",
        29,
        "the name `a` is exported multiple times",
    ),
    (
        "const a = 1; export { a, a };",
        25,
        "the name `a` is exported multiple times",
    ),
    (
        "const a = 1, b = 2; export { a as c, b as c };",
        42,
        "the name `c` is exported multiple times",
    ),
    (
        "export default 1; export default 2;",
        18,
        "the name `default` is exported multiple times",
    ),
    (
        "export { zz };",
        9,
        "`zz` is exported but not declared in this module",
    ),
    (
        "function g() { let a; var a; }",
        26,
        "the name `a` is defined multiple times",
    ),
    (
        "function g() { let a; { var a; } }",
        28,
        "the name `a` is defined multiple times",
    ),
    (
        "{ function f() {} function f() {} }",
        27,
        "the name `f` is defined multiple times",
    ),
    (
        "{ function f() {} var f; }",
        22,
        "the name `f` is defined multiple times",
    ),
    (
        "try {} catch (e) { let e; }",
        23,
        "the name `e` is defined multiple times",
    ),
    (
        "function g(a) { let a; }",
        20,
        "the name `a` is defined multiple times",
    ),
    (
        "function g(a, a) {}",
        14,
        "the name `a` is bound more than once in this parameter list",
    ),
    (
        "const g = (a, a) => {};",
        14,
        "the name `a` is bound more than once in this parameter list",
    ),
    ("label: label: ;", 7, "Label label is already declared"),
    (
        "switch (1) { case 1: let a; case 2: let a; }",
        40,
        "the name `a` is defined multiple times",
    ),
    (
        "export function lambda() {} export { lambda };",
        37,
        "the name `lambda` is exported multiple times",
    ),
    (
        "{ let a; var a; }",
        13,
        "the name `a` is defined multiple times",
    ),
    (
        "{ let a; { var a; } }",
        15,
        "the name `a` is defined multiple times",
    ),
    (
        "{ const a = 1; if (1) { var a; } }",
        28,
        "the name `a` is defined multiple times",
    ),
    (
        "for (let i = 0; ; ) { var i; }",
        26,
        "the name `i` is defined multiple times",
    ),
    (
        "for (const k in {}) { var k; }",
        26,
        "the name `k` is defined multiple times",
    ),
    (
        "function g() { { class C {} var C; } }",
        32,
        "the name `C` is defined multiple times",
    ),
    (
        "class K { static { let a; { var a; } } }",
        32,
        "the name `a` is defined multiple times",
    ),
    (
        "switch (1) { case 1: let a; break; default: var a; }",
        48,
        "the name `a` is defined multiple times",
    ),
    (
        "export function lambda() {} export { lambda as lambda };",
        47,
        "the name `lambda` is exported multiple times",
    ),
    (
        "export const { p, q: [r] } = {}; export { r };",
        42,
        "the name `r` is exported multiple times",
    ),
    (
        "export * as ns from \"./m.mjs\"; export const ns = 1;",
        44,
        "the name `ns` is exported multiple times",
    ),
];

/// Modules Node loads (`node --check` accepts them), however alike they look to the above.
const NODE_LOADS: &[&str] = &[
    "var a; var a;",
    "export { zz } from \"./m.mjs\";",
    "function g() { var a; var a; }",
    "function g() { function h() {} var h; }",
    "function g() { function h() {} function h() {} }",
    "function g() { { let a; } var a; }",
    "try {} catch (e) { var e; }",
    "function g(a) { var a; }",
    "let a = 1; { let a = 2; }",
    "const a = 1; a.b = 2;",
    "class A { m() { A = 1; } }",
    "let undefined;",
    "var NaN;",
    "const a = 1; function f(a) { a = 2; }",
    "const a = 1; { let a; a = 2; }",
    "x = 1;",
    "function g() { { let a; } { var a; } }",
    "const o = { get x() { var a; { let a; } return 1; } };",
    "export * from \"./m.mjs\"; export * from \"./m.mjs\";",
];

/// Assignments to a `const` or to an import: Node loads the module and throws `TypeError:
/// Assignment to constant variable.` when the assignment runs (even one in a function nobody
/// calls yet is a bug a migration must never make), so the check refuses them.
const ASSIGNMENTS_THAT_THROW: &[(&str, usize, &str)] = &[
    (
        "import { x } from \"./m.mjs\"; x = 2;",
        29,
        "cannot reassign to an imported binding",
    ),
    (
        "import { x } from \"./m.mjs\"; x++;",
        29,
        "cannot reassign to an imported binding",
    ),
    (
        "import * as ns from \"./m.mjs\"; ns = 1;",
        31,
        "cannot reassign to an imported binding",
    ),
    (
        "const a = 1; a = 2;",
        13,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "const a = 1; a += 2;",
        13,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "const a = 1; [a] = [2];",
        14,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "const a = 1; ({ a } = {});",
        16,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "const a = 1; function g() { a = 2; }",
        28,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "for (const i of [1]) { i = 2; }",
        23,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "for (const i = 0; i < 1; i++) {}",
        25,
        "cannot reassign to a variable declared with `const`",
    ),
    (
        "const { a } = {}; a = 1;",
        18,
        "cannot reassign to a variable declared with `const`",
    ),
];

#[test]
fn early_errors_node_reports_are_caught_where_they_are() {
    for &(text, offset, message) in EARLY_ERRORS.iter().chain(ASSIGNMENTS_THAT_THROW) {
        let expected = SyntaxError {
            offset,
            message: message.to_string(),
        };
        assert_eq!(check_module_text(text), Err(expected), "{text}");
    }
}

#[test]
fn modules_node_loads_pass() {
    for text in NODE_LOADS {
        assert_eq!(check_module_text(text), Ok(()), "{text}");
    }
}

#[test]
fn a_parse_error_comes_first() {
    let error = check_module_text("let a; let a;\nwith (a) {}\n").unwrap_err();
    assert_eq!(error.offset, 14);
    assert_eq!(
        error.message,
        "With statement are not allowed in strict mode"
    );
}

/// The resolved program of a pass can be checked without parsing it again, whether swc's
/// program parser called it a module or (having no module syntax) a script.
#[test]
fn an_already_resolved_program_is_checked_in_place() {
    for (text, expected) in [
        ("import { A } from 'm';\nimport { A } from 'm';\n", Some(32)),
        ("// one\nconst a = 1;\nconst a = 2;\n", Some(26)),
        ("var a;\nvar a;\n", None),
        ("function f() {}\nfunction f() {}\n", Some(25)),
    ] {
        let mut parsed = parse_program(text).unwrap();
        let resolution = crate::semantic::resolve(&mut parsed.program);
        GLOBALS.set(&resolution.globals, || {
            let result = strict_module(&parsed, &resolution).map_err(|e| e.offset);
            assert_eq!(result, expected.map_or(Ok(()), Err), "{text}");
        });
    }
}

#[test]
fn a_script_is_checked_as_a_script_only_for_input() {
    // Valid V1 scripts that cannot be modules.
    for text in [
        "function f() {}\nfunction f() {}\n",
        "var f;\nfunction f() {}\n",
    ] {
        assert!(check_module_text(text).is_err(), "{text}");
        assert_eq!(check_script_text(text), Ok(()), "{text}");
    }
    // Not even a script.
    let error = check_script_text("let a;\nlet a;\n").unwrap_err();
    assert_eq!(error.offset, 11);
}
